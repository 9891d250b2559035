package dev.influence4j.delivery;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed (SIGKILL, in another JVM) while it holds claims and waits for Influence.io's answers, with the
 * default lease its heartbeat renews while it lives: another node takes the entries over within 30 s of the
 * kill and says so in its log, loses none, and, since the killed node's creates may have succeeded, completes the
 * orders with updates instead of creating them a second time.
 */
class CrashTests {

	private static final Duration LEASE = DeliverySettings.defaults("any").lease();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@RegisterExtension
	static WireMockExtension survivorSink = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final CountDownLatch neverAnswer = new CountDownLatch(1);

	private HttpServer blackHole;

	private Process crashingNode;

	private DeliveryFixture survivor;

	@AfterEach
	void cleanUp() {
		((Logger) LoggerFactory.getLogger(Housekeeping.class)).detachAppender(this.logs);
		this.neverAnswer.countDown();
		if (this.crashingNode != null) {
			this.crashingNode.destroyForcibly();
		}
		if (this.blackHole != null) {
			this.blackHole.stop(0);
		}
		if (this.survivor != null) {
			this.survivor.close();
		}
	}

	@Test
	void anotherNodeDeliversWhatAKilledNodeHadClaimedWithoutCreatingOrdersTwice() throws Exception {
		List<String> receivedByKilledNode = new CopyOnWriteArrayList<>();
		this.blackHole = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.blackHole.setExecutor(Executors.newCachedThreadPool());
		this.blackHole.createContext("/", (exchange) -> {
			receivedByKilledNode.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
			try {
				this.neverAnswer.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		this.blackHole.start();
		DataSource database = TestDatabases.postgres();
		this.survivor = new DeliveryFixture(database, DatabasePlatform.POSTGRESQL, survivorSink.baseUrl());
		OutboxWriter writer = this.survivor.writer();
		for (String orderId : List.of("1001", "1002", "1003")) {
			writer.write(OrderCompletedEvent.of(DeliveryFixture.order(orderId, FinancialStatus.PAID)));
		}

		this.crashingNode = startCrashingNode(TestDatabases.jdbcUrl(database),
				"http://127.0.0.1:" + this.blackHole.getAddress().getPort());
		await().atMost(Duration.ofSeconds(60)).until(() -> receivedByKilledNode.size() == 3);
		assertThat(this.survivor.count(DeliveryStatus.IN_FLIGHT)).isEqualTo(3);
		survivorSink.stubFor(patch(urlPathMatching("/v1/orders/.*")).willReturn(okJson("{}")));
		this.survivor.start(DeliveryFixture.fastSettings("survivor").withLease(LEASE));
		this.logs.start();
		((Logger) LoggerFactory.getLogger(Housekeeping.class)).addAppender(this.logs);
		this.crashingNode.destroyForcibly();
		long killed = System.nanoTime();
		assertThat(this.crashingNode.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(receivedByKilledNode).containsOnly("POST /v1/orders");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.survivor.count(DeliveryStatus.DELIVERED)).isEqualTo(3));
		assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("from the kill to the takeover's deliveries")
			.isLessThan(Duration.ofSeconds(30));
		assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((line) -> assertThat(line).contains("took over 3 entries claimed by node crashing-node"));
		survivorSink.verify(0, postRequestedFor(urlPathEqualTo("/v1/orders")));
		for (String orderId : List.of("1001", "1002", "1003")) {
			survivorSink.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/" + orderId)));
		}
		assertThat(this.survivor.outbox.find(1)).hasValueSatisfying((entry) -> assertThat(entry.attempts()).isEqualTo(2));
	}

	private Process startCrashingNode(String jdbcUrl, String sinkUrl) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingNode.class.getName(), jdbcUrl,
				sinkUrl, LEASE.toString())
			.redirectErrorStream(true)
			.redirectOutput(new File("target/crashing-node.log"))
			.start();
	}

}
