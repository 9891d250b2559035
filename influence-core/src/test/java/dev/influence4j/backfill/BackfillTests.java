package dev.influence4j.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.influence4j.backfill.Backfill.Progress;
import dev.influence4j.delivery.DatabasePlatform;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.EntryPriority;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.MutableClock;
import dev.influence4j.delivery.OutboxEntry;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.sync.SyncKinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A backfill on a real database (H2) with the real outbox and writer, driven round by round: every row written
 * once however often the import is restarted, one node at a time, the backlog bounded, bad rows reported and
 * skipped, a failing source pausing the import, live entries claimed before backfill entries.
 */
class BackfillTests {

	private DataSource database;

	private JdbcOutbox outbox;

	private OutboxWriter writer;

	private final AtomicInteger nudges = new AtomicInteger();

	@BeforeEach
	void database() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.database = h2;
		this.outbox = new JdbcOutbox(h2, DatabasePlatform.H2, JdbcOutbox.DEFAULT_TABLE_PREFIX, Clock.systemUTC());
		this.outbox.initializeSchema();
		PlatformClient client = PlatformClient.builder().apiKey("test-key").baseUrl("http://127.0.0.1:9")
			.retry(RetrySettings.none()).build();
		this.writer = new OutboxWriter(this.outbox, this.nudges::incrementAndGet, SyncKinds.storefront(client));
	}

	private Backfill backfill(String node, BackfillSettings settings, BackfillSource<?, ?>... sources) {
		return backfill(node, settings, Clock.systemUTC(), sources);
	}

	private Backfill backfill(String node, BackfillSettings settings, Clock clock, BackfillSource<?, ?>... sources) {
		return new Backfill(this.database, JdbcOutbox.DEFAULT_TABLE_PREFIX, this.outbox, this.writer,
				this.nudges::incrementAndGet, List.of(sources), settings, clock);
	}

	private static BackfillSettings settings(String node) {
		return BackfillSettings.defaults(node).withPageSize(100).withMaxPending(100_000);
	}

	@Test
	void tenThousandCustomersAreEachWrittenOnceAcrossARestartMidway() {
		Customers customers = new Customers(10_000);
		Backfill first = backfill("node-a", settings("node-a"), customers);
		assertThat(first.start(BackfillRequest.of(BackfillKind.CUSTOMERS)).started()).isTrue();
		// The node stops while it reads its 50th page: that page is not written, and its lease is released.
		customers.onPage(50, first::close);

		assertThat(first.work()).isEqualTo(Progress.STOPPED);
		assertThat(first.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.read()).isEqualTo(4_900);
			assertThat(status.cursor()).isEqualTo("4900");
			assertThat(status.node()).isNull();
		});

		Backfill second = backfill("node-b", settings("node-b"), customers);
		assertThat(second.work()).isEqualTo(Progress.DONE);

		assertThat(customers.firstPageReads()).as("the second node resumed from the cursor").isEqualTo(1);
		Map<String, Integer> perKey = new HashMap<>();
		for (OutboxEntry entry : this.outbox.claim("reader", 20_000, Duration.ofMinutes(1))) {
			perKey.merge(entry.entityKey(), 1, Integer::sum);
			assertThat(entry.priority()).isEqualTo(EntryPriority.BACKFILL);
		}
		assertThat(perKey).hasSize(10_000).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
		assertThat(second.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.state()).isEqualTo(BackfillState.DONE);
			assertThat(status.read()).isEqualTo(10_000);
			assertThat(status.written()).isEqualTo(10_000);
			assertThat(status.progress()).hasValue(1.0);
		});
	}

	@Test
	void twoNodesStartingTheSameBackfillRunItOnceTheOtherSeesItRunningElsewhere() {
		Customers customers = new Customers(1_000);
		Backfill a = backfill("node-a", settings("node-a"), customers);
		Backfill b = backfill("node-b", settings("node-b"), customers);
		assertThat(a.start(BackfillRequest.of(BackfillKind.CUSTOMERS)).started()).isTrue();
		AtomicReference<@Nullable Progress> otherNode = new AtomicReference<>();
		AtomicReference<@Nullable BackfillStart> startedAgain = new AtomicReference<>();
		customers.onPage(3, () -> {
			otherNode.set(b.work());
			startedAgain.set(b.start(BackfillRequest.of(BackfillKind.CUSTOMERS)));
		});

		assertThat(a.work()).isEqualTo(Progress.DONE);

		assertThat(otherNode.get()).as("node-a held the lease").isEqualTo(Progress.ELSEWHERE);
		assertThat(startedAgain.get()).isNotNull().satisfies((again) -> {
			assertThat(again.started()).isFalse();
			assertThat(again.message()).startsWith("already running: customers is running on node node-a");
		});
		assertThat(customers.firstPageReads()).isEqualTo(1);
		assertThat(this.outbox.unfinished(EntryPriority.BACKFILL)).isEqualTo(1_000);
	}

	@Test
	void theBacklogNeverHoldsMoreThanTheBoundOfBackfillEntries() {
		Customers customers = new Customers(1_000);
		Backfill backfill = backfill("node", BackfillSettings.defaults("node").withPageSize(30).withMaxPending(100), customers);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));

		assertThat(backfill.work()).isEqualTo(Progress.BACKLOG);
		assertThat(this.outbox.unfinished(EntryPriority.BACKFILL)).isEqualTo(90);

		// Half of it is delivered: the next page fits, and then the backlog is full again.
		List<OutboxEntry> claimed = this.outbox.claim("dispatcher", 45, Duration.ofMinutes(1));
		this.outbox.markDelivered(claimed, "dispatcher");
		assertThat(backfill.work()).isEqualTo(Progress.BACKLOG);
		assertThat(this.outbox.unfinished(EntryPriority.BACKFILL)).isLessThanOrEqualTo(100).isEqualTo(75);
	}

	@Test
	void aLiveEntryIsClaimedBeforeOlderBackfillEntries() {
		Customers customers = new Customers(300);
		Backfill backfill = backfill("node", settings("node"), customers);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));
		assertThat(backfill.work()).isEqualTo(Progress.DONE);

		this.writer.write(dev.influence4j.events.OrderCompletedEvent.of(order("live-1", Instant.now())));

		List<OutboxEntry> first = this.outbox.claim("dispatcher", 1, Duration.ofMinutes(1));
		assertThat(first).singleElement().satisfies((entry) -> {
			assertThat(entry.entityKey()).isEqualTo("order:live-1");
			assertThat(entry.priority()).isEqualTo(EntryPriority.LIVE);
		});
	}

	@Test
	void aRowThatFailsValidationIsCountedAndReportedWithItsIdAndTheImportGoesOn() {
		Customers customers = new Customers(250);
		customers.withoutEmail("c-17");
		Backfill backfill = backfill("node", settings("node"), customers);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));

		assertThat(backfill.work()).isEqualTo(Progress.DONE);

		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.read()).isEqualTo(250);
			assertThat(status.written()).isEqualTo(249);
			assertThat(status.failed()).isEqualTo(1);
			assertThat(status.failedItems()).startsWith("c-17: ").contains("email");
		});
		assertThat(this.outbox.countsByStatus()).containsEntry(DeliveryStatus.PENDING, 249L);
	}

	@Test
	void aSourceThatThrowsPausesTheImportWithItsErrorUntilResumed() {
		Customers customers = new Customers(300);
		Backfill backfill = backfill("node", settings("node"), customers);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));
		customers.failOnPage(2, new IllegalStateException("connection to the shop database lost"));

		assertThat(backfill.work()).isEqualTo(Progress.PAUSED);
		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.state()).isEqualTo(BackfillState.PAUSED);
			assertThat(status.lastError()).contains("the customers source failed", "connection to the shop database lost");
			assertThat(status.read()).isEqualTo(100);
		});
		assertThat(backfill.work()).as("a paused import waits").isEqualTo(Progress.IDLE);

		customers.failOnPage(-1, null);
		assertThat(backfill.resume()).isEqualTo(1);
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.read()).isEqualTo(300);
			assertThat(status.lastError()).isNull();
		});
	}

	@Test
	void anEarlierKindThatPausesHoldsTheLaterKindsBackUntilItIsResumedAndDone() {
		Customers customers = new Customers(300);
		Products products = new Products(50);
		Backfill backfill = backfill("node", settings("node"), customers, products);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS, BackfillKind.PRODUCTS));
		customers.failOnPage(2, new IllegalStateException("connection to the shop database lost"));

		assertThat(backfill.work()).isEqualTo(Progress.PAUSED);
		assertThat(backfill.status(BackfillKind.CUSTOMERS).map(BackfillStatus::state)).hasValue(BackfillState.PAUSED);
		assertThat(backfill.work()).isEqualTo(Progress.WAITING);
		assertThat(backfill.work()).isEqualTo(Progress.WAITING);
		assertThat(products.reads).as("products wait for the paused customers").isZero();
		assertThat(backfill.status(BackfillKind.PRODUCTS).map(BackfillStatus::state)).hasValue(BackfillState.RUNNING);

		customers.failOnPage(-1, null);
		backfill.resume();
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(products.reads).as("products wait until the customers are done").isZero();
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(products.reads).isOne();
	}

	@Test
	void aKindStartedWhileAnEarlierOneIsPausedWaitsForItAndSaysSo() {
		Customers customers = new Customers(300);
		Products products = new Products(50);
		Backfill backfill = backfill("node", settings("node"), customers, products);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));
		customers.failOnPage(2, new IllegalStateException("connection to the shop database lost"));
		assertThat(backfill.work()).isEqualTo(Progress.PAUSED);

		BackfillStart start = backfill.start(BackfillRequest.of(BackfillKind.PRODUCTS));

		assertThat(start.started()).isTrue();
		assertThat(start.message()).isEqualTo("started: products; waits for customers (paused: resume or cancel it)");
		assertThat(backfill.work()).isEqualTo(Progress.WAITING);
		assertThat(products.reads).isZero();

		// Cancelling the customers lets the products go.
		assertThat(backfill.cancel()).isEqualTo(2);
		backfill.start(BackfillRequest.of(BackfillKind.PRODUCTS));
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(products.reads).isOne();
	}

	@Test
	void deliveredCountsTheRowsInfluenceIoAcceptedAlsoAfterTheirEntriesArePurged() {
		Customers customers = new Customers(250);
		Backfill backfill = backfill("node", settings("node"), customers);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(backfill.status(BackfillKind.CUSTOMERS).map(BackfillStatus::delivered)).hasValue(0L);

		this.outbox.markDelivered(this.outbox.claim("dispatcher", 100, Duration.ofMinutes(1)), "dispatcher");
		for (OutboxEntry entry : this.outbox.claim("dispatcher", 10, Duration.ofMinutes(1))) {
			this.outbox.markDead(entry, "dispatcher", "400: bad email", true);
		}
		// A live entry of the same kind is not the import's.
		this.writer.write(new dev.influence4j.events.CustomerSavedEvent(InfluenceCustomer.of("live-1", "live-1@example.com")));
		List<OutboxEntry> live = this.outbox.claim("dispatcher", 1, Duration.ofMinutes(1));
		assertThat(live).singleElement().extracting(OutboxEntry::priority).isEqualTo(EntryPriority.LIVE);
		this.outbox.markDelivered(live, "dispatcher");

		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.written()).isEqualTo(250);
			assertThat(status.delivered()).as("dead letters are not delivered").isEqualTo(100);
		});
		Instant later = Instant.now().plusSeconds(60);
		assertThat(this.outbox.purge(later, later)).isEqualTo(101);
		assertThat(backfill.status().get(0).delivered()).as("after the delivered entries were purged").isEqualTo(100);
	}

	@Test
	void aMapThatThrowsUnexpectedlyPausesTheImportWithTheRowsIdAndWritesNothingOfItsPage() {
		Customers customers = new Customers(300);
		customers.mapFails("c-150", new NullPointerException("the account has no address"));
		Backfill backfill = backfill("node", settings("node"), customers);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS));

		Progress progress = backfill.work();

		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.state()).isEqualTo(BackfillState.PAUSED);
			assertThat(status.lastError()).contains("the customers source failed", "row c-150", "NullPointerException",
					"the account has no address");
			assertThat(status.read()).as("the page with the row is not written").isEqualTo(100);
			assertThat(status.cursor()).isEqualTo("100");
		});
		assertThat(progress).isEqualTo(Progress.PAUSED);
		assertThat(this.outbox.unfinished(EntryPriority.BACKFILL)).isEqualTo(100);

		customers.mapFails("none", null);
		assertThat(backfill.resume()).isOne();
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.read()).isEqualTo(300);
			assertThat(status.written()).isEqualTo(300);
			assertThat(status.lastError()).isNull();
		});
	}

	@Test
	void theRateCountsOnlyTheTimeAKindRanNotItsPausesNorItsWaitForTheKindsBefore() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
		Customers customers = new Customers(300);
		Products products = new Products(100);
		// Every page takes a second to read.
		customers.eachPage(() -> clock.advance(Duration.ofSeconds(1)));
		products.eachPage(() -> clock.advance(Duration.ofSeconds(1)));
		Backfill backfill = backfill("node", settings("node"), clock, customers, products);
		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS, BackfillKind.PRODUCTS));
		customers.failOnPage(2, new IllegalStateException("connection to the shop database lost"));

		assertThat(backfill.work()).isEqualTo(Progress.PAUSED);
		clock.advance(Duration.ofHours(1));
		BackfillStatus paused = backfill.status(BackfillKind.CUSTOMERS).orElseThrow();
		assertThat(paused.read()).isEqualTo(100);
		assertThat(paused.rate(clock.instant())).as("100 rows in the second it ran").isEqualTo(100.0);

		customers.failOnPage(-1, null);
		backfill.resume();
		clock.advance(Duration.ofMinutes(5));
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		BackfillStatus customersDone = backfill.status(BackfillKind.CUSTOMERS).orElseThrow();
		assertThat(customersDone.rate(clock.instant())).as("300 rows in 3 s of running").isEqualTo(100.0);

		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		BackfillStatus productsDone = backfill.status(BackfillKind.PRODUCTS).orElseThrow();
		assertThat(productsDone.read()).isEqualTo(100);
		assertThat(productsDone.rate(clock.instant())).as("100 rows in the second it ran").isEqualTo(100.0);
	}

	@Test
	void aDryRunReadsAndCountsButWritesNothing() {
		Customers customers = new Customers(250);
		customers.withoutEmail("c-3");
		Backfill backfill = backfill("node", settings("node"), customers);

		backfill.start(BackfillRequest.of(BackfillKind.CUSTOMERS).asDryRun());

		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(this.outbox.countsByStatus().values().stream().mapToLong(Long::longValue).sum()).isZero();
		assertThat(backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((status) -> {
			assertThat(status.dryRun()).isTrue();
			assertThat(status.delivered()).isZero();
			assertThat(status.read()).isEqualTo(250);
			assertThat(status.written()).isEqualTo(249);
			assertThat(status.failed()).isEqualTo(1);
		});
	}

	@Test
	void customersRunBeforeOrdersAndOrdersOnlySinceTheDateAskedFor() {
		Customers customers = new Customers(150);
		Orders orders = new Orders(List.of(order("old", Instant.parse("2025-01-01T00:00:00Z")),
				order("new", Instant.parse("2026-11-01T00:00:00Z"))));
		Backfill backfill = backfill("node", settings("node"), customers, orders);

		backfill.start(BackfillRequest.of(BackfillKind.ORDERS, BackfillKind.CUSTOMERS)
			.ordersSince(Instant.parse("2026-01-01T00:00:00Z")));

		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		assertThat(orders.reads).as("orders wait for the customers").isZero();
		assertThat(backfill.work()).isEqualTo(Progress.DONE);
		List<String> orderKeys = this.outbox.claim("reader", 1_000, Duration.ofMinutes(1)).stream()
			.map(OutboxEntry::entityKey)
			.filter((key) -> key.startsWith("order:"))
			.toList();
		assertThat(orderKeys).containsExactly("order:new");
		assertThat(backfill.status(BackfillKind.ORDERS)).hasValueSatisfying((status) -> {
			assertThat(status.read()).isEqualTo(2);
			assertThat(status.written()).isEqualTo(1);
		});
	}

	@Test
	void startingAKindWithoutASourceIsRefusedClearly() {
		Backfill backfill = backfill("node", settings("node"), new Customers(1));

		assertThatIllegalArgumentException().isThrownBy(() -> backfill.start(BackfillRequest.of(BackfillKind.ORDERS)))
			.withMessage("no BackfillSource for orders in this application (sources: [customers])");
	}

	private static InfluenceOrder order(String id, Instant createdAt) {
		return InfluenceOrder.builder(id).customerId("c-1").email("c-1@example.com").financialStatus(FinancialStatus.PAID)
			.totalPrice("10.00").currency("EUR").createdAt(createdAt).build();
	}

	/** A shop's customer table: ids c-1 ... c-n, keyset pages by number. */
	static final class Customers implements BackfillSource<Integer, InfluenceCustomer> {

		private final int count;

		private final List<String> withoutEmail = new ArrayList<>();

		private final AtomicInteger firstPageReads = new AtomicInteger();

		private volatile int hookPage = -1;

		private volatile Runnable hook = () -> {
		};

		private volatile int failOnPage = -1;

		private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();

		private final AtomicInteger pages = new AtomicInteger();

		private volatile Runnable eachPage = () -> {
		};

		private volatile String mapFailsOn = "";

		private final AtomicReference<@Nullable RuntimeException> mapFailure = new AtomicReference<>();

		Customers(int count) {
			this.count = count;
		}

		/** Run something after every page is read. */
		void eachPage(Runnable hook) {
			this.eachPage = hook;
		}

		/** Fail mapping a row with something else than a validation error. */
		void mapFails(String id, @Nullable RuntimeException failure) {
			this.mapFailsOn = id;
			this.mapFailure.set(failure);
		}

		void withoutEmail(String id) {
			this.withoutEmail.add(id);
		}

		/** Run something while a page is read (counted from the next read). */
		void onPage(int page, Runnable hook) {
			this.hookPage = page;
			this.hook = hook;
			this.pages.set(0);
		}

		void failOnPage(int page, @Nullable RuntimeException failure) {
			this.failOnPage = page;
			this.failure.set(failure);
			this.pages.set(0);
		}

		int firstPageReads() {
			return this.firstPageReads.get();
		}

		@Override
		public BackfillKind<InfluenceCustomer> kind() {
			return BackfillKind.CUSTOMERS;
		}

		@Override
		public BackfillPage<Integer> page(@Nullable String after, int size) {
			int page = this.pages.incrementAndGet();
			if (page == this.failOnPage) {
				RuntimeException failure = this.failure.get();
				if (failure != null) {
					throw failure;
				}
			}
			if (page == this.hookPage) {
				this.hook.run();
			}
			int start = (after != null) ? Integer.parseInt(after) : 0;
			if (start == 0) {
				this.firstPageReads.incrementAndGet();
			}
			this.eachPage.run();
			return numbered(start, size, this.count);
		}

		@Override
		public String id(Integer row) {
			return "c-" + row;
		}

		@Override
		public OptionalLong count() {
			return OptionalLong.of(this.count);
		}

		@Override
		public InfluenceCustomer map(Integer row) {
			String id = id(row);
			RuntimeException failure = this.mapFailure.get();
			if (failure != null && id.equals(this.mapFailsOn)) {
				throw failure;
			}
			return InfluenceCustomer.of(id, this.withoutEmail.contains(id) ? "" : id + "@example.com");
		}

	}

	/** The page of rows {@code start + 1} ... {@code start + size} of {@code 1} ... {@code count}, keyed by number. */
	static BackfillPage<Integer> numbered(int start, int size, int count) {
		List<Integer> rows = new ArrayList<>();
		for (int n = start + 1; n <= Math.min(count, start + size); n++) {
			rows.add(n);
		}
		int last = start + rows.size();
		return new BackfillPage<>(rows, (last < count) ? Integer.toString(last) : null);
	}

	/** A shop's product table: ids p-1 ... p-n, keyset pages by number. */
	static final class Products implements BackfillSource<Integer, InfluenceProduct> {

		private final int count;

		private volatile Runnable eachPage = () -> {
		};

		volatile int reads;

		Products(int count) {
			this.count = count;
		}

		void eachPage(Runnable hook) {
			this.eachPage = hook;
		}

		@Override
		public BackfillKind<InfluenceProduct> kind() {
			return BackfillKind.PRODUCTS;
		}

		@Override
		public BackfillPage<Integer> page(@Nullable String after, int size) {
			this.reads++;
			int start = (after != null) ? Integer.parseInt(after) : 0;
			this.eachPage.run();
			return numbered(start, size, this.count);
		}

		@Override
		public String id(Integer row) {
			return "p-" + row;
		}

		@Override
		public OptionalLong count() {
			return OptionalLong.of(this.count);
		}

		@Override
		public InfluenceProduct map(Integer row) {
			return InfluenceProduct.of(id(row), "Product " + row);
		}

	}

	/** A shop's orders, all on one page. */
	static final class Orders implements BackfillSource<InfluenceOrder, InfluenceOrder> {

		private final List<InfluenceOrder> orders;

		volatile int reads;

		Orders(List<InfluenceOrder> orders) {
			this.orders = orders;
		}

		@Override
		public BackfillKind<InfluenceOrder> kind() {
			return BackfillKind.ORDERS;
		}

		@Override
		public BackfillPage<InfluenceOrder> page(@Nullable String after, int size) {
			this.reads++;
			return BackfillPage.last(this.orders);
		}

		@Override
		public String id(InfluenceOrder row) {
			return row.orderId();
		}

		@Override
		public InfluenceOrder map(InfluenceOrder row) {
			return row;
		}

	}

}
