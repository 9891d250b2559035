package dev.influence4j.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.Require;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.http.InfluenceClientBuilder;

/**
 * Receives webhook deliveries, independent of the web framework: authenticates them by the secret in the
 * URL (compared in constant time; Influence.io documents no signature), checks them, and stores each new
 * one in the inbox before it is answered, so nothing accepted is ever lost. Handling happens later, through
 * the delivery engine ({@link WebhookInboxHandler}).
 * <p>
 * Answers: 200 for a stored delivery and for a repeat of one (same topic and {@code X-Webhook-Id}, which
 * changes nothing); 404 for a wrong secret; 413 for a body over the limit; 415 for a body that is not JSON
 * by its content type; 400 for a missing topic, an empty body, invalid JSON, or a body without what its
 * topic needs; 429 when too many deliveries are being stored at once.
 */
public final class WebhookReceiver {

	/** The outbox kind of stored webhook deliveries. */
	public static final String KIND = "webhook.received";

	private static final Logger logger = LoggerFactory.getLogger(WebhookReceiver.class);

	private static final JsonMapper JSON = InfluenceClientBuilder.jsonMapper();

	private static final int MAX_HEADER_LENGTH = 200;

	private final byte[] secretHash;

	private final long maxBodyBytes;

	private final Outbox outbox;

	private final Runnable nudge;

	private final Clock clock;

	private final Semaphore inProgress;

	/**
	 * Create a receiver.
	 * @param secret the secret expected as the URL's last path segment, at least 32 characters
	 * @param maxBodyBytes the largest body accepted
	 * @param maxConcurrent most deliveries stored at the same time; more are answered 429
	 * @param outbox where deliveries are stored
	 * @param nudge wakes the dispatcher after a delivery was stored
	 * @param clock the clock
	 */
	public WebhookReceiver(String secret, long maxBodyBytes, int maxConcurrent, Outbox outbox, Runnable nudge,
			Clock clock) {
		Require.text(secret, "webhook secret");
		if (secret.length() < 32) {
			throw new IllegalArgumentException("webhook secret must be at least 32 characters (it is the only thing "
					+ "that authenticates Influence.io's deliveries)");
		}
		this.secretHash = sha256(secret.getBytes(StandardCharsets.UTF_8));
		this.maxBodyBytes = Require.positive(maxBodyBytes, "max body size");
		this.inProgress = new Semaphore((int) Require.positive(maxConcurrent, "max concurrent deliveries"));
		this.outbox = Require.present(outbox, "outbox");
		this.nudge = Require.present(nudge, "nudge");
		this.clock = Require.present(clock, "clock");
	}

	/**
	 * The largest body accepted; the web layer reads at most one byte more.
	 * @return the limit in bytes
	 */
	public long maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Whether a secret from a URL is the configured one, compared in constant time (hashes of equal length
	 * are compared, so not even the length leaks).
	 * @param candidate the secret presented
	 * @return whether it matches
	 */
	public boolean secretMatches(@Nullable String candidate) {
		byte[] presented = sha256(((candidate != null) ? candidate : "").getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(this.secretHash, presented);
	}

	/**
	 * Check and store one delivery.
	 * @param request the request
	 * @return how to answer
	 */
	public WebhookReceipt receive(WebhookRequest request) {
		if (!secretMatches(request.pathSecret())) {
			return reject(404, "not found", request);
		}
		if (request.body().length > this.maxBodyBytes) {
			return reject(413, "body larger than " + this.maxBodyBytes + " bytes", request);
		}
		String topic = request.topic();
		if (topic == null || topic.isBlank()) {
			return reject(400, "missing X-Webhook-Topic header", request);
		}
		if (topic.length() > 64 || !topic.matches("[A-Za-z0-9_./-]+")) {
			return reject(400, "malformed X-Webhook-Topic header", request);
		}
		if (!isJson(request.contentType())) {
			return reject(415, "Content-Type must be application/json", request);
		}
		String webhookId = request.webhookId();
		if (webhookId != null && (webhookId.isBlank() || webhookId.length() > MAX_HEADER_LENGTH
				|| !webhookId.chars().allMatch((c) -> c > 0x20 && c < 0x7f))) {
			return reject(400, "malformed X-Webhook-Id header", request);
		}
		if (request.body().length == 0) {
			return reject(400, "empty body", request);
		}
		JsonNode body;
		try {
			body = JSON.readTree(request.body());
		}
		catch (JacksonException ex) {
			return reject(400, "body is not valid JSON", request);
		}
		if (body == null || !body.isObject()) {
			return reject(400, "body must be a JSON object", request);
		}
		try {
			WebhookTopic.fromWireName(topic).ifPresent((known) -> WebhookPayloads.parse(known, body));
		}
		catch (InvalidWebhookException ex) {
			return reject(400, topic + ": " + ex.getMessage(), request);
		}
		if (!this.inProgress.tryAcquire()) {
			return reject(429, "too many deliveries at once, retry shortly", request);
		}
		try {
			return store(topic, (webhookId != null) ? webhookId : "sha256:" + HexFormat.of().formatHex(sha256(request.body())),
					request.body());
		}
		finally {
			this.inProgress.release();
		}
	}

	private WebhookReceipt store(String topic, String webhookId, byte[] body) {
		String dedupKey = topic + ":" + webhookId;
		ReceivedWebhook received = new ReceivedWebhook(topic, webhookId, this.clock.instant(),
				new String(body, StandardCharsets.UTF_8));
		boolean stored = this.outbox.appendIfAbsent(
				new NewOutboxEntry(KIND, "webhook:" + dedupKey, EntryPayloads.write(received), dedupKey));
		if (!stored) {
			logger.info("Influence.io webhook {} {} was received before; answered 200 without storing it again", topic,
					webhookId);
			return new WebhookReceipt(200, "duplicate");
		}
		logger.debug("Stored Influence.io webhook {} {}", topic, webhookId);
		this.nudge.run();
		return new WebhookReceipt(200, "accepted");
	}

	private static WebhookReceipt reject(int status, String reason, WebhookRequest request) {
		// Logged without the secret and without the body (it holds personal data).
		logger.warn("Rejected an Influence.io webhook with {} ({}): topic={}, id={}, {} bytes", status, reason,
				printable(request.topic()), printable(request.webhookId()), request.body().length);
		return new WebhookReceipt(status, reason);
	}

	private static String printable(@Nullable String header) {
		if (header == null) {
			return "none";
		}
		String cleaned = header.replaceAll("[^A-Za-z0-9_./:-]", "?");
		return (cleaned.length() > 64) ? cleaned.substring(0, 64) + "..." : cleaned;
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
		return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookReceiver[maxBodyBytes=" + this.maxBodyBytes + "]";
	}

}
