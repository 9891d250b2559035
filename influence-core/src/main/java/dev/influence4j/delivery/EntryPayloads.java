package dev.influence4j.delivery;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.Require;

/**
 * Writes and reads the payloads of outbox entries. Payloads are influence4j's own records written by their
 * component names, deliberately not in Influence.io's wire format: a provisional wire name fixed later must
 * not make entries already in the outbox unreadable.
 */
public final class EntryPayloads {

	private static final JsonMapper MAPPER = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

	private EntryPayloads() {
	}

	/**
	 * Write a value as a payload.
	 * @param value a record of influence4j's
	 * @return the JSON payload
	 */
	public static String write(Object value) {
		return MAPPER.writeValueAsString(Require.present(value, "payload value"));
	}

	/**
	 * Read a payload back.
	 * @param <T> the record type
	 * @param entry the entry holding the payload
	 * @param type the record type
	 * @return the value
	 * @throws IllegalArgumentException when the payload cannot be read, naming the entry (never its content)
	 */
	public static <T> T read(OutboxEntry entry, Class<T> type) {
		try {
			return MAPPER.readValue(entry.payload(), type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("payload of " + entry.kind() + " entry " + entry.id() + " is not a "
					+ type.getSimpleName() + ": " + ex.getClass().getSimpleName(), ex);
		}
	}

}
