package dev.influence4j.autoconfigure.delivery;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.Outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Restart: an order still pending when the application stops (Influence.io answering 503) is delivered by the
 * next start of the application on the same database once Influence.io recovers.
 */
class DeliveryRestartTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final String databaseUrl = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Test
	void anOrderPendingWhenTheApplicationStopsIsDeliveredByTheNextStart() {
		sink.stubFor(any(urlPathMatching("/v1/orders.*")).willReturn(aResponse().withStatus(503)));
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(CheckoutTestApplication.Checkout.class).placeOrder(CheckoutDeliveryTests.order("1001"));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(attemptsOf("order:1001")).isGreaterThanOrEqualTo(1));
		}
		assertThat(statusOf("order:1001")).isEqualTo("PENDING");

		sink.resetAll();
		sink.stubFor(any(urlPathMatching("/v1/orders.*")).willReturn(okJson("{}")));
		try (ConfigurableApplicationContext second = start()) {
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statusOf("order:1001")).isEqualTo("DELIVERED"));
			assertThat(second.getBean(Outbox.class).countsByStatus().get(DeliveryStatus.DELIVERED)).isOne();
		}
		sink.verify(anyRequestedFor(urlPathMatching("/v1/orders.*"))
			.withRequestBody(matchingJsonPath("$.orderId", equalTo("1001"))));
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CheckoutTestApplication.class).web(WebApplicationType.NONE)
			.properties("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com", "influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl",
					"influence.platform.base-url=" + sink.baseUrl(), "influence.http.retry.max-attempts=1",
					"influence.delivery.poll-interval=100ms", "influence.delivery.retry.initial-backoff=100ms",
					"influence.delivery.retry.max-backoff=300ms", "influence.delivery.shutdown-timeout=2s",
					"spring.datasource.url=" + this.databaseUrl, "spring.main.banner-mode=off")
			.run();
	}

	private int attemptsOf(String entityKey) {
		return database().sql("SELECT attempts FROM influence_outbox WHERE entity_key = ?")
			.param(entityKey)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private String statusOf(String entityKey) {
		return database().sql("SELECT status FROM influence_outbox WHERE entity_key = ?")
			.param(entityKey)
			.query(String.class)
			.single();
	}

	private JdbcClient database() {
		return JdbcClient.create(new DriverManagerDataSource(this.databaseUrl, "sa", ""));
	}

}
