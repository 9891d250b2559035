package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

import dev.influence4j.http.InfluenceAuthenticationException;

/**
 * The Launcher API refused a customer call with {@code 401 DigestMismatch}. Influence.io gives this one
 * answer, on purpose, for three different causes: the shop key is unknown, the customer is unknown, or the
 * digest is wrong. The message lists what to check; it never contains the API key, the digest or the
 * customer's email.
 */
public class DigestMismatchException extends InfluenceAuthenticationException {

	private static final long serialVersionUID = 1L;

	static final String WHAT_TO_CHECK = "Influence.io did not accept the customer (it does not say whether the shop, "
			+ "the customer or the digest was wrong). Check that influence.api-key is this shop's Platform API key "
			+ "(the digest's secret); that influence.shop-key is the shop key Influence.io shows for this shop "
			+ "(GET /v1/shop); that the email is the one Influence.io holds for the customer (it is lowercased "
			+ "before hashing); and that the customer id is the shop's own external id as sent to "
			+ "PUT /v1/customers/{id}, not Influence.io's UUID, and that the customer was upserted there first";

	/**
	 * Create the exception.
	 * @param operation the Launcher operation that was refused
	 * @param vendorMessage the error code Influence.io gave, normally {@code DigestMismatch}
	 */
	public DigestMismatchException(String operation, @Nullable String vendorMessage) {
		super(operation, 401, vendorMessage, WHAT_TO_CHECK);
	}

}
