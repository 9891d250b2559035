package dev.influence4j.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * Receives every request: applies injected faults, checks the Platform API key, routes, records the request
 * in the journal and writes the answer.
 */
final class SandboxHandler implements HttpHandler {

	private static final System.Logger logger = System.getLogger(SandboxHandler.class.getName());

	private static final String LAUNCHER_PREFIX = "launcher";

	private final byte[] apiKey;

	private final JsonMapper json;

	private final Clock clock;

	private final SandboxJournal journal;

	private final SandboxFaults faults;

	private final RouteTable platform;

	private final RouteTable launcher;

	private final ScheduledExecutorService delayedAnswers;

	SandboxHandler(String apiKey, JsonMapper json, Clock clock, SandboxJournal journal, SandboxFaults faults,
			RouteTable platform, RouteTable launcher, ScheduledExecutorService delayedAnswers) {
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
		this.json = json;
		this.clock = clock;
		this.journal = journal;
		this.faults = faults;
		this.platform = platform;
		this.launcher = launcher;
		this.delayedAnswers = delayedAnswers;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try {
			serve(exchange);
		}
		catch (IOException ex) {
			// The client went away (for example after its read timeout during an injected delay).
			exchange.close();
		}
		catch (RuntimeException | Error ex) {
			logger.log(System.Logger.Level.ERROR, "Influence sandbox failed to handle a request", ex);
			exchange.close();
		}
	}

	private void serve(HttpExchange exchange) throws IOException {
		Instant receivedAt = this.clock.instant();
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		URI uri = exchange.getRequestURI();
		List<String> segments = segments(uri.getRawPath());
		String path = "/" + String.join("/", segments);
		Map<String, String> query = query(uri.getRawQuery());
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		byte[] bytes = exchange.getRequestBody().readAllBytes();
		ParsedBody body = parse(bytes);
		boolean launcherApi = !segments.isEmpty() && LAUNCHER_PREFIX.equals(segments.get(0));
		List<String> apiSegments = launcherApi ? segments.subList(1, segments.size()) : segments;
		Optional<RouteTable.Match> match = (launcherApi ? this.launcher : this.platform).match(method, apiSegments);
		String operation = match.map(RouteTable.Match::route).map(RouteTable.Route::operation).orElse("unknown");

		SandboxFaults.InjectedFault fault = this.faults.next(method, path);
		SandboxFaults.Kind kind = (fault != null) ? fault.kind() : null;
		if (fault != null && (kind == SandboxFaults.Kind.FAIL || kind == SandboxFaults.Kind.FAIL_RATIO)) {
			Answer answer = error(launcherApi, fault.status(), "Injected fault: HTTP " + fault.status(), "InjectedFault");
			record(method, path, query, headers, body, operation, answer.status(), kind, receivedAt);
			send(exchange, answer, launcherApi);
			return;
		}
		if (kind == SandboxFaults.Kind.DROP_BEFORE) {
			record(method, path, query, headers, body, operation, 0, kind, receivedAt);
			exchange.close();
			return;
		}
		Answer answer = process(method, launcherApi, apiSegments, query, headers, body, match);
		if (kind == SandboxFaults.Kind.DROP_AFTER) {
			record(method, path, query, headers, body, operation, 0, kind, receivedAt);
			// Closing before any response header is sent makes the server close the connection itself.
			exchange.close();
			return;
		}
		record(method, path, query, headers, body, operation, answer.status(), kind, receivedAt);
		if (fault != null && kind == SandboxFaults.Kind.DELAY) {
			// The request is processed now; only the answer waits, as with a server whose reply is slow.
			this.delayedAnswers.schedule(() -> sendLate(exchange, answer, launcherApi), fault.delay().toNanos(),
					TimeUnit.NANOSECONDS);
			return;
		}
		send(exchange, answer, launcherApi);
	}

	private void sendLate(HttpExchange exchange, Answer answer, boolean launcherApi) {
		try {
			send(exchange, answer, launcherApi);
		}
		catch (IOException ex) {
			// The client went away meanwhile (its read timeout was shorter than the delay).
			exchange.close();
		}
	}

	private Answer process(String method, boolean launcherApi, List<String> segments, Map<String, String> query,
			Map<String, List<String>> headers, ParsedBody body, Optional<RouteTable.Match> match) {
		if (launcherApi && "OPTIONS".equals(method)) {
			// CORS preflight: the real Launcher is called from browsers and answers with *.
			return new Answer(204, MissingNode.getInstance());
		}
		if (!launcherApi && !apiKeyMatches(headers.get("x-api-key"))) {
			return error(false, 401, "Invalid API key", "Unauthorized");
		}
		if (!body.valid()) {
			return error(launcherApi, 400, "the request body is not valid JSON", "InvalidJson");
		}
		if (match.isEmpty()) {
			return error(launcherApi, 404, "Not found", "NotFound");
		}
		RouteTable.Route route = match.get().route();
		if (route == null) {
			return error(launcherApi, 405, "Method not allowed", "MethodNotAllowed");
		}
		String apiPath = "/" + String.join("/", segments);
		try {
			return route.handler()
				.apply(new SandboxCall(method, apiPath, match.get().variables(), query, body.json()));
		}
		catch (ApiError ex) {
			return ex.answer();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.ERROR, "Influence sandbox failed on " + route.operation(), ex);
			return error(launcherApi, 500, "Sandbox failure: " + ex, "InternalError");
		}
	}

	private boolean apiKeyMatches(@Nullable List<String> presented) {
		byte[] candidate = (presented != null && presented.size() == 1)
				? presented.get(0).getBytes(StandardCharsets.UTF_8) : new byte[0];
		return MessageDigest.isEqual(this.apiKey, candidate);
	}

	private void record(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
			ParsedBody body, String operation, int status, SandboxFaults.@Nullable Kind fault, Instant receivedAt) {
		this.journal.record(new RecordedRequest(method, path, query, headers, body.json(), operation, status,
				(fault != null) ? fault.label() : null, receivedAt));
	}

	private void send(HttpExchange exchange, Answer answer, boolean launcherApi) throws IOException {
		byte[] bytes = answer.body().isMissingNode() ? new byte[0] : this.json.writeValueAsBytes(answer.body());
		if (bytes.length > 0) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
		}
		if (launcherApi) {
			exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
			exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
			exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
		}
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static Answer error(boolean launcherApi, int status, String message, String code) {
		return (launcherApi ? ApiError.launcher(status, code) : ApiError.platform(status, message)).answer();
	}

	private ParsedBody parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return new ParsedBody(MissingNode.getInstance(), true);
		}
		try {
			return new ParsedBody(this.json.readTree(bytes), true);
		}
		catch (JacksonException ex) {
			return new ParsedBody(JsonNodeFactory.instance.stringNode(text), false);
		}
	}

	private static List<String> segments(@Nullable String rawPath) {
		List<String> segments = new ArrayList<>();
		if (rawPath == null) {
			return segments;
		}
		for (String segment : rawPath.split("/")) {
			if (!segment.isEmpty()) {
				// Decoded one by one, so that an id holding an encoded '/' stays one segment.
				segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
			}
		}
		return segments;
	}

	private static Map<String, String> query(@Nullable String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			query.putIfAbsent(name, value);
		}
		return query;
	}

	/**
	 * A request body: parsed JSON, or the raw text as a string node when it was not JSON.
	 *
	 * @param json the body
	 * @param valid whether it was JSON (or empty)
	 */
	private record ParsedBody(JsonNode json, boolean valid) {

	}

}
