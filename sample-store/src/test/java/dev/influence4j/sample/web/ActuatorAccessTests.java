package dev.influence4j.sample.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillState;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.operations.DeadLetter;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reaches the actuator: {@code /actuator/health} is open, its details and every other endpoint are the
 * admin's over HTTP Basic. The actuator keeps no session, so the admin's browser login (a session cookie that
 * any page of another site can make the browser send) authenticates nothing there. The admin imports the store
 * into the sandbox from a script, as the README shows.
 */
@StoreTest
class ActuatorAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DeliveryOperations operations;

	@Autowired
	Outbox outbox;

	@Autowired
	Backfill backfill;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	Catalogue catalogue;

	@AfterEach
	void noFaults() {
		this.sandbox.faults().clear();
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void healthAnswersWithoutLoginAndWithoutDetails() throws Exception {
		Shopper.anonymous(this.mvc).open("/actuator/health")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void healthDetailsAreForTheAdminOnly() throws Exception {
		this.mvc.perform(get("/actuator/health").with(httpBasic(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.details.database").value("H2"));
		Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD).open("/actuator/health")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void influenceEndpointIsRefusedToGuestsAndCustomers() throws Exception {
		Shopper.anonymous(this.mvc).open("/actuator/influence")
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"));
		this.mvc.perform(get("/actuator/influence").with(httpBasic(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/influence").with(httpBasic(DemoData.ADMIN_EMAIL, "not-the-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"));
		Shopper customer = Shopper.registered(this.mvc);
		customer.open("/actuator/influence").andExpect(status().isUnauthorized());
		this.mvc.perform(post("/actuator/influence/retry-now").session(customer.session()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void adminReadsAndWritesTheInfluenceEndpointOverHttpBasic() throws Exception {
		this.mvc.perform(get("/actuator/influence").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.node").value(this.operations.report().node()));
		this.mvc.perform(post("/actuator/influence/retry-now").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("retry-now"));
	}

	@Test
	void theAdminsSessionCookieAloneCannotRequeueButTheAdminsLoginOverHttpBasicCan() throws Exception {
		long id = aDeadLetter();
		Shopper admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
		admin.open("/admin/influence").andExpect(status().isOk());

		// What any page of another site can make the admin's browser send with the session cookie: a POST without
		// a body or a Content-Type (fetch, no-cors), which the actuator accepts, and a form post.
		this.mvc.perform(post("/actuator/influence/dead-letters/" + id).session(admin.session()))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post("/actuator/influence/dead-letters/" + id).session(admin.session())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("x=1"))
			.andExpect(status().isUnauthorized());
		assertThat(this.outbox.find(id)).hasValueSatisfying((entry) -> {
			assertThat(entry.status()).isEqualTo(DeliveryStatus.DEAD);
			assertThat(entry.attempts()).isEqualTo(1);
		});

		this.sandbox.faults().clear();
		this.mvc.perform(post("/actuator/influence/dead-letters/" + id)
			.with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("requeued"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.outbox.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED));
	}

	@Test
	void aScriptStartsAnImportWithTheAdminsLoginOverHttpBasic() throws Exception {
		this.mvc.perform(post("/actuator/influence/backfill-start").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kinds\":\"products\",\"dryRun\":true}"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.started").value(true));
		this.mvc.perform(get("/actuator/influence/backfill").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'products')].dryRun").value(true));
	}

	@Test
	void aScriptImportsTheDemoCustomersAndProductsIntoTheSandboxWithTheAdminsLoginOverHttpBasic() throws Exception {
		// An import another test left running would refuse a new start.
		this.backfill.cancel();
		long jane = this.jdbc.sql("SELECT id FROM account WHERE email = :email")
			.param("email", DemoData.CUSTOMER_EMAIL)
			.query(Long.class)
			.single();
		List<Long> products = this.jdbc.sql("SELECT id FROM product ORDER BY id").query(Long.class).list();
		assertThat(products).as("the demo products, at least").hasSizeGreaterThanOrEqualTo(5);
		// The store sent its demo data when it created it: only what arrives from now on is the import's.
		Instant before = Instant.now();

		// What the README's procedure runs.
		this.mvc.perform(post("/actuator/influence/backfill-start").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kinds\":\"customers,products\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.started").value(true))
			.andExpect(jsonPath("$.message").value("started: customers, products"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.backfill.status(BackfillKind.CUSTOMERS)).hasValueSatisfying((customers) -> {
				assertThat(customers.state()).isEqualTo(BackfillState.DONE);
				assertThat(customers.dryRun()).isFalse();
				assertThat(customers.failed()).isZero();
				assertThat(customers.delivered()).isPositive().isEqualTo(customers.written());
			});
			assertThat(this.backfill.status(BackfillKind.PRODUCTS)).hasValueSatisfying((imported) -> {
				assertThat(imported.state()).isEqualTo(BackfillState.DONE);
				assertThat(imported.failed()).isZero();
				assertThat(imported.delivered()).isEqualTo(imported.written()).isGreaterThanOrEqualTo(products.size());
			});
		});
		assertThat(sentSince(before, "/v1/customers/" + jane)).as("the demo customer imported").isTrue();
		assertThat(this.sandbox.customer(Long.toString(jane)))
			.hasValueSatisfying((customer) -> assertThat(customer.email()).isEqualTo(DemoData.CUSTOMER_EMAIL));
		for (long product : products) {
			assertThat(sentSince(before, "/v1/products/" + product)).as("product %s imported", product).isTrue();
		}
		this.mvc.perform(get("/actuator/influence/backfill").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'customers')].state").value("DONE"))
			.andExpect(jsonPath("$[?(@.kind == 'customers')].progress").value(1.0))
			.andExpect(jsonPath("$[?(@.kind == 'products')].state").value("DONE"));
	}

	private boolean sentSince(Instant since, String path) {
		return this.sandbox.journal()
			.requests("PUT", path)
			.stream()
			.anyMatch((request) -> request.succeeded() && !request.receivedAt().isBefore(since));
	}

	@Test
	void otherEndpointsAreTheAdminsToo() throws Exception {
		Shopper.anonymous(this.mvc).open("/actuator").andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator").with(httpBasic(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)))
			.andExpect(status().isOk());
	}

	/** An order that the sandbox rejects, as a dead letter; its id. */
	private long aDeadLetter() throws Exception {
		Shopper customer = Shopper.registered(this.mvc);
		customer.addToCart(TestProducts.onSale(this.catalogue, "Scale", "31.00").id(), 1);
		this.sandbox.faults().on("POST", "/v1/orders").failRatio(1.0, 422);
		long orderId = customer.placeOrder("", "CARD");
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.operations.deadLetters(0, 100, "order.completed")
				.items()
				.stream()
				.filter((letter) -> letter.entityKey().equals("order:" + orderId))
				.findFirst(), Optional::isPresent)
			.map(DeadLetter::id)
			.orElseThrow();
	}

}
