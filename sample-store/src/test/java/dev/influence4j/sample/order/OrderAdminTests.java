package dev.influence4j.sample.order;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.OrderUpdatedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.sample.CommittedEvents;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@StoreTest
class OrderAdminTests {

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

	Product grinder;

	Shopper admin;

	/** Who placed the order of the test. */
	Shopper customer;

	@BeforeEach
	void setUp() throws Exception {
		this.grinder = TestProducts.onSale(this.catalogue, "Grinder", "54.00");
		this.admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
	}

	@Test
	void markingAPendingOrderPaidPublishesItsFullStateAsPaid() throws Exception {
		long orderId = order("BANK_TRANSFER");

		this.admin.submit("/admin/orders/" + orderId + "/status", "status", "PAID")
			.andExpect(redirectedUrl("/admin/orders"))
			.andExpect(flash().attribute("notice", "Order " + orderId + " is now paid."));

		assertThat(this.orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
		InfluenceOrder placed = placed(orderId);
		InfluenceOrder sent = onlyUpdate();
		assertThat(placed.financialStatus()).isEqualTo(FinancialStatus.PENDING);
		// Everything the checkout sent, and only the status changed: the full state, not a difference.
		assertThat(sent).isEqualTo(placed.withFinancialStatus(FinancialStatus.PAID));
		assertThat(sent.orderId()).isEqualTo(Long.toString(orderId));
		assertThat(sent.email()).isEqualTo(CustomerIdentity.normalizeEmail(this.customer.email()));
		assertThat(sent.totalPrice()).isEqualByComparingTo("54.00");
		assertThat(sent.lineItems()).singleElement().satisfies((line) -> {
			assertThat(line.productId()).isEqualTo(Long.toString(this.grinder.id()));
			assertThat(line.quantity()).isEqualTo(1);
			assertThat(line.price()).isEqualByComparingTo("54.00");
		});
	}

	@Test
	void refundingAPaidOrderPublishesItAsRefunded() throws Exception {
		long orderId = order("CARD");

		this.admin.submit("/admin/orders/" + orderId + "/status", "status", "REFUNDED")
			.andExpect(redirectedUrl("/admin/orders"));

		assertThat(this.orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(onlyUpdate().financialStatus()).isEqualTo(FinancialStatus.REFUNDED);
	}

	@Test
	void cancellingAPendingOrderPublishesItAsVoided() throws Exception {
		long orderId = order("BANK_TRANSFER");

		this.admin.submit("/admin/orders/" + orderId + "/status", "status", "CANCELLED");

		assertThat(this.orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(onlyUpdate().financialStatus()).isEqualTo(FinancialStatus.VOIDED);
	}

	@Test
	void refundingAnUnpaidOrderIsRefusedAndChangesNothing() throws Exception {
		long orderId = order("BANK_TRANSFER");

		this.admin.submit("/admin/orders/" + orderId + "/status", "status", "REFUNDED")
			.andExpect(redirectedUrl("/admin/orders"))
			.andExpect(flash().attribute("problem", "Order " + orderId + " is pending and cannot become refunded."));

		assertThat(this.orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.events.stream(OrderUpdatedEvent.class)).isEmpty();
		assertThat(this.committed.of(OrderUpdatedEvent.class)).isEmpty();
	}

	@Test
	void customersCannotChangeOrders() throws Exception {
		Shopper customer = Shopper.registered(this.mvc);
		customer.addToCart(this.grinder.id(), 1);
		long orderId = customer.placeOrder("", "BANK_TRANSFER");

		customer.submit("/admin/orders/" + orderId + "/status", "status", "PAID").andExpect(status().isForbidden());

		assertThat(this.orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.events.stream(OrderUpdatedEvent.class)).isEmpty();
	}

	private long order(String paymentMethod) throws Exception {
		this.customer = Shopper.registered(this.mvc);
		this.customer.addToCart(this.grinder.id(), 1);
		long orderId = this.customer.placeOrder("", paymentMethod);
		this.committed.clear();
		return orderId;
	}

	/** The order as the checkout published it. */
	private InfluenceOrder placed(long orderId) {
		return this.events.stream(OrderCompletedEvent.class)
			.map(OrderCompletedEvent::order)
			.filter((order) -> order.orderId().equals(Long.toString(orderId)))
			.findFirst()
			.orElseThrow();
	}

	private InfluenceOrder onlyUpdate() {
		assertThat(this.events.stream(OrderUpdatedEvent.class)).hasSize(1);
		OrderUpdatedEvent event = this.events.stream(OrderUpdatedEvent.class).findFirst().orElseThrow();
		assertThat(this.committed.of(OrderUpdatedEvent.class)).containsExactly(event);
		return event.order();
	}

}
