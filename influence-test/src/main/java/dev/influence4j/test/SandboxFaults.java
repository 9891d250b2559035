package dev.influence4j.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Makes the sandbox misbehave on purpose: answer errors, answer late, or drop connections. Faults apply to
 * every request (Platform and Launcher) unless narrowed with {@link #on(String, String)},
 * {@link #onMethod(String)} or {@link #onPath(String)}; they are checked before anything else, the API key
 * included. Counted faults ({@code failNext}, {@code delayNext}, {@code dropNext}) are used up in the order
 * they were added; a {@link #failRatio(double, int) ratio} stays until {@link #clear()}.
 * <pre>{@code
 * sandbox.faults().on("POST", "/v1/orders").delayNext(1, Duration.ofSeconds(1));
 * sandbox.faults().failNext(2, 503);
 * }</pre>
 * Thread-safe. Every view shares the same faults, so {@code clear()} on any of them clears all.
 */
public final class SandboxFaults {

	private final Rules rules;

	private final @Nullable String method;

	private final @Nullable String pathPrefix;

	SandboxFaults(long seed) {
		this(new Rules(seed), null, null);
	}

	private SandboxFaults(Rules rules, @Nullable String method, @Nullable String pathPrefix) {
		this.rules = rules;
		this.method = method;
		this.pathPrefix = pathPrefix;
	}

	/**
	 * A view whose faults apply only to requests with a method and a path starting with a prefix.
	 * @param method the HTTP method, in any case
	 * @param pathPrefix the path prefix, for example {@code /v1/orders} or {@code /launcher/v1/customer}
	 * @return the narrowed view
	 */
	public SandboxFaults on(String method, String pathPrefix) {
		return new SandboxFaults(this.rules, normalizeMethod(method), normalizePrefix(pathPrefix));
	}

	/**
	 * A view whose faults apply only to requests with a method.
	 * @param method the HTTP method, in any case
	 * @return the narrowed view
	 */
	public SandboxFaults onMethod(String method) {
		return new SandboxFaults(this.rules, normalizeMethod(method), this.pathPrefix);
	}

	/**
	 * A view whose faults apply only to requests whose path starts with a prefix.
	 * @param pathPrefix the path prefix
	 * @return the narrowed view
	 */
	public SandboxFaults onPath(String pathPrefix) {
		return new SandboxFaults(this.rules, this.method, normalizePrefix(pathPrefix));
	}

	/**
	 * Answer the next requests with an error status and a JSON error body, without processing them.
	 * @param count how many requests
	 * @param status the status, 400 to 599
	 * @return this view
	 */
	public SandboxFaults failNext(int count, int status) {
		return add(new Rule(Kind.FAIL, positive(count), errorStatus(status), Duration.ZERO, 0, null));
	}

	/**
	 * Process the next requests, then hold the answer back for a while: a client with a shorter read timeout
	 * sees a timeout although the request took effect.
	 * @param count how many requests
	 * @param delay how long to wait before answering
	 * @return this view
	 */
	public SandboxFaults delayNext(int count, Duration delay) {
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative() || delay.isZero()) {
			throw new IllegalArgumentException("delay must be positive but was " + delay);
		}
		return add(new Rule(Kind.DELAY, positive(count), 0, delay, 0, null));
	}

	/**
	 * Process the next requests, then close their connections without an answer (the client cannot know
	 * whether they worked).
	 * @param count how many requests
	 * @return this view
	 */
	public SandboxFaults dropNext(int count) {
		return dropNext(count, DropTiming.AFTER_PROCESSING);
	}

	/**
	 * Close the connections of the next requests without an answer, before or after processing them.
	 * @param count how many requests
	 * @param timing whether the requests take effect first
	 * @return this view
	 */
	public SandboxFaults dropNext(int count, DropTiming timing) {
		Objects.requireNonNull(timing, "timing");
		Kind kind = (timing == DropTiming.BEFORE_PROCESSING) ? Kind.DROP_BEFORE : Kind.DROP_AFTER;
		return add(new Rule(kind, positive(count), 0, Duration.ZERO, 0, null));
	}

	/**
	 * Answer a share of requests with an error status, without processing them, until {@link #clear()}.
	 * The choice is random but reproducible: it uses the sandbox's fault seed.
	 * @param ratio the share, 0 to 1
	 * @param status the status, 400 to 599
	 * @return this view
	 */
	public SandboxFaults failRatio(double ratio, int status) {
		return failRatio(ratio, status, this.rules.seed);
	}

	/**
	 * Answer a share of requests with an error status, without processing them, until {@link #clear()}.
	 * @param ratio the share, 0 to 1
	 * @param status the status, 400 to 599
	 * @param seed the seed of the random choice, for reproducible runs
	 * @return this view
	 */
	public SandboxFaults failRatio(double ratio, int status, long seed) {
		if (!(ratio >= 0.0 && ratio <= 1.0)) {
			throw new IllegalArgumentException("ratio must be between 0 and 1 but was " + ratio);
		}
		return add(new Rule(Kind.FAIL_RATIO, -1, errorStatus(status), Duration.ZERO, ratio, new Random(seed)));
	}

	/**
	 * Remove every fault, counted or not, from every view.
	 */
	public void clear() {
		synchronized (this.rules) {
			this.rules.list.clear();
		}
	}

	/**
	 * The fault to inject into a request, using up one count of it.
	 * @param requestMethod the request's method
	 * @param path the request's path
	 * @return the fault, or {@code null} for none
	 */
	@Nullable InjectedFault next(String requestMethod, String path) {
		synchronized (this.rules) {
			Rule ratio = null;
			for (Iterator<Rule> it = this.rules.list.iterator(); it.hasNext();) {
				Rule rule = it.next();
				if (!rule.matches(requestMethod, path)) {
					continue;
				}
				if (rule.kind == Kind.FAIL_RATIO) {
					if (ratio == null) {
						ratio = rule;
					}
					continue;
				}
				rule.remaining--;
				if (rule.remaining <= 0) {
					it.remove();
				}
				return rule.fault();
			}
			// Drawn only when no counted fault applies, so a ratio's sequence does not depend on them.
			if (ratio != null && ratio.random != null && ratio.random.nextDouble() < ratio.ratio) {
				return ratio.fault();
			}
			return null;
		}
	}

	private SandboxFaults add(Rule rule) {
		rule.method = this.method;
		rule.pathPrefix = this.pathPrefix;
		synchronized (this.rules) {
			this.rules.list.add(rule);
		}
		return this;
	}

	private static int positive(int count) {
		if (count <= 0) {
			throw new IllegalArgumentException("count must be positive but was " + count);
		}
		return count;
	}

	private static int errorStatus(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be between 400 and 599 but was " + status);
		}
		return status;
	}

	private static String normalizeMethod(String method) {
		Objects.requireNonNull(method, "method");
		return method.toUpperCase(Locale.ROOT);
	}

	private static String normalizePrefix(String pathPrefix) {
		Objects.requireNonNull(pathPrefix, "path prefix");
		if (!pathPrefix.startsWith("/")) {
			throw new IllegalArgumentException("path prefix must start with '/' but was " + pathPrefix);
		}
		return pathPrefix;
	}

	@Override
	public String toString() {
		synchronized (this.rules) {
			return "SandboxFaults" + this.rules.list;
		}
	}

	/** What kind of misbehaviour a fault is. */
	enum Kind {

		FAIL("fail"), FAIL_RATIO("fail-ratio"), DELAY("delay"), DROP_BEFORE("drop-before"), DROP_AFTER("drop-after");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/**
	 * One fault to inject into one request.
	 *
	 * @param kind the kind
	 * @param status the status to answer, for failures
	 * @param delay the delay, for delays
	 */
	record InjectedFault(Kind kind, int status, Duration delay) {

	}

	private static final class Rules {

		private final long seed;

		private final List<Rule> list = new ArrayList<>();

		Rules(long seed) {
			this.seed = seed;
		}

	}

	private static final class Rule {

		private final Kind kind;

		private int remaining;

		private final int status;

		private final Duration delay;

		private final double ratio;

		private final @Nullable Random random;

		private @Nullable String method;

		private @Nullable String pathPrefix;

		Rule(Kind kind, int remaining, int status, Duration delay, double ratio, @Nullable Random random) {
			this.kind = kind;
			this.remaining = remaining;
			this.status = status;
			this.delay = delay;
			this.ratio = ratio;
			this.random = random;
		}

		boolean matches(String requestMethod, String path) {
			return (this.method == null || this.method.equalsIgnoreCase(requestMethod))
					&& (this.pathPrefix == null || path.startsWith(this.pathPrefix));
		}

		InjectedFault fault() {
			return new InjectedFault(this.kind, this.status, this.delay);
		}

		@Override
		public String toString() {
			return this.kind.label() + ((this.remaining > 0) ? " x" + this.remaining : " ratio " + this.ratio)
					+ ((this.method != null) ? " " + this.method : "") + ((this.pathPrefix != null) ? " " + this.pathPrefix : "");
		}

	}

}
