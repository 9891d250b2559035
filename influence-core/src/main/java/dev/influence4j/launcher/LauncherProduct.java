package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * A product as the Launcher API describes it: the product of a redeem rule, or one an earn rule excludes.
 *
 * @param id Influence.io's UUID for the product
 * @param title the product's title
 * @param externalId the shop's own product id
 * @param imageUrl the product's image
 * @param status the product's status, as Influence.io wrote it
 * @param referralStatus the product's referral status, as Influence.io wrote it
 * @param externalUrlHandle the product's URL handle in the shop
 * @param tierStatus the product's tier status, as Influence.io wrote it
 */
public record LauncherProduct(@Nullable String id, @Nullable String title, @Nullable String externalId,
		@Nullable String imageUrl, @Nullable String status, @Nullable String referralStatus,
		@Nullable String externalUrlHandle, @Nullable String tierStatus) {

}
