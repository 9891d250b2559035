package dev.influence4j.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Memberships: merchant-defined customer groups (for example wholesale) with their own earn and redeem
 * rules.
 */
public final class MembershipApi {

	private final ApiTransport transport;

	MembershipApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Put a customer into a membership.
	 * @param customerId the shop's customer id
	 * @param membershipId the membership's id, or {@code null} for the shop's default membership
	 * @return the customer as Influence.io now holds it
	 */
	public PlatformCustomer enroll(String customerId, @Nullable String membershipId) {
		Require.text(customerId, "customer id");
		ApiRequest request = ApiRequest.to(PlatformEndpoint.MEMBERSHIP_ENROLL).withPath("customerId", customerId);
		request = request.withBody((membershipId != null)
				? Map.of("membershipId", Require.text(membershipId, "membership id")) : Map.of());
		return this.transport.readEnveloped(this.transport.call(request), "customer", PlatformCustomer.class,
				PlatformEndpoint.MEMBERSHIP_ENROLL.operation());
	}

	/**
	 * Take a customer out of their membership.
	 * @param customerId the shop's customer id
	 * @return the customer as Influence.io now holds it
	 */
	public PlatformCustomer remove(String customerId) {
		Require.text(customerId, "customer id");
		JsonNode body = this.transport
			.call(ApiRequest.to(PlatformEndpoint.MEMBERSHIP_REMOVE).withPath("customerId", customerId));
		return this.transport.readEnveloped(body, "customer", PlatformCustomer.class,
				PlatformEndpoint.MEMBERSHIP_REMOVE.operation());
	}


}
