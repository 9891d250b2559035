package dev.influence4j.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceDiscountCode;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceOrderLine;
import dev.influence4j.sample.CommittedEvents;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.discount.DiscountCode;
import dev.influence4j.sample.discount.DiscountCodeRepository;
import dev.influence4j.sample.discount.DiscountKind;
import dev.influence4j.sample.discount.DiscountSource;
import dev.influence4j.sample.discount.ShopRewardCodes;
import dev.influence4j.webhook.RedeemRuleDetails;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@StoreTest
class CheckoutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CommittedEvents committed;

	@Autowired
	Catalogue catalogue;

	@Autowired
	OrderRepository orders;

	@Autowired
	AccountRepository accounts;

	@Autowired
	DiscountCodeRepository discountCodes;

	@Autowired
	ShopRewardCodes rewardCodes;

	Product mug;

	Product towel;

	@BeforeEach
	void products() {
		this.mug = TestProducts.onSale(this.catalogue, "Mug", "12.50");
		this.towel = TestProducts.onSale(this.catalogue, "Towel", "7.50");
		this.committed.clear();
	}

	@Test
	void cardOrderPublishesExactlyOneOrderCompletedEventInTheTransactionThatSavedIt() throws Exception {
		Shopper shopper = Shopper.registered(this.mvc);
		shopper.addToCart(this.mug.id(), 2);
		shopper.addToCart(this.towel.id(), 1);

		long orderId = shopper.placeOrder("", "CARD");

		List<OrderCompletedEvent> published = this.events.stream(OrderCompletedEvent.class).toList();
		assertThat(published).hasSize(1);
		OrderCompletedEvent event = published.get(0);
		assertThat(this.committed.of(OrderCompletedEvent.class)).containsExactly(event);
		assertThat(this.committed.ordersVisibleBeforeCommit()).containsExactly(orderId);

		Order saved = this.orders.findById(orderId).orElseThrow();
		assertThat(saved.status()).isEqualTo(OrderStatus.PAID);
		assertThat(saved.subtotal()).isEqualByComparingTo("32.50");
		assertThat(saved.shipping()).isEqualByComparingTo("4.90");
		assertThat(saved.total()).isEqualByComparingTo("37.40");

		InfluenceOrder sent = event.order();
		String accountId = Long.toString(this.accounts.findByEmail(shopper.email()).orElseThrow().id());
		assertThat(sent.orderId()).isEqualTo(Long.toString(orderId));
		assertThat(sent.customerId()).isEqualTo(accountId);
		assertThat(sent.email()).isEqualTo(shopper.email());
		assertThat(sent.financialStatus()).isEqualTo(FinancialStatus.PAID);
		assertThat(sent.totalPrice()).isEqualByComparingTo("37.40");
		assertThat(sent.currency()).isEqualTo("EUR");
		assertThat(sent.lineItems()).extracting(InfluenceOrderLine::productId, InfluenceOrderLine::quantity)
			.containsExactly(tuple(Long.toString(this.mug.id()), 2),
					tuple(Long.toString(this.towel.id()), 1));
		assertThat(sent.discountCodes()).isEmpty();
		assertThat(event.rewardCodesUsed()).isEmpty();

		shopper.open("/cart").andExpect(content().string(containsString("Your cart is empty")));
	}

	@Test
	void bankTransferOrderStartsPending() throws Exception {
		Shopper shopper = Shopper.registered(this.mvc);
		shopper.addToCart(this.mug.id(), 1);

		long orderId = shopper.placeOrder("", "BANK_TRANSFER");

		assertThat(this.orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.events.stream(OrderCompletedEvent.class))
			.singleElement()
			.satisfies((event) -> assertThat(event.order().financialStatus()).isEqualTo(FinancialStatus.PENDING));
	}

	@Test
	void checkoutNeedsALogin() throws Exception {
		Shopper visitor = Shopper.anonymous(this.mvc);
		visitor.addToCart(this.mug.id(), 1);

		visitor.checkout("").andExpect(redirectedUrl("/login"));

		assertThat(this.events.stream(OrderCompletedEvent.class)).isEmpty();
	}

	@Test
	void emptyCartIsRefusedWithAMessageAndNothingSaved() throws Exception {
		Shopper shopper = Shopper.registered(this.mvc);
		forgetSetUp();
		long ordersBefore = this.orders.count();

		shopper.checkout("")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is nothing in your cart to order.")));

		assertThat(this.orders.count()).isEqualTo(ordersBefore);
		assertThat(CommittedEvents.influenceEvents(this.events)).isEmpty();
		assertThat(this.committed.all()).isEmpty();
	}

	@Test
	void unknownDiscountCodeIsRefusedWithAMessageAndTheCartKept() throws Exception {
		Shopper shopper = Shopper.registered(this.mvc);
		shopper.addToCart(this.mug.id(), 1);
		forgetSetUp();
		long ordersBefore = this.orders.count();

		shopper.checkout("NO-SUCH-CODE")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"We do not know the discount code NO-SUCH-CODE.")));

		assertThat(this.orders.count()).isEqualTo(ordersBefore);
		assertThat(CommittedEvents.influenceEvents(this.events)).isEmpty();
		assertThat(this.committed.all()).isEmpty();
		shopper.open("/cart").andExpect(content().string(containsString(this.mug.title())));
	}

	@Test
	void discountCodeIsAcceptedOnceThenRefusedAsUsed() throws Exception {
		String code = shopCode(DiscountKind.FIXED_AMOUNT, "5.00", "0");
		Shopper first = Shopper.registered(this.mvc);
		first.addToCart(this.mug.id(), 2);

		long orderId = first.placeOrder(code, "CARD");

		Order order = this.orders.findById(orderId).orElseThrow();
		assertThat(order.discountCode()).isEqualTo(code);
		assertThat(order.discount()).isEqualByComparingTo("5.00");
		assertThat(order.total()).isEqualByComparingTo("24.90");
		DiscountCode stored = this.discountCodes.find(code).orElseThrow();
		assertThat(stored.used()).isTrue();
		assertThat(stored.usedInOrderId()).isEqualTo(orderId);
		OrderCompletedEvent event = this.events.stream(OrderCompletedEvent.class).findFirst().orElseThrow();
		assertThat(event.order().discountCodes())
			.containsExactly(new InfluenceDiscountCode(code, new BigDecimal("5.00"), "fixed_amount"));
		// The shop's own code is not Influence.io's to mark used.
		assertThat(event.rewardCodesUsed()).isEmpty();

		Shopper second = Shopper.registered(this.mvc);
		second.addToCart(this.mug.id(), 2);
		long ordersBefore = this.orders.count();
		second.checkout(code.toLowerCase())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"The discount code " + code + " has already been used.")));

		assertThat(this.orders.count()).isEqualTo(ordersBefore);
		assertThat(this.events.stream(OrderCompletedEvent.class)).hasSize(1);
		assertThat(this.discountCodes.find(code).orElseThrow().usedInOrderId()).isEqualTo(orderId);
	}

	@Test
	void influenceCodeIsPassedOnAsARewardCodeUsed() throws Exception {
		String code = "INF-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		this.rewardCodes.issue(new RewardCode(code, RewardCodeSource.POINTS_REDEEMED, "webhook-1", null, null,
				"percentageoff", null, new BigDecimal("10"), 1000L, null, false));
		Shopper shopper = Shopper.registered(this.mvc);
		shopper.addToCart(this.mug.id(), 2);

		long orderId = shopper.placeOrder(code.toLowerCase(), "CARD");

		Order order = this.orders.findById(orderId).orElseThrow();
		assertThat(order.discount()).isEqualByComparingTo("2.50");
		OrderCompletedEvent event = this.events.stream(OrderCompletedEvent.class).findFirst().orElseThrow();
		assertThat(event.rewardCodesUsed()).containsExactly(code);
		assertThat(event.order().discountCodes()).extracting(InfluenceDiscountCode::code).containsExactly(code);
	}

	@Test
	void codeBelowItsMinimumSpendIsRefusedAndStaysUnused() throws Exception {
		String code = "INF-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		this.rewardCodes.issue(new RewardCode(code, RewardCodeSource.POINTS_REDEEMED, "webhook-2", null, null,
				"freeshipping", null, null, 300L, new RedeemRuleDetails("rule", "Free shipping", null, null, null,
						"freeShipping", "fixed", new BigDecimal("20.00"), null), false));
		Shopper shopper = Shopper.registered(this.mvc);
		shopper.addToCart(this.mug.id(), 1);

		shopper.checkout(code)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"The discount code " + code + " needs an order of at least 20.00 EUR.")));
		assertThat(this.discountCodes.find(code).orElseThrow().used()).isFalse();
		assertThat(this.events.stream(OrderCompletedEvent.class)).isEmpty();

		shopper.addToCart(this.towel.id(), 1);
		long orderId = shopper.placeOrder(code, "CARD");
		Order order = this.orders.findById(orderId).orElseThrow();
		assertThat(order.shipping()).isEqualByComparingTo("4.90");
		assertThat(order.discount()).isEqualByComparingTo("4.90");
		assertThat(order.total()).isEqualByComparingTo("20.00");
	}

	/** Forget the events the test's own preparations published (registration, products). */
	private void forgetSetUp() {
		this.events.clear();
		this.committed.clear();
	}

	@Test
	void failureAfterTheOrderIsWrittenLeavesNothingBehind() throws Exception {
		String code = shopCode(DiscountKind.FIXED_AMOUNT, "5.00", "0");
		Shopper shopper = Shopper.registered(this.mvc);
		shopper.addToCart(this.mug.id(), 2);
		forgetSetUp();
		long ordersBefore = this.orders.count();
		this.committed.failNextOrderCompleted();

		assertThatThrownBy(() -> shopper.checkout(code)).rootCause()
			.hasMessageStartingWith("test failure after order");

		assertThat(this.orders.count()).isEqualTo(ordersBefore);
		assertThat(this.discountCodes.find(code).orElseThrow().used()).isFalse();
		assertThat(this.committed.all()).isEmpty();
		shopper.open("/cart").andExpect(content().string(containsString(this.mug.title())));
		assertThat(shopper.placeOrder(code, "CARD")).isPositive();
	}

	private String shopCode(DiscountKind kind, String amount, String minSpend) {
		String code = "TEST-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		this.discountCodes.insertIfAbsent(new DiscountCode(code, kind, new BigDecimal(amount), new BigDecimal(minSpend),
				DiscountSource.SHOP, "test", Instant.now(), null, null));
		return code;
	}

}
