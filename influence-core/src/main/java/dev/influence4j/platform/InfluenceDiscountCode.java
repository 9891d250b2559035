package dev.influence4j.platform;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * A discount code used on an order. Influence.io completes referrals when the friend's code appears here,
 * so every code the customer used must be sent. Wire names ({@code code}, {@code amount}, {@code type}) are
 * provisional.
 *
 * @param code the code exactly as entered
 * @param amount the discount it gave, or {@code null}
 * @param type the kind of discount (for example {@code fixed_amount}, {@code percentage}), or {@code null}
 */
public record InfluenceDiscountCode(@JsonProperty("code") String code,
		@JsonProperty("amount") @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal amount,
		@JsonProperty("type") @Nullable String type) {

	public InfluenceDiscountCode {
		Require.text(code, "discount code");
		if (amount != null) {
			amount = Require.amount(amount, "discount amount");
		}
	}

	/**
	 * A code with nothing else known.
	 * @param code the code
	 * @return the discount code
	 */
	public static InfluenceDiscountCode of(String code) {
		return new InfluenceDiscountCode(code, null, null);
	}

}
