package dev.influence4j.test;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One request as a route handler sees it.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the API's base (the Launcher's {@code /launcher} prefix removed)
 * @param variables the path variables the route captured
 * @param query the decoded query parameters
 * @param body the JSON body, a missing node when there was none
 */
record SandboxCall(String method, String path, Map<String, String> variables, Map<String, String> query,
		JsonNode body) {

	String variable(String name) {
		String value = this.variables.get(name);
		if (value == null) {
			throw new IllegalStateException("route has no variable " + name);
		}
		return value;
	}

	RequestFields fields() {
		return RequestFields.of(this.body);
	}

}
