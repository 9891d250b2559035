package dev.influence4j.autoconfigure.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.InfluenceProduct;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One retry policy, the outbox's: the dispatcher's client makes one HTTP attempt per outbox attempt (the clients'
 * own retries do not multiply them), and a Resilience4j retry configuration of the application's sets the
 * outbox's schedule and when it gives up.
 */
class DeliveryRetryPolicyTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApplicationContextRunner runner;

	@BeforeEach
	void runner() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class, InfluenceDeliveryAutoConfiguration.class))
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
					"influence.platform.base-url=" + sink.baseUrl(), "influence.delivery.poll-interval=50ms",
					// The clients' own policy: three attempts per call.
					"influence.http.retry.max-attempts=3", "influence.http.retry.initial-backoff=10ms");
	}

	@Test
	void a503CostsExactlyOneHttpRequestPerOutboxAttempt() {
		this.runner
			.withPropertyValues("influence.delivery.retry.max-attempts=3",
					"influence.delivery.retry.initial-backoff=100ms", "influence.delivery.retry.max-backoff=100ms")
			.run((context) -> {
				publishAndAwaitTheDeadLetter(context);

				Outbox outbox = context.getBean(Outbox.class);
				assertThat(outbox.deadLetters(0, 1)).singleElement().satisfies((dead) -> {
					assertThat(dead.attempts()).isEqualTo(3);
					assertThat(dead.lastError()).startsWith("gave up after 3 attempts").contains("HTTP 503");
				});
				sink.verify(3, putRequestedFor(urlPathEqualTo("/v1/products/p-1")));
			});
	}

	@Test
	void aCustomResilience4jRetryConfigurationSetsTheOutboxsSchedule() {
		this.runner.withBean(DeliverySettingsCustomizer.class, () -> (settings) -> settings.withRetry(RetryConfig.custom()
			.maxAttempts(4)
			.intervalFunction(IntervalFunction.of(Duration.ofMillis(700)))
			.build())).run((context) -> {
				publishAndAwaitTheDeadLetter(context);

				assertThat(context.getBean(Outbox.class).deadLetters(0, 1)).singleElement()
					.satisfies((dead) -> assertThat(dead.lastError()).startsWith("gave up after 4 attempts"));
				List<Long> sent = servedTimes();
				assertThat(sent).hasSize(4);
				for (int i = 1; i < sent.size(); i++) {
					assertThat(sent.get(i) - sent.get(i - 1)).as("ms between attempts %d and %d", i, i + 1)
						.isBetween(650L, 3000L);
				}
			});
	}

	private static void publishAndAwaitTheDeadLetter(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		sink.resetRequests();
		context.publishEvent(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				context.getBean(Outbox.class).countsByStatus().get(DeliveryStatus.DEAD)).isOne());
	}

	private static List<Long> servedTimes() {
		List<ServeEvent> events = new ArrayList<>(sink.getAllServeEvents());
		Collections.reverse(events);
		return events.stream().map((event) -> event.getRequest().getLoggedDate().getTime()).toList();
	}

}
