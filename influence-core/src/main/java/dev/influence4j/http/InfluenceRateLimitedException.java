package dev.influence4j.http;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Influence.io answered 429 Too Many Requests. The request was not processed; it may be sent again after
 * {@link #retryAfter()} when the server said how long to wait.
 */
public class InfluenceRateLimitedException extends InfluenceTransientException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public InfluenceRateLimitedException(String operation, @Nullable String vendorMessage,
			@Nullable Duration retryAfter) {
		super(operation, 429, vendorMessage, Reason.RATE_LIMITED, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long Influence.io asked to wait, from its {@code Retry-After} header.
	 * @return the wait, or empty when the header was absent or unreadable
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
