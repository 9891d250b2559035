package dev.influence4j.autoconfigure.operations;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.platform.InfluenceProduct;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health indicator and the gauges with a real dispatcher and a WireMock sink: UP while delivering, DOWN
 * while the key is refused or delivery lags, absent when switched off; gauges follow the outbox within their
 * cache time.
 */
class InfluenceOperationsAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApplicationContextRunner runner;

	@BeforeEach
	void runner() {
		sink.resetAll();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class,
					InfluenceDeliveryAutoConfiguration.class, InfluenceOperationsAutoConfiguration.class))
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
					"influence.platform.base-url=" + sink.baseUrl(), "influence.delivery.poll-interval=50ms",
					"influence.http.retry.max-attempts=1");
	}

	@Test
	void upWhileDelivering() {
		sink.stubFor(put("/v1/products/p-1").willReturn(okJson("{}")));
		this.runner.run((context) -> {
			context.getBean(OutboxWriter.class).write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));

			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Health health = indicator(context.getBean("influenceHealthIndicator", HealthIndicator.class));
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("delivered", 1L).containsEntry("deadLetters", 0L)
					.containsKey("node");
			});
		});
	}

	@Test
	void downWhileInfluenceRefusesTheKey() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(401)
			.withBody("{\"message\":\"Invalid API key\"}")));
		this.runner.run((context) -> {
			context.getBean(OutboxWriter.class).write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));

			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Health health = indicator(context.getBean("influenceHealthIndicator", HealthIndicator.class));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("problem")).asString().startsWith("delivery is paused").contains("HTTP 401");
				assertThat(health.getDetails().get("paused")).asString().startsWith("refused: ");
			});
			assertThat(health(context).toString()).doesNotContain("EXAMPLE_API_KEY");
		});
	}

	@Test
	void downWhenTheOldestEntryWaitsLongerThanTheMaximumLag() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		this.runner.withPropertyValues("influence.health.max-delivery-lag=1s").run((context) -> {
			context.getBean(OutboxWriter.class).write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
			assertThat(health(context).getStatus()).as("just written").isEqualTo(Status.UP);

			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("problem")).asString()
					.contains("more than influence.health.max-delivery-lag (PT1S)");
				assertThat(health.getDetails()).containsKey("oldestUnfinishedAge");
			});
		});
	}

	@Test
	void noHealthIndicatorWhenSwitchedOffOrWithoutDelivery() {
		this.runner.withPropertyValues("management.health.influence.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(DeliveryOperations.class);
				assertThat(context).doesNotHaveBean("influenceHealthIndicator");
			});
		this.runner.withPropertyValues("influence.delivery.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(DeliveryOperations.class);
				assertThat(context).doesNotHaveBean("influenceHealthIndicator");
				assertThat(context).doesNotHaveBean(InfluenceEndpoint.class);
			});
	}

	@Test
	void aGaugeFollowsTheOutboxWithinItsCacheTime() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		this.runner.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("influenceDeliveryMeters", MeterBinder.class).bindTo(registry);
			assertThat(registry.get("influence.outbox.entries").tag("status", "pending").gauge().value()).isZero();

			context.getBean(OutboxWriter.class).write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));

			// The report is read at most every 5 seconds; the gauge shows the entry by the next reading.
			await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> assertThat(registry.get("influence.outbox.entries")
				.tag("status", "pending").gauge().value()).isEqualTo(1));
			assertThat(registry.get("influence.outbox.oldest.age").timeGauge().value()).isPositive();
			assertThat(registry.get("influence.delivery.paused").tag("cause", "refused").gauge().value()).isZero();
			assertThat(registry.get("influence.outbox.dead.letters").gauge().value()).isZero();
		});
	}

	private static Health health(org.springframework.context.ApplicationContext context) {
		return indicator(context.getBean("influenceHealthIndicator", HealthIndicator.class));
	}

	private static Health indicator(HealthIndicator indicator) {
		Health health = indicator.health();
		assertThat(health).as("the indicator answered").isNotNull();
		return health;
	}

}
