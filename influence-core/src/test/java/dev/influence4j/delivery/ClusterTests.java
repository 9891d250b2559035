package dev.influence4j.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.InfluenceProduct;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes sharing one database: thousands of entries are delivered exactly once, in order per entity,
 * with no errors. Modelled on db-scheduler's cluster tests. On PostgreSQL with both claim strategies;
 * {@link MariaDbClusterTests} runs it on MariaDB.
 */
class ClusterTests {

	private static final int ENTRIES = 10_000;

	private static final int KEYS = 1_000;

	@RegisterExtension
	static WireMockExtension sink = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(40).jettyAcceptors(2))
		.build();

	private final List<DeliveryFixture> nodes = new ArrayList<>();

	/** A fresh database, the platform its schema is created for, and the platform the nodes claim as. */
	record Database(String name, Supplier<DataSource> dataSource, DatabasePlatform schema, DatabasePlatform claims) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> databases() {
		return Stream.of(
				Arguments.of(new Database("postgresql, skip locked", TestDatabases::postgres, DatabasePlatform.POSTGRESQL,
						DatabasePlatform.POSTGRESQL)),
				Arguments.of(new Database("postgresql, lease", TestDatabases::postgres, DatabasePlatform.POSTGRESQL,
						DatabasePlatform.OTHER)));
	}

	@AfterEach
	void stop() {
		this.nodes.forEach(DeliveryFixture::close);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void threeNodesDeliverTenThousandEntriesExactlyOnceInOrderPerKey(Database under) {
		sink.stubFor(put(urlPathMatching("/v1/products/.*")).willReturn(okJson("{}")));
		DataSource database = under.dataSource().get();
		DeliveryFixture writerNode = new DeliveryFixture(database, under.schema(), sink.baseUrl());
		this.nodes.add(writerNode);
		OutboxWriter writer = writerNode.writer();
		// Round robin over the keys: every key gets ten versions, written in ascending order.
		for (int sequence = 0; sequence < ENTRIES; sequence++) {
			writer.write(new ProductSavedEvent(InfluenceProduct.of("p-" + (sequence % KEYS), "v" + sequence)));
		}

		for (String node : List.of("node-a", "node-b", "node-c")) {
			DeliveryFixture fixture = new DeliveryFixture(database, under.claims(), sink.baseUrl());
			this.nodes.add(fixture);
			fixture.start(DeliveryFixture.fastSettings(node).withConcurrency(4).withBatchSize(20));
		}

		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(writerNode.count(DeliveryStatus.DELIVERED)).isEqualTo(ENTRIES));

		List<ServeEvent> served = new ArrayList<>(sink.getAllServeEvents());
		Collections.reverse(served);
		assertThat(served).hasSize(ENTRIES).allSatisfy((event) -> assertThat(event.getResponse().getStatus()).isEqualTo(200));
		Map<String, List<Integer>> versionsByKey = new HashMap<>();
		for (ServeEvent event : served) {
			String body = event.getRequest().getBodyAsString();
			int version = Integer.parseInt(body.substring(body.indexOf("\"v") + 2, body.indexOf("\",")));
			versionsByKey.computeIfAbsent(event.getRequest().getUrl(), (key) -> new ArrayList<>()).add(version);
		}
		assertThat(versionsByKey).hasSize(KEYS);
		versionsByKey.forEach((key, versions) -> assertThat(versions).as("versions sent for %s", key).hasSize(ENTRIES / KEYS).isSorted());
		assertThat(versionsByKey.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(ENTRIES);

		List<String> claimants = JdbcClient.create(database)
			.sql("SELECT DISTINCT claimed_by FROM influence_outbox WHERE claimed_by IS NOT NULL")
			.query(String.class)
			.list();
		assertThat(claimants).as("no entry is left claimed").isEmpty();
		assertThat(this.nodes.subList(1, 4)).as("every node took part").allSatisfy((node) -> assertThat(node.delivered).hasPositiveValue());
		assertThat(this.nodes.stream().mapToInt((node) -> node.delivered.get()).sum()).isEqualTo(ENTRIES);
		this.nodes.forEach((node) -> {
			assertThat(node.retries).isEmpty();
			assertThat(node.deadLetters).isEmpty();
		});
		assertThat(JdbcClient.create(database).sql("SELECT MAX(attempts) FROM influence_outbox").query(Integer.class).single())
			.as("every entry needed exactly one attempt")
			.isEqualTo(1);
	}

}
