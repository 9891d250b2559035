package dev.influence4j.sample.catalogue;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's product list and editor ({@code ROLE_ADMIN} only, see the security configuration).
 */
@Controller
class ProductAdminController {

	private final ProductRepository products;

	private final Catalogue catalogue;

	ProductAdminController(ProductRepository products, Catalogue catalogue) {
		this.products = products;
		this.catalogue = catalogue;
	}

	@GetMapping("/admin/products")
	String list(Model model) {
		model.addAttribute("products", this.products.findAll());
		return "admin/products";
	}

	@GetMapping("/admin/products/new")
	String create(Model model) {
		model.addAttribute("form", new ProductForm());
		return form(model, null);
	}

	@PostMapping("/admin/products/new")
	String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, null);
		}
		Product product = this.catalogue.create(form);
		redirect.addFlashAttribute("notice", "Product \"" + product.title() + "\" was created.");
		return "redirect:/admin/products";
	}

	@GetMapping("/admin/products/{id}")
	String edit(@PathVariable long id, Model model) {
		Product product = this.products.findById(id).orElseThrow(ProductAdminController::notFound);
		model.addAttribute("form", ProductForm.of(product));
		return form(model, id);
	}

	@PostMapping("/admin/products/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ProductForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, id);
		}
		Product product = this.catalogue.update(id, form).orElseThrow(ProductAdminController::notFound);
		redirect.addFlashAttribute("notice", "Product \"" + product.title() + "\" was saved.");
		return "redirect:/admin/products";
	}

	@PostMapping("/admin/products/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.catalogue.delete(id)) {
			throw notFound();
		}
		redirect.addFlashAttribute("notice", "Product " + id + " was deleted.");
		return "redirect:/admin/products";
	}

	private static String form(Model model, @Nullable Long productId) {
		model.addAttribute("productId", productId);
		// The page title is made here: Thymeleaf refuses expressions in fragment parameters that look like
		// object creation, and "New product" does.
		model.addAttribute("pageTitle", (productId != null) ? "Edit product " + productId : "Add a product");
		return "admin/product-form";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such product.");
	}

}
