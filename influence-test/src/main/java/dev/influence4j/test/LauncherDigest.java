package dev.influence4j.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The customer digest as Influence.io documents it, computed here independently of influence4j's own
 * implementation: lowercase hex HMAC-SHA256, keyed with the API key, over
 * {@code shopKey + lowercase(email) + customerId} in UTF-8.
 */
final class LauncherDigest {

	private final byte[] key;

	private final String shopKey;

	LauncherDigest(String apiKey, String shopKey) {
		this.key = apiKey.getBytes(StandardCharsets.UTF_8);
		this.shopKey = shopKey;
	}

	String compute(String email, String customerId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			String message = this.shopKey + email.toLowerCase(Locale.ROOT) + customerId;
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	/**
	 * Whether a presented digest is the customer's, compared in constant time and exactly: Influence.io
	 * documents lowercase hex, so an upper-case digest does not match.
	 */
	boolean matches(String email, String customerId, @Nullable String presented) {
		byte[] expected = compute(email, customerId).getBytes(StandardCharsets.UTF_8);
		byte[] actual = (presented != null) ? presented.getBytes(StandardCharsets.UTF_8) : new byte[0];
		return MessageDigest.isEqual(expected, actual);
	}

}
