package dev.influence4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.influence4j.Require;

/**
 * Sends one JSON request to an Influence.io API with the client's policies applied: path overrides, body
 * customizers, error translation into {@link InfluenceApiException}s, retries and the optional circuit
 * breaker. Shared by the Platform and Launcher clients; not used directly by applications.
 * <p>
 * Why it is long: it still does several jobs (sending, reading responses and pages, translating errors, the
 * retry policy with the circuit breaker). Splitting it into those pieces is item 1 of the open issue "A house a
 * new maintainer can live in"; until then it is kept as it was rather than half split.
 */
public final class ApiTransport {

	private static final Logger logger = LoggerFactory.getLogger(ApiTransport.class);

	private static final int VENDOR_MESSAGE_LIMIT = 300;

	private final String name;

	private final RestClient restClient;

	private final JsonMapper json;

	private final Map<ApiEndpoint, String> paths;

	private final List<RequestBodyCustomizer> customizers;

	private final List<String> secrets;

	private final long maxResponseBytes;

	private final RetrySettings retrySettings;

	private final Retry idempotentRetry;

	private final Retry unsafeRetry;

	private final @Nullable CircuitBreaker circuitBreaker;

	private final CircuitBreakerSettings circuitBreakerSettings;

	ApiTransport(String name, RestClient restClient, JsonMapper json, Map<ApiEndpoint, String> paths,
			List<RequestBodyCustomizer> customizers, List<String> secrets, long maxResponseBytes,
			RetrySettings retrySettings, CircuitBreakerSettings circuitBreakerSettings) {
		this.name = name;
		this.restClient = restClient;
		this.json = json;
		this.paths = Map.copyOf(paths);
		this.customizers = List.copyOf(customizers);
		this.secrets = List.copyOf(secrets);
		this.maxResponseBytes = maxResponseBytes;
		this.retrySettings = retrySettings;
		this.idempotentRetry = retry(name + "-idempotent", retrySettings, true);
		this.unsafeRetry = retry(name + "-unsafe", retrySettings, false);
		this.circuitBreakerSettings = circuitBreakerSettings;
		this.circuitBreaker = circuitBreakerSettings.enabled() ? circuitBreaker(name, circuitBreakerSettings) : null;
	}

	/**
	 * A transport that sends the same way (connection, headers, paths, customizers) but retries by other settings.
	 * @param retry the retry settings
	 * @return the transport
	 */
	public ApiTransport withRetry(RetrySettings retry) {
		return new ApiTransport(this.name, this.restClient, this.json, this.paths, this.customizers, this.secrets,
				this.maxResponseBytes, Require.present(retry, "retry settings"), this.circuitBreakerSettings);
	}

	/**
	 * The JSON mapper the transport reads and writes with.
	 * @return the mapper
	 */
	public JsonMapper json() {
		return this.json;
	}

	/**
	 * The retry settings in force.
	 * @return the settings
	 */
	public RetrySettings retrySettings() {
		return this.retrySettings;
	}

	/**
	 * The path template used for an endpoint: the override if one was configured, else the default.
	 * @param endpoint the endpoint
	 * @return the path template
	 */
	public String path(ApiEndpoint endpoint) {
		return this.paths.getOrDefault(endpoint, endpoint.defaultPath());
	}

	/**
	 * Send a request, retrying as its endpoint allows: idempotent endpoints after any transient failure,
	 * others only when the request cannot have been processed (connection refused, 429).
	 * @param request the request
	 * @return the response body as JSON, {@link MissingNode} when it was empty
	 */
	public JsonNode call(ApiRequest request) {
		return withRetry(request.endpoint().idempotent(), () -> attempt(request));
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
	 * Run attempts under the retry policy. The supplier is called once per attempt and may change what it
	 * sends between attempts (the order writer switches from create to update after an unknown outcome).
	 * @param <T> the result type
	 * @param idempotent whether failures with an unknown outcome may be retried
	 * @param attempts one attempt per call
	 * @return the first successful result
	 */
	public <T> T withRetry(boolean idempotent, Supplier<T> attempts) {
		Retry retry = idempotent ? this.idempotentRetry : this.unsafeRetry;
		return retry.executeSupplier(attempts);
	}

	/**
	 * Send a request once, through the circuit breaker when there is one, without retrying.
	 * @param request the request
	 * @return the response body as JSON, {@link MissingNode} when it was empty
	 */
	public JsonNode attempt(ApiRequest request) {
		if (this.circuitBreaker == null) {
			return send(request);
		}
		try {
			return this.circuitBreaker.executeSupplier(() -> send(request));
		}
		catch (CallNotPermittedException ex) {
			throw new InfluenceTransientException(request.endpoint().operation(), 0, null,
					InfluenceTransientException.Reason.CIRCUIT_OPEN, null);
		}
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

	/**
	 * The object under a field of an envelope such as {@code {"customer": {...}}}.
	 * @param body the response body
	 * @param field the envelope field
	 * @param operation the operation, for the error message
	 * @return the object
	 */
	public JsonNode requireObject(JsonNode body, String field, String operation) {
		JsonNode value = body.path(field);
		if (!value.isObject()) {
			throw new InfluenceResponseException(operation, 200,
					"expected an object in field '" + field + "' but found " + describe(value), null);
		}
		return value;
	}

	/**
	 * The array under a field of an envelope such as {@code {"customers": [...]}}.
	 * @param body the response body
	 * @param field the envelope field
	 * @param operation the operation, for the error message
	 * @return the array node
	 */
	public JsonNode requireArray(JsonNode body, String field, String operation) {
		JsonNode value = body.path(field);
		if (!value.isArray()) {
			throw new InfluenceResponseException(operation, 200,
					"expected an array in field '" + field + "' but found " + describe(value), null);
		}
		return value;
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

	/**
	 * Read one page of a list: the items under {@code itemsField} and the next cursor from the first of
	 * {@code cursorFields} that holds text.
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

	private static String describe(JsonNode node) {
		if (node.isMissingNode()) {
			return "no such field";
		}
		return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
	}

	private JsonNode send(ApiRequest request) {
		ApiEndpoint endpoint = request.endpoint();
		String template = path(endpoint);
		Map<String, Object> variables = new HashMap<>(request.pathVariables());
		StringBuilder uri = new StringBuilder(template);
		char separator = template.contains("?") ? '&' : '?';
		for (Map.Entry<String, String> parameter : request.query().entrySet()) {
			if (variables.put(parameter.getKey(), parameter.getValue()) != null) {
				throw new IllegalStateException("query parameter '" + parameter.getKey()
						+ "' clashes with a path variable of " + endpoint.operation());
			}
			uri.append(separator).append(parameter.getKey()).append("={").append(parameter.getKey()).append('}');
			separator = '&';
		}
		RestClient.RequestBodySpec spec = this.restClient.method(endpoint.method())
			.uri(uri.toString(), variables)
			.accept(MediaType.APPLICATION_JSON);
		if (request.body() != null) {
			spec.contentType(MediaType.APPLICATION_JSON).body(writeBody(endpoint, request.body()));
		}
		try {
			return spec.exchange((clientRequest, response) -> handle(endpoint, response), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure(endpoint.operation(), ex);
		}
	}

	private byte[] writeBody(ApiEndpoint endpoint, Object body) {
		JsonNode tree = this.json.valueToTree(body);
		if (tree instanceof ObjectNode object) {
			for (RequestBodyCustomizer customizer : this.customizers) {
				customizer.customize(endpoint, object);
			}
		}
		return this.json.writeValueAsBytes(tree);
	}

	private JsonNode handle(ApiEndpoint endpoint, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = readLimited(endpoint, status, response.getBody());
		if (status >= 200 && status < 300) {
			return parse(endpoint, status, response.getHeaders(), body);
		}
		throw failure(endpoint.operation(), status, response.getHeaders(), body);
	}

	private byte[] readLimited(ApiEndpoint endpoint, int status, InputStream in) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxResponseBytes + 1));
		if (body.length > this.maxResponseBytes) {
			throw new InfluenceResponseException(endpoint.operation(), status,
					"the answer is larger than the limit of " + this.maxResponseBytes + " bytes", null);
		}
		return body;
	}

	private JsonNode parse(ApiEndpoint endpoint, int status, HttpHeaders headers, byte[] body) {
		if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// The body is not echoed: it may hold personal data.
			throw new InfluenceResponseException(endpoint.operation(), status, "the body is not JSON (Content-Type "
					+ headers.getContentType() + ", " + body.length + " bytes)", null);
		}
	}

	private InfluenceApiException failure(String operation, int status, HttpHeaders headers, byte[] body) {
		String vendorMessage = vendorMessage(body);
		if (status == 401 || status == 403) {
			return new InfluenceAuthenticationException(operation, status, vendorMessage,
					"the credentials were refused: check the API key (Influence.io dashboard: Settings, API Settings, "
							+ "Platform API Settings) and that the plan includes API access");
		}
		if (status == 404) {
			return new InfluenceNotFoundException(operation, vendorMessage);
		}
		if (status == 429) {
			return new InfluenceRateLimitedException(operation, vendorMessage,
					retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
		}
		if (status == 408) {
			return new InfluenceTransientException(operation, status, vendorMessage,
					InfluenceTransientException.Reason.TIMEOUT, null);
		}
		if (status >= 500) {
			return new InfluenceTransientException(operation, status, vendorMessage,
					InfluenceTransientException.Reason.SERVER_ERROR, null);
		}
		if (status >= 400) {
			return new InfluenceClientException(operation, status, vendorMessage);
		}
		return new InfluenceResponseException(operation, status, "unexpected HTTP status " + status, null);
	}

	/**
	 * Parse a {@code Retry-After} header: delay-seconds or an HTTP date.
	 * @param value the header value
	 * @return the wait, or {@code null} when absent or unreadable
	 */
	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private @Nullable String vendorMessage(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(body);
			for (String field : List.of("message", "error", "detail", "title")) {
				JsonNode value = node.path(field);
				if (value.isString() && !value.asString().isBlank()) {
					return redact(value.asString());
				}
				if (value.path("message").isString()) {
					return redact(value.path("message").asString());
				}
			}
			JsonNode errors = node.path("errors");
			if (errors.isArray() && !errors.isEmpty()) {
				JsonNode first = errors.get(0);
				return redact(first.isString() ? first.asString() : first.path("message").asString(first.toString()));
			}
			return null;
		}
		catch (JacksonException ex) {
			// Some errors come as a plain sentence (the Launcher's "Shop not found with shopKey"); keep a short
			// one, but not an HTML error page.
			String text = new String(body, StandardCharsets.UTF_8).strip();
			return (text.isEmpty() || text.startsWith("<") || text.length() > VENDOR_MESSAGE_LIMIT) ? null
					: redact(text);
		}
	}

	/**
	 * Replace every configured secret in a text with {@code ****} and shorten it to one bounded line.
	 * @param text the text
	 * @return the redacted text
	 */
	public String redact(String text) {
		String result = text;
		for (String secret : this.secrets) {
			if (!secret.isEmpty()) {
				result = result.replace(secret, "****");
			}
		}
		result = result.replaceAll("[\\r\\n\\t]+", " ").strip();
		return (result.length() > VENDOR_MESSAGE_LIMIT) ? result.substring(0, VENDOR_MESSAGE_LIMIT) + "..." : result;
	}

	private static InfluenceTransientException transportFailure(String operation, ResourceAccessException ex) {
		Throwable root = ex;
		InfluenceTransientException.Reason reason = InfluenceTransientException.Reason.CONNECTION_LOST;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			root = cause;
			if (isConnectFailure(cause)) {
				reason = InfluenceTransientException.Reason.CONNECT_FAILED;
				break;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| (cause instanceof InterruptedIOException && !(cause instanceof HttpTimeoutException))) {
				reason = InfluenceTransientException.Reason.TIMEOUT;
			}
		}
		// The root cause is attached, never the ResourceAccessException: its message holds the full URL,
		// query string (emails, digests) included.
		return new InfluenceTransientException(operation, 0, null, reason, (root != ex) ? root : null);
	}

	private static boolean isConnectFailure(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof HttpConnectTimeoutException
				|| cause.getClass().getSimpleName().contains("ConnectTimeout");
	}

	private Retry retry(String retryName, RetrySettings settings, boolean idempotent) {
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.retryOnException((failure) -> shouldRetry(failure, settings, idempotent))
			.intervalBiFunction((attempt, outcome) -> wait(settings, attempt, outcome.isLeft() ? outcome.getLeft() : null))
			.failAfterMaxAttempts(false)
			.build();
		Retry retry = Retry.of(retryName, config);
		retry.getEventPublisher()
			.onRetry((event) -> logger.info("Retrying {} (attempt {} of {}) in {} ms after: {}", this.name,
					event.getNumberOfRetryAttempts() + 1, settings.maxAttempts(), event.getWaitInterval().toMillis(),
					(event.getLastThrowable() != null) ? event.getLastThrowable().getMessage() : "unknown"));
		return retry;
	}

	private static boolean shouldRetry(Throwable failure, RetrySettings settings, boolean idempotent) {
		if (failure instanceof InfluenceRateLimitedException rateLimited) {
			return rateLimited.retryAfter().map(settings::honours).orElse(true);
		}
		if (failure instanceof InfluenceTransientException transientFailure) {
			if (transientFailure.reason() == InfluenceTransientException.Reason.CIRCUIT_OPEN) {
				return false;
			}
			return idempotent || !transientFailure.outcomeUnknown();
		}
		return false;
	}

	private static long wait(RetrySettings settings, int attempt, @Nullable Throwable failure) {
		if (failure instanceof InfluenceRateLimitedException rateLimited && rateLimited.retryAfter().isPresent()) {
			return rateLimited.retryAfter().get().toMillis();
		}
		return settings.backoff(attempt).toMillis();
	}

	private static CircuitBreaker circuitBreaker(String breakerName, CircuitBreakerSettings settings) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitInOpenState())
			.recordException((failure) -> failure instanceof InfluenceTransientException)
			.build();
		return CircuitBreaker.of(breakerName, config);
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
