package dev.influence4j.webhook;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The customer object webhook bodies carry, read leniently.
 *
 * @param id Influence.io's UUID for the customer
 * @param externalId the shop's customer id
 * @param email the customer's email
 * @param name the customer's name
 * @param birthdayMonth month of birth
 * @param birthdayDay day of birth
 * @param referralUrl the customer's referral link
 * @param pointBalance the point balance after the event
 * @param currentLoyaltyTier the current tier
 * @param createdAt when Influence.io created the customer, as written
 * @param updatedAt when Influence.io last changed the customer, as written
 */
public record WebhookCustomer(@Nullable String id, @Nullable String externalId, @Nullable String email,
		@Nullable String name, @Nullable Integer birthdayMonth, @Nullable Integer birthdayDay,
		@Nullable String referralUrl, @Nullable BigDecimal pointBalance, @Nullable WebhookTier currentLoyaltyTier,
		@Nullable String createdAt, @Nullable String updatedAt) {

	@Override
	public String toString() {
		// Emails and names are personal data: only ids are printed.
		return "WebhookCustomer[id=" + this.id + ", externalId=" + this.externalId + "]";
	}

}
