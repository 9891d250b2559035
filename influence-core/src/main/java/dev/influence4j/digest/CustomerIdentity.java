package dev.influence4j.digest;

import java.util.Locale;

import dev.influence4j.Require;

/**
 * Who a customer is to Influence.io: the shop's own (external) customer id and the customer's email.
 * <p>
 * Use one stable, immutable id per customer (never the email) and the same email that was sent to the
 * Platform API; the digest and every Launcher call depend on both matching the record Influence.io holds.
 *
 * @param id the shop's customer id, as sent to {@code PUT /v1/customers/{id}}
 * @param email the customer's email, in any case (it is lowercased wherever Influence.io compares it)
 */
public record CustomerIdentity(String id, String email) {

	public CustomerIdentity {
		Require.text(id, "customer id");
		Require.text(email, "customer email");
	}

	/**
	 * The email as Influence.io compares it: lowercased with {@link Locale#ROOT}, otherwise unchanged.
	 * @return the lowercased email
	 */
	public String normalizedEmail() {
		return this.email.toLowerCase(Locale.ROOT);
	}

}
