package dev.influence4j.test;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries: headers, retries, redeliveries and the topics the sandbox raises.
 */
@InfluenceSandboxTest
class WebhookDeliveryTests {

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	private final RecordingWebhookEndpoint shop = new RecordingWebhookEndpoint();

	WebhookDeliveryTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@AfterEach
	void shopStops() {
		this.shop.close();
	}

	@Test
	void earningOrderRaisesPointsEarned() {
		this.sandbox.subscribe("points/earned", this.shop.address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "42.00"));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.shop.received("points/earned").size() == 1);
		RecordingWebhookEndpoint.Received earned = this.shop.received("points/earned").get(0);
		assertThat(earned.body().path("points").asLong()).isEqualTo(42);
		assertThat(earned.body().path("action").asString()).isEqualTo("Placed order 1001");
		assertThat(earned.body().path("ruleId").asString()).isEqualTo(InfluenceSandbox.PLACE_ORDER_EARN_RULE_ID);
		assertThat(earned.body().path("customer").path("externalId").asString()).isEqualTo("c-1");
		assertThat(earned.body().path("customer").path("currentLoyaltyTier").path("id").asString())
			.isEqualTo("tier-bronze");
	}

	@Test
	void customerUpsertRaisesCustomersUpdatedWithTheCustomerAsTheBody() {
		this.http.platform("POST", "/v1/webhooks",
				RawHttp.json("{\"topic\":\"customers/updated\",\"address\":\"" + this.shop.address() + "\"}"));

		this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"email\":\"jane@example.com\",\"name\":\"Jane\"}"));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.shop.received("customers/updated").size() == 1);
		JsonNode body = this.shop.received("customers/updated").get(0).body();
		assertThat(body.path("externalId").asString()).isEqualTo("c-1");
		assertThat(body.path("email").asString()).isEqualTo("jane@example.com");
		assertThat(body.path("referralUrl").asString()).startsWith("https://");
	}

	@Test
	void tierChangeRaisesTierChanged() {
		this.sandbox.subscribe("customers/tier_changed", this.shop.address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":1000}"));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.shop.received("customers/tier_changed").size() == 1);
		JsonNode body = this.shop.received("customers/tier_changed").get(0).body();
		assertThat(body.path("oldTier").path("id").asString()).isEqualTo("tier-bronze");
		assertThat(body.path("newTier").path("title").asString()).isEqualTo("Gold");
	}

	@Test
	void failedDeliveryIsRetriedWithTheSameWebhookId() {
		this.sandbox.subscribe("points/earned", this.shop.answer(500, 503).address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.webhookDeliveries().size() == 3);
		assertThat(this.sandbox.webhookDeliveries()).extracting(WebhookDelivery::attempt, WebhookDelivery::status)
			.containsExactly(tuple(1, 500), tuple(2, 503),
					tuple(3, 200));
		assertThat(this.shop.received()).extracting(RecordingWebhookEndpoint.Received::webhookId)
			.hasSize(3)
			.containsOnly(this.sandbox.webhookDeliveries().get(0).webhookId());
	}

	@Test
	void unreachableReceiverIsTriedAFewTimesThenGivenUp() {
		RecordingWebhookEndpoint gone = new RecordingWebhookEndpoint();
		URI address = gone.address();
		gone.close();
		this.sandbox.subscribe("points/earned", address);
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.sandbox.webhookDeliveries().size() == 4);
		assertThat(this.sandbox.webhookDeliveries()).allSatisfy((attempt) -> {
			assertThat(attempt.status()).isZero();
			assertThat(attempt.error()).isNotBlank();
			assertThat(attempt.succeeded()).isFalse();
		});
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
			.until(() -> this.sandbox.webhookDeliveries().size() == 4);
	}

	@Test
	void redeliverySendsTheSameIdAgain() {
		this.sandbox.subscribe("points/earned", this.shop.address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.shop.received().size() == 1);
		String webhookId = this.shop.received().get(0).webhookId();

		this.sandbox.redeliver(webhookId);

		// The sandbox records an attempt once the answer is in, a moment after the shop has seen it.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.webhookDeliveries().size() == 2);
		assertThat(this.shop.received()).extracting(RecordingWebhookEndpoint.Received::webhookId)
			.containsExactly(webhookId, webhookId);
		assertThat(this.shop.received().get(1).body()).isEqualTo(this.shop.received().get(0).body());
		assertThat(this.sandbox.webhookDeliveries()).extracting(WebhookDelivery::redelivery).containsExactly(false, true);
		assertThatIllegalArgumentException().isThrownBy(() -> this.sandbox.redeliver("no-such-delivery"));
	}

	@Test
	void everyDeliveryHasItsOwnId() {
		this.sandbox.subscribe("points/earned", this.shop.address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));
		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.shop.received().size() == 2);
		assertThat(this.shop.received()).extracting(RecordingWebhookEndpoint.Received::webhookId)
			.doesNotHaveDuplicates();
	}

	@Test
	void resetForgetsSubscriptionsAndDeliveries() {
		this.sandbox.subscribe("points/earned", this.shop.address());
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.webhookDeliveries().size() == 1);

		this.sandbox.reset();
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/customers/c-1/points", RawHttp.json("{\"points\":10}"));

		assertThat(this.sandbox.webhookDeliveries()).isEmpty();
		assertThat(this.http.platform("GET", "/v1/webhooks", null).body().path("webhooks")).isEmpty();
	}

}
