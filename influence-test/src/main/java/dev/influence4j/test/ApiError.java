package dev.influence4j.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Ends the handling of a request with an error answer. The Platform API's errors are
 * {@code {"message": "..."}}, the Launcher API's {@code {"error": "<Code>"}}.
 */
final class ApiError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Answer answer;

	private ApiError(int status, JsonNode body, String message) {
		super(message, null, false, false);
		this.answer = new Answer(status, body);
	}

	/**
	 * A Platform API error.
	 * @param status the status
	 * @param message the message, naming the field at fault where there is one
	 * @return the error
	 */
	static ApiError platform(int status, String message) {
		return new ApiError(status, JsonNodeFactory.instance.objectNode().put("message", message), message);
	}

	/**
	 * A 422 naming what is wrong with the request.
	 * @param message the message
	 * @return the error
	 */
	static ApiError invalid(String message) {
		return platform(422, message);
	}

	/**
	 * A Launcher API error.
	 * @param status the status
	 * @param code the error code, for example {@code DigestMismatch}
	 * @return the error
	 */
	static ApiError launcher(int status, String code) {
		return new ApiError(status, JsonNodeFactory.instance.objectNode().put("error", code), code);
	}

	Answer answer() {
		return this.answer;
	}

}
