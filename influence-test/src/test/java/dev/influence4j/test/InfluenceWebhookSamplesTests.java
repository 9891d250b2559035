package dev.influence4j.test;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.webhook.UnknownWebhook;
import dev.influence4j.webhook.WebhookPayload;
import dev.influence4j.webhook.WebhookTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sample bodies (the only copy: influence-core's tests read these files too) cover every topic
 * influence4j knows, and each is read by influence4j into its topic's record.
 */
class InfluenceWebhookSamplesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aSampleExistsForEveryTopicInfluence4jKnows() {
		assertThat(InfluenceWebhookSamples.TOPICS)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(WebhookTopic.values()).map(WebhookTopic::wireName).toList());
	}

	@Test
	void everySampleIsReadIntoItsTopicsRecord() {
		for (String topic : InfluenceWebhookSamples.TOPICS) {
			WebhookPayload payload = WebhookPayload.parse(topic, JSON.readTree(InfluenceWebhookSamples.body(topic)));

			assertThat(payload).as(topic).isNotInstanceOf(UnknownWebhook.class);
		}
	}

	@Test
	void aTopicWithoutASampleIsRefusedWithTheTopicsThatHaveOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceWebhookSamples.body("loyalty/new_thing"))
			.withMessageContaining("points/redeemed");
	}

}
