package dev.influence4j.http;

import org.jspecify.annotations.Nullable;

/**
 * Influence.io answered with success, but the answer could not be read: it was not JSON, was too large,
 * or lacked a field the client needs. The message names what was wrong.
 */
public class InfluenceResponseException extends InfluenceApiException {

	private static final long serialVersionUID = 1L;

	public InfluenceResponseException(String operation, int status, String problem, @Nullable Throwable cause) {
		super(operation, status, null, "unreadable response: " + problem, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
