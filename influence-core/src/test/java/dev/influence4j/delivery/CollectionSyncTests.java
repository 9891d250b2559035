package dev.influence4j.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.events.CollectionDeletedEvent;
import dev.influence4j.events.CollectionSavedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.InfluenceCollection;
import dev.influence4j.platform.InfluenceProduct;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Collections, the kind added in one file (plus its registration): saved with their products after those
 * products, products taken out removed, deleted collections deleted; and a collection waits while one of its
 * products cannot be sent yet.
 */
class CollectionSyncTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final DeliveryFixture fixture = new DeliveryFixture(TestDatabases.h2(), DatabasePlatform.H2, sink.baseUrl());

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void aSavedCollectionIsUpsertedWithItsProductsAfterThemAndItsRemovedProductsTakenOut() {
		sink.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		OutboxWriter writer = this.fixture.writer();
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-2", "Red mug")));
		writer.write(new CollectionSavedEvent(new InfluenceCollection("c-1", "Mugs", "mugs"), Set.of("p-1", "p-2"),
				Set.of("p-9")));

		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(3));
		assertThat(servedInOrder()).extracting((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.containsSubsequence("PUT /v1/products/p-1", "PUT /v1/collections/c-1", "POST /v1/collections/c-1/products",
					"POST /v1/collections/c-1/products/remove")
			.containsSubsequence("PUT /v1/products/p-2", "PUT /v1/collections/c-1");
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/collections/c-1"))
			.withRequestBody(equalToJson("{\"title\":\"Mugs\",\"urlHandle\":\"mugs\"}")));
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/collections/c-1/products"))
			.withRequestBody(equalToJson("{\"productIds\":[\"p-1\",\"p-2\"]}", true, false)));
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/collections/c-1/products/remove"))
			.withRequestBody(equalToJson("{\"productIds\":[\"p-9\"]}")));
	}

	@Test
	void aCollectionWaitsWhileOneOfItsProductsCannotBeSentYet() {
		sink.stubFor(put("/v1/products/p-1").willReturn(aResponse().withStatus(503)));
		sink.stubFor(put("/v1/collections/c-1").willReturn(okJson("{}")));
		OutboxWriter writer = this.fixture.writer();
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		writer.write(CollectionSavedEvent.of(new InfluenceCollection("c-1", "Mugs", null), Set.of("p-1")));

		this.fixture.start(DeliveryFixture.fastSettings("node"));

		await().until(() -> this.fixture.retries.size() >= 2);
		sink.verify(0, putRequestedFor(urlPathEqualTo("/v1/collections/c-1")));
		assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isZero();
	}

	@Test
	void aDeletedCollectionIsDeletedAndAnOlderRequeuedSaveDoesNotBringItBack() {
		sink.stubFor(put("/v1/collections/c-1").willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad\"}")));
		sink.stubFor(delete("/v1/collections/c-1").willReturn(aResponse().withStatus(204)));
		OutboxWriter writer = this.fixture.writer();
		writer.write(CollectionSavedEvent.of(new InfluenceCollection("c-1", "Mugs", null), Set.of()));
		this.fixture.start(DeliveryFixture.fastSettings("node"));
		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DEAD)).isEqualTo(1));
		long deadSave = this.fixture.outbox.deadLetters(0, 1).get(0).id();

		writer.write(new CollectionDeletedEvent("c-1"));
		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(1));
		sink.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/collections/c-1")));

		sink.stubFor(put("/v1/collections/c-1").willReturn(okJson("{}")));
		assertThat(this.fixture.outbox.requeue(deadSave)).isTrue();
		await().untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.SUPERSEDED)).isEqualTo(1));
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/collections/c-1")));
	}

	private static List<ServeEvent> servedInOrder() {
		List<ServeEvent> events = new ArrayList<>(sink.getAllServeEvents());
		Collections.reverse(events);
		return events;
	}

}
