package dev.influence4j.launcher;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A reward of the shop's stamp card, given when a card reaches its slot.
 *
 * @param id the rule's id
 * @param shopId Influence.io's UUID for the shop
 * @param stampCardSettingsId the stamp card it belongs to
 * @param position its slot on the card
 * @param title its title
 * @param customTitle the merchant's title
 * @param templateName the kind of reward, as Influence.io wrote it
 * @param pointsToAward points it awards (point rewards)
 * @param discountValue the discount it gives, or {@code null}
 * @param minRedeemablePoints fewest points, or {@code null}
 * @param maxRedeemablePoints most points, or {@code null}
 * @param appliesTo what the discount applies to, as Influence.io wrote it
 * @param appliesToProductId the product it applies to
 * @param appliesToCollectionId the collection it applies to
 * @param minSpendAmount minimum order amount for the code, or {@code null}
 * @param maxShippingAmount most shipping covered (free shipping rewards), or {@code null}
 * @param variantIds the variants it applies to
 * @param discountPrefixValue the prefix of the codes it issues
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param customerCount customers who received it
 * @param externalPromotionId the promotion in the shop's own system, if any
 */
public record StampCardRewardRule(@Nullable String id, @Nullable String shopId, @Nullable String stampCardSettingsId,
		int position, @Nullable String title, @Nullable String customTitle, @Nullable String templateName,
		long pointsToAward, @Nullable BigDecimal discountValue, @Nullable Long minRedeemablePoints,
		@Nullable Long maxRedeemablePoints, @Nullable String appliesTo, @Nullable String appliesToProductId,
		@Nullable String appliesToCollectionId, @Nullable BigDecimal minSpendAmount,
		@Nullable BigDecimal maxShippingAmount,
		@JsonDeserialize(contentUsing = Lenient.Text.class) List<String> variantIds,
		@Nullable String discountPrefixValue,
		@Nullable String createdAt, @Nullable String updatedAt, long customerCount,
		@Nullable String externalPromotionId) {

	public StampCardRewardRule {
		variantIds = Lenient.list(variantIds);
	}

}
