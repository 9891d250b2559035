package dev.influence4j.http;

import org.jspecify.annotations.Nullable;

/**
 * Influence.io rejected the request itself (400, 409, 422 and other 4xx answers except 401, 403, 404 and
 * 429): the data is invalid for Influence.io. Repeating the same request cannot help.
 */
public class InfluenceClientException extends InfluenceApiException {

	private static final long serialVersionUID = 1L;

	public InfluenceClientException(String operation, int status, @Nullable String vendorMessage) {
		super(operation, status, vendorMessage, "the request was rejected", null);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
