package dev.influence4j.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.DeliverySettings;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.OutboxDispatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand random and mutated deliveries (wrong secrets, broken headers, truncated and reshaped JSON,
 * repeats): the receiver never fails (no 5xx), and the shop's issuer is called only for deliveries that
 * were accepted and carry a code, at most once each.
 */
class WebhookFuzzTests {

	private static final int REQUESTS = 10_000;

	private static final long MAX_BODY = 4096;

	private final Random random = new Random(20261125L);

	private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());

	private final List<RewardCode> issued = new ArrayList<>();

	@Test
	void tenThousandRandomAndMutatedRequestsCauseNoServerErrorAndNoUnexpectedIssuerCall() {
		WebhookInboxHandler handler = new WebhookInboxHandler((event) -> { }, () -> this.issued::add);
		OutboxDispatcher dispatcher = new OutboxDispatcher(this.outbox, List.of(handler), DeliverySettings.defaults("fuzz"),
				new DeliveryListener() {
				}, Clock.systemUTC());
		WebhookReceiver receiver = new WebhookReceiver(WebhookSecrets.of(WebhookSamples.SECRET), MAX_BODY, 8, this.outbox, () -> { },
				Clock.systemUTC());
		Map<Integer, Integer> statuses = new HashMap<>();
		Set<String> acceptedCodeBearing = new HashSet<>();
		Set<String> acceptedRedemptions = new HashSet<>();
		int serverErrors = 0;

		for (int i = 0; i < REQUESTS; i++) {
			RandomRequest random = randomRequest(i);
			WebhookRequest request = random.request();
			WebhookReceipt receipt;
			try {
				receipt = receiver.receive(request);
			}
			catch (RuntimeException ex) {
				serverErrors++;
				continue;
			}
			statuses.merge(receipt.status(), 1, Integer::sum);
			if (receipt.reason().equals("accepted")) {
				String id = (request.webhookId() != null) ? request.webhookId() : "sha256:" + sha256(random.body());
				WebhookTopic.fromWireName(request.topic()).filter(WebhookTopic::carriesRewardCode).ifPresent((topic) -> {
					acceptedCodeBearing.add(topic.wireName() + ":" + id);
					if (topic == WebhookTopic.POINTS_REDEEMED) {
						acceptedRedemptions.add(id);
					}
				});
			}
		}
		while (dispatcher.deliverDueNow() > 0) {
			// Drain on this thread: every stored delivery is handled once.
		}
		dispatcher.close();

		assertThat(serverErrors).isZero();
		assertThat(statuses.keySet()).allSatisfy((status) -> assertThat(status).isLessThan(500));
		assertThat(statuses).containsKeys(200, 400, 404, 413, 415);
		assertThat(this.outbox.countsByStatus()).containsEntry(DeliveryStatus.PENDING, 0L).containsEntry(DeliveryStatus.IN_FLIGHT, 0L);
		Set<String> calledFor = new HashSet<>();
		for (RewardCode code : this.issued) {
			String key = code.source().topic().wireName() + ":" + code.webhookId();
			assertThat(calledFor.add(key)).as("issuer called twice for %s", key).isTrue();
			assertThat(acceptedCodeBearing).as("issuer called for a delivery that was not accepted").contains(key);
			assertThat(code.retry()).isFalse();
		}
		assertThat(calledFor).as("every accepted redemption created its code")
			.containsAll(acceptedRedemptions.stream().map((id) -> "points/redeemed:" + id).toList());
		assertThat(acceptedRedemptions).hasSizeGreaterThan(50);
	}

	private RandomRequest randomRequest(int index) {
		WebhookTopic sampleTopic = pick(WebhookTopic.values());
		String secret = chance(0.9) ? WebhookSamples.SECRET : mutate(WebhookSamples.SECRET);
		String topic = switch (this.random.nextInt(11)) {
			case 0 -> null;
			case 1 -> randomText(this.random.nextInt(80));
			case 2 -> "loyalty/" + this.random.nextInt(5);
			// Well-formed but of any length up to 300: the limit comes from the outbox's key columns.
			case 3 -> "loyalty/" + "t".repeat(this.random.nextInt(293));
			default -> sampleTopic.wireName();
		};
		String webhookId = switch (this.random.nextInt(11)) {
			case 0 -> null;
			case 1 -> randomText(this.random.nextInt(300));
			case 5 -> "w-" + index + "-" + "i".repeat(this.random.nextInt(300));
			case 2, 3, 4 -> "w-" + this.random.nextInt(200);
			default -> "w-unique-" + index;
		};
		String contentType = chance(0.9) ? pick(new String[] { "application/json", "application/json; charset=utf-8" })
				: pick(new String[] { "text/plain", "", "application/xml", null, "application/ld+json" });
		byte[] body = body(sampleTopic);
		return new RandomRequest(WebhookRequest.of(secret, topic, webhookId, contentType, body), body);
	}

	private byte[] body(WebhookTopic topic) {
		String json = new String(WebhookSamples.body(topic), StandardCharsets.UTF_8);
		return switch (this.random.nextInt(12)) {
			case 0 -> new byte[0];
			case 1 -> json.substring(0, this.random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
			case 2 -> randomBytes(this.random.nextInt(200));
			case 3 -> (json + " ".repeat((int) MAX_BODY)).getBytes(StandardCharsets.UTF_8);
			case 4 -> json.replace("\"couponCode\"", "\"coupon\"").getBytes(StandardCharsets.UTF_8);
			case 5 -> json.replaceFirst("\\{", "{\"customer\": 42, \"x\":").getBytes(StandardCharsets.UTF_8);
			case 6 -> json.replace("\"points\": 500", "\"points\": \"lots\"").getBytes(StandardCharsets.UTF_8);
			case 7 -> mutate(json).getBytes(StandardCharsets.UTF_8);
			case 8 -> ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
			default -> json.getBytes(StandardCharsets.UTF_8);
		};
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String mutate(String text) {
		char[] chars = text.toCharArray();
		int flips = 1 + this.random.nextInt(4);
		for (int i = 0; i < flips; i++) {
			chars[this.random.nextInt(chars.length)] = (char) (32 + this.random.nextInt(95));
		}
		return new String(chars);
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (this.random.nextInt(0x2FF) + 1));
		}
		return text.toString();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private record RandomRequest(WebhookRequest request, byte[] body) {
	}

}
