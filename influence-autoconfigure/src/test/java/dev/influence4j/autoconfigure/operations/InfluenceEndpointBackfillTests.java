package dev.influence4j.autoconfigure.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.platform.InfluenceCustomer;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The imports on the {@code influence} endpoint, in a shop with a customer source: started, refused while one
 * runs (409 "already running"), paused and resumed until done, bad input answered 400 with the reason, and the
 * backfill gauges in the metrics endpoint.
 */
@SpringBootTest(classes = { OperationsTestApplication.class, InfluenceEndpointBackfillTests.Sources.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl",
				"spring.datasource.url=jdbc:h2:mem:endpoint-backfill;DB_CLOSE_DELAY=-1",
				"influence.http.retry.max-attempts=1", "influence.delivery.poll-interval=100ms",
				"influence.backfill.page-size=50", "management.endpoints.web.exposure.include=influence,metrics",
				"management.endpoint.influence.access=unrestricted" })
class InfluenceEndpointBackfillTests extends EndpointTestSupport {

	@Test
	void importsAreStartedRefusedWhileRunningPausedAndResumedUntilDone() throws Exception {
		sink.stubFor(put(urlPathMatching("/v1/customers/.*")).willReturn(okJson("{\"customer\":{}}")));
		assertThat(read("/actuator/influence/backfill").statusCode()).isEqualTo(200);

		var started = send("/actuator/influence/backfill-start", "{\"kinds\":\"customers\"}");
		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(body(started).path("started").asBoolean()).isTrue();
		// The first page is written; the source holds the second.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> body(read("/actuator/influence/backfill")).get(0).path("read").asLong() == 50);
		var running = body(read("/actuator/influence/backfill")).get(0);
		assertThat(running.path("state").asString()).isEqualTo("RUNNING");
		assertThat(running.path("progress").asDouble()).isCloseTo(50.0 / 300, within(1e-9));
		assertThat(running.path("rate").isNumber()).as("rate in %s", running).isTrue();
		assertThat(running.path("rate").asDouble()).isPositive();
		assertThat(running.path("timeLeftSeconds").isNumber()).as("time left in %s", running).isTrue();
		assertThat(running.path("delivered").isNumber()).as("delivered in %s", running).isTrue();
		var paused = send("/actuator/influence/backfill-pause", "");
		assertThat(body(paused).path("action").asString()).isEqualTo("backfill-pause");

		Sources.secondPage.countDown();
		var again = send("/actuator/influence/backfill-start", "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).path("message").asString()).startsWith("already running: customers is paused");

		assertThat(body(send("/actuator/influence/backfill-resume", "")).path("changed").asInt()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var status = body(read("/actuator/influence/backfill")).get(0);
			assertThat(status.path("kind").asString()).isEqualTo("customers");
			assertThat(status.path("state").asString()).isEqualTo("DONE");
			assertThat(status.path("read").asLong()).isEqualTo(300);
		});
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> sink.verify(300, putRequestedFor(urlPathMatching("/v1/customers/.*"))));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var done = body(read("/actuator/influence/backfill")).get(0);
			assertThat(done.path("delivered").asLong()).as("delivered in %s", done).isEqualTo(300);
			assertThat(done.path("written").asLong()).isEqualTo(300);
			assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
			assertThat(done.path("timeLeftSeconds").isNumber()).as("no time left when done").isFalse();
		});
		assertThat(read("/actuator/metrics/influence.backfill.rows").statusCode()).isEqualTo(200);
	}

	@Test
	void badInputIsAnsweredWithTheReason() throws Exception {
		var unknownKind = send("/actuator/influence/backfill-start", "{\"kinds\":\"clients\"}");
		assertThat(unknownKind.statusCode()).isEqualTo(400);
		assertThat(body(unknownKind).path("error").asString())
			.isEqualTo("unknown backfill kind 'clients'; use customers, products, collections or orders");

		var noSource = send("/actuator/influence/backfill-start", "{\"kinds\":\"orders\"}");
		assertThat(noSource.statusCode()).isEqualTo(400);
		assertThat(body(noSource).path("error").asString()).startsWith("no BackfillSource for orders");

		var badDate = send("/actuator/influence/backfill-start", "{\"kinds\":\"customers\",\"ordersSince\":\"yesterday\"}");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(body(badDate).path("error").asString()).contains("ISO-8601", "'yesterday'");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Sources {

		/** Holds the import at its second page until the test has paused it. */
		static final CountDownLatch secondPage = new CountDownLatch(1);

		@Bean
		BackfillSource<Integer, InfluenceCustomer> customers() {
			return new BackfillSource<>() {

				@Override
				public BackfillKind<InfluenceCustomer> kind() {
					return BackfillKind.CUSTOMERS;
				}

				@Override
				public BackfillPage<Integer> page(@Nullable String after, int size) {
					int start = (after != null) ? Integer.parseInt(after) : 0;
					if (start > 0) {
						awaitSecondPage();
					}
					List<Integer> rows = new ArrayList<>();
					for (int n = start + 1; n <= Math.min(300, start + size); n++) {
						rows.add(n);
					}
					int last = start + rows.size();
					return new BackfillPage<>(rows, (last < 300) ? Integer.toString(last) : null);
				}

				@Override
				public String id(Integer row) {
					return Integer.toString(row);
				}

				@Override
				public InfluenceCustomer map(Integer row) {
					return InfluenceCustomer.of(id(row), "customer-" + row + "@example.com");
				}

				@Override
				public OptionalLong count() {
					return OptionalLong.of(300);
				}

			};
		}

		private static void awaitSecondPage() {
			try {
				if (!secondPage.await(20, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test did not let the second page be read");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
