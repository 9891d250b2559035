package dev.influence4j.platform;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * An order as Influence.io answers {@code GET /v1/orders/{orderId}}, read leniently. The answer's shape is
 * not published; fields it does not carry are {@code null}.
 *
 * @param id Influence.io's id for the order
 * @param orderId the shop's order id
 * @param customerId the shop's customer id
 * @param email the buyer's email
 * @param financialStatus the financial status as Influence.io wrote it
 * @param totalPrice the total
 * @param currency the currency
 */
public record PlatformOrder(@Nullable String id, @Nullable @JsonAlias("externalId") String orderId,
		@Nullable String customerId, @Nullable String email, @Nullable String financialStatus,
		@Nullable BigDecimal totalPrice, @Nullable String currency) {

}
