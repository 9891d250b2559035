package dev.influence4j.platform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * A shop product as sent to Influence.io ({@code PUT /v1/products/{productId}}, create or update). The
 * body is not published; the wire names ({@code title}, {@code imageUrl}, {@code urlHandle},
 * {@code status}, {@code variants}) are provisional, modelled on what the Launcher API returns about
 * products.
 *
 * @param productId the shop's product id (sent in the path)
 * @param title the product's title
 * @param imageUrl an absolute image URL, or {@code null}
 * @param urlHandle the product's URL handle or path on the storefront, or {@code null}
 * @param status whether it is on sale
 * @param variants its variants, possibly none
 */
public record InfluenceProduct(@JsonIgnore String productId, @JsonProperty("title") String title,
		@JsonProperty("imageUrl") @Nullable String imageUrl, @JsonProperty("urlHandle") @Nullable String urlHandle,
		@JsonProperty("status") ProductStatus status,
		@JsonProperty("variants") List<InfluenceProductVariant> variants) {

	public InfluenceProduct {
		Require.text(productId, "product id");
		Require.text(title, "product title");
		Require.present(status, "product status");
		variants = List.copyOf(Require.noNulls(Require.present(variants, "product variants"), "product variants"));
	}

	/**
	 * An active product without variants or image.
	 * @param productId the shop's product id
	 * @param title the title
	 * @return the product
	 */
	public static InfluenceProduct of(String productId, String title) {
		return new InfluenceProduct(productId, title, null, null, ProductStatus.ACTIVE, List.of());
	}

}
