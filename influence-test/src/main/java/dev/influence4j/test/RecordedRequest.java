package dev.influence4j.test;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request the sandbox received, with what it answered.
 *
 * @param method the HTTP method, upper case
 * @param path the request path, for example {@code /v1/orders} or {@code /launcher/v1/customer}
 * @param query the query parameters, decoded (the first value of a repeated one)
 * @param headers the request headers, names lower-cased
 * @param body the body as JSON; a missing node when there was none, a string node holding the raw text when
 * it was not JSON
 * @param operation what the sandbox took the request for: the Platform operations use influence4j's names
 * (for example {@code platform.orders.create}), the Launcher ones {@code launcher.*}, anything else
 * {@code unknown}
 * @param status the status answered, or 0 when the connection was dropped without an answer
 * @param fault the fault injected into this request ({@code fail}, {@code delay}, {@code drop-before},
 * {@code drop-after}, {@code fail-ratio}), or {@code null}
 * @param receivedAt when the request arrived
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
		Map<String, List<String>> headers, JsonNode body, String operation, int status, @Nullable String fault,
		Instant receivedAt) {

	private static final String API_KEY_HEADER = "x-api-key";

	public RecordedRequest {
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
		Map<String, List<String>> copy = new LinkedHashMap<>();
		headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
		body = body.deepCopy();
	}

	/**
	 * The first value of a header.
	 * @param name the header's name, in any case
	 * @return the value, or empty when the header was not sent
	 */
	public Optional<String> header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/**
	 * Whether the request was answered with a 2xx status.
	 * @return whether it succeeded
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

	@Override
	public String toString() {
		// The API key is the shop's admin credential: tests print journals, so it is never shown.
		StringBuilder headerText = new StringBuilder("{");
		this.headers.forEach((name, values) -> {
			if (headerText.length() > 1) {
				headerText.append(", ");
			}
			headerText.append(name).append('=').append(API_KEY_HEADER.equals(name) ? "[REDACTED]" : values);
		});
		headerText.append('}');
		return "RecordedRequest[" + this.method + " " + this.path + ", query=" + this.query + ", headers=" + headerText
				+ ", body=" + (this.body.isMissingNode() ? "" : this.body) + ", operation=" + this.operation + ", status="
				+ this.status + ((this.fault != null) ? ", fault=" + this.fault : "") + ", receivedAt=" + this.receivedAt
				+ "]";
	}

}
