package dev.influence4j.sample.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.platform.InfluenceCustomer;

/**
 * A person who can log in to the store.
 *
 * @param id the store's account id; also the customer id Influence.io knows the customer by
 * @param email the login, stored lowercased
 * @param passwordHash the BCrypt hash of the password
 * @param firstName first name, or {@code null}
 * @param lastName last name, or {@code null}
 * @param phone phone number, or {@code null}
 * @param role what the account may do
 * @param createdAt when the account was registered
 * @param updatedAt when the profile last changed
 */
public record Account(long id, String email, String passwordHash, @Nullable String firstName,
		@Nullable String lastName, @Nullable String phone, AccountRole role, Instant createdAt, Instant updatedAt) {

	/**
	 * Who this account is to Influence.io: the store's id (stable, unlike the email) and the email.
	 * @return the identity the Launcher client and the digest use
	 */
	public CustomerIdentity identity() {
		return new CustomerIdentity(Long.toString(this.id), this.email);
	}

	/**
	 * The account as Influence.io's customer record, in full: every save sends the whole current state.
	 * @return the customer
	 */
	public InfluenceCustomer toInfluence() {
		return InfluenceCustomer.of(Long.toString(this.id), this.email)
			.withName(this.firstName, this.lastName)
			.withPhone(this.phone);
	}

}
