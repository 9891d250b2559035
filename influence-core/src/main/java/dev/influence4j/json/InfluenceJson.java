package dev.influence4j.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper influence4j reads and writes Influence.io's JSON with, shared by the clients, the webhook
 * receiver and the outbox. It is influence4j's own, independent of the application's, so that an
 * application-wide naming strategy cannot change the wire format. It needs only Jackson: parsing a stored
 * webhook with it needs neither spring-web nor Micrometer.
 */
public final class InfluenceJson {

	private InfluenceJson() {
	}

	/**
	 * A new mapper that ignores unknown fields and {@code null} primitives when reading and leaves
	 * {@code null} fields out when writing.
	 * @return a new mapper
	 */
	public static JsonMapper mapper() {
		return JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.changeDefaultPropertyInclusion(
					(inclusion) -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
			.build();
	}

}
