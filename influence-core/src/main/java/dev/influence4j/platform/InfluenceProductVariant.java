package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * A product variant as sent to Influence.io. Wire names are provisional, modelled on the variant fields
 * the Launcher API returns ({@code externalVariantId}, {@code title}, {@code imageUrl}, {@code position}).
 *
 * @param variantId the shop's variant id
 * @param title the variant's title
 * @param imageUrl an absolute image URL, or {@code null}
 * @param position display order, or {@code null}
 */
public record InfluenceProductVariant(@JsonProperty("variantId") String variantId,
		@JsonProperty("title") String title, @JsonProperty("imageUrl") @Nullable String imageUrl,
		@JsonProperty("position") @Nullable Integer position) {

	public InfluenceProductVariant {
		Require.text(variantId, "variant id");
		Require.text(title, "variant title");
	}

}
