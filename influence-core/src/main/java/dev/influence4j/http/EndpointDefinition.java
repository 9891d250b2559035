package dev.influence4j.http;

import org.springframework.http.HttpMethod;

import dev.influence4j.Require;

/**
 * What defines an endpoint: its operation name, method, default path, idempotency and provenance.
 *
 * @param operation a stable name for logs, metrics and exceptions, for example {@code platform.orders.create}
 * @param method the HTTP method
 * @param defaultPath the path template relative to the API's base URL, with {@code {variables}}
 * @param idempotent whether sending the same request twice has the same effect as sending it once
 * @param provenance where our knowledge of the endpoint comes from
 */
public record EndpointDefinition(String operation, HttpMethod method, String defaultPath, boolean idempotent,
		Provenance provenance) {

	public EndpointDefinition {
		Require.text(operation, "operation");
		Require.present(method, "method");
		Require.text(defaultPath, "default path");
		Require.present(provenance, "provenance");
	}

}
