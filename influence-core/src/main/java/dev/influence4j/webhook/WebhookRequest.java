package dev.influence4j.webhook;

import java.io.IOException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * One incoming webhook request, as the web layer sees it. The body is read by the {@link WebhookReceiver},
 * only once the secret and the headers have passed, and never more than one byte beyond the limit.
 *
 * @param pathSecret the secret from the URL's last path segment ({@code ""} when the URL has none)
 * @param topic the {@code X-Webhook-Topic} header, or {@code null}
 * @param webhookId the {@code X-Webhook-Id} header, or {@code null}
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param contentLength the declared {@code Content-Length}, or -1 when none was declared
 * @param body reads the body
 */
public record WebhookRequest(String pathSecret, @Nullable String topic, @Nullable String webhookId,
		@Nullable String contentType, long contentLength, Body body) {

	/**
	 * A request whose body is already in memory.
	 * @param pathSecret the secret from the URL
	 * @param topic the topic header, or {@code null}
	 * @param webhookId the id header, or {@code null}
	 * @param contentType the content type, or {@code null}
	 * @param body the body
	 * @return the request
	 */
	public static WebhookRequest of(String pathSecret, @Nullable String topic, @Nullable String webhookId,
			@Nullable String contentType, byte[] body) {
		byte[] copy = body.clone();
		return new WebhookRequest(pathSecret, topic, webhookId, contentType, copy.length,
				(maxBytes) -> Arrays.copyOf(copy, Math.min(maxBytes, copy.length)));
	}

	@Override
	public String toString() {
		// Never print the secret or the body.
		return "WebhookRequest[topic=" + this.topic + ", webhookId=" + this.webhookId + ", contentLength="
				+ this.contentLength + "]";
	}

	/** Reads a request's body. */
	@FunctionalInterface
	public interface Body {

		/**
		 * Read the body, or its first bytes.
		 * @param maxBytes the most bytes to read
		 * @return the bytes read, at most {@code maxBytes}
		 * @throws IOException when the body cannot be read (the sender went away)
		 */
		byte[] read(int maxBytes) throws IOException;

	}

}
