package dev.influence4j.http;

import org.jspecify.annotations.Nullable;

/**
 * Influence.io refused the credentials (401 or 403): the API key is wrong, revoked, or the plan does not
 * include API access. Repeating the request cannot help until the configuration is fixed.
 */
public class InfluenceAuthenticationException extends InfluenceApiException {

	private static final long serialVersionUID = 1L;

	public InfluenceAuthenticationException(String operation, int status, @Nullable String vendorMessage,
			String whatToCheck) {
		super(operation, status, vendorMessage, whatToCheck, null);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
