package dev.influence4j.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.sample.discount.DiscountCodeRepository;
import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.RecordedRequest;
import dev.influence4j.test.SandboxOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loyalty journey, driven over HTTP against the running store and its embedded Influence.io
 * sandbox, with nothing faked in between: influence4j's outbox sends what the store publishes, the sandbox
 * earns and deducts points as Influence.io does, its webhook brings a redeemed code back, and the account page
 * shows the balance the sandbox holds at every step.
 */
@StoreTest
class LoyaltyJourneyEndToEndTests {

	private static final Pattern ORDER_ID = Pattern.compile("/orders/(\\d+)");

	private static final Pattern COUPON = Pattern.compile("id=\"coupon-code\">([^<]+)<");

	private static final Pattern BALANCE = Pattern.compile("id=\"point-balance\">(-?\\d+)<");

	@LocalServerPort
	int port;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	Catalogue catalogue;

	@Autowired
	AccountRepository accounts;

	@Autowired
	DiscountCodeRepository discountCodes;

	@Test
	void registerOrderPayRedeemUseTheCodeAndRefund() throws Exception {
		Product bigItem = TestProducts.onSale(this.catalogue, "Espresso machine", "520.00");
		Product smallItem = TestProducts.onSale(this.catalogue, "Tea towel", "30.00");
		StoreHttpClient customer = new StoreHttpClient(this.port);
		StoreHttpClient admin = new StoreHttpClient(this.port);
		admin.logIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
		String email = "journey." + System.nanoTime() + "@example.com";

		// Register and log in: the customer reaches Influence.io through the outbox.
		customer.submit("/register", "/register", "email", email, "firstName", "Jo", "lastName", "Journey", "password",
				"journey-password", "passwordRepeat", "journey-password");
		assertThat(customer.location(customer.logIn(email, "journey-password"))).isEqualTo("/");
		String customerId = Long.toString(this.accounts.findByEmail(email).orElseThrow().id());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sandbox.customer(customerId).isPresent());
		assertThat(balanceShown(customer)).isZero();

		// A bank-transfer order is pending: Influence.io knows it, but it earns nothing yet.
		String first = order(customer, bigItem, "", "BANK_TRANSFER");
		SandboxOrder pending = await().until(() -> this.sandbox.order(first).orElse(null), (order) -> order != null);
		assertThat(pending.financialStatus()).isEqualTo("pending");
		assertThat(pending.pointsEarned()).isZero();

		// The admin marks it paid: the sandbox awards one point per euro, and the account page shows them.
		changeStatus(admin, first, "PAID");
		long earned = floor(this.sandbox.order(first).orElseThrow().totalPrice());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sandbox.customer(customerId).orElseThrow().pointBalance() == earned);
		assertThat(balanceShown(customer)).isEqualTo(earned);

		// Redeeming 500 points shows a code; Influence.io's webhook makes the shop create it.
		HttpResponse<String> redeemed = customer.submit("/account", "/account/redeem", "ruleId", "redeem-500-5-off");
		String code = match(COUPON, customer.get(customer.location(redeemed)).body());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.discountCodes.find(code).isPresent());
		assertThat(balanceShown(customer)).isEqualTo(earned - 500);

		// The code is accepted at checkout; the card order earns at once; the code is used on Influence.io.
		String second = order(customer, smallItem, code, "CARD");
		SandboxOrder paid = await().until(() -> this.sandbox.order(second).orElse(null),
				(order) -> order != null && order.earned());
		assertThat(paid.discountCodes()).contains(code);
		long earnedAgain = floor(paid.totalPrice());
		assertThat(paid.totalPrice()).isEqualByComparingTo(new BigDecimal("29.90"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sandbox.issuedRewards().stream()
			.anyMatch((reward) -> reward.couponCode().equals(code) && reward.used()));
		await().until(() -> balanceShown(customer) == earned - 500 + earnedAgain);

		// A refund takes the second order's points back, and the page shows it.
		changeStatus(admin, second, "REFUNDED");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sandbox.order(second).orElseThrow().deducted());
		assertThat(balanceShown(customer)).isEqualTo(earned - 500);
		assertThat(this.sandbox.customer(customerId).orElseThrow().pointBalance()).isEqualTo(earned - 500);

		// What Influence.io received: each order created once, its products before it.
		List<RecordedRequest> journal = this.sandbox.journal().requests();
		for (String orderId : List.of(first, second)) {
			assertThat(journal.stream().filter((request) -> request.operation().equals("platform.orders.create")
					&& request.body().path("orderId").asString().equals(orderId))).hasSize(1);
		}
		int firstCreate = indexOf(journal, "platform.orders.create", first);
		assertThat(indexOfProduct(journal, bigItem)).isBetween(0, firstCreate);
		assertThat(journal).anySatisfy((request) -> assertThat(request.path()).isEqualTo("/v1/rewards/" + code + "/use"));
	}

	private String order(StoreHttpClient customer, Product product, String code, String paymentMethod)
			throws Exception {
		customer.submit("/products/" + product.id(), "/cart/add", "productId", Long.toString(product.id()), "quantity", "1");
		HttpResponse<String> placed = customer.submit("/checkout", "/checkout", "discountCode", code, "paymentMethod",
				paymentMethod);
		assertThat(placed.statusCode()).as("checkout answered %s", placed.body()).isEqualTo(302);
		return match(ORDER_ID, customer.location(placed));
	}

	private static void changeStatus(StoreHttpClient admin, String orderId, String status) throws Exception {
		HttpResponse<String> changed = admin.submit("/admin/orders", "/admin/orders/" + orderId + "/status", "status", status);
		assertThat(admin.location(changed)).isEqualTo("/admin/orders");
	}

	private static long balanceShown(StoreHttpClient customer) throws Exception {
		return Long.parseLong(match(BALANCE, customer.get("/account").body()));
	}

	private static long floor(BigDecimal amount) {
		return amount.setScale(0, RoundingMode.FLOOR).longValueExact();
	}

	private static int indexOf(List<RecordedRequest> journal, String operation, String orderId) {
		for (int i = 0; i < journal.size(); i++) {
			if (journal.get(i).operation().equals(operation) && journal.get(i).body().path("orderId").asString().equals(orderId)) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOfProduct(List<RecordedRequest> journal, Product product) {
		for (int i = 0; i < journal.size(); i++) {
			if (journal.get(i).path().equals("/v1/products/" + product.id())) {
				return i;
			}
		}
		return -1;
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}
