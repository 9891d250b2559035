package dev.influence4j.sample.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillRequest;
import dev.influence4j.backfill.BackfillStart;
import dev.influence4j.backfill.BackfillState;
import dev.influence4j.backfill.BackfillStatus;
import dev.influence4j.sample.web.AdminText;

/**
 * The admin's import page ({@code ROLE_ADMIN} only, see the security configuration): starts influence4j's
 * {@link Backfill} of the store's existing customers, products and orders, shows each kind's progress, and
 * pauses, resumes or cancels it. The import runs in the background, on one node at a time; the page only shows
 * its stored status, so any node shows the same.
 */
@Controller
class ImportAdminController {

	private static final String PAGE = "/admin/influence/import";

	private final Backfill backfill;

	private final Clock clock = Clock.systemUTC();

	ImportAdminController(Backfill backfill) {
		this.backfill = backfill;
	}

	@GetMapping(PAGE)
	String show(Model model) {
		Instant now = this.clock.instant();
		model.addAttribute("kinds", this.backfill.kinds().stream().map(BackfillKind::name).toList());
		model.addAttribute("rows", this.backfill.status().stream().map((status) -> Row.of(status, now)).toList());
		model.addAttribute("readAt", AdminText.time(now));
		return "admin/import";
	}

	@PostMapping(PAGE)
	String start(@RequestParam(name = "kind", required = false) @Nullable List<String> kindNames,
			@RequestParam(defaultValue = "") String ordersSince, @RequestParam(defaultValue = "false") boolean dryRun,
			RedirectAttributes redirect) {
		List<BackfillKind<?>> kinds = new ArrayList<>();
		for (String name : (kindNames != null) ? kindNames : List.<String>of()) {
			Optional<BackfillKind<?>> kind = BackfillKind.named(name).filter(this.backfill.kinds()::contains);
			if (kind.isEmpty()) {
				return problem(redirect, "The store cannot import \"" + name + "\"; nothing was started.");
			}
			kinds.add(kind.get());
		}
		if (kinds.isEmpty()) {
			return problem(redirect, "Choose at least one kind to import; nothing was started.");
		}
		BackfillRequest request = BackfillRequest.of(kinds.toArray(BackfillKind<?>[]::new));
		if (!ordersSince.isBlank()) {
			Instant since = startOfDay(ordersSince);
			if (since == null) {
				return problem(redirect, "\"Orders since\" must be a date such as 2025-06-01; nothing was started.");
			}
			request = request.ordersSince(since);
		}
		BackfillStart start = this.backfill.start(dryRun ? request.asDryRun() : request);
		redirect.addFlashAttribute(start.started() ? "notice" : "problem", "Import " + start.message() + ".");
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/pause")
	String pause(RedirectAttributes redirect) {
		return moved(redirect, this.backfill.pause(), "paused", "Nothing was running to pause.");
	}

	@PostMapping(PAGE + "/resume")
	String resume(RedirectAttributes redirect) {
		return moved(redirect, this.backfill.resume(), "resumed", "Nothing was paused to resume.");
	}

	@PostMapping(PAGE + "/cancel")
	String cancel(RedirectAttributes redirect) {
		return moved(redirect, this.backfill.cancel(), "cancelled (what was written is still delivered)",
				"Nothing was running or paused to cancel.");
	}

	private static String moved(RedirectAttributes redirect, int count, String done, String nothing) {
		redirect.addFlashAttribute((count > 0) ? "notice" : "problem",
				(count > 0) ? count + ((count == 1) ? " import " : " imports ") + done + "." : nothing);
		return "redirect:" + PAGE;
	}

	private static String problem(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("problem", message);
		return "redirect:" + PAGE;
	}

	/** The start of the day in UTC, or {@code null} when the text is not an ISO date. */
	private static @Nullable Instant startOfDay(String date) {
		try {
			return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * One kind's import as the page shows it.
	 *
	 * @param status the stored status
	 * @param state its state, lowercased
	 * @param percent read of total in whole percent, or {@code null} when the total is unknown
	 * @param rate rows read per second, for example {@code 120.5 rows/s}
	 * @param timeLeft the estimated time left, or {@code null} when unknown or not running
	 * @param failures the failed rows' ids and reasons, one a line
	 * @param startedAt when it started
	 * @param finishedAt when it ended, or {@code null}
	 */
	record Row(BackfillStatus status, String state, @Nullable Integer percent, String rate, @Nullable String timeLeft,
			List<String> failures, String startedAt, @Nullable String finishedAt) {

		static Row of(BackfillStatus status, Instant now) {
			Integer percent = status.progress().isPresent() ? (int) Math.floor(status.progress().getAsDouble() * 100)
					: null;
			Duration left = status.timeLeft(now);
			String failedItems = status.failedItems();
			return new Row(status, status.state().name().toLowerCase(Locale.ROOT), percent,
					String.format(Locale.ROOT, "%.1f rows/s", status.rate(now)), (left != null) ? AdminText.duration(left) : null,
					(failedItems != null && !failedItems.isEmpty()) ? List.of(failedItems.split("\n")) : List.of(),
					AdminText.time(status.startedAt()),
					(status.finishedAt() != null) ? AdminText.time(status.finishedAt()) : null);
		}

		/**
		 * Whether it can be paused, resumed or cancelled.
		 * @return whether it is running or paused
		 */
		public boolean active() {
			return this.status.state() == BackfillState.RUNNING || this.status.state() == BackfillState.PAUSED;
		}

	}

}
