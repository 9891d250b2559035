package dev.influence4j.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.webhook.WebhookTopic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per Platform endpoint: method, path, headers and JSON body on the wire, and the answer read
 * back into the typed model.
 */
class PlatformClientEndpointTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PlatformClient client = PlatformFixtures.client(server);

	@Test
	void getsACustomerByTheShopsIdAndReadsEveryField() {
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":" + PlatformFixtures.CUSTOMER_JSON + "}")));

		PlatformCustomer customer = this.client.customers().get("42").orElseThrow();

		assertThat(customer.id()).isEqualTo("07d32094-bd8c-4c2f-9a51-2b7d0e0f1a11");
		assertThat(customer.externalId()).isEqualTo("42");
		assertThat(customer.email()).isEqualTo("jane@example.com");
		assertThat(customer.pointBalance()).isEqualTo(120);
		assertThat(customer.referralsCompleted()).isEqualTo(2);
		assertThat(customer.currentLoyaltyTierProgress()).isEqualByComparingTo("201.5");
		assertThat(customer.birthdayMonth()).isEqualTo(4);
		assertThat(customer.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		server.verify(authenticated(getRequestedFor(urlPathEqualTo("/v1/customers/42")))
			.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void getReturnsEmptyForAnUnknownCustomer() {
		server.stubFor(get("/v1/customers/7").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Customer not found\"}")));

		assertThat(this.client.customers().get("7")).isEmpty();
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers/7")));
	}

	@Test
	void encodesCustomerIdsThatAreNotUrlSafe() {
		server.stubFor(get(urlPathEqualTo("/v1/customers/a%2Fb%20c")).willReturn(okJson("{\"customer\":{\"externalId\":\"a/b c\"}}")));

		assertThat(this.client.customers().get("a/b c")).hasValueSatisfying((c) -> assertThat(c.externalId()).isEqualTo("a/b c"));
	}

	@Test
	void upsertsACustomerWithPut() {
		server.stubFor(put("/v1/customers/42").willReturn(okJson("{\"customer\":" + PlatformFixtures.CUSTOMER_JSON + "}")));

		PlatformCustomer customer = this.client.customers()
			.upsert(InfluenceCustomer.of("42", "jane@example.com").withName("Jane", "Doe").withBirthday(4, 12));

		assertThat(customer.pointBalance()).isEqualTo(120);
		server.verify(json(putRequestedFor(urlPathEqualTo("/v1/customers/42"))).withRequestBody(equalToJson("""
				{ "email": "jane@example.com", "firstName": "Jane", "lastName": "Doe", "name": "Jane Doe",
				  "birthdayMonth": 4, "birthdayDay": 12 }
				""")));
	}

	@Test
	void everyRequestCarryingAnEmailSendsTheLowercasedEmailTheDigestIsComputedOver() {
		server.stubFor(put("/v1/customers/42").willReturn(okJson("{\"customer\":{}}")));
		server.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(okJson("{}")));
		server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"customers\":[]}")));
		String typed = "Jane.Doe@Example.COM";
		String lowercased = new CustomerIdentity("42", typed).normalizedEmail();
		InfluenceOrder order = PlatformFixtures.orderBuilder(FinancialStatus.PAID).email(typed).build();

		this.client.customers().upsert(InfluenceCustomer.of("42", typed));
		this.client.orders().create(order);
		this.client.orders().update(order.withFinancialStatus(FinancialStatus.REFUNDED));
		this.client.customers().page(CustomerQuery.all().withEmail(typed), null);

		assertThat(lowercased).isEqualTo("jane.doe@example.com");
		server.verify(1, putRequestedFor(urlPathEqualTo("/v1/customers/42"))
			.withRequestBody(matchingJsonPath("$.email", equalTo(lowercased))));
		server.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders"))
			.withRequestBody(matchingJsonPath("$.email", equalTo(lowercased))));
		server.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/1001"))
			.withRequestBody(matchingJsonPath("$.email", equalTo(lowercased))));
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("email", equalTo(lowercased)));
	}

	@Test
	void listsCustomersLazilyAcrossPagesFollowingTheCursor() {
		server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", absent())
			.withQueryParam("email", equalTo("jane+vip@example.com"))
			.willReturn(okJson("{\"customers\":[{\"externalId\":\"1\"},{\"externalId\":\"2\"}],\"cursor\":\"c-2\"}")));
		server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", equalTo("c-2"))
			.willReturn(okJson("{\"customers\":[{\"externalId\":\"3\"}],\"cursor\":\"c-3\"}")));
		server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", equalTo("c-3"))
			.willReturn(okJson("{\"customers\":[{\"externalId\":\"4\"}]}")));

		var stream = this.client.customers().list(CustomerQuery.all().withEmail("jane+vip@example.com"));
		server.verify(0, getRequestedFor(urlPathEqualTo("/v1/customers")));

		assertThat(stream.map(PlatformCustomer::externalId)).containsExactly("1", "2", "3", "4");
		server.verify(3, getRequestedFor(urlPathEqualTo("/v1/customers")));
		// When a cursor is sent, Influence.io ignores the filters, so they are not sent again.
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("email", equalTo("jane+vip@example.com")));
	}

	@Test
	void readsOnlyAsManyPagesAsTheStreamConsumes() {
		server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("cursor", absent())
			.willReturn(okJson("{\"customers\":[{\"externalId\":\"1\"}],\"nextCursor\":\"c-2\"}")));

		assertThat(this.client.customers().list(CustomerQuery.all()).findFirst()).isPresent();
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")));
	}

	@Test
	void sendsCustomerFiltersWithProvisionalNames() {
		server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"customers\":[]}")));

		this.client.customers()
			.page(CustomerQuery.all()
				.withPointBalanceBetween(new BigDecimal("10"), new BigDecimal("99.5"))
				.withCreatedBetween(Instant.parse("2026-01-01T00:00:00Z"), null), null);

		server.verify(getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("pointBalanceMin", equalTo("10"))
			.withQueryParam("pointBalanceMax", equalTo("99.5"))
			.withQueryParam("createdAtMin", equalTo("2026-01-01T00:00:00Z"))
			.withQueryParam("createdAtMax", absent()));
	}

	@Test
	void awardsPoints() {
		server.stubFor(post("/v1/customers/42/points").willReturn(okJson("{\"customer\":{\"externalId\":\"42\",\"pointBalance\":170}}")));

		PlatformCustomer customer = this.client.points().award("42", PointsAward.of(50, "Bonus for 5th order"));

		assertThat(customer.pointBalance()).isEqualTo(170);
		server.verify(json(postRequestedFor(urlPathEqualTo("/v1/customers/42/points")))
			.withRequestBody(equalToJson("{\"points\":50,\"action\":\"Bonus for 5th order\"}")));
	}

	@Test
	void awardsPointsOfAnEarnRule() {
		server.stubFor(post("/v1/customers/42/points").willReturn(okJson("{\"customer\":{\"pointBalance\":1}}")));

		this.client.points().award("42", new PointsAward(null, null, "rule-1", false));

		server.verify(postRequestedFor(urlPathEqualTo("/v1/customers/42/points"))
			.withRequestBody(equalToJson("{\"earnRuleId\":\"rule-1\",\"updateLastSeenAt\":false}")));
	}

	@Test
	void deductsPoints() {
		server.stubFor(post("/v1/customers/42/points/deduct").willReturn(okJson("{\"customer\":{\"pointBalance\":70}}")));

		assertThat(this.client.points().deduct("42", new PointsDeduction(50, "Manual correction")).pointBalance()).isEqualTo(70);
		server.verify(json(postRequestedFor(urlPathEqualTo("/v1/customers/42/points/deduct")))
			.withRequestBody(equalToJson("{\"points\":50,\"action\":\"Manual correction\"}")));
	}

	@Test
	void enrollsAndRemovesMemberships() {
		server.stubFor(post("/v1/customers/42/membership/enroll").willReturn(okJson("{\"customer\":{\"externalId\":\"42\"}}")));
		server.stubFor(post("/v1/customers/42/membership/remove").willReturn(okJson("{\"customer\":{\"externalId\":\"42\"}}")));

		this.client.memberships().enroll("42", "wholesale");
		this.client.memberships().remove("42");

		server.verify(postRequestedFor(urlPathEqualTo("/v1/customers/42/membership/enroll"))
			.withRequestBody(equalToJson("{\"membershipId\":\"wholesale\"}")));
		server.verify(authenticated(postRequestedFor(urlPathEqualTo("/v1/customers/42/membership/remove"))));
	}

	@Test
	void createsAnOrderWithItsFullState() {
		server.stubFor(post("/v1/orders").willReturn(okJson("{\"order\":{\"orderId\":\"1001\"}}")));

		OrderWriteOutcome outcome = this.client.orders().create(PlatformFixtures.order(FinancialStatus.PAID));

		assertThat(outcome).isEqualTo(OrderWriteOutcome.CREATED);
		server.verify(json(postRequestedFor(urlPathEqualTo("/v1/orders")))
			.withRequestBody(equalToJson(PlatformFixtures.orderJson(FinancialStatus.PAID))));
	}

	@Test
	void updatesAnOrderWithPatch() {
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(okJson("{\"order\":{}}")));

		this.client.orders().update(PlatformFixtures.order(FinancialStatus.REFUNDED));

		server.verify(json(patchRequestedFor(urlPathEqualTo("/v1/orders/1001")))
			.withRequestBody(equalToJson(PlatformFixtures.orderJson(FinancialStatus.REFUNDED))));
	}

	@Test
	void upsertCreatesAnOrderTheUpdateDidNotFind() {
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(aResponse().withStatus(404)
			.withBody("{\"message\":\"Order not found\"}")));
		server.stubFor(post("/v1/orders").willReturn(okJson("{}")));

		assertThat(this.client.orders().upsert(PlatformFixtures.order(FinancialStatus.PAID))).isEqualTo(OrderWriteOutcome.CREATED);
		server.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
		server.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")));
	}

	@Test
	void createTurnsIntoAnUpdateWhenTheOrderAlreadyExists() {
		server.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(409).withBody("{\"message\":\"Order already exists\"}")));
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(okJson("{}")));

		assertThat(this.client.orders().create(PlatformFixtures.order(FinancialStatus.PAID))).isEqualTo(OrderWriteOutcome.UPDATED);
		server.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")));
		server.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
	}

	@Test
	void aValidationErrorSayingTheOrderExistsAlsoTurnsIntoAnUpdate() {
		server.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(422)
			.withBody("{\"message\":\"An order with this id already exists\"}")));
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(okJson("{}")));

		assertThat(this.client.orders().create(PlatformFixtures.order(FinancialStatus.PAID))).isEqualTo(OrderWriteOutcome.UPDATED);
	}

	@Test
	void getsAnOrderWrappedOrBare() {
		server.stubFor(get("/v1/orders/1001").willReturn(okJson("{\"order\":{\"orderId\":\"1001\",\"financialStatus\":\"paid\",\"totalPrice\":\"49.90\"}}")));
		server.stubFor(get("/v1/orders/1002").willReturn(okJson("{\"externalId\":\"1002\",\"financialStatus\":\"refunded\",\"totalPrice\":12.5}")));
		server.stubFor(get("/v1/orders/1003").willReturn(aResponse().withStatus(404)));

		assertThat(this.client.orders().get("1001")).hasValueSatisfying((order) -> {
			assertThat(order.orderId()).isEqualTo("1001");
			assertThat(order.totalPrice()).isEqualByComparingTo("49.90");
		});
		assertThat(this.client.orders().get("1002")).hasValueSatisfying((order) -> {
			assertThat(order.orderId()).isEqualTo("1002");
			assertThat(order.financialStatus()).isEqualTo("refunded");
		});
		assertThat(this.client.orders().get("1003")).isEmpty();
	}

	@Test
	void upsertsGetsListsAndDeletesProducts() {
		server.stubFor(put("/v1/products/p-1").willReturn(okJson("{\"product\":{}}")));
		server.stubFor(get("/v1/products/p-1").willReturn(okJson("{\"product\":{\"id\":\"u-1\",\"externalId\":\"p-1\",\"title\":\"Blue mug\",\"externalUrlHandle\":\"blue-mug\"}}")));
		server.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson("{\"products\":[{\"externalId\":\"p-1\"},{\"externalId\":\"p-2\"}]}")));
		server.stubFor(delete("/v1/products/p-1").willReturn(aResponse().withStatus(204)));
		server.stubFor(delete("/v1/products/p-9").willReturn(aResponse().withStatus(404)));

		this.client.products().upsert(new InfluenceProduct("p-1", "Blue mug", "https://shop.example/img/mug.png", "blue-mug",
				ProductStatus.ACTIVE, List.of(new InfluenceProductVariant("p-1-blue", "Blue", null, 1))));
		PlatformProduct product = this.client.products().get("p-1").orElseThrow();
		List<String> ids = this.client.products().list().map(PlatformProduct::externalId).toList();
		this.client.products().delete("p-1");
		this.client.products().delete("p-9");

		assertThat(product.title()).isEqualTo("Blue mug");
		assertThat(product.urlHandle()).isEqualTo("blue-mug");
		assertThat(ids).containsExactly("p-1", "p-2");
		server.verify(json(putRequestedFor(urlPathEqualTo("/v1/products/p-1"))).withRequestBody(equalToJson("""
				{ "title": "Blue mug", "imageUrl": "https://shop.example/img/mug.png", "urlHandle": "blue-mug",
				  "status": "active", "variants": [ { "variantId": "p-1-blue", "title": "Blue", "position": 1 } ] }
				""")));
		server.verify(authenticated(deleteRequestedFor(urlPathEqualTo("/v1/products/p-1"))));
	}

	@Test
	void managesCollectionsAndTheirProducts() {
		server.stubFor(put("/v1/collections/c-1").willReturn(okJson("{}")));
		server.stubFor(get("/v1/collections/c-1").willReturn(okJson("{\"collection\":{\"externalId\":\"c-1\",\"title\":\"Mugs\"}}")));
		server.stubFor(get(urlPathEqualTo("/v1/collections")).willReturn(okJson("{\"collections\":[{\"externalId\":\"c-1\"}]}")));
		server.stubFor(post("/v1/collections/c-1/products").willReturn(okJson("{}")));
		server.stubFor(post("/v1/collections/c-1/products/remove").willReturn(okJson("{}")));
		server.stubFor(delete("/v1/collections/c-1").willReturn(aResponse().withStatus(200)));

		this.client.collections().upsert(new InfluenceCollection("c-1", "Mugs", "mugs"));
		assertThat(this.client.collections().get("c-1")).hasValueSatisfying((c) -> assertThat(c.title()).isEqualTo("Mugs"));
		assertThat(this.client.collections().list().map(PlatformCollection::externalId)).containsExactly("c-1");
		this.client.collections().addProducts("c-1", List.of("p-1", "p-2"));
		this.client.collections().removeProducts("c-1", List.of("p-2"));
		this.client.collections().delete("c-1");

		server.verify(json(putRequestedFor(urlPathEqualTo("/v1/collections/c-1")))
			.withRequestBody(equalToJson("{\"title\":\"Mugs\",\"urlHandle\":\"mugs\"}")));
		server.verify(postRequestedFor(urlPathEqualTo("/v1/collections/c-1/products"))
			.withRequestBody(equalToJson("{\"productIds\":[\"p-1\",\"p-2\"]}")));
		server.verify(postRequestedFor(urlPathEqualTo("/v1/collections/c-1/products/remove"))
			.withRequestBody(equalToJson("{\"productIds\":[\"p-2\"]}")));
		server.verify(deleteRequestedFor(urlPathEqualTo("/v1/collections/c-1")));
	}

	@Test
	void marksARewardCodeUsed() {
		server.stubFor(post("/v1/rewards/INF-ABC123/use").willReturn(okJson("{\"success\":true}")));

		this.client.rewards().markUsed("INF-ABC123");

		server.verify(json(postRequestedFor(urlPathEqualTo("/v1/rewards/INF-ABC123/use")))
			.withRequestBody(equalToJson("{\"couponCode\":\"INF-ABC123\"}")));
	}

	@Test
	void managesWebhookSubscriptions() {
		String subscription = "{\"id\":\"w-1\",\"topic\":\"points/redeemed\",\"address\":\"https://shop.example/influence/webhooks/s3cr3t\",\"createdAt\":\"2026-11-01T00:00:00Z\"}";
		server.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(okJson("{\"webhooks\":[" + subscription + "]}")));
		server.stubFor(post("/v1/webhooks").willReturn(okJson("{\"webhook\":" + subscription + "}")));
		server.stubFor(get("/v1/webhooks/w-1").willReturn(okJson("{\"webhook\":" + subscription + "}")));
		server.stubFor(put("/v1/webhooks/w-1").willReturn(okJson(subscription)));
		server.stubFor(delete("/v1/webhooks/w-1").willReturn(aResponse().withStatus(204)));
		WebhookRegistration registration = new WebhookRegistration(WebhookTopic.POINTS_REDEEMED,
				URI.create("https://shop.example/influence/webhooks/s3cr3t"));

		assertThat(this.client.webhooks().list()).extracting(WebhookSubscription::id).containsExactly("w-1");
		assertThat(this.client.webhooks().create(registration).topic()).isEqualTo("points/redeemed");
		assertThat(this.client.webhooks().get("w-1")).hasValueSatisfying((found) -> {
			assertThat(found.id()).isEqualTo("w-1");
			assertThat(found.topic()).isEqualTo("points/redeemed");
		});
		assertThat(this.client.webhooks().update("w-1", registration).address()).endsWith("/s3cr3t");
		this.client.webhooks().delete("w-1");

		server.verify(json(postRequestedFor(urlPathEqualTo("/v1/webhooks"))).withRequestBody(equalToJson(
				"{\"topic\":\"points/redeemed\",\"address\":\"https://shop.example/influence/webhooks/s3cr3t\"}")));
		server.verify(putRequestedFor(urlPathEqualTo("/v1/webhooks/w-1")));
		server.verify(deleteRequestedFor(urlPathEqualTo("/v1/webhooks/w-1")));
		assertThat(registration.toString()).doesNotContain("s3cr3t");
	}

	@Test
	void sendsAUserAgentNamingInfluence4j() {
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":{}}")));

		this.client.customers().get("42");

		server.verify(getRequestedFor(urlPathEqualTo("/v1/customers/42"))
			.withHeader("User-Agent", matching("influence4j/[0-9][^ ]* \\(Java .+\\)")));
	}

	private static RequestPatternBuilder authenticated(RequestPatternBuilder request) {
		return request.withHeader("x-api-key", equalTo(PlatformFixtures.API_KEY));
	}

	private static RequestPatternBuilder json(RequestPatternBuilder request) {
		return authenticated(request).withHeader("Content-Type", equalTo("application/json"));
	}

}
