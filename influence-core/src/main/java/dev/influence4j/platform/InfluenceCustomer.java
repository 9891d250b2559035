package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;
import dev.influence4j.digest.CustomerIdentity;

/**
 * A shop customer as sent to Influence.io ({@code PUT /v1/customers/{customerId}}, create or update).
 * <p>
 * Wire names: {@code email} and {@code name} are observed in live use; {@code firstName}, {@code lastName},
 * {@code phone}, {@code birthdayMonth} and {@code birthdayDay} are provisional.
 * <p>
 * The email is lowercased when the customer is created ({@link CustomerIdentity#normalizeEmail(String)}, the
 * digest's rule), not when it is written to the wire: {@link #email()} is then exactly what Influence.io will
 * hold and what the digest is computed over, for the request body, a
 * {@link dev.influence4j.http.RequestBodyCustomizer}, the outbox payload and {@code equals} alike; and a
 * payload queued before this rule existed is lowercased when it is read back.
 *
 * @param customerId the shop's own customer id (sent in the path, never the email)
 * @param email the customer's email, in any case; kept lowercased
 * @param firstName first name, or {@code null}
 * @param lastName last name, or {@code null}
 * @param phone phone number, or {@code null}
 * @param birthdayMonth month of birth 1 to 12, or {@code null}
 * @param birthdayDay day of birth 1 to 31, or {@code null}
 */
public record InfluenceCustomer(@JsonIgnore String customerId, @JsonProperty("email") String email,
		@JsonProperty("firstName") @Nullable String firstName, @JsonProperty("lastName") @Nullable String lastName,
		@JsonProperty("phone") @Nullable String phone, @JsonProperty("birthdayMonth") @Nullable Integer birthdayMonth,
		@JsonProperty("birthdayDay") @Nullable Integer birthdayDay) {

	public InfluenceCustomer {
		Require.text(customerId, "customer id");
		Require.text(email, "customer email");
		if (!email.contains("@")) {
			throw new IllegalArgumentException("customer email must contain '@'");
		}
		email = CustomerIdentity.normalizeEmail(email);
		if (birthdayMonth != null && (birthdayMonth < 1 || birthdayMonth > 12)) {
			throw new IllegalArgumentException("birthday month must be between 1 and 12 but was " + birthdayMonth);
		}
		if (birthdayDay != null && (birthdayDay < 1 || birthdayDay > 31)) {
			throw new IllegalArgumentException("birthday day must be between 1 and 31 but was " + birthdayDay);
		}
	}

	/**
	 * A customer with only the required parts.
	 * @param customerId the shop's customer id
	 * @param email the email
	 * @return the customer
	 */
	public static InfluenceCustomer of(String customerId, String email) {
		return new InfluenceCustomer(customerId, email, null, null, null, null, null);
	}

	/**
	 * The full name, as Influence.io's {@code name} field expects it.
	 * @return first and last name joined, or {@code null} when neither is known
	 */
	@JsonProperty("name")
	public @Nullable String name() {
		if (this.firstName == null && this.lastName == null) {
			return null;
		}
		return ((this.firstName != null ? this.firstName : "") + " " + (this.lastName != null ? this.lastName : ""))
			.strip();
	}

	public InfluenceCustomer withName(@Nullable String firstName, @Nullable String lastName) {
		return new InfluenceCustomer(this.customerId, this.email, firstName, lastName, this.phone, this.birthdayMonth,
				this.birthdayDay);
	}

	public InfluenceCustomer withPhone(@Nullable String phone) {
		return new InfluenceCustomer(this.customerId, this.email, this.firstName, this.lastName, phone,
				this.birthdayMonth, this.birthdayDay);
	}

	public InfluenceCustomer withBirthday(int month, int day) {
		return new InfluenceCustomer(this.customerId, this.email, this.firstName, this.lastName, this.phone, month, day);
	}

}
