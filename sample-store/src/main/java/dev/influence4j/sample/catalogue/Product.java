package dev.influence4j.sample.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.ProductStatus;

/**
 * A product the store sells. Prices are in euros.
 *
 * @param id the product id; also the product id Influence.io knows
 * @param title the title
 * @param description the description, or {@code null}
 * @param price the unit price, two decimals
 * @param imageUrl an absolute image URL, or {@code null}
 * @param active whether it is shown in the catalogue and can be bought
 * @param updatedAt when it last changed
 */
public record Product(long id, String title, @Nullable String description, BigDecimal price,
		@Nullable String imageUrl, boolean active, Instant updatedAt) {

	/**
	 * The product as Influence.io's product record, in full. Influence.io uses products for earn-rule
	 * exclusions and product rewards; an inactive product is a draft there.
	 * @return the product
	 */
	public InfluenceProduct toInfluence() {
		return new InfluenceProduct(Long.toString(this.id), this.title, this.imageUrl, "/products/" + this.id,
				this.active ? ProductStatus.ACTIVE : ProductStatus.DRAFT, List.of());
	}

}
