package dev.influence4j.sample.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the checkout page posts. A mutable bean so that {@code th:field} can show it again with its errors.
 */
public class CheckoutForm {

	@Size(max = 64, message = "Discount codes are at most 64 characters.")
	private @Nullable String discountCode;

	@NotNull(message = "Please choose how to pay.")
	private @Nullable PaymentMethod paymentMethod = PaymentMethod.CARD;

	public @Nullable String getDiscountCode() {
		return this.discountCode;
	}

	public void setDiscountCode(@Nullable String discountCode) {
		this.discountCode = discountCode;
	}

	public @Nullable PaymentMethod getPaymentMethod() {
		return this.paymentMethod;
	}

	public void setPaymentMethod(@Nullable PaymentMethod paymentMethod) {
		this.paymentMethod = paymentMethod;
	}

}
