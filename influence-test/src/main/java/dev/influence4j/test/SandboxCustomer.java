package dev.influence4j.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a customer as the sandbox holds it. Snapshots do not change when the sandbox does; ask again
 * for the current state.
 *
 * @param id the sandbox's UUID for the customer (Influence.io's {@code id})
 * @param externalId the shop's customer id, or {@code null} for a guest known only by email
 * @param email the email as the shop sent it (lowercased when seeded with
 * {@link InfluenceSandbox#addCustomer(String, String, long)}); the Launcher accepts the customer only when it is
 * the lowercased email its digest was computed over
 * @param firstName first name, or {@code null}
 * @param lastName last name, or {@code null}
 * @param name full name, or {@code null}
 * @param phone phone number, or {@code null}
 * @param customerType {@code Member} for customers sent with {@code PUT /v1/customers/{id}}, {@code Guest}
 * for customers the sandbox created from an order
 * @param pointBalance the current balance
 * @param currentLoyaltyTierProgress lifetime earned points, the scale tier thresholds are measured on
 * @param currentLoyaltyTierId the tier the progress reaches
 * @param currentMembershipId the membership the customer is enrolled in, or {@code null}
 * @param referralLink the customer's referral link code
 * @param birthdayMonth month of birth, or {@code null}
 * @param birthdayDay day of birth, or {@code null}
 * @param createdAt when the sandbox created the customer
 * @param updatedAt when the customer last changed
 * @param lastSeenAt last activity (drives point expiry on Influence.io; not simulated here)
 */
public record SandboxCustomer(String id, @Nullable String externalId, String email, @Nullable String firstName,
		@Nullable String lastName, @Nullable String name, @Nullable String phone, String customerType,
		long pointBalance, long currentLoyaltyTierProgress, String currentLoyaltyTierId,
		@Nullable String currentMembershipId, String referralLink, @Nullable Integer birthdayMonth,
		@Nullable Integer birthdayDay, Instant createdAt, Instant updatedAt, Instant lastSeenAt) {

	/**
	 * Whether the sandbox created this customer from an order rather than from a customer upsert.
	 * @return whether the customer is a guest
	 */
	public boolean guest() {
		return "Guest".equals(this.customerType);
	}

}
