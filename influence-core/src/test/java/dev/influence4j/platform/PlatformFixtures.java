package dev.influence4j.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.influence4j.http.RetrySettings;

/**
 * Clients and payloads the Platform tests share.
 */
final class PlatformFixtures {

	static final String API_KEY = "sk_test_0123456789abcdef";

	static final String CUSTOMER_JSON = """
			{ "id": "07d32094-bd8c-4c2f-9a51-2b7d0e0f1a11", "externalId": "42", "email": "jane@example.com",
			  "firstName": "Jane", "lastName": "Doe", "name": "Jane Doe", "customerType": "Member",
			  "pointBalance": 120, "referralLink": "ubRcwR2jW", "referralsCompleted": 2,
			  "currentLoyaltyTierId": "tier-silver", "currentLoyaltyTierProgress": 201.5,
			  "birthdayMonth": 4, "birthdayDay": 12, "createdAt": "2026-01-02T03:04:05.000Z",
			  "updatedAt": "2026-03-04T05:06:07Z", "lastSeenAt": "2026-03-04T05:06:07Z",
			  "likeFacebook": false, "__typename": "Customer", "shop": { "id": "s1", "shopUrl": "x" } }
			""";

	private PlatformFixtures() {
	}

	static PlatformClient.Builder builder(WireMockExtension server) {
		return PlatformClient.builder()
			.apiKey(API_KEY)
			.baseUrl(server.baseUrl())
			.readTimeout(Duration.ofSeconds(2))
			.retry(RetrySettings.defaults().withInitialBackoff(Duration.ofMillis(10)).withMaxBackoff(Duration.ofMillis(50)));
	}

	static PlatformClient client(WireMockExtension server) {
		return builder(server).build();
	}

	static InfluenceOrder order(FinancialStatus status) {
		return orderBuilder(status).build();
	}

	static InfluenceOrder.Builder orderBuilder(FinancialStatus status) {
		return InfluenceOrder.builder("1001")
			.customerId("42")
			.email("jane@example.com")
			.financialStatus(status)
			.totalPrice("49.90")
			.currency("eur")
			.createdAt(Instant.parse("2026-11-20T10:15:30Z"))
			.lineItem(new InfluenceOrderLine("p-1", "p-1-blue", "Blue mug", 2, new BigDecimal("19.95")))
			.lineItem(InfluenceOrderLine.of("p-2", "Shipping sticker", 1, "10.00"))
			.discountCode(new InfluenceDiscountCode("INF-ABC123", new BigDecimal("5.00"), "fixed_amount"));
	}

	static final String ORDER_JSON = """
			{ "orderId": "1001", "customerId": "42", "financialStatus": "%s", "email": "jane@example.com",
			  "totalPrice": "49.90", "currency": "EUR", "createdAt": "2026-11-20T10:15:30Z",
			  "lineItems": [
			    { "productId": "p-1", "variantId": "p-1-blue", "title": "Blue mug", "quantity": 2, "price": "19.95" },
			    { "productId": "p-2", "title": "Shipping sticker", "quantity": 1, "price": "10.00" } ],
			  "discountCodes": [ { "code": "INF-ABC123", "amount": "5.00", "type": "fixed_amount" } ] }
			""";

	static String orderJson(FinancialStatus status) {
		return ORDER_JSON.formatted(status.wireName());
	}

}
