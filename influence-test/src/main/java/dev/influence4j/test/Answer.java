package dev.influence4j.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the sandbox answers to one request: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
record Answer(int status, JsonNode body) {

	static Answer ok(JsonNode body) {
		return new Answer(200, body);
	}

	/**
	 * A body wrapped in a one-field envelope, as the Platform API answers single resources.
	 * @param envelope the envelope field, for example {@code customer}
	 * @param value the resource
	 * @return the answer
	 */
	static Answer enveloped(String envelope, JsonNode value) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.set(envelope, value);
		return ok(body);
	}

	static Answer success() {
		return ok(JsonNodeFactory.instance.objectNode().put("success", true));
	}

}
