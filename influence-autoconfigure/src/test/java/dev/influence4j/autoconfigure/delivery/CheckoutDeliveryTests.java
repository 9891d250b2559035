package dev.influence4j.autoconfigure.delivery;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A shop's checkout with the starter, H2 and a WireMock sink standing in for Influence.io: publishing an order
 * costs the checkout thread one insert and no HTTP call; the order arrives afterwards; a rolled-back checkout
 * sends nothing.
 */
@SpringBootTest(classes = CheckoutTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl",
				"spring.datasource.url=jdbc:h2:mem:checkout;DB_CLOSE_DELAY=-1", "influence.http.retry.max-attempts=1",
				"influence.delivery.poll-interval=200ms" })
class CheckoutDeliveryTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void sinkUrl(DynamicPropertyRegistry properties) {
		properties.add("influence.platform.base-url", sink::baseUrl);
	}

	@Autowired
	private CheckoutTestApplication.Checkout checkout;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private Outbox outbox;

	@Autowired
	private DataSource dataSource;

	@Test
	void checkoutCostsOneInsertOnItsThreadAndNoHttpCallThenTheOrderArrives() {
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		Thread checkoutThread = Thread.currentThread();
		CheckoutTestApplication.statements.reset(checkoutThread);

		this.checkout.placeOrder(order("1001"));

		assertThat(CheckoutTestApplication.statements.executedOn(checkoutThread)).singleElement()
			.asString()
			.startsWithIgnoringCase("INSERT INTO influence_outbox");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> sink.verify(1,
				postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.orderId", equalTo("1001")))));
		assertThat(CheckoutTestApplication.httpThreads).isNotEmpty().doesNotContain(checkoutThread.getName());
		assertThat(this.outbox).isInstanceOf(JdbcOutbox.class);
	}

	@Test
	void aCheckoutThatRollsBackSendsNothing() {
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));

		assertThatIllegalStateException().isThrownBy(() -> this.checkout.placeOrderThenFail(order("rolled-back")))
			.withMessage("payment declined");
		this.checkout.placeOrder(order("committed"));

		// The entry is marked delivered after the call returns: wait for that, not for the call.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(statusesOf("committed")).containsExactly(DeliveryStatus.DELIVERED.name()));
		assertThat(statusesOf("rolled-back")).isEmpty();
		sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders"))
			.withRequestBody(matchingJsonPath("$.orderId", equalTo("committed"))));
		sink.verify(0, postRequestedFor(urlPathEqualTo("/v1/orders"))
			.withRequestBody(matchingJsonPath("$.orderId", equalTo("rolled-back"))));
	}

	@Test
	void anOrderPublishedOutsideATransactionIsWrittenAtOnce() {
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));

		this.events.publishEvent(OrderCompletedEvent.of(order("no-transaction")));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> sink.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders"))
			.withRequestBody(matchingJsonPath("$.orderId", equalTo("no-transaction")))));
	}

	/** The statuses of the outbox entries of one order, oldest first (the context's tests share the table). */
	private List<String> statusesOf(String orderId) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT status FROM influence_outbox WHERE entity_key = ? ORDER BY id")
			.param("order:" + orderId)
			.query(String.class)
			.list();
	}

	static InfluenceOrder order(String orderId) {
		return InfluenceOrder.builder(orderId)
			.customerId("42")
			.email("jane@example.com")
			.financialStatus(FinancialStatus.PAID)
			.totalPrice(new BigDecimal("49.90"))
			.currency("EUR")
			.createdAt(Instant.parse("2026-11-25T10:00:00Z"))
			.build();
	}

}
