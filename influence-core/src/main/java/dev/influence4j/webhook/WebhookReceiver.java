package dev.influence4j.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

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
import dev.influence4j.json.InfluenceJson;
import dev.influence4j.webhook.WebhookReceipt.Outcome;

/**
 * Receives webhook deliveries, independent of the web framework: authenticates them by the secret in the
 * URL (compared in constant time; Influence.io documents no signature), checks them, and stores each new
 * one in the inbox before it is answered, so nothing accepted is ever lost. Handling happens later, through
 * the delivery engine ({@link WebhookInboxHandler}).
 * <p>
 * Answers ({@link WebhookReceipt.Outcome}): 200 for a stored delivery and for a repeat of one (same topic and
 * {@code X-Webhook-Id}, which changes nothing); 404 for a wrong secret (not logged: the web layer logs it at
 * debug, with the URL's path and the secret masked); 413 for a body over the limit; 415 for a
 * body that is not JSON by its content type; 400 for a missing, too long or malformed header, an empty body,
 * invalid JSON, or a body without what its topic needs; 429 when too many deliveries are being stored at once;
 * 503 when the delivery cannot be stored. Header limits follow from the outbox's key columns
 * ({@link NewOutboxEntry#MAX_KEY_LENGTH}): a topic of at most {@value #MAX_TOPIC_LENGTH} characters and an id of at
 * most {@value #MAX_WEBHOOK_ID_LENGTH}, so every accepted delivery fits.
 */
public final class WebhookReceiver {

	/** The outbox kind of stored webhook deliveries. */
	public static final String KIND = "webhook.received";

	/** Longest {@code X-Webhook-Topic} accepted. */
	public static final int MAX_TOPIC_LENGTH = 64;

	/** Entity keys of stored deliveries are this prefix, the topic, a colon and the id. */
	private static final String ENTITY_KEY_PREFIX = "webhook:";

	/**
	 * Longest {@code X-Webhook-Id} accepted: what the outbox's entity key column leaves after the prefix, the
	 * longest topic and the colon.
	 */
	public static final int MAX_WEBHOOK_ID_LENGTH = NewOutboxEntry.MAX_KEY_LENGTH - ENTITY_KEY_PREFIX.length()
			- MAX_TOPIC_LENGTH - 1;

	private static final Logger logger = LoggerFactory.getLogger(WebhookReceiver.class);

	private static final JsonMapper JSON = InfluenceJson.mapper();

	private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_./-]+");

	private final WebhookSecrets secrets;

	private final long maxBodyBytes;

	private final Outbox outbox;

	private final Runnable nudge;

	private final Clock clock;

	private final Semaphore inProgress;

	private final AtomicBoolean previousSecretSeen = new AtomicBoolean();

	/**
	 * Create a receiver.
	 * @param secrets the secrets expected as the URL's last path segment
	 * @param maxBodyBytes the largest body accepted
	 * @param maxConcurrent most deliveries stored at the same time; more are answered 429
	 * @param outbox where deliveries are stored
	 * @param nudge wakes the dispatcher after a delivery was stored
	 * @param clock the clock
	 */
	public WebhookReceiver(WebhookSecrets secrets, long maxBodyBytes, int maxConcurrent, Outbox outbox, Runnable nudge,
			Clock clock) {
		this.secrets = Require.present(secrets, "webhook secrets");
		this.maxBodyBytes = Require.positive(maxBodyBytes, "max body size");
		if (maxBodyBytes >= Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("max body size must be below 2 GB");
		}
		this.inProgress = new Semaphore((int) Require.positive(maxConcurrent, "max concurrent deliveries"));
		this.outbox = Require.present(outbox, "outbox");
		this.nudge = Require.present(nudge, "nudge");
		this.clock = Require.present(clock, "clock");
	}

	/**
	 * The largest body accepted.
	 * @return the limit in bytes
	 */
	public long maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Check and store one delivery. The body is read only once the secret and the headers have passed. Never
	 * throws: every failure is an answer.
	 * @param request the request
	 * @return how to answer
	 */
	public WebhookReceipt receive(WebhookRequest request) {
		WebhookSecrets.Match match = this.secrets.match(request.pathSecret());
		if (match == WebhookSecrets.Match.NONE) {
			// Not logged here: the web layer, which knows the URL, logs it at debug with the secret masked.
			return new WebhookReceipt(Outcome.WRONG_SECRET, "not found");
		}
		if (request.contentLength() > this.maxBodyBytes) {
			return reject(Outcome.TOO_LARGE, "body larger than " + this.maxBodyBytes + " bytes", request);
		}
		String topic = request.topic();
		if (topic == null || topic.isBlank()) {
			return reject(Outcome.BAD_HEADER, "missing X-Webhook-Topic header", request);
		}
		if (topic.length() > MAX_TOPIC_LENGTH) {
			return reject(Outcome.BAD_HEADER, "X-Webhook-Topic header longer than " + MAX_TOPIC_LENGTH + " characters",
					request);
		}
		if (!TOPIC.matcher(topic).matches()) {
			return reject(Outcome.BAD_HEADER, "malformed X-Webhook-Topic header", request);
		}
		if (!isJson(request.contentType())) {
			return reject(Outcome.NOT_JSON, "Content-Type must be application/json", request);
		}
		String webhookId = request.webhookId();
		if (webhookId != null && webhookId.length() > MAX_WEBHOOK_ID_LENGTH) {
			return reject(Outcome.BAD_HEADER, "X-Webhook-Id header longer than " + MAX_WEBHOOK_ID_LENGTH
					+ " characters", request);
		}
		if (webhookId != null && (webhookId.isBlank() || !webhookId.chars().allMatch((c) -> c > 0x20 && c < 0x7f))) {
			return reject(Outcome.BAD_HEADER, "malformed X-Webhook-Id header", request);
		}
		byte[] bytes;
		try {
			bytes = request.body().read((int) this.maxBodyBytes + 1);
		}
		catch (IOException ex) {
			return reject(Outcome.BAD_BODY, "body could not be read", request);
		}
		if (bytes.length > this.maxBodyBytes) {
			return reject(Outcome.TOO_LARGE, "body larger than " + this.maxBodyBytes + " bytes", request);
		}
		if (bytes.length == 0) {
			return reject(Outcome.BAD_BODY, "empty body", request);
		}
		JsonNode body;
		try {
			body = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			return reject(Outcome.BAD_BODY, "body is not valid JSON", request);
		}
		if (body == null || !body.isObject()) {
			return reject(Outcome.BAD_BODY, "body must be a JSON object", request);
		}
		try {
			WebhookPayload.parse(topic, body);
		}
		catch (InvalidWebhookException ex) {
			return reject(Outcome.BAD_BODY, topic + ": " + ex.getMessage(), request);
		}
		if (!this.inProgress.tryAcquire()) {
			return reject(Outcome.BUSY, "too many deliveries at once, retry shortly", request);
		}
		try {
			WebhookReceipt receipt = store(topic, (webhookId != null) ? webhookId : "sha256:" + HexFormat.of().formatHex(sha256(bytes)),
					bytes);
			if (match == WebhookSecrets.Match.PREVIOUS && !this.previousSecretSeen.getAndSet(true)) {
				// Once: the operator needs to know the old URL is still in use, not how often.
				logger.info("Influence.io webhook {} {} came to the URL with the previous secret; once every "
						+ "subscription uses the new URL, remove influence.webhooks.previous-secret", topic, webhookId);
			}
			return receipt;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store Influence.io webhook {} {}; answered 503 so that it is sent again", topic,
					printable(webhookId), ex);
			return new WebhookReceipt(Outcome.UNAVAILABLE, "could not store the delivery, retry later");
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
				new NewOutboxEntry(KIND, entityKey(topic, webhookId), EntryPayloads.write(received), dedupKey));
		if (!stored) {
			logger.info("Influence.io webhook {} {} was received before; answered 200 without storing it again", topic,
					webhookId);
			return new WebhookReceipt(Outcome.DUPLICATE, "duplicate");
		}
		logger.debug("Stored Influence.io webhook {} {}", topic, webhookId);
		this.nudge.run();
		return new WebhookReceipt(Outcome.ACCEPTED, "accepted");
	}

	static String entityKey(String topic, String webhookId) {
		return ENTITY_KEY_PREFIX + topic + ":" + webhookId;
	}

	private static WebhookReceipt reject(Outcome outcome, String reason, WebhookRequest request) {
		// Logged without the secret and without the body (it holds personal data).
		logger.warn("Rejected an Influence.io webhook with {} ({}): topic={}, id={}, {} bytes declared",
				outcome.status(), reason, printable(request.topic()), printable(request.webhookId()),
				request.contentLength());
		return new WebhookReceipt(outcome, reason);
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
		return "WebhookReceiver[maxBodyBytes=" + this.maxBodyBytes + ", " + this.secrets + "]";
	}

}
