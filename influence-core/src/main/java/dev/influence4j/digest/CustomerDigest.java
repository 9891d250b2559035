package dev.influence4j.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.influence4j.Require;
import org.jspecify.annotations.Nullable;

/**
 * Computes the customer digest Influence.io uses to trust a logged-in customer: lowercase hex
 * HMAC-SHA256, keyed with the shop's API key, over {@code shopKey + lowercase(email) + customerId} in UTF-8.
 * <p>
 * The digest never expires and acts as a per-customer credential: render it only into pages for that
 * customer and never log it. Instances are immutable and thread-safe; the HMAC key is prepared once.
 */
public final class CustomerDigest {

	private static final String ALGORITHM = "HmacSHA256";

	private static final HexFormat HEX = HexFormat.of();

	private final String shopKey;

	private final MacSource macs;

	private CustomerDigest(String apiKey, String shopKey) {
		this.shopKey = Require.text(shopKey, "shop key");
		this.macs = MacSource.of(new SecretKeySpec(Require.text(apiKey, "API key").getBytes(StandardCharsets.UTF_8),
				ALGORITHM));
	}

	/**
	 * Create a digest calculator for one shop.
	 * @param apiKey the shop's Platform API key (the HMAC secret)
	 * @param shopKey the shop key, for example {@code example-com}
	 * @return the calculator
	 */
	public static CustomerDigest of(String apiKey, String shopKey) {
		return new CustomerDigest(apiKey, shopKey);
	}

	/**
	 * The shop key this calculator signs for.
	 * @return the shop key
	 */
	public String shopKey() {
		return this.shopKey;
	}

	/**
	 * Compute the digest of a customer.
	 * @param customer the customer's id and email
	 * @return 64 lowercase hex characters
	 */
	public String compute(CustomerIdentity customer) {
		Require.present(customer, "customer");
		String message = this.shopKey + customer.normalizedEmail() + customer.id();
		return HEX.formatHex(this.macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Compute the digest of a customer.
	 * @param email the customer's email, in any case
	 * @param customerId the shop's customer id
	 * @return 64 lowercase hex characters
	 */
	public String compute(String email, String customerId) {
		return compute(new CustomerIdentity(customerId, email));
	}

	/**
	 * Whether a digest presented by someone else belongs to the customer, compared in constant time.
	 * @param customer the customer the digest claims to be for
	 * @param candidate the presented digest, in any case; {@code null} never matches
	 * @return whether it matches
	 */
	public boolean matches(CustomerIdentity customer, @Nullable String candidate) {
		byte[] expected = compute(customer).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = (candidate != null) ? candidate.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)
				: new byte[0];
		return MessageDigest.isEqual(expected, actual);
	}

	@Override
	public String toString() {
		return "CustomerDigest[shopKey=" + this.shopKey + "]";
	}

	/**
	 * Hands out initialized {@link Mac} instances without a provider lookup per call: clones of one
	 * prototype where the provider supports it, one instance per thread otherwise.
	 */
	private interface MacSource {

		Mac get();

		static MacSource of(SecretKeySpec key) {
			Mac prototype = newMac(key);
			try {
				prototype.clone();
				return () -> {
					try {
						return (Mac) prototype.clone();
					}
					catch (CloneNotSupportedException ex) {
						throw new IllegalStateException(ex);
					}
				};
			}
			catch (CloneNotSupportedException ex) {
				ThreadLocal<Mac> perThread = ThreadLocal.withInitial(() -> newMac(key));
				return perThread::get;
			}
		}

		private static Mac newMac(SecretKeySpec key) {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ALGORITHM + " is not available in this JVM", ex);
			}
		}

	}

}
