package dev.influence4j.sample.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.operations.DeadLetter;
import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.InfluenceWebhookSamples;
import dev.influence4j.webhook.ReceivedWebhook;
import dev.influence4j.webhook.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operator page at {@code /admin/influence}, against the store's real outbox and the embedded sandbox.
 */
@StoreTest
class OperatorPageTests {

	private static final String NO_SUCH_PAGE = "There is no such page of dead letters: here is the first.";

	@Autowired
	MockMvc mvc;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	DeliveryOperations operations;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Outbox outbox;

	Shopper admin;

	@BeforeEach
	void logIn() throws Exception {
		this.admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
	}

	@AfterEach
	void noFaults() {
		this.sandbox.faults().clear();
	}

	@Test
	void guestsAreSentToTheLogin() throws Exception {
		Shopper guest = Shopper.anonymous(this.mvc);

		guest.open("/admin/influence").andExpect(redirectedUrl("/login"));
		guest.submit("/admin/influence/retry-now").andExpect(redirectedUrl("/login"));
	}

	@Test
	void customersMayNeitherSeeNorAct() throws Exception {
		Shopper customer = Shopper.registered(this.mvc);

		customer.open("/admin/influence").andExpect(status().isForbidden());
		customer.submit("/admin/influence/dead-letters/1/requeue").andExpect(status().isForbidden());
		customer.submit("/admin/influence/dead-letters/requeue").andExpect(status().isForbidden());
		customer.submit("/admin/influence/retry-now").andExpect(status().isForbidden());
	}

	@Test
	void adminSeesHowDeliveryStands() throws Exception {
		String node = this.operations.report().node();

		this.admin.open("/admin/influence")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Delivery to Influence.io</h1>")))
			.andExpect(content().string(containsString("href=\"/admin/influence\">Admin: Influence.io</a>")))
			.andExpect(content().string(containsString("id=\"health\" class=\"status up\">UP<")))
			.andExpect(content().string(containsString("id=\"node\">" + node + "<")))
			.andExpect(content().string(containsString("id=\"count-pending\"")))
			.andExpect(content().string(containsString("id=\"count-dead\"")))
			.andExpect(content().string(containsString("id=\"count-delivered\"")))
			.andExpect(content().string(not(containsString(NO_SUCH_PAGE))));
	}

	@Test
	void requeueingAnUnknownEntryShowsWhyNothingHappened() throws Exception {
		String message = "no entry " + Long.MAX_VALUE + " in the outbox";

		this.admin.follow(this.admin.submit("/admin/influence/dead-letters/" + Long.MAX_VALUE + "/requeue")
			.andExpect(redirectedUrl("/admin/influence"))
			.andExpect(flash().attribute("problem", message)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"problem\">" + message + "<")));
	}

	@Test
	void pagesThatCannotExistShowTheFirstWithAMessage() throws Exception {
		for (String page : new String[] { "-1", "abc", "99999999999" }) {
			this.admin.open("/admin/influence?page=" + page)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(NO_SUCH_PAGE)));
		}
		this.admin.open("/admin/influence?page=" + Integer.MAX_VALUE)
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(NO_SUCH_PAGE))))
			.andExpect(content().string(containsString("No dead letters on this page.")));
	}

	@Test
	void orderInfluenceRejectsIsADeadLetterWithEmailsMaskedUntilRequeued() throws Exception {
		Shopper customer = customerWithCart();
		this.sandbox.faults().on("POST", "/v1/orders").failRatio(1.0, 422);
		long orderId = customer.placeOrder("", "CARD");

		DeadLetter dead = await().atMost(Duration.ofSeconds(30))
			.until(() -> deadLetterOf(orderId), Optional::isPresent)
			.orElseThrow();
		assertThat(this.sandbox.order(Long.toString(orderId))).isEmpty();
		assertThat(dead.kind()).isEqualTo("order.completed");
		assertThat(dead.lastError()).contains("422");
		String masked = customer.email().charAt(0) + "***@example.com";
		assertThat(dead.payload()).contains(masked).doesNotContain(customer.email());
		this.admin.open("/admin/influence")
			.andExpect(content().string(containsString("id=\"dead-letter-" + dead.id() + "\"")))
			.andExpect(content().string(containsString(">order:" + orderId + "<")))
			.andExpect(content().string(containsString(masked)))
			.andExpect(content().string(not(containsString(customer.email()))));

		this.sandbox.faults().clear();
		this.admin.submit("/admin/influence/dead-letters/" + dead.id() + "/requeue")
			.andExpect(redirectedUrl("/admin/influence"))
			.andExpect(flash().attribute("notice", "entry " + dead.id() + " requeued: due now"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.sandbox.order(Long.toString(orderId))).isPresent());
		assertThat(deadLetterOf(orderId)).isEmpty();
		// Asked again once delivered, it is not a dead letter any more, and the page says so.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.admin.submit("/admin/influence/dead-letters/" + dead.id() + "/requeue")
				.andExpect(flash().attribute("problem",
						"entry " + dead.id() + " is " + DeliveryStatus.DELIVERED + ", not a dead letter")));
	}

	@Test
	void aDeadWebhookShowsItsRewardCodeMasked() throws Exception {
		// A stored points/redeemed delivery whose points are not a number: handling it fails for good, and the
		// dead letter keeps the body, code and all.
		String body = new String(InfluenceWebhookSamples.body("points/redeemed"), StandardCharsets.UTF_8)
			.replace("\"points\": 500", "\"points\": \"many\"");
		assertThat(body).contains("INF-7K2M9Q4ZXA", "\"many\"");
		String webhookId = "operator-page-" + System.nanoTime();
		long id = this.outbox.append(NewOutboxEntry.of(WebhookReceiver.KIND, "webhook:points/redeemed:" + webhookId,
				EntryPayloads.write(new ReceivedWebhook("points/redeemed", webhookId, Instant.now(), body))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.outbox.find(id).orElseThrow().status() == DeliveryStatus.DEAD);

		this.admin.open("/admin/influence")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"dead-letter-" + id + "\"")))
			.andExpect(content().string(containsString("couponCode\\&quot;: \\&quot;IN***\\&quot;")))
			.andExpect(content().string(not(containsString("INF-7K2M9Q4ZXA"))))
			.andExpect(content().string(not(containsString("jane@example.com"))));
	}

	@Test
	void requeueAllRequeuesTheDeadLetters() throws Exception {
		Shopper customer = customerWithCart();
		this.sandbox.faults().on("POST", "/v1/orders").failRatio(1.0, 422);
		long orderId = customer.placeOrder("", "CARD");
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(orderId).isPresent());

		this.sandbox.faults().clear();
		this.admin.submit("/admin/influence/dead-letters/requeue")
			.andExpect(redirectedUrl("/admin/influence"))
			.andExpect(flash().attribute("notice", matchesPattern("[1-9][0-9]* dead letters? requeued: due now\\.")));

		assertThat(deadLetterOf(orderId)).isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.sandbox.order(Long.toString(orderId))).isPresent());
	}

	@Test
	void retryNowMakesWhatWaitsAfterAFailureDue() throws Exception {
		Shopper customer = customerWithCart();
		this.sandbox.faults().on("POST", "/v1/orders").failNext(1, 503);
		long orderId = customer.placeOrder("", "CARD");
		// A 503 is retried after a backoff of several seconds: the order waits.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.sandbox.journal()
				.requests("POST", "/v1/orders")
				.stream()
				.anyMatch((request) -> request.status() == 503
						&& request.body().path("orderId").asString().equals(Long.toString(orderId))));

		// Pressed again while the dispatcher has not yet put the failed attempt back: pressing does no harm.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.admin.submit("/admin/influence/retry-now")
				.andExpect(redirectedUrl("/admin/influence"))
				.andExpect(flash().attribute("notice",
						matchesPattern("[1-9][0-9]* (entry|entries) waiting to be retried (is|are) due now\\."))));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.sandbox.order(Long.toString(orderId))).isPresent());
	}

	/** A new customer with a new product in the cart. */
	private Shopper customerWithCart() throws Exception {
		Product product = TestProducts.onSale(this.catalogue, "Tamper", "24.00");
		Shopper customer = Shopper.registered(this.mvc);
		customer.addToCart(product.id(), 1);
		return customer;
	}

	private Optional<DeadLetter> deadLetterOf(long orderId) {
		return this.operations.deadLetters(0, 100, "order.completed")
			.items()
			.stream()
			.filter((letter) -> letter.entityKey().equals("order:" + orderId))
			.findFirst();
	}

}
