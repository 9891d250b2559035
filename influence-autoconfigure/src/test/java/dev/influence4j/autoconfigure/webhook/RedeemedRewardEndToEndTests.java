package dev.influence4j.autoconfigure.webhook;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.launcher.Redemption;
import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.InfluenceSandboxExtension;
import dev.influence4j.test.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop with the starter, a secret and a {@code RewardCodeIssuer}, against the Influence.io sandbox: a
 * customer redeems points through the Launcher client, Influence.io posts {@code points/redeemed} to the shop,
 * and the shop creates exactly one discount code, even when the same delivery arrives three times.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.webhooks.secret=" + WebhookTestApplication.SECRET,
				"spring.datasource.url=jdbc:h2:mem:redeem-e2e;DB_CLOSE_DELAY=-1",
				"influence.delivery.poll-interval=100ms" })
class RedeemedRewardEndToEndTests {

	@RegisterExtension
	static final InfluenceSandboxExtension influence = new InfluenceSandboxExtension(InfluenceSandbox.builder());

	@DynamicPropertySource
	static void influenceIsTheSandbox(DynamicPropertyRegistry properties) {
		properties.add("influence.api-key", () -> influence.sandbox().apiKey());
		properties.add("influence.shop-key", () -> influence.sandbox().shopKey());
		properties.add("influence.platform.base-url", () -> influence.sandbox().platformBaseUrl());
		properties.add("influence.launcher.base-url", () -> influence.sandbox().launcherBaseUrl());
	}

	@LocalServerPort
	private int port;

	@Autowired
	private LauncherClient launcher;

	@Autowired
	private WebhookTestApplication.RecordingIssuer issuer;

	@Test
	void oneRedemptionDeliveredThreeTimesCreatesExactlyOneCode() {
		InfluenceSandbox sandbox = influence.sandbox();
		sandbox.subscribe("points/redeemed",
				URI.create("http://127.0.0.1:" + this.port + "/influence/webhooks/" + WebhookTestApplication.SECRET));
		sandbox.addCustomer("42", "jane@example.com", 1200);

		Redemption redemption = this.launcher.customer(new CustomerIdentity("42", "Jane@Example.com"))
			.redeem("redeem-500-5-off", null, "test");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.issuer.created).containsExactly(redemption.couponCode()));
		WebhookDelivery first = sandbox.webhookDeliveries().get(0);
		sandbox.redeliver(first.webhookId());
		sandbox.redeliver(first.webhookId());
		await().untilAsserted(() -> assertThat(sandbox.webhookDeliveries()).hasSize(3)
			.allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(200)));
		assertThat(this.issuer.created).containsExactly(redemption.couponCode());
		assertThat(this.issuer.calls).singleElement().satisfies((code) -> {
			assertThat(code.customerExternalId()).isEqualTo("42");
			assertThat(code.discountValue()).isEqualByComparingTo("5.00");
			assertThat(code.retry()).isFalse();
		});
		assertThat(sandbox.customer("42").orElseThrow().pointBalance()).isEqualTo(700);
	}

}
