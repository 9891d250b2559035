package dev.influence4j.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides influence4j's secrets in {@code /actuator/env} and {@code /actuator/configprops} even when values are
 * shown ({@code show-values: always}): the API key and the webhook secrets (current and previous), recognised by their property name in
 * any form ({@code influence.api-key}, {@code influence.apiKey}, {@code INFLUENCE_API_KEY}) and, where they
 * arrive under another name (an alias, {@code spring.application.json}), by their value.
 */
final class InfluenceSecretsSanitizingFunction implements SanitizingFunction {

	/** Shorter secrets are matched by name only: their value could occur by chance in other properties. */
	private static final int MIN_VALUE_MATCH_LENGTH = 8;

	private final InfluenceProperties properties;

	InfluenceSecretsSanitizingFunction(InfluenceProperties properties) {
		this.properties = properties;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (isSecretName(data.getKey()) || carriesSecret(data.getValue())) ? data.withSanitizedValue() : data;
	}

	private static boolean isSecretName(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return normalized.endsWith("influenceapikey") || normalized.endsWith("influencewebhookssecret")
				|| normalized.endsWith("influencewebhooksprevioussecret");
	}

	private boolean carriesSecret(@Nullable Object value) {
		if (value == null) {
			return false;
		}
		String text = value.toString();
		InfluenceWebhookProperties webhooks = this.properties.getWebhooks();
		return contains(text, this.properties.getApiKey()) || contains(text, webhooks.getSecret())
				|| contains(text, webhooks.getPreviousSecret());
	}

	private static boolean contains(String text, @Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			return false;
		}
		return text.equals(secret) || (secret.length() >= MIN_VALUE_MATCH_LENGTH && text.contains(secret));
	}

}
