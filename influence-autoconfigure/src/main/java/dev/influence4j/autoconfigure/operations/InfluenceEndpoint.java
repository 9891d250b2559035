package dev.influence4j.autoconfigure.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillRequest;
import dev.influence4j.backfill.BackfillStart;
import dev.influence4j.backfill.BackfillStatus;
import dev.influence4j.delivery.DeliveryPause;
import dev.influence4j.operations.DeadLetterPage;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.operations.DeliveryReport;
import dev.influence4j.operations.Requeue;

/**
 * The {@code influence} actuator endpoint. Reading is allowed by default; writing is opt-in with
 * {@code management.endpoint.influence.access=unrestricted}.
 * <ul>
 * <li>{@code GET /actuator/influence}: the summary (health status, counts by status, oldest unfinished age, dead
 * letters, pause, node).</li>
 * <li>{@code GET /actuator/influence/dead-letters?page=0&size=20&kind=order.completed}: a page of dead letters,
 * emails and reward codes masked.</li>
 * <li>{@code POST /actuator/influence/dead-letters/{id}}: requeue one (404 unknown id, 409 not a dead letter).</li>
 * <li>{@code POST /actuator/influence/requeue-all} (optional JSON body {@code {"kind": "..."}}): requeue every dead
 * letter, or those of one kind.</li>
 * <li>{@code POST /actuator/influence/retry-now}: bring every entry waiting on backoff forward.</li>
 * <li>{@code GET /actuator/influence/backfill}: the imports' statuses, with progress, rate and time left; {@code POST
 * /actuator/influence/backfill-start} (optional {@code kinds}, {@code ordersSince}, {@code dryRun}),
 * {@code backfill-pause}, {@code backfill-resume}, {@code backfill-cancel}.</li>
 * </ul>
 */
@Endpoint(id = "influence", defaultAccess = Access.READ_ONLY)
public final class InfluenceEndpoint {

	static final String DEAD_LETTERS = "dead-letters";

	static final String REQUEUE_ALL = "requeue-all";

	static final String RETRY_NOW = "retry-now";

	static final String BACKFILL = "backfill";

	private static final int DEFAULT_PAGE_SIZE = 20;

	private final DeliveryOperations operations;

	private final @Nullable Backfill backfill;

	InfluenceEndpoint(DeliveryOperations operations, @Nullable Backfill backfill) {
		this.operations = operations;
		this.backfill = backfill;
	}

	/**
	 * How delivery stands.
	 * @return the summary
	 */
	@ReadOperation
	public Summary summary() {
		DeliveryReport report = this.operations.report();
		Map<String, Long> entries = new LinkedHashMap<>();
		report.outbox().counts().forEach((status, count) -> entries.put(status.name().toLowerCase(Locale.ROOT), count));
		DeliveryPause pause = report.pause();
		return new Summary(report.healthy() ? "UP" : "DOWN", report.problem().orElse(null), report.node(), entries,
				report.deadLetters(), report.outbox().oldestUnfinishedAge().map((age) -> age.toSeconds()).orElse(null),
				(pause != null) ? new Pause(pause.cause().name().toLowerCase(Locale.ROOT), pause.reason()) : null,
				report.maxLag().toString(), report.outbox().at().toString());
	}

	/**
	 * A page of dead letters, or the imports' statuses.
	 * @param section {@code dead-letters} or {@code backfill}
	 * @param page the page of dead letters, from 0 (default 0)
	 * @param size how many dead letters per page (default 20, at most 100)
	 * @param kind only dead letters of this entry kind
	 * @return the page or the statuses, or 400 for a negative page or a size below 1, 404 for another section
	 */
	@ReadOperation
	public WebEndpointResponse<Object> section(@Selector String section, @Nullable Integer page,
			@Nullable Integer size, @Nullable String kind) {
		if (BACKFILL.equals(section)) {
			return withBackfill((imports) -> new WebEndpointResponse<>(imports(imports.status())));
		}
		if (!DEAD_LETTERS.equals(section)) {
			return notFound(section);
		}
		try {
			DeadLetterPage letters = this.operations.deadLetters((page != null) ? page : 0,
					(size != null) ? size : DEFAULT_PAGE_SIZE, kind);
			return new WebEndpointResponse<>(letters);
		}
		catch (IllegalArgumentException ex) {
			return badRequest(ex);
		}
	}

	/**
	 * Requeue one dead letter.
	 * @param section {@code dead-letters}
	 * @param id the entry's id
	 * @return what was done: 200 requeued, 404 no such entry, 409 not a dead letter (with its status)
	 */
	@WriteOperation
	public WebEndpointResponse<Object> requeue(@Selector String section, @Selector long id) {
		if (!DEAD_LETTERS.equals(section)) {
			return notFound(section);
		}
		Requeue requeue = this.operations.requeue(id);
		int status = switch (requeue.result()) {
			case REQUEUED -> WebEndpointResponse.STATUS_OK;
			case NOT_FOUND -> WebEndpointResponse.STATUS_NOT_FOUND;
			case NOT_DEAD -> 409;
		};
		return new WebEndpointResponse<>(new Requeued(requeue.id(), requeue.result().name().toLowerCase(Locale.ROOT),
				(requeue.status() != null) ? requeue.status().name() : null, requeue.message()), status);
	}

	/**
	 * Act on many entries at once, or on the imports.
	 * @param action {@code requeue-all}, {@code retry-now}, {@code backfill-start}, {@code backfill-pause},
	 * {@code backfill-resume} or {@code backfill-cancel}
	 * @param kind for {@code requeue-all}: only dead letters of this kind
	 * @param kinds for {@code backfill-start}: the kinds to import, comma-separated (default: every kind with a
	 * source but orders, which are opt-in)
	 * @param ordersSince for {@code backfill-start}: only orders placed since then (ISO-8601)
	 * @param dryRun for {@code backfill-start}: read, validate and count, send nothing
	 * @return what was changed; 409 when an import is running already, 400 for bad input, 404 for another action
	 */
	@WriteOperation
	public WebEndpointResponse<Object> act(@Selector String action, @Nullable String kind, @Nullable String kinds,
			@Nullable String ordersSince, @Nullable Boolean dryRun) {
		return switch (action) {
			case REQUEUE_ALL -> {
				String ofKind = (kind != null && !kind.isBlank()) ? kind.strip() : null;
				int requeued = this.operations.requeueAll(ofKind);
				yield new WebEndpointResponse<>(new Changed(action, requeued, ofKind,
						requeued + " dead letters requeued" + ((ofKind != null) ? " of kind " + ofKind : "")));
			}
			case RETRY_NOW -> {
				int due = this.operations.bringForward();
				yield new WebEndpointResponse<>(new Changed(action, due, null,
						due + " entries waiting on backoff are due now"));
			}
			case "backfill-start" -> withBackfill((imports) -> startBackfill(imports, kinds, ordersSince, dryRun));
			case "backfill-pause" -> withBackfill((imports) -> changed(action, imports.pause(), "imports paused"));
			case "backfill-resume" -> withBackfill((imports) -> changed(action, imports.resume(), "imports resumed"));
			case "backfill-cancel" -> withBackfill((imports) -> changed(action, imports.cancel(), "imports cancelled"));
			default -> notFound(action);
		};
	}

	private static WebEndpointResponse<Object> startBackfill(Backfill imports, @Nullable String kinds,
			@Nullable String ordersSince, @Nullable Boolean dryRun) {
		try {
			Set<BackfillKind<?>> asked = new LinkedHashSet<>();
			if (kinds == null || kinds.isBlank()) {
				imports.kinds().stream().filter((kind) -> kind != BackfillKind.ORDERS).forEach(asked::add);
			}
			else {
				for (String name : kinds.split(",")) {
					asked.add(BackfillKind.named(name.strip()).orElseThrow(() -> new IllegalArgumentException(
							"unknown backfill kind '" + name.strip() + "'; use customers, products, collections or orders")));
				}
			}
			BackfillRequest request = new BackfillRequest(asked,
					(ordersSince != null && !ordersSince.isBlank()) ? parseInstant(ordersSince) : null,
					Boolean.TRUE.equals(dryRun));
			BackfillStart start = imports.start(request);
			return new WebEndpointResponse<>(new Started(start.started(), start.message(), imports(start.statuses())),
					start.started() ? WebEndpointResponse.STATUS_OK : 409);
		}
		catch (IllegalArgumentException ex) {
			return badRequest(ex);
		}
	}

	private static List<Import> imports(List<BackfillStatus> statuses) {
		Instant now = Instant.now();
		return statuses.stream().map((status) -> Import.of(status, now)).toList();
	}

	private static Instant parseInstant(String text) {
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("ordersSince must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, was '"
					+ text + "'");
		}
	}

	private static WebEndpointResponse<Object> changed(String action, int changed, String what) {
		return new WebEndpointResponse<>(new Changed(action, changed, null, changed + " " + what));
	}

	private WebEndpointResponse<Object> withBackfill(Function<Backfill, WebEndpointResponse<Object>> work) {
		Backfill imports = this.backfill;
		if (imports == null) {
			return new WebEndpointResponse<>(new Problem("no backfill here: define a BackfillSource bean for each kind "
					+ "to import (see the README, Importing an existing shop)"), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return work.apply(imports);
	}

	private static WebEndpointResponse<Object> badRequest(IllegalArgumentException ex) {
		return new WebEndpointResponse<>(new Problem(String.valueOf(ex.getMessage())), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	private static WebEndpointResponse<Object> notFound(String what) {
		return new WebEndpointResponse<>(new Problem("no '" + what + "' here; use " + DEAD_LETTERS + ", " + BACKFILL
				+ ", " + REQUEUE_ALL + ", " + RETRY_NOW + " or backfill-start, -pause, -resume, -cancel"),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * How delivery stands.
	 *
	 * @param status UP or DOWN, as the health indicator says
	 * @param problem why it is DOWN
	 * @param node this node's id
	 * @param entries entries by status
	 * @param deadLetters dead letters waiting for a person
	 * @param oldestUnfinishedAgeSeconds age of the oldest entry not yet delivered
	 * @param paused why this node holds claims back
	 * @param maxDeliveryLag the age beyond which delivery is DOWN
	 * @param readAt when the outbox was read (at most a few seconds ago)
	 */
	public record Summary(String status, @Nullable String problem, String node, Map<String, Long> entries,
			long deadLetters, @Nullable Long oldestUnfinishedAgeSeconds, @Nullable Pause paused, String maxDeliveryLag,
			String readAt) {
	}

	/**
	 * Why delivery is paused.
	 *
	 * @param cause {@code refused} (the key) or {@code failing} (an outage)
	 * @param reason what Influence.io answered
	 */
	public record Pause(String cause, String reason) {
	}

	/**
	 * What a requeue of one entry did.
	 *
	 * @param id the entry's id
	 * @param result {@code requeued}, {@code not_found} or {@code not_dead}
	 * @param status the entry's status now
	 * @param message the result in words
	 */
	public record Requeued(long id, String result, @Nullable String status, String message) {
	}

	/**
	 * What an action on many entries changed.
	 *
	 * @param action the action
	 * @param changed how many entries it changed
	 * @param kind the kind it was limited to
	 * @param message the result in words
	 */
	public record Changed(String action, int changed, @Nullable String kind, String message) {
	}

	/**
	 * One kind's import: its stored status (whose fields are this object's), and what is computed from it now.
	 *
	 * @param status the status: kind, state, read, written, delivered, failed, total, ...
	 * @param progress read of total, from 0 to 1, or {@code null} when the source does not count its rows
	 * @param rate rows read per second of the time it ran (pauses and waits for earlier kinds left out)
	 * @param timeLeftSeconds the estimated time left while it runs, or {@code null}
	 */
	public record Import(@JsonUnwrapped BackfillStatus status, @Nullable Double progress, double rate,
			@Nullable Long timeLeftSeconds) {

		static Import of(BackfillStatus status, Instant now) {
			OptionalDouble progress = status.progress();
			Duration left = status.timeLeft(now);
			return new Import(status, progress.isPresent() ? progress.getAsDouble() : null, status.rate(now),
					(left != null) ? left.toSeconds() : null);
		}

	}

	/**
	 * What a request to start imports did.
	 *
	 * @param started whether it started (false: one of its kinds is running or paused already)
	 * @param message what happened, in words
	 * @param statuses the requested kinds' imports now
	 */
	public record Started(boolean started, String message, List<Import> statuses) {
	}

	/**
	 * Why a request was refused.
	 *
	 * @param error what was wrong
	 */
	public record Problem(String error) {
	}

}
