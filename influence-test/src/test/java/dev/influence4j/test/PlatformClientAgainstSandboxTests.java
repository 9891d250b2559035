package dev.influence4j.test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.platform.CustomerQuery;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceCollection;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.OrderWriteOutcome;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.PlatformCustomer;
import dev.influence4j.platform.PlatformOrder;
import dev.influence4j.platform.PointsAward;
import dev.influence4j.platform.PointsDeduction;
import dev.influence4j.platform.WebhookRegistration;
import dev.influence4j.platform.WebhookSubscription;
import dev.influence4j.webhook.WebhookTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * influence4j's real {@link PlatformClient} against the sandbox: the wire names agree, and the order writer
 * never creates an order twice, whatever the network does.
 */
@InfluenceSandboxTest
class PlatformClientAgainstSandboxTests {

	private final InfluenceSandbox sandbox;

	private final PlatformClient platform;

	PlatformClientAgainstSandboxTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.platform = client(sandbox, Duration.ofSeconds(5));
	}

	@Test
	void upsertedCustomerEarnsFromAPaidOrder() {
		PlatformCustomer upserted = this.platform.customers()
			.upsert(InfluenceCustomer.of("42", "Jane@Example.com").withName("Jane", "Doe").withBirthday(4, 12));

		OrderWriteOutcome outcome = this.platform.orders().create(order("1001", FinancialStatus.PAID, "49.90"));

		assertThat(upserted.externalId()).isEqualTo("42");
		assertThat(upserted.email()).isEqualTo("jane@example.com");
		assertThat(upserted.name()).isEqualTo("Jane Doe");
		assertThat(outcome).isEqualTo(OrderWriteOutcome.CREATED);
		assertThat(this.sandbox.customer("42")).hasValueSatisfying((customer) -> {
			assertThat(customer.pointBalance()).isEqualTo(49);
			assertThat(customer.birthdayMonth()).isEqualTo(4);
			assertThat(customer.firstName()).isEqualTo("Jane");
		});
		assertThat(this.platform.customers().get("42")).hasValueSatisfying((customer) -> {
			assertThat(customer.pointBalance()).isEqualTo(49);
			assertThat(customer.customerType()).isEqualTo("Member");
			assertThat(customer.createdAt()).isNotNull();
			assertThat(customer.lastSeenAt()).isNotNull();
		});
	}

	@Test
	void timedOutCreateIsRetriedAsAnUpdateSoTheOrderEarnsOnce() {
		PlatformClient impatient = client(this.sandbox, Duration.ofMillis(300));
		impatient.customers().upsert(InfluenceCustomer.of("42", "jane@example.com"));
		this.sandbox.faults().on("POST", "/v1/orders").delayNext(1, Duration.ofSeconds(1));

		OrderWriteOutcome outcome = impatient.orders().create(order("1001", FinancialStatus.PAID, "49.90"));

		assertThat(outcome).isEqualTo(OrderWriteOutcome.UPDATED);
		assertThat(this.sandbox.journal().requestsFor("platform.orders.create")).hasSize(1);
		assertThat(this.sandbox.journal().requestsFor("platform.orders.update")).hasSize(1);
		assertThat(this.sandbox.orders()).singleElement().satisfies((order) -> {
			assertThat(order.orderId()).isEqualTo("1001");
			assertThat(order.pointsEarned()).isEqualTo(49);
			assertThat(order.updates()).isEqualTo(1);
		});
		assertThat(this.sandbox.customer("42").orElseThrow().pointBalance()).isEqualTo(49);
		assertThat(this.sandbox.pointActivities("42")).singleElement()
			.satisfies((activity) -> assertThat(activity.action()).isEqualTo("Placed order 1001"));
	}

	@Test
	void connectionLostAfterCreateIsRetriedAsAnUpdate() {
		this.sandbox.faults().on("POST", "/v1/orders").dropNext(1, DropTiming.AFTER_PROCESSING);

		OrderWriteOutcome outcome = this.platform.orders().create(order("1001", FinancialStatus.PAID, "10.00"));

		assertThat(outcome).isEqualTo(OrderWriteOutcome.UPDATED);
		assertThat(this.sandbox.orders()).singleElement().satisfies((order) -> assertThat(order.earned()).isTrue());
		assertThat(this.sandbox.customer("42").orElseThrow().pointBalance()).isEqualTo(10);
	}

	@Test
	void connectionLostBeforeCreateEndsInACreate() {
		this.sandbox.faults().on("POST", "/v1/orders").dropNext(1, DropTiming.BEFORE_PROCESSING);

		OrderWriteOutcome outcome = this.platform.orders().create(order("1001", FinancialStatus.PAID, "10.00"));

		// The client cannot tell the two drops apart: it updates, is told 404, and creates.
		assertThat(outcome).isEqualTo(OrderWriteOutcome.CREATED);
		assertThat(this.sandbox.journal().requests()).extracting(RecordedRequest::operation, RecordedRequest::status)
			.containsExactly(tuple("platform.orders.create", 0),
					tuple("platform.orders.update", 404),
					tuple("platform.orders.create", 200));
		assertThat(this.sandbox.customer("42").orElseThrow().pointBalance()).isEqualTo(10);
	}

	@Test
	void secondCreateOfTheSameOrderBecomesAnUpdate() {
		this.platform.orders().create(order("1001", FinancialStatus.PAID, "10.00"));

		OrderWriteOutcome again = this.platform.orders().create(order("1001", FinancialStatus.PAID, "10.00"));

		assertThat(again).isEqualTo(OrderWriteOutcome.UPDATED);
		assertThat(this.sandbox.customer("42").orElseThrow().pointBalance()).isEqualTo(10);
	}

	@Test
	void refundSentThroughTheClientTakesThePointsBack() {
		InfluenceOrder order = order("1001", FinancialStatus.PAID, "25.00");
		this.platform.orders().create(order);

		OrderWriteOutcome refunded = this.platform.orders().upsert(order.withFinancialStatus(FinancialStatus.REFUNDED));

		assertThat(refunded).isEqualTo(OrderWriteOutcome.UPDATED);
		assertThat(this.sandbox.customer("42").orElseThrow().pointBalance()).isZero();
		assertThat(this.platform.orders().get("1001")).hasValueSatisfying((read) -> {
			assertThat(read.orderId()).isEqualTo("1001");
			assertThat(read.financialStatus()).isEqualTo("refunded");
			assertThat(read.totalPrice()).isEqualByComparingTo("25.00");
			assertThat(read.currency()).isEqualTo("GBP");
		});
	}

	@Test
	void upsertOfAnUnknownOrderCreatesIt() {
		OrderWriteOutcome outcome = this.platform.orders().upsert(order("1001", FinancialStatus.PENDING, "25.00"));

		assertThat(outcome).isEqualTo(OrderWriteOutcome.CREATED);
		assertThat(this.platform.orders().get("1001").map(PlatformOrder::financialStatus)).hasValue("pending");
		assertThat(this.platform.orders().get("nope")).isEmpty();
	}

	@Test
	void orderBodyUsesTheWireNamesTheSandboxReads() {
		this.platform.orders()
			.create(InfluenceOrder.builder("1001")
				.customerId("42")
				.financialStatus(FinancialStatus.PARTIALLY_PAID)
				.email("jane@example.com")
				.totalPrice("12.50")
				.currency("eur")
				.createdAt(Instant.parse("2025-05-01T10:15:30Z"))
				.lineItem(InfluenceOrderLine.of("p-1", "Tea", 2, "6.25"))
				.discountCode("WELCOME10")
				.build());

		RecordedRequest sent = this.sandbox.journal().requestsFor("platform.orders.create").get(0);
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.body().path("totalPrice").isString()).isTrue();
		assertThat(sent.body().path("financialStatus").asString()).isEqualTo("partially_paid");
		assertThat(sent.body().path("currency").asString()).isEqualTo("EUR");
		assertThat(sent.body().path("createdAt").asString()).isEqualTo("2025-05-01T10:15:30Z");
		assertThat(sent.body().path("lineItems").get(0).path("price").asString()).isEqualTo("6.25");
		assertThat(sent.body().path("discountCodes").get(0).path("code").asString()).isEqualTo("WELCOME10");
		assertThat(this.sandbox.order("1001").orElseThrow().discountCodes()).containsExactly("WELCOME10");
	}

	@Test
	void pointsAndMembershipsThroughTheClient() {
		this.platform.customers().upsert(InfluenceCustomer.of("42", "jane@example.com"));

		PlatformCustomer awarded = this.platform.points().award("42", PointsAward.of(300, "Welcome bonus"));
		PlatformCustomer byRule = this.platform.points()
			.award("42", PointsAward.forEarnRule(InfluenceSandbox.GENERAL_PURPOSE_EARN_RULE_ID));
		PlatformCustomer deducted = this.platform.points().deduct("42", new PointsDeduction(50, "Correction"));
		PlatformCustomer enrolled = this.platform.memberships().enroll("42", null);
		PlatformCustomer removed = this.platform.memberships().remove("42");

		assertThat(awarded.pointBalance()).isEqualTo(300);
		assertThat(byRule.pointBalance()).isEqualTo(400);
		assertThat(deducted.pointBalance()).isEqualTo(350);
		assertThat(enrolled.pointBalance()).isEqualTo(350);
		assertThat(removed.externalId()).isEqualTo("42");
		assertThat(this.sandbox.journal().requestsFor("platform.memberships.enroll")).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(200));
		assertThat(this.sandbox.pointActivities("42")).extracting(SandboxPointActivity::action)
			.containsExactly("Welcome bonus", "Points awarded", "Correction");
	}

	@Test
	void customerListFollowsTheCursorToTheEnd() {
		try (InfluenceSandbox small = InfluenceSandbox.builder().pageSize(2).start()) {
			PlatformClient smallClient = client(small, Duration.ofSeconds(5));
			for (int i = 1; i <= 5; i++) {
				small.addCustomer("c-" + i, "customer" + i + "@example.com", i);
			}

			List<String> ids = smallClient.customers().list(CustomerQuery.all()).map(PlatformCustomer::externalId).toList();
			List<PlatformCustomer> rich = smallClient.customers()
				.list(CustomerQuery.all().withPointBalanceBetween(new BigDecimal("3"), null))
				.toList();

			assertThat(ids).containsExactly("c-1", "c-2", "c-3", "c-4", "c-5");
			assertThat(rich).extracting(PlatformCustomer::externalId).containsExactly("c-3", "c-4", "c-5");
			assertThat(small.journal().requestsFor("platform.customers.list")).hasSize(5);
		}
	}

	@Test
	void customerListFiltersByEmail() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.sandbox.addCustomer("c-2", "john@example.com", 0);

		List<PlatformCustomer> found = this.platform.customers()
			.list(CustomerQuery.all().withEmail("JANE@example.com"))
			.toList();

		assertThat(found).extracting(PlatformCustomer::externalId).containsExactly("c-1");
	}

	@Test
	void customerListFiltersByAnEmailWithAPlus() {
		this.sandbox.addCustomer("c-1", "jane+loyalty@example.com", 0);
		this.sandbox.addCustomer("c-2", "jane loyalty@example.com", 0);

		List<PlatformCustomer> found = this.platform.customers()
			.list(CustomerQuery.all().withEmail("jane+loyalty@example.com"))
			.toList();

		assertThat(this.sandbox.journal().requestsFor("platform.customers.list")).singleElement()
			.satisfies((request) -> assertThat(request.query()).containsEntry("email", "jane+loyalty@example.com"));
		assertThat(found).extracting(PlatformCustomer::externalId).containsExactly("c-1");
	}

	@Test
	void productsAndCollectionsThroughTheClient() {
		this.platform.products().upsert(InfluenceProduct.of("p-1", "Green tea"));
		this.platform.products().upsert(InfluenceProduct.of("p-2", "Black tea"));
		this.platform.collections().upsert(new InfluenceCollection("k-1", "Teas", "teas"));
		this.platform.collections().addProducts("k-1", List.of("p-1", "p-2"));
		this.platform.collections().removeProducts("k-1", List.of("p-2"));
		this.platform.products().delete("p-2");
		this.platform.products().delete("p-never");

		assertThat(this.platform.products().get("p-1")).hasValueSatisfying((product) -> {
			assertThat(product.externalId()).isEqualTo("p-1");
			assertThat(product.title()).isEqualTo("Green tea");
			assertThat(product.status()).isEqualTo("active");
		});
		assertThat(this.platform.products().list().toList()).hasSize(1);
		assertThat(this.platform.collections().get("k-1")).hasValueSatisfying((collection) -> {
			assertThat(collection.title()).isEqualTo("Teas");
			assertThat(collection.urlHandle()).isEqualTo("teas");
		});
		assertThat(this.platform.collections().list().toList()).hasSize(1);
		assertThat(this.sandbox.journal().requests((request) -> !request.succeeded()))
			.extracting(RecordedRequest::operation)
			.containsExactly("platform.products.delete");
	}

	@Test
	void webhookSubscriptionsThroughTheClient() {
		WebhookSubscription created = this.platform.webhooks()
			.create(new WebhookRegistration(WebhookTopic.POINTS_REDEEMED, URI.create("https://shop.example/hooks/s3cr3t")));

		WebhookSubscription changed = this.platform.webhooks()
			.update(created.id(), new WebhookRegistration(WebhookTopic.POINTS_EARNED, URI.create("https://shop.example/hooks/s3cr3t")));

		assertThat(created.id()).isNotBlank();
		assertThat(created.topic()).isEqualTo("points/redeemed");
		assertThat(created.createdAt()).isNotNull();
		assertThat(changed.topic()).isEqualTo("points/earned");
		assertThat(this.platform.webhooks().list()).extracting(WebhookSubscription::address)
			.containsExactly("https://shop.example/hooks/s3cr3t");
		this.platform.webhooks().delete(created.id());
		assertThat(this.platform.webhooks().get(created.id())).isEmpty();
	}

	@Test
	void rewardCodeMarkedUsedThroughTheClient() {
		this.sandbox.addCustomer("42", "jane@example.com", 600);
		RawHttp http = new RawHttp(this.sandbox);
		String code = http.launcher("POST", "/v1/customer/redeem",
				http.customerBody("42", "jane@example.com").put("ruleId", "redeem-500-5-off"))
			.body()
			.path("couponCode")
			.asString();

		this.platform.rewards().markUsed(code);

		assertThat(this.sandbox.issuedRewards()).singleElement().satisfies((reward) -> assertThat(reward.used()).isTrue());
	}

	@Test
	void wrongKeyIsAnAuthenticationFailure() {
		PlatformClient wrong = PlatformClient.builder()
			.apiKey("not-the-key")
			.baseUrl(this.sandbox.platformBaseUrl())
			.retry(RetrySettings.none())
			.build();

		assertThatExceptionOfType(InfluenceAuthenticationException.class)
			.isThrownBy(() -> wrong.customers().get("42"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("not-the-key"));
	}

	@Test
	void serverErrorsOnReadsAreRetried() {
		this.sandbox.addCustomer("42", "jane@example.com", 7);
		this.sandbox.faults().on("GET", "/v1/customers").failNext(2, 503);

		assertThat(this.platform.customers().get("42")).hasValueSatisfying((c) -> assertThat(c.pointBalance()).isEqualTo(7));
		assertThat(this.sandbox.journal().requestsFor("platform.customers.get")).extracting(RecordedRequest::status)
			.containsExactly(503, 503, 200);
	}

	@Test
	void coreDigestOpensTheSandboxLauncher() {
		this.sandbox.addCustomer("42", "jane@example.com", 0);
		String digest = CustomerDigest.of(this.sandbox.apiKey(), this.sandbox.shopKey()).compute("Jane@Example.com", "42");

		RawHttp.Response answer = new RawHttp(this.sandbox).launcherGet("/v1/customer",
				Map.of("shop", this.sandbox.shopKey(), "customer_id", "42", "customer_email", "jane@example.com", "digest",
						digest));

		assertThat(digest).isEqualTo(this.sandbox.digest("jane@example.com", "42"));
		assertThat(answer.status()).isEqualTo(200);
	}

	private static PlatformClient client(InfluenceSandbox sandbox, Duration readTimeout) {
		return PlatformClient.builder()
			.apiKey(sandbox.apiKey())
			.baseUrl(sandbox.platformBaseUrl())
			.readTimeout(readTimeout)
			.retry(RetrySettings.defaults().withInitialBackoff(Duration.ofMillis(20)).withJitter(0))
			.build();
	}

	private static InfluenceOrder order(String orderId, FinancialStatus status, String total) {
		return InfluenceOrder.builder(orderId)
			.customerId("42")
			.financialStatus(status)
			.email("jane@example.com")
			.totalPrice(total)
			.currency("GBP")
			.createdAt(Instant.parse("2025-05-01T10:15:30Z"))
			.lineItem(InfluenceOrderLine.of("p-1", "Tea", 1, total))
			.build();
	}

}
