package dev.influence4j.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.sync.SyncKinds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery in seconds, not at the next poll, backoff or lease: an entry that waited for another is sent right
 * after it; after an outage everything waiting on backoff drains at once, with one WARN line when delivery starts
 * failing and one INFO line when it works again; an outcome that could not be recorded while the database was
 * away is recorded as soon as it is back.
 */
class RecoveryTests {

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final DeliveryFixture fixture = new DeliveryFixture(TestDatabases.h2(), DatabasePlatform.H2, sink.baseUrl());

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final List<OutboxDispatcher> dispatchers = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		((Logger) LoggerFactory.getLogger("dev.influence4j.delivery")).addAppender(this.logs);
	}

	@AfterEach
	void stop() {
		((Logger) LoggerFactory.getLogger("dev.influence4j.delivery")).detachAppender(this.logs);
		this.dispatchers.forEach(OutboxDispatcher::close);
		this.fixture.close();
	}

	@Test
	void anOrderWaitingForItsCustomerIsSentWithinASecondOfTheCustomersDeliveryWithAPollOfAMinute() {
		sink.stubFor(put("/v1/customers/42").inScenario("customer").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("answering"));
		sink.stubFor(put("/v1/customers/42").inScenario("customer").whenScenarioStateIs("answering")
			.willReturn(okJson("{\"customer\":{}}")));
		sink.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		OutboxWriter writer = this.fixture.writer();
		writer.write(new CustomerSavedEvent(InfluenceCustomer.of("42", "jane@example.com")));
		writer.write(OrderCompletedEvent.of(DeliveryFixture.order("1001", FinancialStatus.PAID)));

		// Neither the poll nor the order's own wait for its dependency would send it within the test.
		this.fixture.start(DeliveryFixture.fastSettings("node")
			.withPollInterval(Duration.ofMinutes(1))
			.withDependencyWait(Duration.ofMinutes(1))
			.withRetry(DeliverySettings.exponentialRetry(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 0)));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(2));
		List<ServeEvent> served = servedInOrder();
		assertThat(served).extracting((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl()
				+ " " + event.getResponse().getStatus())
			.containsExactly("PUT /v1/customers/42 503", "PUT /v1/customers/42 200", "POST /v1/orders 200");
		long customerDelivered = served.get(1).getRequest().getLoggedDate().getTime();
		long orderSent = served.get(2).getRequest().getLoggedDate().getTime();
		assertThat(orderSent - customerDelivered).as("ms from the customer's delivery to the order").isLessThan(1000);
	}

	@Test
	void afterAnOutageWithBackoffOfMinutesEverythingIsDeliveredWithinSecondsOfTheFirstSuccess() {
		sink.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		OutboxWriter writer = this.fixture.writer();
		for (int i = 0; i < 20; i++) {
			writer.write(new ProductSavedEvent(InfluenceProduct.of("p-" + i, "Product " + i)));
		}
		OutboxDispatcher dispatcher = this.fixture.start(DeliveryFixture.fastSettings("node")
			.withRetry(DeliverySettings.exponentialRetry(25, Duration.ofMinutes(5), 2.0, Duration.ofHours(1), 0.2)));
		await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.pauseReason().isPresent());
		await().atMost(Duration.ofSeconds(10)).until(() -> sink.getAllServeEvents().size() >= 20);
		assertThat(this.fixture.count(DeliveryStatus.DEAD)).isZero();

		// Added over the 503 (the newest stub wins), not after removing it: a request between the two would get
		// WireMock's 404, which gives the entry up.
		sink.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		long recovered = System.nanoTime();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(20));
		assertThat(Duration.ofNanos(System.nanoTime() - recovered)).isLessThan(Duration.ofSeconds(5));
		await().untilAsserted(() -> assertThat(lines(Level.INFO, "deliveries work again")).hasSize(1));
		assertThat(lines(Level.WARN, "deliveries are failing")).singleElement()
			.satisfies((line) -> assertThat(line).contains("503"));
		assertThat(this.logs.list).filteredOn((event) -> event.getLevel() == Level.WARN).hasSize(1);
	}

	@Test
	void everyNodeRecoversAfterAnOutageEvenWhenItsTrialFindsNothingLeftToTry() {
		sink.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		OutboxWriter writer = this.fixture.writer();
		for (int i = 0; i < 20; i++) {
			writer.write(new ProductSavedEvent(InfluenceProduct.of("p-" + i, "Product " + i)));
		}
		RetryConfig retry = DeliverySettings.exponentialRetry(25, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 0.2);
		OutboxDispatcher a = this.fixture.start(DeliveryFixture.fastSettings("node-a").withRetry(retry));
		// Node b waits longer before its trials, so that when it tries, node a has mostly drained what was due.
		OutboxDispatcher b = this.fixture.start(DeliveryFixture.fastSettings("node-b").withRetry(retry)
			.withCircuitBreaker(CircuitBreakerConfig.from(DeliverySettings.defaultCircuitBreaker())
				.waitDurationInOpenState(Duration.ofSeconds(1))
				.build()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> a.pauseReason().isPresent() && b.pauseReason().isPresent());

		// Added over the 503 (the newest stub wins), not after removing it: a request between the two would get
		// WireMock's 404, which gives the entry up.
		sink.stubFor(any(anyUrl()).willReturn(okJson("{}")));

		// The first node whose trial succeeds drains everything; the other's trial then finds nothing due, which
		// must not leave it half open (and paused) for good.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isEqualTo(20);
			assertThat(a.pauseReason()).as("node-a").isEmpty();
			assertThat(b.pauseReason()).as("node-b").isEmpty();
		});
	}

	@Test
	void anOutcomeThatCouldNotBeRecordedDuringADatabaseOutageIsRecordedWhenItIsBackWithoutWaitingForTheLease() {
		sink.stubFor(put("/v1/products/p-1").willReturn(okJson("{}").withFixedDelay(1000)));
		OutboxWriter writer = this.fixture.writer();
		writer.write(new ProductSavedEvent(InfluenceProduct.of("p-1", "Blue mug")));
		Outage database = new Outage(this.fixture.dataSource);
		JdbcOutbox outbox = new JdbcOutbox(database, DatabasePlatform.H2, JdbcOutbox.DEFAULT_TABLE_PREFIX,
				Clock.systemUTC());
		OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, SyncKinds.all(this.fixture.client),
				DeliveryFixture.fastSettings("node").withLease(Duration.ofMinutes(5)), new DeliveryListener() {
				}, Clock.systemUTC());
		this.dispatchers.add(dispatcher);
		dispatcher.start();

		await().until(() -> sink.getAllServeEvents().size() == 1);
		database.down = true;
		await().atMost(Duration.ofSeconds(10)).until(() -> !lines(Level.WARN, "could not record").isEmpty());
		assertThat(this.fixture.count(DeliveryStatus.IN_FLIGHT)).as("not recorded while the database is away").isOne();
		database.down = false;
		long back = System.nanoTime();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.fixture.count(DeliveryStatus.DELIVERED)).isOne());
		assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
		sink.verify(1, putRequestedFor(urlPathEqualTo("/v1/products/p-1")));
		assertThat(lines(Level.WARN, "could not record")).hasSize(1);
	}

	private List<String> lines(Level level, String containing) {
		return this.logs.list.stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.filter((message) -> message.contains(containing))
			.toList();
	}

	private static List<ServeEvent> servedInOrder() {
		List<ServeEvent> events = new ArrayList<>(sink.getAllServeEvents());
		Collections.reverse(events);
		return events;
	}

	/**
	 * The database behind a network that can go away: while it is down, no connection can be had.
	 */
	private static final class Outage extends DelegatingDataSource {

		volatile boolean down;

		Outage(javax.sql.DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down) {
				throw new SQLException("Connection refused: the database is away");
			}
			return super.getConnection();
		}

	}

}
