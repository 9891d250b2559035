package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * A product variant as the Launcher API describes it: a variant of a redeem rule's product, or one an earn
 * rule excludes.
 *
 * @param id Influence.io's UUID for the variant
 * @param title the variant's title
 * @param externalVariantId the shop's own variant id
 * @param externalProductId the shop's own product id
 * @param imageUrl the variant's image
 * @param status the variant's status, as Influence.io wrote it
 * @param position the variant's position among the product's variants
 */
public record LauncherProductVariant(@Nullable String id, @Nullable String title, @Nullable String externalVariantId,
		@Nullable String externalProductId, @Nullable String imageUrl, @Nullable String status, int position) {

}
