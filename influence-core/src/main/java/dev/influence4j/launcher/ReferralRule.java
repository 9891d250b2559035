package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * A referral rule of the shop ({@code GET /v1/shop/rules/referral}).
 *
 * @param id Influence.io's UUID for the rule
 * @param name the rule's name
 * @param title the rule's title
 * @param customTitle the merchant's title
 * @param status whether the rule is active, as Influence.io wrote it
 * @param referralType who the rule rewards or how, as Influence.io wrote it
 */
public record ReferralRule(@Nullable String id, @Nullable String name, @Nullable String title,
		@Nullable String customTitle, @Nullable String status, @Nullable String referralType) {

}
