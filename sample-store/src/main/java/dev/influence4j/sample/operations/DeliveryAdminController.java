package dev.influence4j.sample.operations;

import java.util.EnumMap;
import java.util.OptionalInt;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.influence4j.operations.DeadLetter;
import dev.influence4j.operations.DeadLetterPage;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.operations.DeliveryReport;
import dev.influence4j.operations.Requeue;
import dev.influence4j.sample.web.AdminText;

/**
 * The admin's operator page for delivery to Influence.io ({@code ROLE_ADMIN} only, see the security
 * configuration): the outbox's counts by status, the lag, health, this node's pause and the dead letters, each
 * of which can be requeued once its cause is fixed. Everything comes from influence4j's
 * {@link DeliveryOperations}; the store only shows it.
 */
@Controller
class DeliveryAdminController {

	/** Dead letters per page. */
	private static final int PAGE_SIZE = 20;

	private final DeliveryOperations operations;

	DeliveryAdminController(DeliveryOperations operations) {
		this.operations = operations;
	}

	@GetMapping("/admin/influence")
	String show(@RequestParam(defaultValue = "0") String page, Model model) {
		OptionalInt number = pageNumber(page);
		if (number.isEmpty()) {
			// The text asked for is not repeated: it is whatever was in the address bar.
			model.addAttribute("problem", "There is no such page of dead letters: here is the first.");
		}
		DeliveryReport report = this.operations.report();
		model.addAttribute("report", report);
		model.addAttribute("counts", new EnumMap<>(report.outbox().counts()));
		model.addAttribute("lag", report.outbox().oldestUnfinishedAge().map(AdminText::duration).orElse(null));
		model.addAttribute("maxLag", AdminText.duration(report.maxLag()));
		model.addAttribute("healthProblem", report.problem().orElse(null));
		model.addAttribute("readAt", AdminText.time(report.outbox().at()));
		DeadLetterPage deadLetters = this.operations.deadLetters(number.orElse(0), PAGE_SIZE, null);
		model.addAttribute("deadLetters", deadLetters);
		model.addAttribute("rows", deadLetters.items().stream().map(Row::of).toList());
		return "admin/influence";
	}

	@PostMapping("/admin/influence/dead-letters/{id}/requeue")
	String requeue(@PathVariable long id, RedirectAttributes redirect) {
		Requeue requeue = this.operations.requeue(id);
		redirect.addFlashAttribute((requeue.result() == Requeue.Result.REQUEUED) ? "notice" : "problem",
				requeue.message());
		return "redirect:/admin/influence";
	}

	@PostMapping("/admin/influence/dead-letters/requeue")
	String requeueAll(RedirectAttributes redirect) {
		int requeued = this.operations.requeueAll(null);
		redirect.addFlashAttribute("notice", (requeued == 0) ? "There were no dead letters to requeue."
				: count(requeued, "dead letter", "dead letters") + " requeued: due now.");
		return "redirect:/admin/influence";
	}

	@PostMapping("/admin/influence/retry-now")
	String retryNow(RedirectAttributes redirect) {
		int due = this.operations.bringForward();
		redirect.addFlashAttribute("notice", (due == 0) ? "Nothing was waiting to be retried."
				: count(due, "entry", "entries") + " waiting to be retried " + ((due == 1) ? "is" : "are") + " due now.");
		return "redirect:/admin/influence";
	}

	/**
	 * The page asked for, from 0; empty when it is not a whole number from 0 to {@link Integer#MAX_VALUE}.
	 */
	private static OptionalInt pageNumber(String asked) {
		try {
			long page = Long.parseLong(asked.strip());
			return (page >= 0 && page <= Integer.MAX_VALUE) ? OptionalInt.of((int) page) : OptionalInt.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	private static String count(int count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	/**
	 * A dead letter with its times as the page shows them.
	 *
	 * @param letter the dead letter, personal data masked
	 * @param createdAt when it was written
	 * @param updatedAt when it became a dead letter
	 */
	record Row(DeadLetter letter, String createdAt, String updatedAt) {

		static Row of(DeadLetter letter) {
			return new Row(letter, AdminText.time(letter.createdAt()), AdminText.time(letter.updatedAt()));
		}

	}

}
