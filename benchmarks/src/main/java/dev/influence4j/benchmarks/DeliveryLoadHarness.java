package dev.influence4j.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.influence4j.delivery.DatabasePlatform;
import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.DeliverySettings;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

/**
 * Load harness for the delivery engine on a real PostgreSQL server (embedded binaries) with several nodes
 * and a local HTTP sink standing in for Influence.io.
 * <ol>
 * <li>Backlog: write {@code entries} entries over {@code keys} entities, then start {@code nodes}
 * dispatchers and time how long they take to deliver everything.</li>
 * <li>Steady state: with the dispatchers running, write {@code rate} entries per second for
 * {@code seconds} seconds and report the latency from the write to the sink receiving it.</li>
 * </ol>
 * Arguments are {@code name=value} pairs: {@code entries} (20000), {@code keys} (1000), {@code nodes} (3),
 * {@code concurrency} per node (8), {@code sinkLatencyMs} (20, a realistic API round trip), {@code rate}
 * (200), {@code seconds} (20).
 */
public final class DeliveryLoadHarness {

	private final Map<String, Integer> options;

	private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();

	private DeliveryLoadHarness(Map<String, Integer> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, Integer> options = new HashMap<>(Map.of("entries", 20_000, "keys", 1_000, "nodes", 3,
				"concurrency", 8, "sinkLatencyMs", 20, "rate", 200, "seconds", 20));
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			options.put(pair[0], Integer.parseInt(pair[1]));
		}
		new DeliveryLoadHarness(options).run();
		System.exit(0);
	}

	private int option(String name) {
		return this.options.get(name);
	}

	private void run() throws Exception {
		System.out.println("influence4j delivery load harness " + this.options);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start()) {
			LoadSink sink = LoadSink.start(option("sinkLatencyMs"), "{}", (body) -> {
				long arrived = System.nanoTime();
				int marker = body.indexOf("\"title\":\"t");
				if (marker >= 0) {
					long written = Long.parseLong(body.substring(marker + 10, body.indexOf('"', marker + 10)));
					this.latenciesNanos.add(arrived - written);
				}
			});
			DataSource database = pool(postgres.getJdbcUrl("postgres", "postgres"), 8);
			JdbcOutbox outbox = new JdbcOutbox(database, DatabasePlatform.POSTGRESQL, JdbcOutbox.DEFAULT_TABLE_PREFIX,
					Clock.systemUTC());
			outbox.initializeSchema();
			String sinkUrl = sink.url();
			OutboxWriter writer = new OutboxWriter(outbox, () -> { }, SyncKinds.storefront(client(sinkUrl)));

			clientAlone(sinkUrl); // warm-up: the JIT and the connections
			double clientAlone = clientAlone(sinkUrl);

			long writeStarted = System.nanoTime();
			for (int i = 0; i < option("entries"); i++) {
				writer.write(new ProductSavedEvent(InfluenceProduct.of("p-" + (i % option("keys")), "backlog")));
			}
			System.out.printf("wrote %d entries in %d ms%n", option("entries"), millisSince(writeStarted));

			List<OutboxDispatcher> nodes = new ArrayList<>();
			long drainStarted = System.nanoTime();
			for (int node = 0; node < option("nodes"); node++) {
				nodes.add(startNode(postgres, sinkUrl, "node-" + node));
			}
			awaitDelivered(outbox, option("entries"));
			long drainMillis = millisSince(drainStarted);
			double rate = option("entries") * 1000.0 / drainMillis;
			// What the workers could do if the database cost nothing: each one sends one entry per sink latency.
			double ceiling = option("nodes") * option("concurrency") * 1000.0 / Math.max(1, option("sinkLatencyMs"));
			System.out.printf("backlog: %d entries, %d keys, %d nodes x %d workers, sink %d ms: delivered in %d ms = %.0f "
					+ "entries/s, ceiling %.0f/s, ratio %.2f%n", option("entries"), option("keys"), option("nodes"),
					option("concurrency"), option("sinkLatencyMs"), drainMillis, rate, ceiling, rate / ceiling);
			System.out.printf("backlog against the client alone on this machine: %.0f of %.0f/s, ratio %.2f%n", rate,
					clientAlone, rate / clientAlone);

			steadyState(writer, outbox, nodes);
			nodes.forEach(OutboxDispatcher::close);
			sink.close();
		}
	}

	private void steadyState(OutboxWriter writer, JdbcOutbox outbox, List<OutboxDispatcher> nodes) {
		this.latenciesNanos.clear();
		int total = option("rate") * option("seconds");
		long intervalNanos = 1_000_000_000L / option("rate");
		long start = System.nanoTime();
		long before = outbox.countsByStatus().get(DeliveryStatus.DELIVERED);
		for (int i = 0; i < total; i++) {
			long due = start + i * intervalNanos;
			while (System.nanoTime() < due) {
				LockSupport.parkNanos(Math.max(1_000, due - System.nanoTime()));
			}
			// The title carries the write time, so the sink can measure write-to-delivery latency.
			writer.write(new ProductSavedEvent(InfluenceProduct.of("s-" + (i % option("keys")), "t" + System.nanoTime())));
			nodes.forEach(OutboxDispatcher::nudge);
		}
		awaitDelivered(outbox, before + total);
		long[] sorted = this.latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("steady state: %d entries/s for %d s: write-to-delivery latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d samples)%n",
				option("rate"), option("seconds"), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				percentile(sorted, 100), sorted.length);
	}

	/**
	 * The same requests from as many threads as all nodes have workers, straight through the client, with no
	 * outbox: what this machine's CPU allows the HTTP client and the sink, the practical ceiling.
	 * @return requests per second
	 */
	private double clientAlone(String sinkUrl) throws InterruptedException {
		PlatformClient client = client(sinkUrl);
		int threads = option("nodes") * option("concurrency");
		int perThread = Math.max(100, option("entries") / threads / 2);
		List<Thread> senders = new ArrayList<>();
		long started = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread sender = new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					client.products().upsert(InfluenceProduct.of("warm-" + thread + "-" + i, "client alone"));
				}
			});
			sender.start();
			senders.add(sender);
		}
		for (Thread sender : senders) {
			sender.join();
		}
		double rate = threads * perThread * 1000.0 / millisSince(started);
		System.out.printf("client alone: %d threads sent %d requests to the sink at %.0f/s%n", threads,
				threads * perThread, rate);
		return rate;
	}

	private static long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return -1;
		}
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return Duration.ofNanos(sorted[Math.max(0, index)]).toMillis();
	}

	private OutboxDispatcher startNode(EmbeddedPostgres postgres, String sinkUrl, String name) {
		JdbcOutbox outbox = new JdbcOutbox(pool(postgres.getJdbcUrl("postgres", "postgres"), option("concurrency") + 4),
				DatabasePlatform.POSTGRESQL, JdbcOutbox.DEFAULT_TABLE_PREFIX, Clock.systemUTC());
		OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, SyncKinds.all(client(sinkUrl)),
				DeliverySettings.defaults(name)
					.withConcurrency(option("concurrency"))
					.withBatchSize(option("concurrency") * 2)
					.withPollInterval(Duration.ofMillis(100)),
				new DeliveryListener() {
				}, Clock.systemUTC());
		dispatcher.start();
		return dispatcher;
	}

	static PlatformClient client(String sinkUrl) {
		return PlatformClient.builder().apiKey("load-test").baseUrl(sinkUrl).retry(RetrySettings.none()).build();
	}

	private static void awaitDelivered(JdbcOutbox outbox, long expected) {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (outbox.countsByStatus().get(DeliveryStatus.DELIVERED) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not delivered within 30 minutes: " + outbox.countsByStatus());
			}
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
	}

	static DataSource pool(String jdbcUrl, int size) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(jdbcUrl);
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(size);
		return pool;
	}

	static long millisSince(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

	@Override
	public String toString() {
		return "DeliveryLoadHarness" + Arrays.toString(this.options.entrySet().toArray());
	}

}
