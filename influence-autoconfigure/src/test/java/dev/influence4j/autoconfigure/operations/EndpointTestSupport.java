package dev.influence4j.autoconfigure.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

/**
 * A shop with the starter, the actuator, H2 and a WireMock sink that rejects orders, and an HTTP client for its
 * actuator.
 */
abstract class EndpointTestSupport {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void sinkUrl(DynamicPropertyRegistry properties) {
		properties.add("influence.platform.base-url", sink::baseUrl);
	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	OutboxWriter writer;

	@Autowired
	Outbox outbox;

	@BeforeEach
	void rejectOrders() {
		sink.resetAll();
		sink.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(422)
			.withBody("{\"message\":\"customer Jane.Doe@Example.com is blocked\"}")));
	}

	final void anOrder(String orderId) {
		this.writer.write(OrderCompletedEvent.of(InfluenceOrder.builder(orderId)
			.customerId("42")
			.email("Jane.Doe@Example.com")
			.financialStatus(FinancialStatus.PAID)
			.totalPrice("10.00")
			.currency("EUR")
			.createdAt(Instant.parse("2026-12-01T10:00:00Z"))
			.build()));
	}

	final long aDeadLetter(String orderId) {
		anOrder(orderId);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.outbox.deadLetters(0, 100)
			.stream()
			.anyMatch((entry) -> entry.entityKey().equals("order:" + orderId)));
		return this.outbox.deadLetters(0, 100)
			.stream()
			.filter((entry) -> entry.entityKey().equals("order:" + orderId))
			.findFirst()
			.orElseThrow()
			.id();
	}

	final URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	final HttpResponse<String> read(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	final HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode body(HttpResponse<String> response) {
		return parse(response.body());
	}

	static JsonNode parse(String text) {
		return json.readTree(text);
	}

}
