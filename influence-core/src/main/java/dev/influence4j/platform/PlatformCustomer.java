package dev.influence4j.platform;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A customer as Influence.io holds it, read leniently from Platform API answers: fields Influence.io
 * leaves out are {@code null} (or zero), fields it adds are ignored.
 *
 * @param id Influence.io's UUID for the customer
 * @param externalId the shop's customer id
 * @param email the email Influence.io holds
 * @param firstName first name
 * @param lastName last name
 * @param name full name
 * @param customerType account status, for example {@code Member} or {@code Guests}
 * @param pointBalance current point balance
 * @param referralLink the customer's referral link code
 * @param referralsCompleted number of completed referrals
 * @param currentLoyaltyTierId current tier's id
 * @param currentLoyaltyTierProgress progress on the tier scale
 * @param birthdayMonth month of birth
 * @param birthdayDay day of birth
 * @param createdAt when Influence.io created the record
 * @param updatedAt when Influence.io last changed the record
 * @param lastSeenAt last activity, which drives point expiry
 */
public record PlatformCustomer(@Nullable String id, @Nullable String externalId, @Nullable String email,
		@Nullable String firstName, @Nullable String lastName, @Nullable String name, @Nullable String customerType,
		long pointBalance, @Nullable String referralLink, int referralsCompleted, @Nullable String currentLoyaltyTierId,
		@Nullable BigDecimal currentLoyaltyTierProgress, @Nullable Integer birthdayMonth, @Nullable Integer birthdayDay,
		@Nullable Instant createdAt, @Nullable Instant updatedAt, @Nullable @JsonAlias("lastSeen") Instant lastSeenAt) {

}
