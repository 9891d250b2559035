package dev.influence4j.http;

import org.jspecify.annotations.Nullable;

/**
 * Influence.io answered 404: the customer, order, product or other resource named in the path does not
 * exist there (or, for the Launcher shop endpoints, the shop key is unknown).
 */
public class InfluenceNotFoundException extends InfluenceApiException {

	private static final long serialVersionUID = 1L;

	public InfluenceNotFoundException(String operation, @Nullable String vendorMessage) {
		super(operation, 404, vendorMessage, "not found", null);
	}

	/**
	 * For subtypes that know what the 404 means and can say what to check.
	 * @param operation the operation that failed
	 * @param vendorMessage the message Influence.io gave, if any
	 * @param summary what was not found and what to check
	 */
	protected InfluenceNotFoundException(String operation, @Nullable String vendorMessage, String summary) {
		super(operation, 404, vendorMessage, summary, null);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
