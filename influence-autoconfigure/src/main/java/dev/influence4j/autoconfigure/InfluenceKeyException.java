package dev.influence4j.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.influence4j.webhook.WebhookSecrets;

/**
 * Thrown at startup when a key or secret influence4j needs is missing, blank, surrounded by whitespace, an
 * unresolved {@code ${...}} placeholder (an environment variable that was not exported) or, for the webhook
 * secret, shorter than {@value WebhookSecrets#MIN_LENGTH} characters. Such a value is never used: the
 * application does not start, and {@link InfluenceKeyFailureAnalyzer} explains which property is wrong, which
 * variable to export and the YAML to write. Neither this exception nor the report contains a value.
 */
public final class InfluenceKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	static final String API_KEY = "influence.api-key";

	static final String SHOP_KEY = "influence.shop-key";

	static final String WEBHOOK_SECRET = "influence.webhooks.secret";

	static final String PREVIOUS_WEBHOOK_SECRET = "influence.webhooks.previous-secret";

	private final transient List<KeyProblem> problems;

	private final boolean webhooks;

	private InfluenceKeyException(List<KeyProblem> problems, boolean webhooks) {
		super("influence4j is enabled but " + describe(problems));
		this.problems = List.copyOf(problems);
		this.webhooks = webhooks;
	}

	/**
	 * What is wrong, one problem per property.
	 * @return the problems
	 */
	List<KeyProblem> problems() {
		return this.problems;
	}

	/**
	 * Whether the problems are with the webhook secrets (rather than the API and shop keys).
	 * @return whether they concern webhooks
	 */
	boolean concernsWebhooks() {
		return this.webhooks;
	}

	static String describe(List<KeyProblem> problems) {
		return String.join("; and ",
				problems.stream().map((problem) -> problem.describe(WebhookSecrets.MIN_LENGTH)).toList());
	}

	/**
	 * Check the API key and the shop key, which every part of influence4j needs.
	 * @param properties the bound properties
	 * @return the keys, ready for use
	 * @throws InfluenceKeyException when either cannot be used
	 */
	static Keys checkKeys(InfluenceProperties properties) {
		String apiKey = properties.getApiKey();
		String shopKey = properties.getShopKey();
		List<KeyProblem> problems = new ArrayList<>();
		KeyProblem.of(API_KEY, apiKey, 0).ifPresent(problems::add);
		KeyProblem.of(SHOP_KEY, shopKey, 0).ifPresent(problems::add);
		// A missing key is a problem, so both are present past this point; the null checks tell the compiler.
		if (!problems.isEmpty() || apiKey == null || shopKey == null) {
			throw new InfluenceKeyException(problems, false);
		}
		return new Keys(apiKey, shopKey);
	}

	/**
	 * The two keys, checked.
	 * @param apiKey the API key
	 * @param shopKey the shop key
	 */
	record Keys(String apiKey, String shopKey) {

		@Override
		public String toString() {
			return "Keys[apiKey=<hidden>, shopKey=<hidden>]";
		}

	}

	/**
	 * Check the webhook secret and, when one is set, the previous secret still accepted during a rotation (a
	 * blank previous secret counts as none, so that {@code ${INFLUENCE_WEBHOOKS_PREVIOUS_SECRET:}} can be
	 * emptied to end the rotation).
	 * @param webhooks the bound webhook properties
	 * @return the secrets, ready for the receiver
	 * @throws InfluenceKeyException when either cannot be used
	 */
	public static WebhookSecrets checkWebhookSecrets(InfluenceWebhookProperties webhooks) {
		List<KeyProblem> problems = new ArrayList<>();
		KeyProblem.of(WEBHOOK_SECRET, webhooks.getSecret(), WebhookSecrets.MIN_LENGTH).ifPresent(problems::add);
		@Nullable String previous = webhooks.getPreviousSecret();
		if (previous != null && !previous.isBlank()) {
			KeyProblem.of(PREVIOUS_WEBHOOK_SECRET, previous, WebhookSecrets.MIN_LENGTH).ifPresent(problems::add);
		}
		if (!problems.isEmpty()) {
			throw new InfluenceKeyException(problems, true);
		}
		String secret = webhooks.getSecret();
		if (secret == null) {
			throw new IllegalStateException("a checked webhook secret is present");
		}
		return (previous != null && !previous.isBlank()) ? WebhookSecrets.of(secret, previous) : WebhookSecrets.of(secret);
	}

}
