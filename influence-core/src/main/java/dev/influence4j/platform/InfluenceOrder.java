package dev.influence4j.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;
import dev.influence4j.digest.CustomerIdentity;

/**
 * The full current state of a shop order as sent to Influence.io ({@code POST /v1/orders} to create,
 * {@code PATCH /v1/orders/{orderId}} to update). Every update sends the whole state, never a difference.
 * <p>
 * The body is not published: the documentation shows seven scalar fields (string, string, enum, string,
 * string, string, string), {@code lineItems} and {@code discountCodes}. The scalar names
 * ({@code orderId}, {@code customerId}, {@code financialStatus}, {@code email}, {@code totalPrice},
 * {@code currency}, {@code createdAt}) are provisional. Amounts are decimal strings.
 * <p>
 * The email is lowercased when the order is created, by the digest's rule
 * ({@link CustomerIdentity#normalizeEmail(String)}), for the reasons given on {@link InfluenceCustomer}: an
 * order must not file the buyer under another spelling of the email than the customer record and the digest.
 *
 * @param orderId the shop's order id
 * @param customerId the shop's customer id, or {@code null} for a guest order
 * @param financialStatus the payment state
 * @param email the buyer's email, in any case; kept lowercased (referrals complete on it)
 * @param totalPrice the amount the customer paid, a decimal string on the wire
 * @param currency ISO 4217 code, for example {@code EUR}
 * @param createdAt when the order was placed
 * @param lineItems the order's lines
 * @param discountCodes every discount code used, Influence.io's reward codes included
 */
public record InfluenceOrder(@JsonProperty("orderId") String orderId,
		@JsonProperty("customerId") @Nullable String customerId,
		@JsonProperty("financialStatus") FinancialStatus financialStatus, @JsonProperty("email") String email,
		@JsonProperty("totalPrice") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalPrice,
		@JsonProperty("currency") String currency, @JsonProperty("createdAt") Instant createdAt,
		@JsonProperty("lineItems") List<InfluenceOrderLine> lineItems,
		@JsonProperty("discountCodes") List<InfluenceDiscountCode> discountCodes) {

	public InfluenceOrder {
		Require.text(orderId, "order id");
		if (customerId != null) {
			Require.text(customerId, "order customer id");
		}
		Require.present(financialStatus, "order financial status");
		Require.text(email, "order email");
		if (!email.contains("@")) {
			throw new IllegalArgumentException("order email must contain '@'");
		}
		email = CustomerIdentity.normalizeEmail(email);
		totalPrice = Require.amount(totalPrice, "order total price");
		Require.text(currency, "order currency");
		if (!currency.matches("[A-Za-z]{3}")) {
			throw new IllegalArgumentException("order currency must be a three-letter ISO 4217 code but was '"
					+ currency + "'");
		}
		currency = currency.toUpperCase(Locale.ROOT);
		Require.present(createdAt, "order creation time");
		lineItems = List.copyOf(Require.noNulls(Require.present(lineItems, "order line items"), "order line items"));
		discountCodes = List
			.copyOf(Require.noNulls(Require.present(discountCodes, "order discount codes"), "order discount codes"));
	}

	/**
	 * Start building an order.
	 * @param orderId the shop's order id
	 * @return a builder
	 */
	public static Builder builder(String orderId) {
		return new Builder(orderId);
	}

	/**
	 * The same order in another financial status (a payment, refund or cancellation).
	 * @param status the new status
	 * @return the order with the new status
	 */
	public InfluenceOrder withFinancialStatus(FinancialStatus status) {
		return new InfluenceOrder(this.orderId, this.customerId, status, this.email, this.totalPrice, this.currency,
				this.createdAt, this.lineItems, this.discountCodes);
	}

	/**
	 * Builds an {@link InfluenceOrder}; {@link #build()} checks every part.
	 */
	public static final class Builder {

		private final String orderId;

		private @Nullable String customerId;

		private @Nullable FinancialStatus financialStatus;

		private @Nullable String email;

		private @Nullable BigDecimal totalPrice;

		private @Nullable String currency;

		private @Nullable Instant createdAt;

		private final List<InfluenceOrderLine> lineItems = new ArrayList<>();

		private final List<InfluenceDiscountCode> discountCodes = new ArrayList<>();

		private Builder(String orderId) {
			this.orderId = orderId;
		}

		public Builder customerId(@Nullable String customerId) {
			this.customerId = customerId;
			return this;
		}

		public Builder financialStatus(FinancialStatus financialStatus) {
			this.financialStatus = financialStatus;
			return this;
		}

		public Builder email(String email) {
			this.email = email;
			return this;
		}

		public Builder totalPrice(BigDecimal totalPrice) {
			this.totalPrice = totalPrice;
			return this;
		}

		/**
		 * The total as a plain decimal string such as {@code "49.90"}.
		 * @param totalPrice the total
		 * @return this builder
		 */
		public Builder totalPrice(String totalPrice) {
			this.totalPrice = Require.amount(totalPrice, "order total price");
			return this;
		}

		public Builder currency(String currency) {
			this.currency = currency;
			return this;
		}

		public Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder lineItem(InfluenceOrderLine line) {
			this.lineItems.add(line);
			return this;
		}

		public Builder discountCode(InfluenceDiscountCode code) {
			this.discountCodes.add(code);
			return this;
		}

		public Builder discountCode(String code) {
			return discountCode(InfluenceDiscountCode.of(code));
		}

		/**
		 * Check every part and build the order.
		 * @return the order
		 * @throws IllegalArgumentException naming the first part that is missing or invalid
		 */
		public InfluenceOrder build() {
			return new InfluenceOrder(this.orderId, this.customerId, Require.present(this.financialStatus,
					"order financial status"), Require.present(this.email, "order email"),
					Require.present(this.totalPrice, "order total price"), Require.present(this.currency, "order currency"),
					Require.present(this.createdAt, "order creation time"), this.lineItems, this.discountCodes);
		}

	}

}
