package dev.influence4j.autoconfigure.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.OutboxEntry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code influence} actuator endpoint over HTTP with {@code management.endpoint.influence.access=unrestricted}:
 * a requeued dead letter is delivered once the cause is fixed, requeue all and retry now send exactly what they say
 * they changed, and bad requests get 400, 404 and 409 with a reason.
 */
@SpringBootTest(classes = OperationsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl",
				"spring.datasource.url=jdbc:h2:mem:endpoint-unrestricted;DB_CLOSE_DELAY=-1",
				"influence.http.retry.max-attempts=1", "influence.delivery.poll-interval=100ms",
				"management.endpoints.web.exposure.include=influence",
				"management.endpoint.influence.access=unrestricted",
				// A transient failure waits longer than any test, so only retry now can bring it forward.
				"influence.delivery.retry.initial-backoff=10m" })
class InfluenceEndpointWriteTests extends EndpointTestSupport {

	@Test
	void aRequeuedDeadLetterIsDeliveredOnceTheCauseIsFixed() throws Exception {
		long id = aDeadLetter("2001");
		sink.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(404)));
		sink.stubFor(patch(urlPathEqualTo("/v1/orders/2001"))
			.willReturn(okJson("{}")));

		HttpResponse<String> requeue = send("/actuator/influence/dead-letters/" + id, "");

		assertThat(requeue.statusCode()).isEqualTo(200);
		assertThat(body(requeue).path("result").asString()).isEqualTo("requeued");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.outbox.find(id).orElseThrow().status())
				.isEqualTo(DeliveryStatus.DELIVERED));
		sink.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/2001")));

		HttpResponse<String> again = send("/actuator/influence/dead-letters/" + id, "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).path("message").asString()).isEqualTo("entry " + id + " is DELIVERED, not a dead letter");
	}

	@Test
	void anUnknownIdIsNotFoundWithTheId() throws Exception {
		HttpResponse<String> unknown = send("/actuator/influence/dead-letters/987654", "");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(body(unknown).path("message").asString()).isEqualTo("no entry 987654 in the outbox");
	}

	@Test
	void requeuesAllOfOneKindAndBringsWaitingEntriesForward() throws Exception {
		long first = aDeadLetter("3001");
		long second = aDeadLetter("3002");
		sink.verify(2, postRequestedFor(urlPathEqualTo("/v1/orders")));
		// Dead letters other tests of this class left behind are requeued too, and counted.
		List<Long> dead = this.outbox.deadLetters("order.completed", 0, 100).stream().map(OutboxEntry::id).toList();
		assertThat(dead).contains(first, second);

		HttpResponse<String> none = send("/actuator/influence/requeue-all", "{\"kind\":\"product.saved\"}");
		assertThat(none.statusCode()).isEqualTo(200);
		assertThat(body(none).path("changed").asInt()).isZero();
		HttpResponse<String> all = send("/actuator/influence/requeue-all", "{\"kind\":\"order.completed\"}");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(body(all).path("changed").asInt()).isEqualTo(dead.size());
		assertThat(body(all).path("message").asString()).endsWith("of kind order.completed");

		// Each is sent once more, and Influence.io rejects it again.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dead)
			.allSatisfy((id) -> assertThat(this.outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD)));
		sink.verify(2, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", equalTo("3001"))));
		sink.verify(2, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", equalTo("3002"))));
		sink.verify(2 + dead.size(), postRequestedFor(urlPathEqualTo("/v1/orders")));

		// One order fails transiently and waits on a backoff of 10 minutes, until retry now.
		sink.stubFor(post("/v1/orders").withRequestBody(matchingJsonPath("$.orderId", equalTo("3003")))
			.willReturn(aResponse().withStatus(503)));
		sink.stubFor(patch(urlPathEqualTo("/v1/orders/3003")).willReturn(okJson("{}")));
		anOrder("3003");
		await().atMost(Duration.ofSeconds(10)).until(() -> waiting("order:3003") != null);
		long waiting = waiting("order:3003");
		assertThat(this.outbox.find(waiting).orElseThrow().attempts()).isEqualTo(1);

		HttpResponse<String> retryNow = send("/actuator/influence/retry-now", "");
		assertThat(retryNow.statusCode()).isEqualTo(200);
		assertThat(body(retryNow).path("action").asString()).isEqualTo("retry-now");
		assertThat(body(retryNow).path("changed").asInt()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.outbox.find(waiting).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED));
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", equalTo("3003"))));
		sink.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/3003")));
		sink.verify(3 + dead.size(), postRequestedFor(urlPathEqualTo("/v1/orders")));

		HttpResponse<String> nothingWaits = send("/actuator/influence/retry-now", "");
		assertThat(body(nothingWaits).path("changed").asInt()).isZero();
		assertThat(send("/actuator/influence/restart-everything", "").statusCode()).isEqualTo(404);
	}

	/** The id of the entry of this key that waits after a failed attempt, or {@code null}. */
	private @Nullable Long waiting(String entityKey) {
		Long id = this.outbox.oldestUnfinished(List.of(entityKey)).get(entityKey);
		if (id == null) {
			return null;
		}
		OutboxEntry entry = this.outbox.find(id).orElseThrow();
		return (entry.status() == DeliveryStatus.PENDING && entry.lastError() != null) ? id : null;
	}

	@Test
	void pagesAreClampedOrRefusedWithAReasonAndEmptyBeyondTheEnd() throws Exception {
		aDeadLetter("4001");

		HttpResponse<String> huge = read("/actuator/influence/dead-letters?size=100000");
		assertThat(huge.statusCode()).isEqualTo(200);
		assertThat(body(huge).path("size").asInt()).isEqualTo(100);
		HttpResponse<String> beyond = read("/actuator/influence/dead-letters?page=1000");
		assertThat(beyond.statusCode()).isEqualTo(200);
		assertThat(body(beyond).path("items").size()).isZero();
		HttpResponse<String> negative = read("/actuator/influence/dead-letters?size=-5");
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(body(negative).path("error").asString()).isEqualTo("size must be between 1 and 100, was -5");
		assertThat(read("/actuator/influence/dead-letters?page=-1").statusCode()).isEqualTo(400);
		assertThat(read("/actuator/influence/nothing-here").statusCode()).isEqualTo(404);
	}

}
