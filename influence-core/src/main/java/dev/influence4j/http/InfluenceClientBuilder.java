package dev.influence4j.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriTemplate;

import dev.influence4j.Require;
import dev.influence4j.http.internal.ApiTransport;
import dev.influence4j.json.InfluenceJson;

/**
 * What the Platform and Launcher client builders share: base URL, timeouts, retries, circuit breaker,
 * observations, path overrides and body customizers. Builders are not thread-safe; the clients they build
 * are.
 *
 * @param <B> the concrete builder type
 */
public abstract class InfluenceClientBuilder<B extends InfluenceClientBuilder<B>> {

	/** Largest response body read by default: 8 MiB. */
	public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

	protected @Nullable String apiKey;

	private String baseUrl;

	private Duration connectTimeout = Duration.ofSeconds(5);

	private Duration readTimeout = Duration.ofSeconds(15);

	private RetrySettings retry = RetrySettings.defaults();

	private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.disabled();

	private RestClient.@Nullable Builder restClientBuilder;

	/**
	 * Threads shared by every client's JDK {@link HttpClient}: daemon threads, created when needed and ended after
	 * a minute idle, so no client needs closing.
	 */
	private static final ExecutorService HTTP_THREADS = httpThreads();

	private @Nullable ClientHttpRequestFactory requestFactory;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private final List<RequestBodyCustomizer> customizers = new ArrayList<>();

	private final Map<ApiEndpoint, String> paths = new LinkedHashMap<>();

	private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

	protected InfluenceClientBuilder(String defaultBaseUrl) {
		this.baseUrl = defaultBaseUrl;
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * The shop's Platform API key (Influence.io dashboard: Settings, API Settings, Platform API Settings).
	 * It is never logged or included in exception messages.
	 * @param apiKey the key
	 * @return this builder
	 */
	public B apiKey(String apiKey) {
		this.apiKey = Require.text(apiKey, "API key");
		return self();
	}

	/**
	 * The API's base URL, for example to point at a sandbox.
	 * @param baseUrl an absolute http or https URL
	 * @return this builder
	 */
	public B baseUrl(String baseUrl) {
		Require.text(baseUrl, "base URL");
		URI uri = URI.create(baseUrl);
		if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new IllegalArgumentException("base URL must be an absolute http or https URL but was " + baseUrl);
		}
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return self();
	}

	/**
	 * How long to wait for a connection. Ignored when a request factory is supplied.
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public B connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connect timeout");
		return self();
	}

	/**
	 * How long to wait for the answer once the request is sent. Ignored when a request factory is supplied.
	 * @param readTimeout a positive duration
	 * @return this builder
	 */
	public B readTimeout(Duration readTimeout) {
		this.readTimeout = positive(readTimeout, "read timeout");
		return self();
	}

	/**
	 * How transient failures are retried.
	 * @param retry the settings
	 * @return this builder
	 */
	public B retry(RetrySettings retry) {
		this.retry = Require.present(retry, "retry settings");
		return self();
	}

	/**
	 * Whether and how a circuit breaker guards the API.
	 * @param circuitBreaker the settings
	 * @return this builder
	 */
	public B circuitBreaker(CircuitBreakerSettings circuitBreaker) {
		this.circuitBreaker = Require.present(circuitBreaker, "circuit breaker settings");
		return self();
	}

	/**
	 * A {@link RestClient.Builder} to start from, such as Spring Boot's prototype builder (which carries
	 * the application's SSL bundles, observations and request factory). It is cloned, not modified.
	 * @param restClientBuilder the builder
	 * @return this builder
	 */
	public B restClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = Require.present(restClientBuilder, "RestClient.Builder");
		return self();
	}

	/**
	 * The request factory to send with. Without one, a JDK {@link HttpClient} with the configured
	 * timeouts is used, unless a {@link #restClientBuilder RestClient.Builder} was given, whose factory is
	 * kept.
	 * @param requestFactory the factory
	 * @return this builder
	 */
	public B requestFactory(ClientHttpRequestFactory requestFactory) {
		this.requestFactory = Require.present(requestFactory, "request factory");
		return self();
	}

	/**
	 * Where HTTP observations (timers, traces) are recorded. Ignored when a RestClient.Builder is given:
	 * that builder's registry is used.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public B observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Require.present(observationRegistry, "observation registry");
		return self();
	}

	/**
	 * Adjust outgoing JSON bodies, for example to rename a provisional field.
	 * @param customizer the customizer, applied after those added before it
	 * @return this builder
	 */
	public B requestBodyCustomizer(RequestBodyCustomizer customizer) {
		this.customizers.add(Require.present(customizer, "request body customizer"));
		return self();
	}

	/**
	 * Use another path for an endpoint, for example when a provisional path turns out to differ. The new
	 * template must declare the same variables as the default one.
	 * @param endpoint the endpoint
	 * @param pathTemplate the path template, starting with {@code /}
	 * @return this builder
	 */
	public B path(ApiEndpoint endpoint, String pathTemplate) {
		Require.present(endpoint, "endpoint");
		Require.text(pathTemplate, "path template");
		if (!pathTemplate.startsWith("/")) {
			throw new IllegalArgumentException("path template for " + endpoint.operation() + " must start with '/' but was "
					+ pathTemplate);
		}
		List<String> expected = new UriTemplate(endpoint.defaultPath()).getVariableNames();
		List<String> actual = new UriTemplate(pathTemplate).getVariableNames();
		if (!actual.containsAll(expected) || !expected.containsAll(actual)) {
			throw new IllegalArgumentException("path template for " + endpoint.operation() + " must use the variables "
					+ expected + " but uses " + actual);
		}
		this.paths.put(endpoint, pathTemplate);
		return self();
	}

	/**
	 * The largest response body the client reads; a larger one fails with
	 * {@link InfluenceResponseException}.
	 * @param maxResponseBytes a positive number of bytes
	 * @return this builder
	 */
	public B maxResponseBytes(long maxResponseBytes) {
		this.maxResponseBytes = Require.positive(maxResponseBytes, "max response bytes");
		return self();
	}

	/**
	 * The configured API key, required.
	 * @return the key
	 */
	protected String requireApiKey() {
		if (this.apiKey == null) {
			throw new IllegalStateException("an API key is required: call apiKey(...) with the shop's Platform API key");
		}
		return this.apiKey;
	}

	/**
	 * Build the transport. For the library's own client builders: the transport is not API.
	 * @param name a name for logs and retry/circuit-breaker instances, for example {@code influence-platform}
	 * @param defaultHeaders headers sent on every request besides User-Agent and Accept
	 * @return the transport
	 */
	protected ApiTransport buildTransport(String name, Consumer<HttpHeaders> defaultHeaders) {
		RestClient.Builder builder = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
				: RestClient.builder().observationRegistry(this.observationRegistry);
		if (this.requestFactory != null) {
			builder.requestFactory(this.requestFactory);
		}
		else if (this.restClientBuilder == null) {
			builder.requestFactory(jdkRequestFactory());
		}
		builder.baseUrl(this.baseUrl).defaultHeaders(defaultHeaders);
		List<String> secrets = (this.apiKey != null) ? List.of(this.apiKey) : List.of();
		return new ApiTransport(name, builder, InfluenceJson.mapper(), this.paths, this.customizers, secrets,
				this.maxResponseBytes, this.retry, this.circuitBreaker);
	}

	private ClientHttpRequestFactory jdkRequestFactory() {
		// Plain http (sandboxes, tests) gets HTTP/1.1: the JDK client would otherwise try an h2c upgrade that
		// local servers answer badly. https negotiates HTTP/2 with ALPN as usual.
		// One pool of reused threads for the JDK client's own work and for writing request bodies: without it,
		// Spring starts a new thread for every request that has a body (SimpleAsyncTaskExecutor), which was most
		// of the CPU that delivery used.
		HttpClient httpClient = HttpClient.newBuilder()
			.version(this.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(HTTP_THREADS)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient, HTTP_THREADS);
		factory.setReadTimeout(this.readTimeout);
		return factory;
	}

	private static ExecutorService httpThreads() {
		AtomicInteger count = new AtomicInteger();
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), (runnable) -> {
			Thread thread = new Thread(runnable, "influence4j-http-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	private static Duration positive(Duration value, String name) {
		Require.present(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
		return value;
	}

}
