package dev.influence4j.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.OrderUpdatedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceProduct;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher against a real database (H2) and a WireMock sink standing in for Influence.io: outages,
 * poison entries, refused keys, ordering between products and orders, restarts and shutdown.
 */
class OutboxDispatcherTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final DeliveryFixture fixture = new DeliveryFixture(TestDatabases.h2(), DatabasePlatform.H2, sink.baseUrl());

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void deliversRightAfterCommitWithoutWaitingForThePoll() {
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		this.fixture.start(DeliveryFixture.fastSettings("node").withPollInterval(Duration.ofHours(1)));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.fixture.dataSource));

		transaction.executeWithoutResult((status) -> this.fixture.writer()
			.write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID))));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders"))));
		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
	}

	@Test
	void anEventInARolledBackTransactionNeverReachesInfluence() {
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		this.fixture.start(DeliveryFixture.fastSettings("node"));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.fixture.dataSource));

		transaction.executeWithoutResult((status) -> {
			this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("rolled-back", FinancialStatus.PAID)));
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult((status) -> this.fixture.writer()
			.write(OrderCompletedEvent.of(DeliveryFixture.order("committed", FinancialStatus.PAID))));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", containing("committed"))));
		sink.verify(0, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", containing("rolled-back"))));
		assertThat(this.fixture.outbox.countsByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
	}

	@Test
	void anOutageDelaysButLosesNothingAndBacksOff() {
		sink.stubFor(put(urlPathMatching("/v1/products/.*")).willReturn(aResponse().withStatus(503)).withName("outage"));
		OutboxWriter writer = this.fixture.writer();
		for (int version = 1; version <= 3; version++) {
			for (int product = 1; product <= 5; product++) {
				writer.write(new ProductSavedEvent(InfluenceProduct.of("p-" + product, "v" + version)));
			}
		}
		// Enough attempts that no entry runs out of them during the outage, however slowly this thread is scheduled
		// (with 6 attempts of at most 400 ms, a second of starvation on a loaded machine made one a dead letter).
		this.fixture.start(DeliveryFixture.fastSettingsWithoutCircuitBreaker("node")
			.withRetry(DeliverySettings.exponentialRetry(100, Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.2)));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.fixture.retries.size() >= 10);
		// Added over the 503 (the newest stub wins), not after removing it: a request between the two would get
		// WireMock's 404, which gives the entry up (this test once saw 14 of 15 delivered that way).
		sink.stubFor(put(urlPathMatching("/v1/products/.*")).willReturn(okJson("{}")));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(15));
		assertThat(this.fixture.deadLetters).isEmpty();
		List<ServeEvent> successes = servedInOrder().stream().filter((event) -> event.getResponse().getStatus() == 200).toList();
		assertThat(successes).hasSize(15);
		for (int product = 1; product <= 5; product++) {
			String path = "/v1/products/p-" + product;
			assertThat(successes.stream().filter((event) -> event.getRequest().getUrl().equals(path))
				.map((event) -> event.getRequest().getBodyAsString()))
				.as("order of %s", path)
				.containsExactly("{\"title\":\"v1\",\"status\":\"active\",\"variants\":[]}",
						"{\"title\":\"v2\",\"status\":\"active\",\"variants\":[]}",
						"{\"title\":\"v3\",\"status\":\"active\",\"variants\":[]}");
		}
		// The first entry of every product failed at least twice before the sink recovered.
		assertThat(this.fixture.outbox.find(1)).hasValueSatisfying((entry) -> {
			assertThat(entry.attempts()).isGreaterThanOrEqualTo(3);
			assertThat(entry.lastError()).contains("HTTP 503");
		});
	}

	@Test
	void aRejectedEntryBecomesADeadLetterAfterOneAttemptAndBlocksNothingElse() {
		sink.stubFor(post("/v1/orders").withRequestBody(matchingJsonPath("$.orderId", containing("poison")))
			.willReturn(aResponse().withStatus(422).withBody("{\"message\":\"lineItems is invalid\"}")));
		sink.stubFor(post("/v1/orders").withRequestBody(matchingJsonPath("$.orderId", containing("good"))).willReturn(okJson("{}")));
		OutboxWriter writer = this.fixture.writer();
		writer.write(OrderCompletedEvent.of(DeliveryFixture.order("poison", FinancialStatus.PAID)));
		for (int i = 0; i < 5; i++) {
			writer.write(OrderCompletedEvent.of(DeliveryFixture.order("good-" + i, FinancialStatus.PAID)));
		}
		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().untilAsserted(() -> {
			assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(5);
			assertThat(this.fixture.count(DeliveryStatus.DEAD)).isEqualTo(1);
		});
		OutboxEntry dead = this.fixture.outbox.deadLetters(0, 10).get(0);
		assertThat(dead.entityKey()).isEqualTo("order:poison");
		assertThat(dead.attempts()).isEqualTo(1);
		assertThat(dead.lastError()).contains("HTTP 422", "lineItems is invalid");
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", containing("poison"))));

		sink.stubFor(patch(urlPathEqualTo("/v1/orders/poison")).willReturn(okJson("{}")));
		assertThat(this.fixture.outbox.requeue(dead.id())).isTrue();

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(6));
		// The requeued order had an attempt before, so it is sent as an update, never as a second create.
		sink.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/poison")));
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", containing("poison"))));
	}

	@Test
	void aRefusedKeyPausesDeliveryWithoutUsingAttempts() {
		sink.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Invalid API key\"}")));
		this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID)));
		OutboxDispatcher dispatcher = this.fixture.start(DeliveryFixture.fastSettings("node").withAuthPause(Duration.ofSeconds(1)));

		await().until(() -> dispatcher.pauseReason().isPresent());
		assertThat(dispatcher.pauseReason()).hasValueSatisfying((reason) -> assertThat(reason).contains("HTTP 401"));
		assertThat(this.fixture.outbox.find(1)).hasValueSatisfying((entry) -> {
			assertThat(entry.status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(entry.attempts()).isZero();
		});
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		assertThat(dispatcher.pauseReason()).isEmpty();
		assertThat(this.fixture.outbox.find(1).orElseThrow().attempts()).isEqualTo(1);
	}

	@Test
	void anOrderWaitsForItsProductsToBeSentFirst() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		OutboxWriter writer = this.fixture.writer();
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		writer.write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID, "p-1")));
		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().until(() -> this.fixture.retries.size() >= 2);
		sink.verify(0, postRequestedFor(urlPathEqualTo("/v1/orders")));
		assertThat(this.fixture.outbox.find(2)).hasValueSatisfying((order) -> {
			assertThat(order.attempts()).isZero();
			assertThat(order.lastError()).isNull();
		});

		sink.stubFor(put("/v1/products/p-1").willReturn(okJson("{}")));
		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(2));
		List<String> served = servedInOrder().stream()
			.filter((event) -> event.getResponse().getStatus() == 200)
			.map((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.toList();
		assertThat(served).containsExactly("PUT /v1/products/p-1", "POST /v1/orders");
		sink.verify(0, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
	}

	@Test
	void aRequeuedOlderStateNeverOverwritesANewerOne() {
		sink.stubFor(put("/v1/products/p-1").withRequestBody(matchingJsonPath("$.title", containing("old")))
			.willReturn(aResponse().withStatus(422)));
		sink.stubFor(put("/v1/products/p-1").withRequestBody(matchingJsonPath("$.title", containing("new"))).willReturn(okJson("{}")));
		OutboxWriter writer = this.fixture.writer();
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-1", "old title")));
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-1", "new title")));
		this.fixture.start(DeliveryFixture.fastSettings("node"));
		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		sink.stubFor(put("/v1/products/p-1").willReturn(okJson("{}")));

		this.fixture.outbox.requeueAllDead();

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.SUPERSEDED)).isEqualTo(1));
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/products/p-1")).withRequestBody(matchingJsonPath("$.title", containing("old"))));
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/products/p-1")).withRequestBody(matchingJsonPath("$.title", containing("new"))));
	}

	@Test
	void anEntryThatKeepsFailingBecomesADeadLetterAfterTheLastAttempt() {
		sink.stubFor(any(urlPathMatching("/v1/orders.*")).willReturn(aResponse().withStatus(500)));
		this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID)));
		this.fixture.start(DeliveryFixture.fastSettingsWithoutCircuitBreaker("node"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DEAD)).isEqualTo(1));
		OutboxEntry dead = this.fixture.outbox.deadLetters(0, 1).get(0);
		assertThat(dead.attempts()).isEqualTo(6);
		assertThat(dead.lastError()).startsWith("gave up after 6 attempts: Influence.io platform.orders.update failed with HTTP 500");
		// Only the first attempt creates; every later one updates (its outcome is unknown after a 500).
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")));
		sink.verify(5, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
	}

	@Test
	void anOrderUpdateCarriesTheFullStateAndCreatesTheOrderWhenMissing() {
		sink.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(aResponse().withStatus(404)));
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		this.fixture.writer().write(new OrderUpdatedEvent(DeliveryFixture.order("1001", FinancialStatus.REFUNDED, "p-1")));
		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		String fullState = """
				{ "orderId": "1001", "customerId": "42", "financialStatus": "refunded", "email": "jane@example.com",
				  "totalPrice": "10.00", "currency": "EUR", "createdAt": "2026-11-25T10:00:00Z",
				  "lineItems": [ { "productId": "p-1", "title": "Product p-1", "quantity": 1, "price": "10.00" } ],
				  "discountCodes": [] }
				""";
		sink.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")).withRequestBody(equalToJson(fullState)));
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(equalToJson(fullState)));
	}

	@Test
	void aCustomerQueuedWithTheEmailAsTypedIsSentWithTheEmailLowercased() {
		// As an earlier influence4j wrote the payload, before every email was lowercased.
		sink.stubFor(put("/v1/customers/42").willReturn(okJson("{\"customer\":{}}")));
		this.fixture.outbox.append(NewOutboxEntry.of("customer.saved", "customer:42",
				"{\"customerId\":\"42\",\"email\":\"Jane.Doe@Example.COM\",\"firstName\":\"Jane\"}"));
		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/customers/42"))
			.withRequestBody(equalToJson("{\"email\":\"jane.doe@example.com\",\"firstName\":\"Jane\",\"name\":\"Jane\"}")));
	}

	@Test
	void aRewardCodeUsedOnAnOrderTravelsWithTheOrderAndIsMarkedUsed() {
		sink.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.fixture.writer().write(new OrderCompletedEvent(DeliveryFixture.order("1001", FinancialStatus.PAID), Set.of("INF-CODE1")));
		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(2));
		sink.verify(postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.discountCodes[0].code", containing("INF-CODE1"))));
		sink.verify(postRequestedFor(urlPathEqualTo("/v1/rewards/INF-CODE1/use")));
	}

	@Test
	void entriesPendingWhenADispatcherStopsAreDeliveredByTheNextOne() {
		sink.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(503)));
		this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID)));
		OutboxDispatcher first = this.fixture.start(DeliveryFixture.fastSettings("first"));
		await().until(() -> !this.fixture.retries.isEmpty());
		first.close();
		assertThat(this.fixture.count(DeliveryStatus.PENDING)).isEqualTo(1);

		sink.resetMappings();
		sink.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		DeliveryFixture restarted = new DeliveryFixture(this.fixture.dataSource, DatabasePlatform.H2, sink.baseUrl());
		try {
			restarted.start(DeliveryFixture.fastSettings("second"));
			await().untilAsserted(() -> assertThat(restarted.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		}
		finally {
			restarted.close();
		}
	}

	@Test
	void aStoppedDispatcherCanBeStartedAgain() {
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		OutboxDispatcher dispatcher = this.fixture.start(DeliveryFixture.fastSettings("node"));
		dispatcher.close();
		assertThat(dispatcher.isRunning()).isFalse();

		dispatcher.start();
		this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID)));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		assertThat(dispatcher.isRunning()).isTrue();
	}

	@Test
	void shutdownReleasesClaimsOfDeliveriesStillInProgress() throws Exception {
		CountDownLatch started = new CountDownLatch(2);
		EntryKind<InfluenceOrder> stuck = DeliveryFixture.kind("order.completed", InfluenceOrder.class,
				(order) -> "order:" + order.orderId(), (order) -> {
					started.countDown();
					try {
						new CountDownLatch(1).await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return DeliveryOutcome.retry("interrupted", null);
				});
		OutboxWriter writer = this.fixture.writer();
		writer.write(OrderCompletedEvent.of(DeliveryFixture.order("1", FinancialStatus.PAID)));
		writer.write(OrderCompletedEvent.of(DeliveryFixture.order("2", FinancialStatus.PAID)));
		OutboxDispatcher dispatcher = this.fixture.start(
				DeliveryFixture.fastSettings("leaving").withShutdownTimeout(Duration.ofMillis(200)), List.<EntryKind<?>>of(stuck));
		started.await();
		assertThat(this.fixture.count(DeliveryStatus.IN_FLIGHT)).isEqualTo(2);

		dispatcher.close();

		assertThat(this.fixture.count(DeliveryStatus.IN_FLIGHT)).isZero();
		assertThat(this.fixture.count(DeliveryStatus.PENDING)).isEqualTo(2);
		assertThat(this.fixture.outbox.claim("next", 10, Duration.ofMinutes(1))).hasSize(2);
	}

	@Test
	void anEntryGivenUpOnForItsAgeIsTriedAgainWhenRequeued() {
		sink.stubFor(put(urlPathEqualTo("/v1/products/p-1")).willReturn(okJson("{}")));
		Duration maxAge = Duration.ofSeconds(2);
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		Instant written = Instant.now();
		// The entry waits longer than the maximum age before any dispatcher runs (a node that was down).
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(written.plus(maxAge)));
		this.fixture.start(DeliveryFixture.fastSettings("node").withMaxAge(maxAge));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DEAD)).isEqualTo(1));
		OutboxEntry dead = this.fixture.outbox.deadLetters(0, 1).get(0);
		assertThat(dead.lastError()).contains("older than PT2S");
		sink.verify(0, putRequestedFor(urlPathEqualTo("/v1/products/p-1")));

		assertThat(this.fixture.outbox.requeue(dead.id())).isTrue();

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/products/p-1")));
		assertThat(this.fixture.count(DeliveryStatus.DEAD)).isZero();
	}

	@Test
	void anEntryOfAnUnknownKindBecomesADeadLetterThatSaysSo() {
		this.fixture.outbox.append(NewOutboxEntry.of("loyalty.unknown", "x:1", "{}"));
		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DEAD)).isEqualTo(1));
		assertThat(this.fixture.outbox.deadLetters(0, 1).get(0).lastError()).contains("no entry kind 'loyalty.unknown'");
	}

	/**
	 * What the sink served, oldest first (WireMock lists newest first, in the order requests arrived).
	 */
	private static List<ServeEvent> servedInOrder() {
		List<ServeEvent> events = new ArrayList<>(sink.getAllServeEvents());
		Collections.reverse(events);
		return events;
	}

}
