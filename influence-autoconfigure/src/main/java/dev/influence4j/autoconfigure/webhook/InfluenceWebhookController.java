package dev.influence4j.autoconfigure.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.influence4j.webhook.WebhookReceipt;
import dev.influence4j.webhook.WebhookReceiver;
import dev.influence4j.webhook.WebhookRequest;

/**
 * {@code POST {influence.webhooks.path}/{secret}}: hands each delivery to the {@link WebhookReceiver}, which
 * stores it before this answers. A wrong secret answers an empty 404, like a path that does not exist.
 */
@Controller
@ResponseBody
final class InfluenceWebhookController {

	private final WebhookReceiver receiver;

	InfluenceWebhookController(WebhookReceiver receiver) {
		this.receiver = receiver;
	}

	@PostMapping("${influence.webhooks.path:/influence/webhooks}/{secret}")
	ResponseEntity<Map<String, String>> receive(@PathVariable String secret, HttpServletRequest request)
			throws IOException {
		if (!this.receiver.secretMatches(secret)) {
			return ResponseEntity.notFound().build();
		}
		long declared = request.getContentLengthLong();
		byte[] body = (declared > this.receiver.maxBodyBytes()) ? new byte[0] : read(request);
		WebhookReceipt receipt = (declared > this.receiver.maxBodyBytes())
				? new WebhookReceipt(HttpStatus.PAYLOAD_TOO_LARGE.value(),
						"body larger than " + this.receiver.maxBodyBytes() + " bytes")
				: this.receiver.receive(new WebhookRequest(secret, request.getHeader("X-Webhook-Topic"),
						request.getHeader("X-Webhook-Id"), request.getContentType(), body));
		return ResponseEntity.status(receipt.status())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("result", receipt.reason()));
	}

	/**
	 * At most one byte more than the limit is read, so a body without a Content-Length cannot exhaust memory.
	 */
	private byte[] read(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.receiver.maxBodyBytes() + 1));
		}
	}

	@Override
	public String toString() {
		return "InfluenceWebhookController";
	}

}
