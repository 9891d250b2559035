package dev.influence4j.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.sync.SyncKinds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every entry the dispatcher handles is an {@code influence.delivery} observation with its kind, outcome and
 * error type (entity key and id only as high-cardinality values), and its id, kind and key are in the MDC while
 * it is delivered.
 */
class DeliveryObservationTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final DeliveryFixture fixture = new DeliveryFixture(TestDatabases.h2(), DatabasePlatform.H2, sink.baseUrl());

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<DeliveryObservationContext> stopped = new CopyOnWriteArrayList<>();

	@BeforeEach
	void collect() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<DeliveryObservationContext>() {

			@Override
			public void onStop(DeliveryObservationContext context) {
				DeliveryObservationTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof DeliveryObservationContext;
			}

		});
	}

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void aDeliveredEntryIsObservedWithItsKindAndOutcome() {
		sink.stubFor(put("/v1/products/p-1").willReturn(okJson("{}")));
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		start();

		DeliveryObservationContext context = awaitOutcome("delivered");
		assertThat(this.registry).hasObservationWithNameEqualTo("influence.delivery");
		assertThat(context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(KeyValue.of("kind", "product.saved"),
				KeyValue.of("outcome", "delivered"), KeyValue.of("error.type", "none"));
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("influence.entity.key", "product:p-1"), KeyValue.of("influence.entry.id", "1"));
	}

	@Test
	void aTransientFailureIsRetriedWithTheTypeOfItsError() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		start();

		DeliveryObservationContext context = awaitOutcome("retried");
		assertThat(context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(KeyValue.of("kind", "product.saved"),
				KeyValue.of("outcome", "retried"), KeyValue.of("error.type", "InfluenceTransientException"));
	}

	@Test
	void aRejectedEntryIsObservedAsDeadAndRejected() {
		sink.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(422).withBody("{\"message\":\"bad\"}")));
		this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID)));
		start();

		DeliveryObservationContext context = awaitOutcome("dead");
		assertThat(context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("kind", "order.completed"), KeyValue.of("outcome", "dead"), KeyValue.of("error.type", "rejected"));
	}

	@Test
	void anOrderWaitingForItsProductIsObservedAsWaiting() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		this.fixture.writer().write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID, "p-1")));
		start();

		DeliveryObservationContext context = awaitOutcome("waiting");
		assertThat(context.getEntry().entityKey()).isEqualTo("order:1001");
		assertThat(context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(KeyValue.of("kind", "order.completed"),
				KeyValue.of("outcome", "waiting"), KeyValue.of("error.type", "none"));
	}

	@Test
	void aRefusedKeyIsObservedAsPaused() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(401)));
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		start();

		assertThat(awaitOutcome("paused").getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("kind", "product.saved"), KeyValue.of("outcome", "paused"), KeyValue.of("error.type", "refused"));
	}

	@Test
	void aRequeuedOlderStateIsObservedAsSuperseded() {
		sink.stubFor(put("/v1/products/p-1").withRequestBody(matchingJsonPath("$.title", containing("old")))
			.willReturn(aResponse().withStatus(422)));
		sink.stubFor(put("/v1/products/p-1").withRequestBody(matchingJsonPath("$.title", containing("new")))
			.willReturn(okJson("{}")));
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "old title")));
		this.fixture.writer().write(new ProductSavedEvent(InfluenceProduct.of("p-1", "new title")));
		start();
		awaitOutcome("delivered");

		this.fixture.outbox.requeueAllDead();

		DeliveryObservationContext context = awaitOutcome("superseded");
		assertThat(context.getEntry().id()).isEqualTo(1);
		assertThat(context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(KeyValue.of("kind", "product.saved"),
				KeyValue.of("outcome", "superseded"), KeyValue.of("error.type", "none"));
	}

	@Test
	void theEntryIsInTheMdcWhileItIsDeliveredAndRemovedAfter() {
		List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
		EntryKind<InfluenceProduct> recording = DeliveryFixture.kind("product.saved", InfluenceProduct.class,
				(product) -> "product:" + product.productId(), (product) -> {
					Map<String, String> context = MDC.getCopyOfContextMap();
					seen.add((context != null) ? context : Map.of());
					return DeliveryOutcome.delivered();
				});
		this.fixture.outbox.append(recording.entry(InfluenceProduct.of("p-7", "Blue mug")));
		DeliverySettings settings = DeliveryFixture.fastSettings("node").withConcurrency(1);
		this.fixture.start(settings, List.of(recording), this.registry);

		await().until(() -> !seen.isEmpty());
		assertThat(seen.get(0)).containsEntry("influence.entry.id", "1")
			.containsEntry("influence.entry.kind", "product.saved")
			.containsEntry("influence.entry.key", "product:p-7");
	}

	@Test
	void theEntryLeavesTheMdcWhenItsHandlingEnds() {
		long id = this.fixture.outbox.append(NewOutboxEntry.of("product.saved", "product:p-8", "{}"));
		OutboxEntry entry = this.fixture.outbox.find(id).orElseThrow();
		EntryObservations observations = new EntryObservations(this.registry, null);

		try (EntryObservations.Handling handling = observations.start(entry)) {
			assertThat(MDC.get("influence.entry.key")).isEqualTo("product:p-8");
			handling.context().handled("delivered", null);
		}

		assertThat(MDC.get("influence.entry.id")).isNull();
		assertThat(MDC.get("influence.entry.kind")).isNull();
		assertThat(MDC.get("influence.entry.key")).isNull();
		assertThat(this.stopped).singleElement().satisfies((context) -> assertThat(context.getOutcome()).isEqualTo("delivered"));
	}

	private void start() {
		this.fixture.start(DeliveryFixture.fastSettingsWithoutCircuitBreaker("node")
			.withAuthPause(Duration.ofSeconds(30)), SyncKinds.all(this.fixture.client), this.registry);
	}

	private DeliveryObservationContext awaitOutcome(String outcome) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.stopped.stream().anyMatch((context) -> context.getOutcome().equals(outcome)));
		return this.stopped.stream().filter((context) -> context.getOutcome().equals(outcome)).findFirst().orElseThrow();
	}

}
