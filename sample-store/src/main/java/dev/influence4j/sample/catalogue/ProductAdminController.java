package dev.influence4j.sample.catalogue;

import jakarta.validation.Valid;
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
		model.addAttribute("productId", null);
		return "admin/product-form";
	}

	@PostMapping("/admin/products/new")
	String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("productId", null);
			return "admin/product-form";
		}
		Product product = this.catalogue.create(form);
		redirect.addFlashAttribute("notice", "Product \"" + product.title() + "\" was created.");
		return "redirect:/admin/products";
	}

	@GetMapping("/admin/products/{id}")
	String edit(@PathVariable long id, Model model) {
		Product product = this.products.findById(id).orElseThrow(ProductAdminController::notFound);
		model.addAttribute("form", ProductForm.of(product));
		model.addAttribute("productId", id);
		return "admin/product-form";
	}

	@PostMapping("/admin/products/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ProductForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("productId", id);
			return "admin/product-form";
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

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such product.");
	}

}
