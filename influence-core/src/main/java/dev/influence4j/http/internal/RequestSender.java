package dev.influence4j.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.influence4j.http.ApiEndpoint;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.RequestBodyCustomizer;

/**
 * Sends one request, once: builds the URI from the endpoint's path (or its override), writes the body through
 * the customizers, and reads at most the configured number of bytes of the answer. Every request carries
 * influence4j's {@code User-Agent} and is observed without its query string. Failures come out as
 * {@link ErrorTranslator} words them; retrying is not this class's business.
 */
final class RequestSender {

	private final RestClient restClient;

	private final JsonMapper json;

	private final Map<ApiEndpoint, String> paths;

	private final List<RequestBodyCustomizer> customizers;

	private final long maxResponseBytes;

	private final ErrorTranslator errors;

	RequestSender(RestClient.Builder restClient, JsonMapper json, Map<ApiEndpoint, String> paths,
			List<RequestBodyCustomizer> customizers, long maxResponseBytes, ErrorTranslator errors) {
		this.restClient = restClient.defaultHeader(HttpHeaders.USER_AGENT, UserAgent.value())
			.observationConvention(new RedactingObservationConvention())
			.build();
		this.json = json;
		this.paths = Map.copyOf(paths);
		this.customizers = List.copyOf(customizers);
		this.maxResponseBytes = maxResponseBytes;
		this.errors = errors;
	}

	String path(ApiEndpoint endpoint) {
		return this.paths.getOrDefault(endpoint, endpoint.defaultPath());
	}

	JsonNode send(ApiRequest request) {
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
			throw this.errors.transportFailure(endpoint.operation(), ex);
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
		throw this.errors.failure(endpoint.operation(), status, response.getHeaders(), body);
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

}
