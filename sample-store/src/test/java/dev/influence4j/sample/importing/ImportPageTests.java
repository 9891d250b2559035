package dev.influence4j.sample.importing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillState;
import dev.influence4j.backfill.BackfillStatus;
import dev.influence4j.sample.BulkAccounts;
import dev.influence4j.sample.DatabaseTime;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page at {@code /admin/influence/import}, against the store's real backfill, outbox and the
 * embedded sandbox. Rows the import must send are written straight into the store's tables, so that only the
 * import can have sent them.
 */
@StoreTest
class ImportPageTests {

	private static final String PAGE = "/admin/influence/import";

	@Autowired
	MockMvc mvc;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	Backfill backfill;

	@Autowired
	JdbcClient jdbc;

	Shopper admin;

	BulkAccounts accounts;

	Long productId;

	@BeforeEach
	void logIn() throws Exception {
		// An import another test left running would refuse a new start.
		this.backfill.cancel();
		this.admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
	}

	@AfterEach
	void cleanUp() {
		this.sandbox.faults().clear();
		this.backfill.cancel();
		if (this.accounts != null) {
			this.accounts.delete();
		}
		if (this.productId != null) {
			this.jdbc.sql("DELETE FROM product WHERE id = :id").param("id", this.productId).update();
		}
	}

	@Test
	void guestsAreSentToTheLogin() throws Exception {
		Shopper guest = Shopper.anonymous(this.mvc);

		guest.open(PAGE).andExpect(redirectedUrl("/login"));
		guest.submit(PAGE, "kind", "customers").andExpect(redirectedUrl("/login"));
		guest.submit(PAGE + "/pause").andExpect(redirectedUrl("/login"));
	}

	@Test
	void customersMayNeitherSeeNorAct() throws Exception {
		Shopper customer = Shopper.registered(this.mvc);

		customer.open(PAGE).andExpect(status().isForbidden());
		customer.submit(PAGE, "kind", "customers").andExpect(status().isForbidden());
		customer.submit(PAGE + "/pause").andExpect(status().isForbidden());
		customer.submit(PAGE + "/resume").andExpect(status().isForbidden());
		customer.submit(PAGE + "/cancel").andExpect(status().isForbidden());
	}

	@Test
	void pageOffersTheStoresKindsWithOrdersUncheckedAndWarned() throws Exception {
		this.admin.open(PAGE)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Import into Influence.io</h1>")))
			.andExpect(content().string(containsString("href=\"/admin/influence/import\">Admin: import</a>")))
			.andExpect(content().string(containsString("id=\"kind-customers\" checked")))
			.andExpect(content().string(containsString("id=\"kind-products\" checked")))
			.andExpect(content().string(containsString("value=\"orders\" id=\"kind-orders\">")))
			.andExpect(content().string(containsString("applies its earn rules to the orders it receives")))
			.andExpect(content().string(not(containsString("kind-collections"))));
		this.admin.open("/admin/influence")
			.andExpect(content().string(containsString("href=\"/admin/influence/import\" id=\"import-link\"")));
	}

	@Test
	void importOfCustomersAndProductsReachesTheSandbox() throws Exception {
		this.accounts = BulkAccounts.insert(this.jdbc, 3);
		String customerId = Long.toString(this.accounts.id(2));
		long productId = insertProduct("Imported kettle");
		this.productId = productId;
		assertThat(this.sandbox.customer(customerId)).as("unknown to Influence.io before the import").isEmpty();

		this.admin.submit(PAGE, "kind", "customers", "kind", "products")
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("notice", "Import started: customers, products."));

		BackfillStatus customers = await().atMost(Duration.ofSeconds(30))
			.until(() -> importOf(BackfillKind.CUSTOMERS), (status) -> status.state() == BackfillState.DONE);
		BackfillStatus products = await().atMost(Duration.ofSeconds(30))
			.until(() -> importOf(BackfillKind.PRODUCTS), (status) -> status.state() == BackfillState.DONE);
		assertThat(customers.read()).isPositive().isEqualTo(customers.written()).isEqualTo(customers.total());
		assertThat(products.read()).isPositive().isEqualTo(products.written());
		assertThat(customers.dryRun()).isFalse();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.sandbox.customer(customerId))
				.hasValueSatisfying((customer) -> assertThat(customer.email()).isEqualTo(this.accounts.email(2)));
			assertThat(this.sandbox.journal()
				.requests("PUT", "/v1/products/" + productId)
				.stream()
				.anyMatch((request) -> request.succeeded())).as("product " + productId + " sent").isTrue();
		});
		assertThat(this.sandbox.customerByEmail(DemoData.CUSTOMER_EMAIL)).isPresent();
		assertThat(this.sandbox.customerByEmail(DemoData.ADMIN_EMAIL)).as("staff are not loyalty members").isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> importOf(BackfillKind.CUSTOMERS).delivered() == customers.written());
		this.admin.open(PAGE)
			.andExpect(content().string(containsString(
					"<td>Delivered</td><td class=\"amount delivered\">" + customers.written() + "</td>")));
		this.admin.open(PAGE)
			.andExpect(content().string(containsString("id=\"import-customers\"")))
			.andExpect(content().string(containsString(
					customers.read() + " of " + customers.total() + " read (100 %)")))
			.andExpect(content().string(containsString("class=\"state\">done<")));
	}

	@Test
	void startingAgainWhilePausedSaysItIsAlreadyRunning() throws Exception {
		// More customers than the backlog holds, delivered slowly: the import is still running when paused.
		this.accounts = BulkAccounts.insert(this.jdbc, 1500);
		this.sandbox.faults().on("PUT", "/v1/customers/").delayNext(100_000, Duration.ofSeconds(1));
		this.admin.follow(this.admin.submit(PAGE, "kind", "customers")
			.andExpect(flash().attribute("notice", "Import started: customers.")));

		this.admin.follow(this.admin.submit(PAGE + "/pause")
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("notice", "1 import paused.")));
		assertThat(importOf(BackfillKind.CUSTOMERS).state()).isEqualTo(BackfillState.PAUSED);

		this.admin.follow(this.admin.submit(PAGE, "kind", "customers", "kind", "products")
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("problem", containsString("Import already running: customers is paused"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"problem\">Import already running: customers is paused")))
			.andExpect(content().string(containsString("class=\"state\">paused<")));
		assertThat(this.backfill.status(BackfillKind.PRODUCTS).map(BackfillStatus::state))
			.as("nothing of the refused request started")
			.isNotEqualTo(Optional.of(BackfillState.RUNNING));

		this.admin.submit(PAGE + "/cancel").andExpect(flash().attribute("notice", containsString("1 import cancelled")));
		assertThat(importOf(BackfillKind.CUSTOMERS).state()).isEqualTo(BackfillState.CANCELLED);
	}

	@Test
	void dryRunReadsEverythingAndWritesNothingToTheOutbox() throws Exception {
		this.accounts = BulkAccounts.insert(this.jdbc, 3);
		long before = outboxEntries();

		this.admin.submit(PAGE, "kind", "customers", "kind", "products", "dryRun", "true")
			.andExpect(flash().attribute("notice", "Import started: customers, products (dry run)."));

		BackfillStatus customers = await().atMost(Duration.ofSeconds(30))
			.until(() -> importOf(BackfillKind.CUSTOMERS), (status) -> status.state() == BackfillState.DONE);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> importOf(BackfillKind.PRODUCTS).state() == BackfillState.DONE);
		assertThat(customers.dryRun()).isTrue();
		assertThat(customers.read()).isPositive().isEqualTo(customers.written());
		assertThat(outboxEntries()).as("outbox entries").isEqualTo(before);
		assertThat(this.sandbox.customer(Long.toString(this.accounts.id(1)))).isEmpty();
	}

	@Test
	void badInputIsRefusedWithAMessage() throws Exception {
		this.admin.follow(this.admin.submit(PAGE, "kind", "orders", "ordersSince", "2025-13-45")
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("problem",
					"\"Orders since\" must be a date such as 2025-06-01; nothing was started.")))
			.andExpect(status().isOk());
		this.admin.submit(PAGE).andExpect(flash().attribute("problem",
				"Choose at least one kind to import; nothing was started."));
		this.admin.submit(PAGE, "kind", "collections").andExpect(flash().attribute("problem",
				"The store cannot import \"collections\"; nothing was started."));
		assertThat(this.backfill.status(BackfillKind.ORDERS)).as("no order import was ever started").isEmpty();
	}

	@Test
	void controlsWithNothingToControlSaySo() throws Exception {
		this.admin.submit(PAGE + "/pause").andExpect(flash().attribute("problem", "Nothing was running to pause."));
		this.admin.submit(PAGE + "/resume").andExpect(flash().attribute("problem", "Nothing was paused to resume."));
	}

	private BackfillStatus importOf(BackfillKind<?> kind) {
		return this.backfill.status(kind).orElseThrow();
	}

	private long outboxEntries() {
		return this.jdbc.sql("SELECT COUNT(*) FROM influence_outbox").query(Long.class).single();
	}

	/** A product straight in the table: the catalogue published nothing for it. */
	private long insertProduct(String title) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO product (title, price, active, updated_at) VALUES (:title, :price, TRUE, :now)")
			.param("title", title + " " + System.nanoTime())
			.param("price", new BigDecimal("12.00"))
			.param("now", DatabaseTime.of(Instant.now()))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

}
