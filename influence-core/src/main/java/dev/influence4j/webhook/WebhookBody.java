package dev.influence4j.webhook;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.json.InfluenceJson;

/**
 * A webhook body (or an object inside one) as the payload records read it: leniently, because Influence.io's
 * bodies are only partly documented. Unknown fields are ignored here (they stay in the event's raw JSON);
 * only what a topic needs to be handled is required, and a part of the wrong type fails with an
 * {@link InvalidWebhookException} naming it, never repeating the body.
 */
final class WebhookBody {

	private static final JsonMapper JSON = InfluenceJson.mapper();

	private final JsonNode json;

	WebhookBody(JsonNode json) {
		this.json = json;
	}

	/**
	 * This object read whole as a record.
	 * @param what how the failure names it
	 */
	<T> T as(Class<T> type, String what) {
		return read(this.json, type, what);
	}

	WebhookCustomer customer(String field) {
		JsonNode value = this.json.path(field);
		if (!value.isObject()) {
			throw new InvalidWebhookException("'" + field + "' must be an object");
		}
		return read(value, WebhookCustomer.class, field);
	}

	@Nullable WebhookTier tier(String field) {
		return optional(field, WebhookTier.class);
	}

	<T> @Nullable T optional(String field, Class<T> type) {
		JsonNode value = this.json.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new InvalidWebhookException("'" + field + "' must be an object");
		}
		return read(value, type, field);
	}

	/**
	 * The object in a field, to read further fields from, or {@code null} when the field holds no object.
	 */
	@Nullable WebhookBody object(String field) {
		JsonNode value = this.json.path(field);
		return value.isObject() ? new WebhookBody(value) : null;
	}

	long points() {
		JsonNode value = this.json.path("points");
		if (value.isMissingNode() || value.isNull()) {
			return 0;
		}
		if (!value.isNumber() && !(value.isString() && value.asString().matches("-?\\d{1,18}"))) {
			throw new InvalidWebhookException("'points' must be a number");
		}
		return value.asLong();
	}

	String requiredText(String field) {
		String value = text(field);
		if (value == null || value.isBlank()) {
			throw new InvalidWebhookException("'" + field + "' is required");
		}
		return value;
	}

	@Nullable String text(String field) {
		JsonNode value = this.json.path(field);
		if (value.isString()) {
			return value.asString();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		throw new InvalidWebhookException("'" + field + "' must be text");
	}

	@Nullable BigDecimal decimal(String field) {
		JsonNode value = this.json.path(field);
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidWebhookException("'" + field + "' must be a number");
			}
		}
		return null;
	}

	private static <T> T read(JsonNode node, Class<T> type, String field) {
		try {
			return JSON.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new InvalidWebhookException("'" + field + "' could not be read as " + type.getSimpleName());
		}
	}

	@Override
	public String toString() {
		// The body holds personal data.
		return "WebhookBody";
	}

}
