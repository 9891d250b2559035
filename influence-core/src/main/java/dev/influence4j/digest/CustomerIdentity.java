package dev.influence4j.digest;

import java.util.Locale;

import dev.influence4j.Require;

/**
 * Who a customer is to Influence.io: the shop's own (external) customer id and the customer's email.
 * <p>
 * Use one stable, immutable id per customer (never the email). The digest is computed over the email as
 * {@link #normalizeEmail(String)} makes it, and influence4j sends that same email in every Platform request,
 * so the digest and every Launcher call match the record Influence.io holds.
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
		return normalizeEmail(this.email);
	}

	/**
	 * The one rule influence4j applies to an email before the digest or any request carries it: lowercase with
	 * {@link Locale#ROOT} and nothing else (no trimming, no removal of {@code +tags} or dots). The digest is
	 * computed over the lowercased email, so Influence.io must hold the customer under exactly that email;
	 * the Platform request records apply this rule too. Use it when comparing the shop's own records with
	 * what Influence.io holds.
	 * @param email an email, in any case
	 * @return the email lowercased
	 */
	public static String normalizeEmail(String email) {
		// ROOT, not the JVM's default locale: a Turkish default would turn 'I' into a dotless 'ı'.
		return Require.present(email, "email").toLowerCase(Locale.ROOT);
	}

}
