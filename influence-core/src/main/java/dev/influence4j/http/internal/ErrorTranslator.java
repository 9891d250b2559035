package dev.influence4j.http.internal;

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
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;

import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceRateLimitedException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.InfluenceTransientException;

/**
 * Turns what went wrong into an {@link InfluenceApiException}: an HTTP status into its exception type, the
 * vendor's message out of the error body, {@code Retry-After} into a wait, and an I/O failure into a
 * transient failure that says whether the request may have been processed. Every text taken from a response
 * has the client's secrets replaced first.
 */
final class ErrorTranslator {

	private static final int VENDOR_MESSAGE_LIMIT = 300;

	private final JsonMapper json;

	private final List<String> secrets;

	ErrorTranslator(JsonMapper json, List<String> secrets) {
		this.json = json;
		this.secrets = List.copyOf(secrets);
	}

	/**
	 * The exception for an answer outside 2xx.
	 * @param operation the operation
	 * @param status the HTTP status
	 * @param headers the answer's headers
	 * @param body the answer's body, possibly empty
	 * @return the exception to throw
	 */
	InfluenceApiException failure(String operation, int status, HttpHeaders headers, byte[] body) {
		String vendorMessage = vendorMessage(body);
		return switch (status) {
			case 401, 403 -> new InfluenceAuthenticationException(operation, status, vendorMessage,
					"the credentials were refused: check the API key (Influence.io dashboard: Settings, API Settings, "
							+ "Platform API Settings) and that the plan includes API access");
			case 404 -> new InfluenceNotFoundException(operation, vendorMessage);
			case 408 -> new InfluenceTransientException(operation, status, vendorMessage,
					InfluenceTransientException.Reason.TIMEOUT, null);
			case 429 -> new InfluenceRateLimitedException(operation, vendorMessage,
					retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
			default -> {
				if (status >= 500) {
					yield new InfluenceTransientException(operation, status, vendorMessage,
							InfluenceTransientException.Reason.SERVER_ERROR, null);
				}
				if (status >= 400) {
					yield new InfluenceClientException(operation, status, vendorMessage);
				}
				yield new InfluenceResponseException(operation, status, "unexpected HTTP status " + status, null);
			}
		};
	}

	/**
	 * The exception for a request that got no complete answer.
	 * @param operation the operation
	 * @param ex what the HTTP client threw
	 * @return the transient failure, its reason telling whether anything was sent
	 */
	InfluenceTransientException transportFailure(String operation, ResourceAccessException ex) {
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

	/**
	 * Replace every configured secret in a text with {@code ****} and shorten it to one bounded line.
	 * @param text the text
	 * @return the redacted text
	 */
	String redact(String text) {
		String result = text;
		for (String secret : this.secrets) {
			if (!secret.isEmpty()) {
				result = result.replace(secret, "****");
			}
		}
		result = result.replaceAll("[\\r\\n\\t]+", " ").strip();
		return (result.length() > VENDOR_MESSAGE_LIMIT) ? result.substring(0, VENDOR_MESSAGE_LIMIT) + "..." : result;
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

	private static boolean isConnectFailure(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof HttpConnectTimeoutException
				|| cause.getClass().getSimpleName().contains("ConnectTimeout");
	}

}
