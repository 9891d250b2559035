package dev.influence4j.http.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.influence4j.http.ApiEndpoint;

/**
 * One request to an Influence.io endpoint: path variables, query parameters and an optional body. Immutable;
 * each {@code with} method returns a new request. Query parameters with a {@code null} value are left out.
 *
 * @param endpoint the endpoint
 * @param pathVariables values of the path template's variables
 * @param query query parameters in order
 * @param body the body, written as JSON, or {@code null}
 */
public record ApiRequest(ApiEndpoint endpoint, Map<String, String> pathVariables, Map<String, String> query,
		@Nullable Object body) {

	public ApiRequest {
		pathVariables = Collections.unmodifiableMap(new LinkedHashMap<>(pathVariables));
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/**
	 * A request without variables, parameters or body.
	 * @param endpoint the endpoint
	 * @return the request
	 */
	public static ApiRequest to(ApiEndpoint endpoint) {
		return new ApiRequest(endpoint, Map.of(), Map.of(), null);
	}

	/**
	 * Add a path variable.
	 * @param name the variable's name in the template
	 * @param value its value, encoded when the URI is built
	 * @return the new request
	 */
	public ApiRequest withPath(String name, String value) {
		Map<String, String> variables = new LinkedHashMap<>(this.pathVariables);
		variables.put(name, value);
		return new ApiRequest(this.endpoint, variables, this.query, this.body);
	}

	/**
	 * Add a query parameter unless its value is {@code null}.
	 * @param name the parameter's name
	 * @param value its value, or {@code null} to leave it out
	 * @return the new request
	 */
	public ApiRequest withQuery(String name, @Nullable Object value) {
		if (value == null) {
			return this;
		}
		Map<String, String> parameters = new LinkedHashMap<>(this.query);
		parameters.put(name, String.valueOf(value));
		return new ApiRequest(this.endpoint, this.pathVariables, parameters, this.body);
	}

	/**
	 * Set the body.
	 * @param body the body, written as JSON
	 * @return the new request
	 */
	public ApiRequest withBody(Object body) {
		return new ApiRequest(this.endpoint, this.pathVariables, this.query, body);
	}

	@Override
	public String toString() {
		// Never print values: query parameters carry emails and digests, bodies carry personal data.
		return "ApiRequest[" + this.endpoint.operation() + "]";
	}

}
