package dev.influence4j.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts webhooks to subscribed addresses on one background thread, in the order they were raised, retrying
 * a failed delivery a few times with short backoff. Every attempt is recorded.
 */
final class WebhookDispatcher implements AutoCloseable {

	/** Attempts per delivery (and per redelivery), the first included. */
	static final int MAX_ATTEMPTS = 4;

	/** Wait before the first retry; doubled for each further one. */
	static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	/** How long a receiver may take to answer. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private final JsonMapper json;

	private final Clock clock;

	private final ScheduledExecutorService executor;

	private final HttpClient http;

	private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

	private final List<WebhookDelivery> attempts = new ArrayList<>();

	/** Bumped by {@link #reset()} so that retries still scheduled from before are dropped. */
	private final AtomicLong generation = new AtomicLong();

	WebhookDispatcher(JsonMapper json, Clock clock, String threadName) {
		this.json = json;
		this.clock = clock;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
		// Plain HTTP/1.1: no h2c upgrade attempt that a shop's test server might answer unexpectedly.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(REQUEST_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Deliver a webhook later, on the background thread.
	 * @return the delivery's {@code X-Webhook-Id}
	 */
	String enqueue(String topic, URI address, String subscriptionId, JsonNode body) {
		Delivery delivery = new Delivery(UUID.randomUUID().toString(), topic, address, subscriptionId, body.deepCopy(),
				new AtomicInteger());
		this.deliveries.put(delivery.webhookId(), delivery);
		schedule(delivery, this.generation.get(), false, 1, Duration.ZERO);
		return delivery.webhookId();
	}

	/**
	 * Send an earlier delivery again with the same {@code X-Webhook-Id}, retrying as a first delivery would.
	 */
	void redeliver(String webhookId) {
		Delivery delivery = this.deliveries.get(webhookId);
		if (delivery == null) {
			throw new IllegalArgumentException("no webhook delivery with id " + webhookId);
		}
		schedule(delivery, this.generation.get(), true, 1, Duration.ZERO);
	}

	List<WebhookDelivery> attempts() {
		synchronized (this.attempts) {
			return List.copyOf(this.attempts);
		}
	}

	void reset() {
		this.generation.incrementAndGet();
		this.deliveries.clear();
		synchronized (this.attempts) {
			this.attempts.clear();
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(REQUEST_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void schedule(Delivery delivery, long generation, boolean redelivery, int attemptInRun, Duration wait) {
		try {
			this.executor.schedule(() -> attempt(delivery, generation, redelivery, attemptInRun), wait.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The sandbox is closing: nothing is delivered any more.
		}
	}

	private void attempt(Delivery delivery, long generation, boolean redelivery, int attemptInRun) {
		if (generation != this.generation.get()) {
			return;
		}
		int status = 0;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(delivery.address())
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", "application/json")
				.header("X-Webhook-Topic", delivery.topic())
				.header("X-Webhook-Id", delivery.webhookId())
				.header("User-Agent", "influence4j-sandbox")
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(delivery.body())))
				.build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			error = describe(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (generation != this.generation.get()) {
			return;
		}
		WebhookDelivery attempt = new WebhookDelivery(delivery.webhookId(), delivery.topic(), delivery.address(),
				delivery.subscriptionId(), delivery.attempts().incrementAndGet(), status, error, redelivery,
				delivery.body(), this.clock.instant());
		synchronized (this.attempts) {
			this.attempts.add(attempt);
		}
		if (!attempt.succeeded() && attemptInRun < MAX_ATTEMPTS) {
			schedule(delivery, generation, redelivery, attemptInRun + 1,
					FIRST_BACKOFF.multipliedBy(1L << (attemptInRun - 1)));
		}
	}

	private static String describe(IOException ex) {
		// Only the exception type and message: the address may carry the shop's webhook secret.
		@Nullable String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * A webhook to deliver, kept for retries and redeliveries.
	 */
	private record Delivery(String webhookId, String topic, URI address, String subscriptionId, JsonNode body,
			AtomicInteger attempts) {

	}

}
