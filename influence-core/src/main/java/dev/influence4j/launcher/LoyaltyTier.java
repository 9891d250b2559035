package dev.influence4j.launcher;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A loyalty tier of the shop ({@code GET /v1/shop/tiers}, {@code GET /v1/shop/tiers/{id}}).
 *
 * @param id Influence.io's UUID for the tier
 * @param title the tier's title
 * @param threshold where the tier starts on the tier scale (points or spend), as text: the OpenAPI document
 * says text, live answers have carried a number
 * @param perks the tier's perks, as display text
 */
public record LoyaltyTier(@Nullable String id, @Nullable String title,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String threshold,
		@JsonDeserialize(contentUsing = Lenient.Text.class) List<String> perks) {

	public LoyaltyTier {
		perks = Lenient.list(perks);
	}

}
