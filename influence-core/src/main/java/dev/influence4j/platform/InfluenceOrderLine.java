package dev.influence4j.platform;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * One line of an order. Its shape is not published; all wire names ({@code productId}, {@code variantId},
 * {@code title}, {@code quantity}, {@code price}) are provisional. Product ids matter to Influence.io for
 * earn-rule exclusions, so they are the shop's product ids as sent with {@code PUT /v1/products/{id}}.
 *
 * @param productId the shop's product id
 * @param variantId the shop's variant id, or {@code null}
 * @param title the line's title as shown on the order
 * @param quantity units ordered, more than zero
 * @param price unit price, a decimal sent as a string
 */
public record InfluenceOrderLine(@JsonProperty("productId") String productId,
		@JsonProperty("variantId") @Nullable String variantId, @JsonProperty("title") String title,
		@JsonProperty("quantity") int quantity,
		@JsonProperty("price") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price) {

	public InfluenceOrderLine {
		Require.text(productId, "order line product id");
		Require.text(title, "order line title");
		Require.positive(quantity, "order line quantity");
		price = Require.amount(price, "order line price");
	}

	/**
	 * A line without a variant.
	 * @param productId the shop's product id
	 * @param title the title
	 * @param quantity units ordered
	 * @param price unit price as a plain decimal string such as {@code "12.50"}
	 * @return the line
	 */
	public static InfluenceOrderLine of(String productId, String title, int quantity, String price) {
		return new InfluenceOrderLine(productId, null, title, quantity, Require.amount(price, "order line price"));
	}

}
