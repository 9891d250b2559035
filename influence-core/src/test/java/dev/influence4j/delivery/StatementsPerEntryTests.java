package dev.influence4j.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The round trips the delivery engine makes to the database: at most two statements per delivered entry of a
 * kind without dependencies (claim and finish, for whole batches), three for orders (whose dependencies are
 * checked for a batch at once), counted on the data source the dispatcher uses, on H2 and PostgreSQL.
 */
class StatementsPerEntryTests {

	private static final Logger logger = LoggerFactory.getLogger(StatementsPerEntryTests.class);

	private static final int ENTRIES = 400;

	private HttpServer sink;

	private final AtomicInteger requests = new AtomicInteger();

	private OutboxDispatcher dispatcher;

	@BeforeEach
	void startSink() throws IOException {
		this.sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.sink.setExecutor(Executors.newFixedThreadPool(16));
		this.sink.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			byte[] body = "{}".getBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.sink.start();
	}

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.close();
		}
		this.sink.stop(0);
	}

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("h2", (Supplier<DataSource>) TestDatabases::h2),
				Arguments.of("postgresql", (Supplier<DataSource>) TestDatabases::postgres));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void atMostTwoStatementsPerDeliveredProduct(String name, Supplier<DataSource> database) {
		double perEntry = statementsPerDeliveredEntry(database.get(), (writer, i) -> writer
			.write(new ProductSavedEvent(InfluenceProduct.of("p-" + i, "Product " + i))));

		assertThat(perEntry).as("statements per delivered product on %s", name).isLessThanOrEqualTo(2.0);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void atMostThreeStatementsPerDeliveredOrder(String name, Supplier<DataSource> database) {
		double perEntry = statementsPerDeliveredEntry(database.get(), (writer, i) -> writer
			.write(OrderCompletedEvent.of(DeliveryFixture.order("o-" + i, FinancialStatus.PAID, "p-" + i))));

		assertThat(perEntry).as("statements per delivered order on %s", name).isLessThanOrEqualTo(3.0);
	}

	private double statementsPerDeliveredEntry(DataSource database, Writes writes) {
		JdbcOutbox plain = new JdbcOutbox(database, DatabasePlatform.of(database), JdbcOutbox.DEFAULT_TABLE_PREFIX,
				Clock.systemUTC());
		plain.initializeSchema();
		PlatformClient client = PlatformClient.builder()
			.apiKey("test-key")
			.baseUrl("http://127.0.0.1:" + this.sink.getAddress().getPort())
			.retry(RetrySettings.none())
			.build();
		OutboxWriter writer = new OutboxWriter(plain, () -> { }, SyncKinds.storefront(client));
		for (int i = 0; i < ENTRIES; i++) {
			writes.write(writer, i);
		}
		CountingDataSource counting = new CountingDataSource(database);
		JdbcOutbox outbox = new JdbcOutbox(counting, DatabasePlatform.of(database), JdbcOutbox.DEFAULT_TABLE_PREFIX,
				Clock.systemUTC());
		counting.reset();
		this.dispatcher = new OutboxDispatcher(outbox, SyncKinds.all(client),
				DeliverySettings.defaults("counted").withConcurrency(16).withBatchSize(50), new DeliveryListener() {
				}, Clock.systemUTC());
		this.dispatcher.start();

		// Counted on a data source of its own: the test's queries are not the engine's.
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(plain.countsByStatus().get(DeliveryStatus.DELIVERED)).isEqualTo(ENTRIES));
		long statements = counting.statements();
		assertThat(this.requests).hasValue(ENTRIES);
		double perEntry = (double) statements / ENTRIES;
		logger.info("{} statements for {} delivered entries on {}: {} per entry", statements, ENTRIES,
				DatabasePlatform.of(database), String.format(Locale.ROOT, "%.2f", perEntry));
		return perEntry;
	}

	@FunctionalInterface
	private interface Writes {

		void write(OutboxWriter writer, int index);

	}

}
