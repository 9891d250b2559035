package dev.influence4j.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plain HTTP calls to a sandbox with the JDK's client, so that tests see exactly what goes over the wire
 * without influence4j's clients in between.
 */
final class RawHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final InfluenceSandbox sandbox;

	RawHttp(InfluenceSandbox sandbox) {
		this(sandbox, Duration.ofSeconds(5));
	}

	RawHttp(InfluenceSandbox sandbox, Duration timeout) {
		this.sandbox = sandbox;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** A Platform call with the sandbox's API key. */
	Response platform(String method, String path, @Nullable Object body) {
		return send(method, this.sandbox.platformBaseUrl() + path, this.sandbox.apiKey(), body, Duration.ofSeconds(5));
	}

	/** A Platform call with the sandbox's API key and a read timeout; throws when no answer arrives. */
	Response platform(String method, String path, @Nullable Object body, Duration timeout) throws IOException {
		return sendChecked(method, this.sandbox.platformBaseUrl() + path, this.sandbox.apiKey(), body, timeout);
	}

	/** A Launcher GET with query parameters. */
	Response launcherGet(String path, Map<String, String> query) {
		String encoded = query.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("GET", this.sandbox.launcherBaseUrl() + path + (encoded.isEmpty() ? "" : "?" + encoded), null, null,
				Duration.ofSeconds(5));
	}

	/** A Launcher POST or PUT with a JSON body. */
	Response launcher(String method, String path, Object body) {
		return send(method, this.sandbox.launcherBaseUrl() + path, null, body, Duration.ofSeconds(5));
	}

	/** The Launcher's customer credentials as query parameters, with the sandbox's own digest. */
	Map<String, String> customerQuery(String customerId, String email) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("shop", this.sandbox.shopKey());
		query.put("customer_id", customerId);
		query.put("customer_email", email);
		query.put("digest", this.sandbox.digest(email, customerId));
		return query;
	}

	/** The Launcher's customer credentials as a body, with the sandbox's own digest. */
	ObjectNode customerBody(String customerId, String email) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("customer").put("id", customerId).put("email", email);
		return body.put("shop", this.sandbox.shopKey()).put("digest", this.sandbox.digest(email, customerId));
	}

	static ObjectNode json(String text) {
		return (ObjectNode) JSON.readTree(text);
	}

	/** An order body as influence4j's client writes it. */
	static ObjectNode order(String orderId, @Nullable String customerId, String status, String total) {
		ObjectNode order = JSON.createObjectNode()
			.put("orderId", orderId)
			.put("customerId", customerId)
			.put("financialStatus", status)
			.put("email", "jane@example.com")
			.put("totalPrice", total)
			.put("currency", "GBP")
			.put("createdAt", "2025-05-01T10:15:30Z");
		order.putArray("lineItems")
			.addObject()
			.put("productId", "p-1")
			.put("title", "Tea")
			.put("quantity", 1)
			.put("price", total);
		order.putArray("discountCodes");
		return order;
	}

	private Response send(String method, String url, @Nullable String apiKey, @Nullable Object body, Duration timeout) {
		try {
			return sendChecked(method, url, apiKey, body, timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Response sendChecked(String method, String url, @Nullable String apiKey, @Nullable Object body,
			Duration timeout) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
		if (apiKey != null) {
			request.header("x-api-key", apiKey);
		}
		if (body != null) {
			byte[] bytes = (body instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
					: JSON.writeValueAsBytes(body);
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
			return new Response(response.statusCode(), json);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status
	 * @param body the JSON body
	 */
	record Response(int status, JsonNode body) {

	}

}
