package dev.influence4j.test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Typed, strict reading of a JSON request body. Whatever does not fit ends the request with a 422 whose
 * message names the field, so a client that gets a wire name or a type wrong finds out here rather than in
 * production. Unknown fields are ignored, as a real API would.
 */
final class RequestFields {

	/** Amounts travel as plain decimal strings such as {@code "49.90"}. */
	private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

	private final JsonNode node;

	private final String prefix;

	private RequestFields(JsonNode node, String prefix) {
		this.node = node;
		this.prefix = prefix;
	}

	/**
	 * The fields of a request body; an absent body has no fields.
	 * @param body the parsed body
	 * @return the fields
	 */
	static RequestFields of(JsonNode body) {
		if (body.isMissingNode() || body.isNull()) {
			return new RequestFields(JsonNodeFactory.instance.objectNode(), "");
		}
		if (!body.isObject()) {
			throw ApiError.invalid("the request body must be a JSON object");
		}
		return new RequestFields(body, "");
	}

	JsonNode node() {
		return this.node;
	}

	boolean has(String field) {
		JsonNode value = this.node.get(field);
		return value != null && !value.isNull();
	}

	@Nullable String text(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiError.invalid(name(field) + " must be a string");
		}
		return value.stringValue();
	}

	String requiredText(String field) {
		String value = text(field);
		if (value == null || value.isBlank()) {
			throw ApiError.invalid(name(field) + " is required");
		}
		return value;
	}

	@Nullable Long whole(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw ApiError.invalid(name(field) + " must be a whole number");
		}
		return value.longValue();
	}

	long requiredPositiveWhole(String field) {
		Long value = whole(field);
		if (value == null || value <= 0) {
			throw ApiError.invalid(name(field) + " must be a whole number greater than 0");
		}
		return value;
	}

	@Nullable Integer between(String field, int min, int max) {
		Long value = whole(field);
		if (value == null) {
			return null;
		}
		if (value < min || value > max) {
			throw ApiError.invalid(name(field) + " must be between " + min + " and " + max);
		}
		return value.intValue();
	}

	@Nullable Boolean flag(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw ApiError.invalid(name(field) + " must be true or false");
		}
		return value.booleanValue();
	}

	/**
	 * An amount sent as a plain decimal string; a JSON number is refused, because influence4j promises
	 * decimal strings on the wire.
	 */
	@Nullable BigDecimal decimal(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || !DECIMAL.matcher(value.stringValue()).matches()) {
			throw ApiError.invalid(name(field) + " must be a decimal string such as \"49.90\"");
		}
		return new BigDecimal(value.stringValue());
	}

	BigDecimal requiredDecimal(String field) {
		if (!has(field)) {
			throw ApiError.invalid(name(field) + " is required");
		}
		BigDecimal value = decimal(field);
		return (value != null) ? value : BigDecimal.ZERO;
	}

	@Nullable Instant instant(String field) {
		String value = text(field);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiError.invalid(name(field) + " must be an ISO-8601 date-time such as \"2025-01-31T12:00:00Z\"");
		}
	}

	URI requiredHttpUrl(String field) {
		String value = requiredText(field);
		try {
			URI uri = new URI(value);
			if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					&& uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// Reported below like any other unusable address.
		}
		throw ApiError.invalid(name(field) + " must be an absolute http or https URL");
	}

	/**
	 * The objects of an array field, each readable with the same strictness.
	 * @param field the field
	 * @return the elements; none when the field is absent
	 */
	List<RequestFields> objects(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw ApiError.invalid(name(field) + " must be an array");
		}
		List<RequestFields> elements = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode element = value.get(i);
			if (!element.isObject()) {
				throw ApiError.invalid(name(field) + "[" + i + "] must be an object");
			}
			elements.add(new RequestFields(element, name(field) + "[" + i + "]."));
		}
		return elements;
	}

	List<String> texts(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw ApiError.invalid(name(field) + " must be an array of strings");
		}
		List<String> texts = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString() || element.stringValue().isBlank()) {
				throw ApiError.invalid(name(field) + " must be an array of strings");
			}
			texts.add(element.stringValue());
		}
		return texts;
	}

	private String name(String field) {
		return this.prefix + field;
	}

}
