package dev.influence4j.webhook;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.json.InfluenceJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing a webhook needs influence4j, Jackson and JSpecify only: a shop that parses stored deliveries
 * elsewhere (a batch job, another framework) does not bring Spring, Micrometer or Resilience4j along. Run by
 * the {@code webhooks-on-jackson-alone} execution of influence-core's build, whose classpath leaves every other
 * dependency out; tagged so that the ordinary run, where its premise is false, skips it.
 */
@Tag("jackson-only")
class WebhookParsingOnJacksonAloneTests {

	private static final JsonMapper JSON = InfluenceJson.mapper();

	@Test
	void theClasspathHoldsNeitherSpringNorMicrometerNorResilience4j() {
		assertThat(loadable("tools.jackson.databind.json.JsonMapper")).as("Jackson").isTrue();
		assertThat(loadable("org.jspecify.annotations.Nullable")).as("JSpecify").isTrue();
		assertThat(loadable("org.springframework.web.client.RestClient")).as("spring-web").isFalse();
		assertThat(loadable("org.springframework.core.ResolvableType")).as("spring-core").isFalse();
		assertThat(loadable("org.springframework.jdbc.core.JdbcTemplate")).as("spring-jdbc").isFalse();
		assertThat(loadable("io.micrometer.observation.Observation")).as("Micrometer").isFalse();
		assertThat(loadable("io.github.resilience4j.retry.Retry")).as("Resilience4j").isFalse();
		assertThat(loadable("org.slf4j.Logger")).as("SLF4J").isFalse();
	}

	@Test
	void theClasspathHoldsInfluenceCoreJacksonJSpecifyAndTheTestLibrariesOnly() {
		String classPath = System.getProperty("surefire.test.class.path");
		assertThat(classPath).as("the test classpath, as surefire set it").isNotBlank();
		List<String> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter((entry) -> !entry.isBlank()).toList();
		assertThat(entries).as("influence-core's own classes").anyMatch((entry) -> entry.endsWith("classes"));
		assertThat(entries).filteredOn((entry) -> entry.endsWith(".jar"))
			.isNotEmpty()
			.allSatisfy((jar) -> assertThat(jar.replace(File.separatorChar, '/')).containsAnyOf("/tools/jackson/",
					"/com/fasterxml/jackson/core/jackson-annotations/", "/org/jspecify/", "/org/junit/",
					"/org/opentest4j/", "/org/apiguardian/", "/org/assertj/", "/net/bytebuddy/"));
	}

	@Test
	void everySampleParsesIntoItsTopicsRecordWithItsRewardCode() {
		theClasspathHoldsNeitherSpringNorMicrometerNorResilience4j();
		for (WebhookTopic topic : WebhookTopic.values()) {
			WebhookPayload payload = WebhookPayload.parse(topic.wireName(), JSON.readTree(WebhookSamples.body(topic)));

			assertThat(payload).as(topic.wireName()).isNotInstanceOf(UnknownWebhook.class);
			assertThat(payload.rewardCode("w-" + topic.ordinal(), false)).as(topic.wireName())
				.matches((code) -> code.isPresent() == topic.carriesRewardCode());
		}
	}

	@Test
	void anUnknownTopicParsesAsUnknownWebhook() {
		WebhookPayload payload = WebhookPayload.parse("loyalty/new_thing", JSON.readTree("{\"hello\":\"world\"}"));

		assertThat(payload).isInstanceOfSatisfying(UnknownWebhook.class,
				(unknown) -> assertThat(unknown.body().path("hello").asString()).isEqualTo("world"));
	}

	private static boolean loadable(String className) {
		try {
			Class.forName(className, false, WebhookParsingOnJacksonAloneTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
