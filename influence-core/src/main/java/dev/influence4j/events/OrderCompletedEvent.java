package dev.influence4j.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.influence4j.Require;
import dev.influence4j.platform.InfluenceDiscountCode;
import dev.influence4j.platform.InfluenceOrder;

/**
 * A customer placed an order. Publish it in the transaction that saves the order; influence4j creates the
 * order on Influence.io afterwards (which earns purchase points when its financial status is an earning
 * one, typically {@code PAID}).
 * <pre>{@code
 * events.publishEvent(OrderCompletedEvent.of(order));                        // no Influence.io codes used
 * events.publishEvent(new OrderCompletedEvent(order, Set.of("INF-7K2M9Q4ZXA"))); // a reward code was used
 * }</pre>
 *
 * @param order the order's full state
 * @param rewardCodesUsed Influence.io reward codes (redeemed points, referral or tier rewards) used on the
 * order: they are added to the order's discount codes if missing, and marked used on Influence.io
 */
public record OrderCompletedEvent(InfluenceOrder order, Set<String> rewardCodesUsed) {

	public OrderCompletedEvent {
		Require.present(order, "order");
		Require.present(rewardCodesUsed, "reward codes used");
		Set<String> codes = new LinkedHashSet<>();
		for (String code : rewardCodesUsed) {
			codes.add(Require.text(code, "reward code"));
		}
		rewardCodesUsed = Set.copyOf(codes);
		order = withCodes(order, codes);
	}

	/**
	 * An order that used no Influence.io reward code.
	 * @param order the order's full state
	 * @return the event
	 */
	public static OrderCompletedEvent of(InfluenceOrder order) {
		return new OrderCompletedEvent(order, Set.of());
	}

	private static InfluenceOrder withCodes(InfluenceOrder order, Set<String> codes) {
		List<InfluenceDiscountCode> discountCodes = new ArrayList<>(order.discountCodes());
		boolean added = false;
		for (String code : codes) {
			if (discountCodes.stream().noneMatch((existing) -> existing.code().equals(code))) {
				discountCodes.add(InfluenceDiscountCode.of(code));
				added = true;
			}
		}
		if (!added) {
			return order;
		}
		return new InfluenceOrder(order.orderId(), order.customerId(), order.financialStatus(), order.email(),
				order.totalPrice(), order.currency(), order.createdAt(), order.lineItems(), discountCodes);
	}

}
