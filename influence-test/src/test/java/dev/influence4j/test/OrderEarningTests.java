package dev.influence4j.test;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The earning rules: an order earns {@code floor(total × rate)} points once, in an earning status, and gives
 * them back once in a deducting status.
 */
@InfluenceSandboxTest
class OrderEarningTests {

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	OrderEarningTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@Test
	void paidOrderEarnsTheTotalRoundedDownOnce() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);

		RawHttp.Response created = this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "49.99"));

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body().path("order").path("orderId").asString()).isEqualTo("1001");
		assertThat(created.body().path("order").path("pointsEarned").asLong()).isEqualTo(49);
		assertThat(this.sandbox.customer("c-1")).hasValueSatisfying((c) -> assertThat(c.pointBalance()).isEqualTo(49));
		assertThat(this.sandbox.pointActivities("c-1")).last()
			.satisfies((activity) -> {
				assertThat(activity.type()).isEqualTo(SandboxPointActivity.EARN);
				assertThat(activity.action()).isEqualTo("Placed order 1001");
				assertThat(activity.points()).isEqualTo(49);
				assertThat(activity.orderId()).isEqualTo("1001");
			});
	}

	@Test
	void patchingAPaidOrderAgainDoesNotEarnTwice() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "20.00"));

		RawHttp.Response updated = this.http.platform("PATCH", "/v1/orders/1001",
				RawHttp.order("1001", "c-1", "paid", "20.00"));
		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "paid", "20.00"));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(20);
		assertThat(this.sandbox.order("1001").orElseThrow().updates()).isEqualTo(2);
		assertThat(this.sandbox.pointActivities("c-1")).filteredOn((a) -> "1001".equals(a.orderId())).hasSize(1);
	}

	@Test
	void leavingAndReenteringAnEarningStatusDoesNotEarnAgain() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "20.00"));

		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "pending", "20.00"));
		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "paid", "20.00"));

		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(20);
	}

	@Test
	void refundTakesTheEarnedPointsBackOnce() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 100);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "30.50"));

		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "refunded", "30.50"));
		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "refunded", "30.50"));
		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "paid", "30.50"));
		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "refunded", "30.50"));

		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(100);
		assertThat(this.sandbox.order("1001").orElseThrow().deducted()).isTrue();
		assertThat(this.sandbox.pointActivities("c-1")).filteredOn((a) -> SandboxPointActivity.DEDUCT.equals(a.type()))
			.singleElement()
			.satisfies((deduction) -> {
				assertThat(deduction.points()).isEqualTo(-30);
				assertThat(deduction.action()).isEqualTo("Refunded order 1001");
			});
	}

	@Test
	void orderCreatedPendingEarnsWhenItBecomesPaid() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "pending", "12.00"));
		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isZero();

		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "paid", "12.00"));

		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(12);
		assertThat(this.sandbox.order("1001").orElseThrow().earned()).isTrue();
	}

	@Test
	void partialRefundDoesNotDeduct() {
		// Influence.io does not document proportional deduction; the sandbox deducts only in the configured
		// deducting statuses (refunded by default).
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "paid", "40.00"));

		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "partially_refunded", "40.00"));

		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(40);
		assertThat(this.sandbox.order("1001").orElseThrow().deducted()).isFalse();
	}

	@Test
	void refundOfAnOrderThatNeverEarnedDeductsNothing() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 10);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "pending", "40.00"));

		this.http.platform("PATCH", "/v1/orders/1001", RawHttp.order("1001", "c-1", "refunded", "40.00"));

		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(10);
	}

	@Test
	void partialUpdateKeepsTheRestOfTheOrder() {
		this.sandbox.addCustomer("c-1", "jane@example.com", 0);
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-1", "pending", "15.00"));

		RawHttp.Response updated = this.http.platform("PATCH", "/v1/orders/1001",
				RawHttp.json("{\"financialStatus\":\"paid\"}"));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(this.sandbox.order("1001").orElseThrow().totalPrice()).isEqualByComparingTo("15.00");
		assertThat(this.sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(15);
	}

	@Test
	void guestOrderCreatesAGuestByEmailAndLaterSignUpKeepsThePoints() {
		RawHttp.Response created = this.http.platform("POST", "/v1/orders",
				RawHttp.order("1001", null, "paid", "25.00").put("email", "Guest@Example.com"));
		assertThat(created.status()).isEqualTo(200);
		assertThat(this.sandbox.customerByEmail("guest@example.com")).hasValueSatisfying((guest) -> {
			assertThat(guest.guest()).isTrue();
			assertThat(guest.externalId()).isNull();
			assertThat(guest.pointBalance()).isEqualTo(25);
		});

		this.http.platform("PUT", "/v1/customers/c-9", RawHttp.json("{\"email\":\"guest@example.com\"}"));

		assertThat(this.sandbox.customer("c-9")).hasValueSatisfying((member) -> {
			assertThat(member.guest()).isFalse();
			assertThat(member.pointBalance()).isEqualTo(25);
		});
		assertThat(this.sandbox.customers()).hasSize(1);
	}

	@Test
	void orderForAnUnknownCustomerIdCreatesThatCustomerAsGuest() {
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", "c-new", "paid", "5.00"));

		assertThat(this.sandbox.customer("c-new")).hasValueSatisfying((c) -> {
			assertThat(c.guest()).isTrue();
			assertThat(c.email()).isEqualTo("jane@example.com");
			assertThat(c.pointBalance()).isEqualTo(5);
		});
	}

	@Test
	void secondCreateWithTheSameOrderIdIsAConflict() {
		this.http.platform("POST", "/v1/orders", RawHttp.order("1001", null, "paid", "10.00"));

		RawHttp.Response again = this.http.platform("POST", "/v1/orders", RawHttp.order("1001", null, "paid", "10.00"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().path("message").asString()).isEqualTo("Order already exists");
		assertThat(this.sandbox.customerByEmail("jane@example.com").orElseThrow().pointBalance()).isEqualTo(10);
	}

	@Test
	void updatingAnUnknownOrderIsNotFound() {
		RawHttp.Response answer = this.http.platform("PATCH", "/v1/orders/nope",
				RawHttp.order("nope", null, "paid", "1.00"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().path("message").asString()).isEqualTo("Order not found");
		assertThat(this.http.platform("GET", "/v1/orders/nope", null).status()).isEqualTo(404);
	}

	@Test
	void invalidOrdersAreRejectedNamingTheField() {
		ObjectNode withoutId = RawHttp.order("1", null, "paid", "1.00");
		withoutId.remove("orderId");

		assertRejected(withoutId, "orderId");
		assertRejected(RawHttp.order("1", null, "paid", "1.00").putNull("email"), "email");
		assertRejected(RawHttp.order("1", null, "paid", "1.00").putNull("financialStatus"), "financialStatus");
		assertRejected(RawHttp.order("1", null, "shipped", "1.00"), "financialStatus");
		assertRejected(RawHttp.order("1", null, "paid", "1.00").put("totalPrice", new BigDecimal("49.90")), "totalPrice");
		assertRejected(RawHttp.order("1", null, "paid", "1,00"), "totalPrice");
		assertRejected(RawHttp.order("1", null, "paid", "1E+2"), "totalPrice");
		assertRejected(RawHttp.order("1", null, "paid", "-5.00"), "totalPrice");
		assertThat(this.sandbox.orders()).isEmpty();
	}

	private void assertRejected(ObjectNode order, String field) {
		RawHttp.Response answer = this.http.platform("POST", "/v1/orders", order);
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.body().path("message").asString()).contains(field);
	}

	@Test
	void earningRateAndStatusesAreConfigurable() {
		try (InfluenceSandbox custom = InfluenceSandbox.builder()
			.pointsPerCurrencyUnit(new BigDecimal("2.5"))
			.earningStatuses("paid", "partially_paid")
			.deductingStatuses("refunded", "voided")
			.start()) {
			RawHttp customHttp = new RawHttp(custom);
			custom.addCustomer("c-1", "jane@example.com", 0);

			customHttp.platform("POST", "/v1/orders", RawHttp.order("1", "c-1", "partially_paid", "10.30"));
			assertThat(custom.customer("c-1").orElseThrow().pointBalance()).isEqualTo(25);

			customHttp.platform("PATCH", "/v1/orders/1", RawHttp.order("1", "c-1", "voided", "10.30"));
			assertThat(custom.customer("c-1").orElseThrow().pointBalance()).isZero();
		}
	}

}
