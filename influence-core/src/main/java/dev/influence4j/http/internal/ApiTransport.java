package dev.influence4j.http.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.web.client.RestClient;

import dev.influence4j.Require;
import dev.influence4j.http.ApiEndpoint;
import dev.influence4j.http.CircuitBreakerSettings;
import dev.influence4j.http.CursorPage;
import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.RequestBodyCustomizer;
import dev.influence4j.http.RetrySettings;

/**
 * What the Platform and Launcher clients call: send a request with the client's policies applied (path
 * overrides, body customizers, failures as {@link InfluenceApiException}s, retries and the optional circuit
 * breaker) and read the answer. It only puts the pieces together: {@link RequestSender} sends once,
 * {@link ResponseReader} reads, {@link ErrorTranslator} words failures and {@link RetryPolicy} decides what
 * is tried again.
 */
public final class ApiTransport {

	private final RequestSender sender;

	private final ResponseReader reader;

	private final ErrorTranslator errors;

	private final RetryPolicy retry;

	private final JsonMapper json;

	private final String name;

	private final CircuitBreakerSettings circuitBreaker;

	/**
	 * A transport; the client builders make one per client.
	 * @param name a name for logs and the retry and circuit breaker instances, for example
	 * {@code influence-platform}
	 * @param restClient the builder to send with, base URL, request factory and the API's own headers set
	 * @param json the mapper to write bodies and read answers with
	 * @param paths path overrides by endpoint
	 * @param customizers customizers of outgoing bodies, in order
	 * @param secrets texts that must never appear in a message (the API key)
	 * @param maxResponseBytes the largest answer read
	 * @param retry the retry settings
	 * @param circuitBreaker the circuit breaker settings
	 */
	public ApiTransport(String name, RestClient.Builder restClient, JsonMapper json, Map<ApiEndpoint, String> paths,
			List<RequestBodyCustomizer> customizers, List<String> secrets, long maxResponseBytes, RetrySettings retry,
			CircuitBreakerSettings circuitBreaker) {
		this.name = name;
		this.json = json;
		this.errors = new ErrorTranslator(json, secrets);
		this.sender = new RequestSender(restClient, json, paths, customizers, maxResponseBytes, this.errors);
		this.reader = new ResponseReader(json);
		this.circuitBreaker = circuitBreaker;
		this.retry = new RetryPolicy(name, retry, circuitBreaker);
	}

	private ApiTransport(ApiTransport sending, RetrySettings retry) {
		this.name = sending.name;
		this.json = sending.json;
		this.errors = sending.errors;
		this.sender = sending.sender;
		this.reader = sending.reader;
		this.circuitBreaker = sending.circuitBreaker;
		this.retry = new RetryPolicy(sending.name, retry, sending.circuitBreaker);
	}

	/**
	 * A transport that sends the same way (connection, headers, paths, customizers) but retries by other
	 * settings, with a circuit breaker of its own.
	 * @param retry the retry settings
	 * @return the transport
	 */
	public ApiTransport withRetry(RetrySettings retry) {
		return new ApiTransport(this, Require.present(retry, "retry settings"));
	}

	/**
	 * The JSON mapper the transport reads and writes with.
	 * @return the mapper
	 */
	public JsonMapper json() {
		return this.json;
	}

	/**
	 * The path template used for an endpoint: the override if one was configured, else the default.
	 * @param endpoint the endpoint
	 * @return the path template
	 */
	public String path(ApiEndpoint endpoint) {
		return this.sender.path(endpoint);
	}

	/**
	 * Send a request, retrying as its endpoint allows: idempotent endpoints after any transient failure,
	 * others only when the request cannot have been processed (connection refused, 429).
	 * @param request the request
	 * @return the response body as JSON, {@link MissingNode} when it was empty
	 */
	public JsonNode call(ApiRequest request) {
		return this.retry.run(request.endpoint().idempotent(), () -> sendOnce(request));
	}

	/**
	 * Send a request whose 404 means "not there" rather than a failure, as {@link #call(ApiRequest)} does.
	 * @param <T> the result type
	 * @param request the request
	 * @param reader reads the result from the response body
	 * @return the result, or empty when Influence.io answered 404
	 */
	public <T> Optional<T> find(ApiRequest request, Function<JsonNode, T> reader) {
		JsonNode body;
		try {
			body = call(request);
		}
		catch (InfluenceNotFoundException ex) {
			return Optional.empty();
		}
		return Optional.of(reader.apply(body));
	}

	/**
	 * Send a request whose goal is that something is gone, as {@link #call(ApiRequest)} does: a 404 means it
	 * already is, which is success.
	 * @param request the request, usually a {@code DELETE}
	 */
	public void remove(ApiRequest request) {
		find(request, Function.identity());
	}

	/**
	 * Run a write whose requests may change from one attempt to the next, under the retry policy for
	 * idempotent requests: the caller makes every attempt safe to repeat (the order writer updates instead of
	 * creating again after an unknown outcome). Within one attempt, each request is sent once.
	 * @param <T> the result type
	 * @param attempt one attempt per call
	 * @return the first successful attempt's result
	 */
	public <T> T callInAttempts(Attempt<T> attempt) {
		return this.retry.run(true, () -> attempt.run(this::sendOnce));
	}

	private JsonNode sendOnce(ApiRequest request) {
		return this.retry.once(request.endpoint().operation(), () -> this.sender.send(request));
	}

	/**
	 * Map a JSON node onto a type, leniently (unknown fields are ignored), turning mapping problems into an
	 * {@link InfluenceResponseException} that names the field.
	 * @param <T> the target type
	 * @param node the node to read
	 * @param type the target type
	 * @param operation the operation, for the error message
	 * @return the value
	 */
	public <T> T read(JsonNode node, Class<T> type, String operation) {
		return this.reader.read(node, type, operation);
	}

	/**
	 * The object under a field of an envelope such as {@code {"customer": {...}}}.
	 * @param body the response body
	 * @param field the envelope field
	 * @param operation the operation, for the error message
	 * @return the object
	 */
	public JsonNode requireObject(JsonNode body, String field, String operation) {
		return this.reader.requireObject(body, field, operation);
	}

	/**
	 * The array under a field of an envelope such as {@code {"customers": [...]}}.
	 * @param body the response body
	 * @param field the envelope field
	 * @param operation the operation, for the error message
	 * @return the array node
	 */
	public JsonNode requireArray(JsonNode body, String field, String operation) {
		return this.reader.requireArray(body, field, operation);
	}

	/**
	 * Read the object under an envelope field such as {@code {"customer": {...}}}, which must be there.
	 * @param <T> the target type
	 * @param body the response body
	 * @param envelope the envelope field's name
	 * @param type the target type
	 * @param operation the operation, for error messages
	 * @return the value
	 */
	public <T> T readEnveloped(JsonNode body, String envelope, Class<T> type, String operation) {
		return read(requireObject(body, envelope, operation), type, operation);
	}

	/**
	 * Read an object that may come wrapped in an envelope ({@code {"product": {...}}}) or bare.
	 * @param <T> the target type
	 * @param body the response body
	 * @param envelope the envelope field's name
	 * @param type the target type
	 * @param operation the operation, for error messages
	 * @return the value
	 */
	public <T> T readEnvelopedOrBare(JsonNode body, String envelope, Class<T> type, String operation) {
		return this.reader.readEnvelopedOrBare(body, envelope, type, operation);
	}

	/**
	 * Read one page of a list: the items under {@code itemsField} and the next cursor from the first of
	 * {@code cursorFields} that holds text or a number.
	 * @param <T> the item type
	 * @param body the response body
	 * @param itemsField the field holding the items
	 * @param type the item type
	 * @param operation the operation, for error messages
	 * @param cursorFields candidate names of the next-page cursor field, in order of preference
	 * @return the page
	 */
	public <T> CursorPage<T> readPage(JsonNode body, String itemsField, Class<T> type, String operation,
			String... cursorFields) {
		return this.reader.readPage(body, itemsField, type, operation, cursorFields);
	}

	/**
	 * Replace every configured secret in a text with {@code ****} and shorten it to one bounded line.
	 * @param text the text
	 * @return the redacted text
	 */
	public String redact(String text) {
		return this.errors.redact(text);
	}

	/**
	 * One attempt of a {@linkplain #callInAttempts write made in attempts}.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Attempt<T> {

		/**
		 * Make the attempt.
		 * @param send sends one request once, through the circuit breaker, without retrying
		 * @return the result
		 */
		T run(Function<ApiRequest, JsonNode> send);

	}

}
