package dev.influence4j.sample.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.cart.CartTotals;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductRepository;
import dev.influence4j.sample.discount.DiscountCode;
import dev.influence4j.sample.discount.DiscountCodeRepository;
import dev.influence4j.sample.discount.DiscountSource;

/**
 * Places orders. Everything is checked before anything is written; the order, its lines, the used discount
 * code and the {@link OrderCompletedEvent} are one transaction, so a refused or failed checkout leaves
 * nothing behind and tells Influence.io nothing.
 */
@Service
public class Checkout {

	/** The store's one currency. */
	public static final String CURRENCY = "EUR";

	private final AccountRepository accounts;

	private final ProductRepository products;

	private final DiscountCodeRepository discountCodes;

	private final OrderRepository orders;

	private final ApplicationEventPublisher events;

	Checkout(AccountRepository accounts, ProductRepository products, DiscountCodeRepository discountCodes,
			OrderRepository orders, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.products = products;
		this.discountCodes = discountCodes;
		this.orders = orders;
		this.events = events;
	}

	/**
	 * Place an order for what the cart holds.
	 * @param accountId the customer
	 * @param cart product ids and quantities
	 * @param discountCode the code the customer typed, or {@code null} or blank for none
	 * @param paymentMethod how the customer pays
	 * @return the order placed
	 * @throws CheckoutRefusedException when the cart is empty, a quantity is wrong, a product is no longer on
	 * sale, or the discount code is unknown, used, or needs a larger order
	 */
	@Transactional
	public Order place(long accountId, Map<Long, Integer> cart, @Nullable String discountCode,
			PaymentMethod paymentMethod) {
		if (cart.isEmpty()) {
			throw new CheckoutRefusedException(null, "There is nothing in your cart to order.");
		}
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new IllegalStateException("account " + accountId + " does not exist"));
		List<OrderLine> lines = lines(cart);
		BigDecimal subtotal = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		DiscountCode code = usableCode(discountCode, subtotal);
		CartTotals totals = CartTotals.of(subtotal, code);

		Instant now = Instant.now();
		long orderId = this.orders.insert(account.id(), account.email(), paymentMethod.initialStatus(), paymentMethod,
				totals.subtotal(), totals.discount(), totals.shipping(), totals.total(), CURRENCY,
				(code != null) ? code.code() : null, (code != null) ? code.kind().influenceType() : null, now);
		lines.forEach((line) -> this.orders.insertLine(orderId, line));
		if (code != null && !this.discountCodes.markUsed(code.code(), orderId, now)) {
			// Another order took the code between our check and now; the exception rolls this order back.
			throw new CheckoutRefusedException("discountCode", used(code.code()));
		}

		Order order = this.orders.findById(orderId).orElseThrow();
		Set<String> rewardCodes = (code != null && code.source() == DiscountSource.INFLUENCE) ? Set.of(code.code())
				: Set.of();
		this.events.publishEvent(new OrderCompletedEvent(order.toInfluence(), rewardCodes));
		return order;
	}

	private List<OrderLine> lines(Map<Long, Integer> cart) {
		Map<Long, Product> byId = new HashMap<>();
		this.products.findAllById(cart.keySet()).forEach((product) -> byId.put(product.id(), product));
		List<OrderLine> lines = new ArrayList<>();
		for (Map.Entry<Long, Integer> entry : cart.entrySet()) {
			Product product = byId.get(entry.getKey());
			if (product == null || !product.active()) {
				throw new CheckoutRefusedException(null,
						"A product in your cart is no longer for sale; please check your cart.");
			}
			int quantity = entry.getValue();
			if (quantity < 1) {
				throw new CheckoutRefusedException(null, "The quantity of " + product.title() + " must be at least 1.");
			}
			lines.add(new OrderLine(lines.size() + 1, product.id(), product.title(), product.price(), quantity));
		}
		return lines;
	}

	private @Nullable DiscountCode usableCode(@Nullable String typed, BigDecimal subtotal) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String code = typed.strip();
		DiscountCode found = this.discountCodes.find(code)
			.orElseThrow(() -> new CheckoutRefusedException("discountCode",
					"We do not know the discount code " + code + "."));
		if (found.used()) {
			throw new CheckoutRefusedException("discountCode", used(found.code()));
		}
		if (subtotal.compareTo(found.minSpend()) < 0) {
			throw new CheckoutRefusedException("discountCode", "The discount code " + found.code()
					+ " needs an order of at least " + found.minSpend().setScale(2, RoundingMode.HALF_UP) + " EUR.");
		}
		return found;
	}

	private static String used(String code) {
		return "The discount code " + code + " has already been used.";
	}

}
