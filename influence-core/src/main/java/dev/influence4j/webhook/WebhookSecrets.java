package dev.influence4j.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * The secrets a webhook URL may carry as its last path segment: the current one and, while it is being
 * rotated out, the previous one. Influence.io documents no signature, so this secret is all that
 * authenticates a delivery. Only SHA-256 hashes of the secrets are kept, and a candidate is compared with
 * each of them in constant time: neither its content nor its length leaks through timing.
 */
public final class WebhookSecrets {

	/** Shortest secret accepted. */
	public static final int MIN_LENGTH = 32;

	private final byte[] current;

	private final byte @Nullable [] previous;

	private WebhookSecrets(String current, @Nullable String previous) {
		this.current = hash(check(current, "webhook secret"));
		this.previous = (previous != null) ? hash(check(previous, "previous webhook secret")) : null;
	}

	/**
	 * The secrets of a URL that is not being rotated.
	 * @param secret the secret, at least {@value #MIN_LENGTH} characters
	 * @return the secrets
	 */
	public static WebhookSecrets of(String secret) {
		return new WebhookSecrets(secret, null);
	}

	/**
	 * The secrets while the URL is rotated: deliveries to the previous URL are still accepted.
	 * @param secret the new secret, at least {@value #MIN_LENGTH} characters
	 * @param previous the secret being replaced, at least {@value #MIN_LENGTH} characters
	 * @return the secrets
	 */
	public static WebhookSecrets of(String secret, String previous) {
		return new WebhookSecrets(secret, Require.present(previous, "previous webhook secret"));
	}

	/**
	 * Which secret a URL segment is.
	 * @param candidate the secret presented, or {@code null}
	 * @return the match
	 */
	public Match match(@Nullable String candidate) {
		byte[] presented = hash((candidate != null) ? candidate : "");
		// Both comparisons always run, so the time taken does not say which secret matched.
		boolean isCurrent = MessageDigest.isEqual(this.current, presented);
		boolean isPrevious = this.previous != null && MessageDigest.isEqual(this.previous, presented);
		if (isCurrent) {
			return Match.CURRENT;
		}
		return isPrevious ? Match.PREVIOUS : Match.NONE;
	}

	/**
	 * Whether a previous secret is still accepted.
	 * @return whether the secret is being rotated
	 */
	public boolean rotating() {
		return this.previous != null;
	}

	private static String check(String secret, String name) {
		Require.text(secret, name);
		if (secret.length() < MIN_LENGTH) {
			throw new IllegalArgumentException(name + " must be at least " + MIN_LENGTH + " characters (it is the only "
					+ "thing that authenticates Influence.io's deliveries)");
		}
		return secret;
	}

	private static byte[] hash(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSecrets[rotating=" + rotating() + "]";
	}

	/** Which secret a candidate matched. */
	public enum Match {

		/** The current secret. */
		CURRENT,

		/** The previous secret, still accepted while it is rotated out. */
		PREVIOUS,

		/** Neither. */
		NONE

	}

}
