package dev.influence4j.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata: every {@code influence.*} property described in Spring Boot's style,
 * and listed in the README's property table.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedInBootsStyle() throws IOException {
		List<JsonNode> properties = influenceProperties();
		assertThat(properties).hasSizeGreaterThan(40);
		assertThat(properties).allSatisfy((property) -> {
			String name = property.path("name").asString();
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().endsWith(".").doesNotStartWith("The ").doesNotStartWith("A ");
			if (property.path("type").asString().equals("java.lang.Boolean")) {
				assertThat(description).as(name).startsWith("Whether");
			}
		});
	}

	@Test
	void theReadmeListsEveryProperty() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		assertThat(influenceProperties()).allSatisfy(
				(property) -> assertThat(readme).contains("| `" + property.path("name").asString() + "` |"));
	}

	private static List<JsonNode> influenceProperties() throws IOException {
		List<JsonNode> found = new ArrayList<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				for (JsonNode property : metadata.path("properties")) {
					if (property.path("name").asString().startsWith("influence.")) {
						found.add(property);
					}
				}
			}
		}
		return found;
	}

}
