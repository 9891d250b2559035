package dev.influence4j.platform;

import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Awarding and deducting points. Influence.io offers no idempotency for these calls: each successful call
 * changes the balance, so they are retried only when the request cannot have been processed (connection
 * refused, 429), never after a timeout or a 5xx. De-duplicate business events before calling.
 */
public final class PointsApi {

	private final ApiTransport transport;

	PointsApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Award points to a customer.
	 * @param customerId the shop's customer id
	 * @param award the points or earn rule
	 * @return the customer with the new balance
	 */
	public PlatformCustomer award(String customerId, PointsAward award) {
		return send(PlatformEndpoint.POINTS_AWARD, customerId, Require.present(award, "points award"));
	}

	/**
	 * Deduct points from a customer.
	 * @param customerId the shop's customer id
	 * @param deduction the points to take
	 * @return the customer with the new balance
	 */
	public PlatformCustomer deduct(String customerId, PointsDeduction deduction) {
		return send(PlatformEndpoint.POINTS_DEDUCT, customerId, Require.present(deduction, "points deduction"));
	}

	private PlatformCustomer send(PlatformEndpoint endpoint, String customerId, Object body) {
		Require.text(customerId, "customer id");
		JsonNode answer = this.transport
			.call(ApiRequest.to(endpoint).withPath("customerId", customerId).withBody(body));
		return this.transport.readEnveloped(answer, "customer", PlatformCustomer.class, endpoint.operation());
	}

}
