package dev.influence4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillRequest;
import dev.influence4j.backfill.BackfillSettings;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.backfill.BackfillState;
import dev.influence4j.delivery.DatabasePlatform;
import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.DeliverySettings;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

/**
 * Load harness for imports: backfills {@code customers} generated customers through one node (a dispatcher
 * with {@code concurrency} workers, on an embedded PostgreSQL) into a local sink answering after
 * {@code sinkLatencyMs}, and reports rows per second, the ratio to the ceiling (workers ÷ latency) and the peak
 * heap. Run it with {@code -Dbench.jvmArgs=-Xmx256m} to prove that an import of any size fits a small heap.
 * Arguments are {@code name=value} pairs: {@code customers} (100000), {@code concurrency} (16),
 * {@code sinkLatencyMs} (20), {@code pageSize} (200), {@code maxPending} (1000).
 */
public final class BackfillLoadHarness {

	private final Map<String, Integer> options;

	private BackfillLoadHarness(Map<String, Integer> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, Integer> options = new HashMap<>(Map.of("customers", 100_000, "concurrency", 16, "sinkLatencyMs", 20,
				"pageSize", 200, "maxPending", 1000));
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			options.put(pair[0], Integer.parseInt(pair[1]));
		}
		new BackfillLoadHarness(options).run();
		System.exit(0);
	}

	private int option(String name) {
		return this.options.get(name);
	}

	private void run() throws Exception {
		System.out.println("influence4j backfill load harness " + this.options + ", max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				LoadSink sink = LoadSink.start(option("sinkLatencyMs"), "{\"customer\":{}}", (body) -> {
				})) {
			DataSource database = DeliveryLoadHarness.pool(postgres.getJdbcUrl("postgres", "postgres"),
					option("concurrency") + 4);
			JdbcOutbox outbox = new JdbcOutbox(database, DatabasePlatform.POSTGRESQL, JdbcOutbox.DEFAULT_TABLE_PREFIX,
					Clock.systemUTC());
			outbox.initializeSchema();
			PlatformClient client = DeliveryLoadHarness.client(sink.url());
			OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, SyncKinds.all(client),
					DeliverySettings.defaults("node-1")
						.withConcurrency(option("concurrency"))
						.withBatchSize(option("concurrency") * 2)
						.withPollInterval(Duration.ofMillis(100)),
					new DeliveryListener() {
					}, Clock.systemUTC());
			OutboxWriter writer = new OutboxWriter(outbox, dispatcher::nudge, SyncKinds.storefront(client));
			Backfill backfill = new Backfill(database, JdbcOutbox.DEFAULT_TABLE_PREFIX, outbox, writer, dispatcher::nudge,
					List.of(new GeneratedCustomers(option("customers"))), BackfillSettings.defaults("node-1")
						.withPageSize(option("pageSize"))
						.withMaxPending(option("maxPending"))
						.withPollInterval(Duration.ofMillis(100)),
					Clock.systemUTC());
			dispatcher.start();
			backfill.start();
			resetPeakHeap();
			long started = System.nanoTime();
			backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));
			long deadline = started + Duration.ofMinutes(30).toNanos();
			while (backfill.status(BackfillKind.CUSTOMERS).orElseThrow().state() != BackfillState.DONE
					|| outbox.countsByStatus().get(DeliveryStatus.DELIVERED) < option("customers")) {
				if (outbox.countsByStatus().get(DeliveryStatus.DEAD) > 0) {
					throw new IllegalStateException("the sink refused entries: " + outbox.deadLetters(0, 1));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("not imported within 30 minutes: " + backfill.status());
				}
				LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
			}
			long millis = DeliveryLoadHarness.millisSince(started);
			double rate = option("customers") * 1000.0 / millis;
			double ceiling = option("concurrency") * 1000.0 / Math.max(1, option("sinkLatencyMs"));
			System.out.printf("backfill: %d customers, 1 node x %d workers, sink %d ms: imported in %d ms = %.0f "
					+ "entries/s, ceiling %.0f/s, ratio %.2f, peak heap %d MB of %d MB, sink received %d%n",
					option("customers"), option("concurrency"), option("sinkLatencyMs"), millis, rate, ceiling,
					rate / ceiling, peakHeapMegabytes(), Runtime.getRuntime().maxMemory() / (1024 * 1024), sink.received());
			backfill.close();
			dispatcher.close();
		}
	}

	private static void resetPeakHeap() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMegabytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

	/** A shop's customers, generated page by page: nothing of the whole import is ever held at once. */
	private static final class GeneratedCustomers implements BackfillSource<Integer, InfluenceCustomer> {

		private final int count;

		GeneratedCustomers(int count) {
			this.count = count;
		}

		@Override
		public BackfillKind<InfluenceCustomer> kind() {
			return BackfillKind.CUSTOMERS;
		}

		@Override
		public BackfillPage<Integer> page(@Nullable String after, int size) {
			int start = (after != null) ? Integer.parseInt(after) : 0;
			List<Integer> rows = new ArrayList<>(size);
			for (int n = start + 1; n <= Math.min(this.count, start + size); n++) {
				rows.add(n);
			}
			int last = start + rows.size();
			return new BackfillPage<>(rows, (last < this.count) ? Integer.toString(last) : null);
		}

		@Override
		public String id(Integer row) {
			return Integer.toString(row);
		}

		@Override
		public InfluenceCustomer map(Integer row) {
			return InfluenceCustomer.of(id(row), "customer-" + row + "@example.com");
		}

		@Override
		public OptionalLong count() {
			return OptionalLong.of(this.count);
		}

	}

}
