package dev.influence4j.sample.cart;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductRepository;

/**
 * The cart page and the forms that change the cart. A wrong quantity shows the page again with a message
 * and leaves the cart as it was.
 */
@Controller
class CartController {

	private final Cart cart;

	private final CartContents contents;

	private final ProductRepository products;

	CartController(Cart cart, CartContents contents, ProductRepository products) {
		this.cart = cart;
		this.contents = contents;
		this.products = products;
	}

	@GetMapping("/cart")
	String show(Model model) {
		return page(model);
	}

	@PostMapping("/cart/add")
	String add(@Valid QuantityForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Product product = this.products.findById(productId(form))
			.filter(Product::active)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such product."));
		if (errors.hasErrors() || form.quantity() == null) {
			model.addAttribute("product", product);
			model.addAttribute("quantity", 1);
			model.addAttribute("quantityError", QuantityForm.QUANTITY_MESSAGE);
			return "catalogue/product";
		}
		try {
			this.cart.add(product.id(), form.quantity());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("product", product);
			model.addAttribute("quantity", 1);
			model.addAttribute("quantityError", "Your cart holds at most " + Cart.MAX_QUANTITY + " of a product.");
			return "catalogue/product";
		}
		redirect.addFlashAttribute("notice", product.title() + " was added to your cart.");
		return "redirect:/cart";
	}

	@PostMapping("/cart/update")
	String update(@Valid QuantityForm form, BindingResult errors, Model model) {
		if (errors.hasErrors() || form.quantity() == null) {
			model.addAttribute("cartError", QuantityForm.QUANTITY_MESSAGE);
			return page(model);
		}
		this.cart.set(productId(form), form.quantity());
		return "redirect:/cart";
	}

	@PostMapping("/cart/remove")
	String remove(@RequestParam long productId) {
		this.cart.remove(productId);
		return "redirect:/cart";
	}

	private static long productId(QuantityForm form) {
		if (form.productId() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No product given.");
		}
		return form.productId();
	}

	private String page(Model model) {
		List<CartLine> lines = this.contents.lines(this.cart);
		model.addAttribute("lines", lines);
		model.addAttribute("totals", CartTotals.of(CartContents.subtotal(lines), null));
		return "cart/cart";
	}

}
