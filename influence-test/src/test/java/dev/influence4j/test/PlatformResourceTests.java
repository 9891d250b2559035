package dev.influence4j.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Customers, points, memberships, products, collections, rewards and webhook subscriptions on the Platform
 * API, called over plain HTTP.
 */
@InfluenceSandboxTest
class PlatformResourceTests {

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	PlatformResourceTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@Test
	void upsertCreatesAMemberHoldingTheEmailAsSent() {
		RawHttp.Response answer = this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("""
				{"email":"Jane.Doe@Example.COM","firstName":"Jane","lastName":"Doe","phone":"+441234",
				 "birthdayMonth":4,"birthdayDay":12}"""));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode customer = answer.body().path("customer");
		assertThat(customer.path("id").asString()).hasSize(36);
		assertThat(customer.path("externalId").asString()).isEqualTo("c-1");
		assertThat(customer.path("email").asString()).isEqualTo("Jane.Doe@Example.COM");
		assertThat(customer.path("name").asString()).isEqualTo("Jane Doe");
		assertThat(customer.path("customerType").asString()).isEqualTo("Member");
		assertThat(customer.path("pointBalance").asLong()).isZero();
		assertThat(customer.path("birthdayMonth").asInt()).isEqualTo(4);
		assertThat(customer.path("currentLoyaltyTierId").asString()).isEqualTo("tier-bronze");
		assertThat(customer.path("createdAt").asString()).endsWith("Z");
		assertThat(this.http.platform("GET", "/v1/customers/c-1", null).body().path("customer").path("id"))
			.isEqualTo(customer.path("id"));
	}

	@Test
	void upsertUpdatesOnlyWhatIsSent() {
		this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"email\":\"jane@example.com\",\"name\":\"Jane\"}"));

		RawHttp.Response answer = this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"phone\":\"123\"}"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(this.sandbox.customer("c-1")).hasValueSatisfying((c) -> {
			assertThat(c.email()).isEqualTo("jane@example.com");
			assertThat(c.name()).isEqualTo("Jane");
			assertThat(c.phone()).isEqualTo("123");
		});
	}

	@Test
	void newCustomerWithoutEmailIsRejected() {
		RawHttp.Response answer = this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"name\":\"Jane\"}"));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.body().path("message").asString()).contains("email");
		assertThat(this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"email\":\"jane@x.com\",\"birthdayMonth\":13}"))
			.body()
			.path("message")
			.asString()).contains("birthdayMonth");
	}

	@Test
	void unknownCustomerIsNotFound() {
		RawHttp.Response answer = this.http.platform("GET", "/v1/customers/nobody", null);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().path("message").asString()).isEqualTo("Customer not found");
		assertThat(this.http.platform("POST", "/v1/customers/nobody/points", RawHttp.json("{\"points\":5}")).status())
			.isEqualTo(404);
	}

	@Test
	void listFiltersByEmailIgnoringCase() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.sandbox.addCustomer("c-2", "john@example.com", 0);

		RawHttp.Response answer = this.http.platform("GET", "/v1/customers?email=JANE%40Example.com", null);

		assertThat(answer.body().path("customers")).singleElement()
			.satisfies((customer) -> assertThat(customer.path("externalId").asString()).isEqualTo("c-1"));
		assertThat(answer.body().has("cursor")).isFalse();
	}

	@Test
	void listPagesWithAnOpaqueCursorThatKeepsTheFilters() {
		try (InfluenceSandbox small = InfluenceSandbox.builder().pageSize(2).start()) {
			RawHttp smallHttp = new RawHttp(small);
			for (int i = 1; i <= 5; i++) {
				small.addCustomer("c-" + i, "customer" + i + "@example.com", i * 100L);
			}
			List<String> seen = new ArrayList<>();
			String path = "/v1/customers?pointBalanceMin=200";
			int pages = 0;
			while (path != null) {
				JsonNode page = smallHttp.platform("GET", path, null).body();
				page.path("customers").forEach((customer) -> seen.add(customer.path("externalId").asString()));
				pages++;
				path = page.has("cursor") ? "/v1/customers?cursor=" + page.path("cursor").asString() : null;
			}

			assertThat(seen).containsExactly("c-2", "c-3", "c-4", "c-5");
			assertThat(pages).isEqualTo(2);
			assertThat(smallHttp.platform("GET", "/v1/customers?cursor=not-a-cursor", null).status()).isEqualTo(400);
		}
	}

	@Test
	void awardAndDeductChangeTheBalanceAndTheHistory() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		RawHttp.Response awarded = this.http.platform("POST", "/v1/customers/c-1/points",
				RawHttp.json("{\"points\":300,\"action\":\"Welcome bonus\"}"));
		RawHttp.Response byRule = this.http.platform("POST", "/v1/customers/c-1/points",
				RawHttp.json("{\"earnRuleId\":\"" + InfluenceSandbox.GENERAL_PURPOSE_EARN_RULE_ID + "\"}"));
		RawHttp.Response deducted = this.http.platform("POST", "/v1/customers/c-1/points/deduct",
				RawHttp.json("{\"points\":50,\"action\":\"Correction\"}"));

		assertThat(awarded.body().path("customer").path("pointBalance").asLong()).isEqualTo(300);
		assertThat(byRule.body().path("customer").path("pointBalance").asLong()).isEqualTo(400);
		assertThat(deducted.body().path("customer").path("pointBalance").asLong()).isEqualTo(350);
		assertThat(this.sandbox.pointActivities("c-1"))
			.extracting(SandboxPointActivity::action, SandboxPointActivity::points)
			.containsExactly(tuple("Welcome bonus", 300L),
					tuple("Points awarded", 100L),
					tuple("Correction", -50L));
	}

	@Test
	void pointsRequestsAreValidated() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 10);

		assertThat(this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"action\":\"x\"}")).status())
			.isEqualTo(422);
		assertThat(this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":0}")).status())
			.isEqualTo(422);
		assertThat(this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":\"5\"}")).status())
			.isEqualTo(422);
		RawHttp.Response tooMuch = this.http.platform("POST", "/v1/customers/c-1/points/deduct",
				RawHttp.json("{\"points\":11,\"action\":\"x\"}"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body().path("message").asString()).isEqualTo("Insufficient points");
		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(10);
	}

	@Test
	void membershipEnrollAndRemove() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		RawHttp.Response enrolled = this.http.platform("POST", "/v1/customers/c-1/membership/enroll",
				RawHttp.json("{\"membershipId\":\"wholesale\"}"));
		assertThat(enrolled.body().path("customer").path("currentMembershipId").asString()).isEqualTo("wholesale");

		RawHttp.Response removed = this.http.platform("POST", "/v1/customers/c-1/membership/remove", null);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(this.sandbox.customer("c-1").orElseThrow().currentMembershipId()).isNull();
		assertThat(this.http.platform("POST", "/v1/customers/nobody/membership/remove", null).status()).isEqualTo(404);
	}

	@Test
	void productsAreUpsertedReadListedAndDeleted() {
		RawHttp.Response saved = this.http.platform("PUT", "/v1/products/p-1", RawHttp.json("""
				{"title":"Green tea","imageUrl":"https://img.example/tea.png","urlHandle":"green-tea","status":"active",
				 "variants":[{"variantId":"v-1","title":"100 g","position":1}]}"""));
		assertThat(saved.status()).isEqualTo(200);
		JsonNode product = saved.body().path("product");
		assertThat(product.path("externalId").asString()).isEqualTo("p-1");
		assertThat(product.path("urlHandle").asString()).isEqualTo("green-tea");
		assertThat(product.path("variants").get(0).path("externalVariantId").asString()).isEqualTo("v-1");

		this.http.platform("PUT", "/v1/products/p-1", RawHttp.json("{\"title\":\"Sencha\"}"));
		JsonNode read = this.http.platform("GET", "/v1/products/p-1", null).body().path("product");
		assertThat(read.path("title").asString()).isEqualTo("Sencha");
		assertThat(read.path("id")).isEqualTo(product.path("id"));
		assertThat(this.http.platform("GET", "/v1/products", null).body().path("products")).hasSize(1);

		assertThat(this.http.platform("DELETE", "/v1/products/p-1", null).status()).isEqualTo(200);
		assertThat(this.http.platform("DELETE", "/v1/products/p-1", null).status()).isEqualTo(404);
		assertThat(this.http.platform("GET", "/v1/products/p-1", null).status()).isEqualTo(404);
		assertThat(this.http.platform("PUT", "/v1/products/p-2", RawHttp.json("{\"imageUrl\":\"x\"}")).body()
			.path("message")
			.asString()).contains("title");
	}

	@Test
	void collectionsHoldProducts() {
		this.http.platform("PUT", "/v1/collections/k-1", RawHttp.json("{\"title\":\"Teas\",\"urlHandle\":\"teas\"}"));

		this.http.platform("POST", "/v1/collections/k-1/products", RawHttp.json("{\"productIds\":[\"p-1\",\"p-2\"]}"));
		RawHttp.Response removed = this.http.platform("POST", "/v1/collections/k-1/products/remove",
				RawHttp.json("{\"productIds\":[\"p-1\"]}"));

		assertThat(removed.body().path("collection").path("productIds")).extracting(JsonNode::asString)
			.containsExactly("p-2");
		assertThat(this.http.platform("GET", "/v1/collections", null).body().path("collections")).hasSize(1);
		assertThat(this.http.platform("POST", "/v1/collections/k-1/products", RawHttp.json("{\"productIds\":[]}"))
			.status()).isEqualTo(422);
		assertThat(this.http.platform("POST", "/v1/collections/nope/products", RawHttp.json("{\"productIds\":[\"p\"]}"))
			.status()).isEqualTo(404);
		assertThat(this.http.platform("DELETE", "/v1/collections/k-1", null).status()).isEqualTo(200);
		assertThat(this.http.platform("GET", "/v1/collections/k-1", null).status()).isEqualTo(404);
	}

	@Test
	void webhookSubscriptionsAreManaged() {
		RawHttp.Response created = this.http.platform("POST", "/v1/webhooks",
				RawHttp.json("{\"topic\":\"points/redeemed\",\"address\":\"https://shop.example/hooks/abc\"}"));
		assertThat(created.status()).isEqualTo(200);
		String id = created.body().path("webhook").path("id").asString();

		RawHttp.Response changed = this.http.platform("PUT", "/v1/webhooks/" + id,
				RawHttp.json("{\"topic\":\"points/earned\",\"address\":\"https://shop.example/hooks/abc\"}"));
		assertThat(changed.body().path("webhook").path("topic").asString()).isEqualTo("points/earned");
		assertThat(this.http.platform("GET", "/v1/webhooks", null).body().path("webhooks")).hasSize(1);
		assertThat(this.http.platform("GET", "/v1/webhooks/" + id, null).body().path("webhook").path("address").asString())
			.isEqualTo("https://shop.example/hooks/abc");

		assertThat(this.http.platform("DELETE", "/v1/webhooks/" + id, null).status()).isEqualTo(200);
		assertThat(this.http.platform("GET", "/v1/webhooks/" + id, null).status()).isEqualTo(404);
		assertThat(this.http.platform("POST", "/v1/webhooks",
				RawHttp.json("{\"topic\":\"orders/created\",\"address\":\"https://shop.example/h\"}")).status())
			.isEqualTo(422);
		assertThat(this.http.platform("POST", "/v1/webhooks",
				RawHttp.json("{\"topic\":\"points/earned\",\"address\":\"/relative\"}")).status()).isEqualTo(422);
	}

	@Test
	void unknownRewardCannotBeUsed() {
		RawHttp.Response answer = this.http.platform("POST", "/v1/rewards/INF-NOPE/use",
				RawHttp.json("{\"couponCode\":\"INF-NOPE\"}"));

		assertThat(answer.status()).isEqualTo(404);
	}

	@Test
	void malformedJsonAndWrongMethodsAreRefused() {
		assertThat(this.http.platform("PUT", "/v1/customers/c-1", "{not json").status()).isEqualTo(400);
		assertThat(this.http.platform("DELETE", "/v1/customers/c-1", null).status()).isEqualTo(405);
		assertThat(this.http.platform("PUT", "/v1/customers/c-1", "[1,2]").status()).isEqualTo(422);
	}

}
