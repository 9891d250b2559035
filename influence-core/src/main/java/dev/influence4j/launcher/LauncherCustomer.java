package dev.influence4j.launcher;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A customer's loyalty profile as the Launcher API answers it ({@code GET /v1/customer}), read leniently:
 * fields Influence.io leaves out are {@code null}, {@code 0} or {@code false}; fields it adds are ignored.
 * Timestamps are kept as Influence.io's text.
 *
 * @param id Influence.io's UUID for the customer
 * @param email the email Influence.io holds
 * @param firstName first name
 * @param lastName last name
 * @param name full name
 * @param customerType account status, for example {@code Member} or {@code Guests}
 * @param referralLink the customer's referral link code
 * @param referralsCompleted number of completed referrals
 * @param shopifyCustomerId the shop's customer id (named for Shopify; holds the external id elsewhere too)
 * @param pointBalance current point balance
 * @param shareFacebook whether the customer has actioned the Facebook share rule
 * @param shareTwitter whether the customer has actioned the Twitter share rule
 * @param likeFacebook whether the customer has actioned the Facebook like rule
 * @param followTwitter whether the customer has actioned the Twitter follow rule
 * @param followTikTok whether the customer has actioned the TikTok follow rule
 * @param followInstagram whether the customer has actioned the Instagram follow rule
 * @param birthdayMonth month of birth, 1 to 12
 * @param birthdayDay day of birth, 1 to 31
 * @param createdAt when Influence.io created the record
 * @param updatedAt when Influence.io last changed the record
 * @param currentLoyaltyTierProgress progress on the tier scale, as an absolute value on the same scale as
 * {@link LoyaltyTier#threshold()} (201 on a 0/200/500 ladder is the second tier)
 * @param currentLoyaltyTierId the current tier's id
 * @param lifetimeStampsEarned stamps earned over the customer's lifetime
 * @param currentMembershipId the current membership's id (seen in live answers, not in the OpenAPI document)
 * @param currentMembership the current membership (seen in live answers, not in the OpenAPI document)
 */
public record LauncherCustomer(@Nullable String id, @Nullable String email, @Nullable String firstName,
		@Nullable String lastName, @Nullable String name, @Nullable String customerType, @Nullable String referralLink,
		int referralsCompleted, @Nullable String shopifyCustomerId, long pointBalance, boolean shareFacebook,
		boolean shareTwitter, boolean likeFacebook, boolean followTwitter, boolean followTikTok,
		boolean followInstagram, @Nullable Integer birthdayMonth, @Nullable Integer birthdayDay,
		@Nullable String createdAt, @Nullable String updatedAt, @Nullable BigDecimal currentLoyaltyTierProgress,
		@Nullable String currentLoyaltyTierId, long lifetimeStampsEarned, @Nullable String currentMembershipId,
		@Nullable LoyaltyMembership currentMembership) {

}
