package dev.influence4j.sample.order;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.influence4j.sample.account.ShopUser;
import dev.influence4j.sample.cart.Cart;
import dev.influence4j.sample.cart.CartContents;
import dev.influence4j.sample.cart.CartLine;
import dev.influence4j.sample.cart.CartTotals;

/**
 * The checkout page: the cart's lines, a discount code, how to pay. A refused checkout shows the page again
 * with the reason and keeps the cart.
 */
@Controller
class CheckoutController {

	private final Cart cart;

	private final CartContents contents;

	private final Checkout checkout;

	CheckoutController(Cart cart, CartContents contents, Checkout checkout) {
		this.cart = cart;
		this.contents = contents;
		this.checkout = checkout;
	}

	@ModelAttribute("paymentMethods")
	PaymentMethod[] paymentMethods() {
		return PaymentMethod.values();
	}

	@GetMapping("/checkout")
	String show(Model model) {
		model.addAttribute("form", new CheckoutForm());
		return page(model);
	}

	@PostMapping("/checkout")
	String place(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("form") CheckoutForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors() || form.getPaymentMethod() == null) {
			return page(model);
		}
		Order order;
		try {
			order = this.checkout.place(user.getId(), this.cart.contents(), form.getDiscountCode(),
					form.getPaymentMethod());
		}
		catch (CheckoutRefusedException ex) {
			if (ex.field() != null) {
				errors.rejectValue(ex.field(), "refused", ex.getMessage());
			}
			else {
				errors.reject("refused", ex.getMessage());
			}
			return page(model);
		}
		this.cart.clear();
		redirect.addFlashAttribute("notice", "Thank you! Your order " + order.id() + " was placed.");
		return "redirect:/orders/" + order.id();
	}

	private String page(Model model) {
		List<CartLine> lines = this.contents.lines(this.cart);
		model.addAttribute("lines", lines);
		model.addAttribute("totals", CartTotals.of(CartContents.subtotal(lines), null));
		return "order/checkout";
	}

}
