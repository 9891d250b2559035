package dev.influence4j.autoconfigure.webhook;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import dev.influence4j.webhook.WebhookReceipt;
import dev.influence4j.webhook.WebhookTopic;

/**
 * Counts webhook answers as {@code influence.webhooks}, tagged with the {@code topic} (a known topic's name, or
 * {@code other}: the header is the sender's and must not make tags) and the {@code answer} (the outcome, such as
 * {@code accepted}, {@code duplicate} or {@code wrong_secret}).
 */
final class WebhookMeters implements WebhookAnswers {

	static final String NAME = "influence.webhooks";

	private final ObjectProvider<MeterRegistry> registry;

	WebhookMeters(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void record(@Nullable String topic, WebhookReceipt receipt) {
		MeterRegistry meters = this.registry.getIfAvailable();
		if (meters == null) {
			return;
		}
		String topicTag = WebhookTopic.fromWireName(topic).map(WebhookTopic::wireName).orElse("other");
		Counter.builder(NAME)
			.description("Webhook requests answered, by topic and answer")
			.tag("topic", topicTag)
			.tag("answer", receipt.outcome().name().toLowerCase(Locale.ROOT))
			.register(meters)
			.increment();
	}

}
