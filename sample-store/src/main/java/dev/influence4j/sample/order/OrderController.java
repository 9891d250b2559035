package dev.influence4j.sample.order;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import dev.influence4j.sample.account.ShopUser;

/**
 * The customer's order history and order pages. A customer sees only their own orders.
 */
@Controller
class OrderController {

	private final OrderRepository orders;

	OrderController(OrderRepository orders) {
		this.orders = orders;
	}

	@GetMapping("/orders")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("orders", this.orders.findByAccount(user.getId()));
		return "order/list";
	}

	@GetMapping("/orders/{id}")
	String show(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		// Someone else's order answers as if it did not exist, so that order numbers reveal nothing.
		Order order = this.orders.findById(id)
			.filter((found) -> found.accountId() == user.getId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order."));
		model.addAttribute("order", order);
		return "order/detail";
	}

}
