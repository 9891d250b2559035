package dev.influence4j.http;

import org.springframework.http.HttpMethod;

/**
 * One endpoint of an Influence.io API: its method, its default path template, whether repeating it is
 * harmless, and how sure we are of its shape. Implemented by the enums that list each API's endpoints.
 */
public interface ApiEndpoint {

	/**
	 * The endpoint's definition.
	 * @return the definition
	 */
	EndpointDefinition definition();

	/**
	 * A stable name for logs, metrics and exceptions, for example {@code platform.orders.create}.
	 * @return the operation name
	 */
	default String operation() {
		return definition().operation();
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	default HttpMethod method() {
		return definition().method();
	}

	/**
	 * The path template relative to the API's base URL, with {@code {variables}}.
	 * @return the default path template
	 */
	default String defaultPath() {
		return definition().defaultPath();
	}

	/**
	 * Whether sending the same request twice has the same effect as sending it once. Only idempotent
	 * requests are retried after a failure whose outcome is unknown.
	 * @return whether the endpoint is idempotent
	 */
	default boolean idempotent() {
		return definition().idempotent();
	}

	/**
	 * Where our knowledge of this endpoint comes from.
	 * @return the provenance
	 */
	default Provenance provenance() {
		return definition().provenance();
	}

}
