package dev.influence4j.sample.order;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's order list, where orders are marked paid, refunded or cancelled ({@code ROLE_ADMIN} only).
 */
@Controller
class OrderAdminController {

	private final OrderRepository orders;

	private final Orders statuses;

	OrderAdminController(OrderRepository orders, Orders statuses) {
		this.orders = orders;
		this.statuses = statuses;
	}

	@GetMapping("/admin/orders")
	String list(Model model) {
		model.addAttribute("orders", this.orders.findAll());
		return "admin/orders";
	}

	@PostMapping("/admin/orders/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam OrderStatus status, RedirectAttributes redirect) {
		try {
			Order order = this.statuses.changeStatus(id, status);
			redirect.addFlashAttribute("notice",
					"Order " + order.id() + " is now " + order.status().name().toLowerCase(Locale.ROOT) + ".");
		}
		catch (StatusChangeRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/orders";
	}

}
