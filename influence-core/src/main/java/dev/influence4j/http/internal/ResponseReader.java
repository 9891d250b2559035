package dev.influence4j.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.http.CursorPage;
import dev.influence4j.http.InfluenceResponseException;

/**
 * Reads answers that arrived: maps JSON onto types leniently, unwraps envelopes and pages, and names the
 * field that did not fit in the {@link InfluenceResponseException}, never echoing a value (answers carry
 * personal data).
 */
final class ResponseReader {

	private final JsonMapper json;

	ResponseReader(JsonMapper json) {
		this.json = json;
	}

	<T> T read(JsonNode node, Class<T> type, String operation) {
		try {
			T value = this.json.treeToValue(node, type);
			if (value == null) {
				throw new InfluenceResponseException(operation, 200, "expected " + type.getSimpleName()
						+ " but the answer was empty", null);
			}
			return value;
		}
		catch (DatabindException ex) {
			throw new InfluenceResponseException(operation, 200,
					"field '" + fieldPath(ex) + "' could not be read: " + firstLine(ex.getOriginalMessage()), ex);
		}
		catch (JacksonException ex) {
			throw new InfluenceResponseException(operation, 200, firstLine(ex.getOriginalMessage()), ex);
		}
	}

	JsonNode requireObject(JsonNode body, String field, String operation) {
		return require(body, field, JsonNode::isObject, "an object", operation);
	}

	JsonNode requireArray(JsonNode body, String field, String operation) {
		return require(body, field, JsonNode::isArray, "an array", operation);
	}

	<T> T readEnvelopedOrBare(JsonNode body, String envelope, Class<T> type, String operation) {
		JsonNode wrapped = body.path(envelope);
		if (wrapped.isObject()) {
			return read(wrapped, type, operation);
		}
		if (body.isObject() && !body.isEmpty()) {
			return read(body, type, operation);
		}
		throw new InfluenceResponseException(operation, 200,
				"expected an object in field '" + envelope + "' but found " + describe(wrapped), null);
	}

	<T> CursorPage<T> readPage(JsonNode body, String itemsField, Class<T> type, String operation,
			String... cursorFields) {
		JsonNode items = requireArray(body, itemsField, operation);
		List<T> values = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			try {
				values.add(read(items.get(i), type, operation));
			}
			catch (InfluenceResponseException ex) {
				throw new InfluenceResponseException(operation, 200,
						"item " + i + " of '" + itemsField + "': " + ex.getMessage(), ex);
			}
		}
		String cursor = null;
		for (String field : cursorFields) {
			JsonNode value = body.path(field);
			if ((value.isString() && !value.asString().isBlank()) || value.isNumber()) {
				cursor = value.asString();
				break;
			}
		}
		return new CursorPage<>(values, cursor);
	}

	private static JsonNode require(JsonNode body, String field, Predicate<JsonNode> kind, String expected,
			String operation) {
		JsonNode value = body.path(field);
		if (!kind.test(value)) {
			throw new InfluenceResponseException(operation, 200,
					"expected " + expected + " in field '" + field + "' but found " + describe(value), null);
		}
		return value;
	}

	private static String describe(JsonNode node) {
		if (node.isMissingNode()) {
			return "no such field";
		}
		return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
	}

	private static String fieldPath(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "(root)" : path.toString();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unknown problem";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
