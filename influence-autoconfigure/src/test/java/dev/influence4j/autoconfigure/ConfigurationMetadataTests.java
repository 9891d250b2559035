package dev.influence4j.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata: every property {@link InfluenceProperties} binds is in it, described
 * in Spring Boot's style, and listed in the README's property table. The expected names are read from the
 * properties class itself, so a new property is checked without editing this test.
 */
class ConfigurationMetadataTests {

	/** Fewer than this means the walk over {@link InfluenceProperties} below is broken, not that it is small. */
	private static final int AT_LEAST = 40;

	@Test
	void theMetadataHoldsEveryPropertyInfluencePropertiesBinds() throws IOException {
		Set<String> bound = boundProperties();
		List<JsonNode> properties = influenceProperties();

		assertThat(bound).hasSizeGreaterThan(AT_LEAST).contains("influence.api-key", "influence.webhooks.secret");
		assertThat(properties).extracting((property) -> property.path("name").asString())
			.doesNotHaveDuplicates()
			.containsAll(bound);
		// Anything else in the metadata is there on purpose: the old name of a renamed property, which the IDE and
		// spring-boot-properties-migrator report with the name that replaced it.
		assertThat(properties).filteredOn((property) -> !bound.contains(property.path("name").asString()))
			.allSatisfy((property) -> {
				String name = property.path("name").asString();
				assertThat(property.path("deprecation").path("level").asString()).as(name).isEqualTo("error");
				assertThat(property.path("deprecation").path("replacement").asString()).as(name).isIn(bound);
			});
	}

	@Test
	void theOldNameOfEveryRenamedPropertyIsReportedWithItsReplacement() throws IOException {
		Map<String, String> replacements = new TreeMap<>();
		for (JsonNode property : influenceProperties()) {
			if (property.has("deprecation")) {
				replacements.put(property.path("name").asString(),
						property.path("deprecation").path("replacement").asString());
			}
		}
		assertThat(replacements).containsEntry("influence.retry.max-attempts", "influence.http.retry.max-attempts")
			.containsEntry("influence.circuit-breaker.enabled", "influence.http.circuit-breaker.enabled")
			.containsEntry("influence.delivery.max-attempts", "influence.delivery.retry.max-attempts")
			.containsEntry("influence.delivery.initialize-schema", "influence.delivery.jdbc.initialize-schema")
			.containsEntry("influence.delivery.table-prefix", "influence.delivery.jdbc.table-prefix")
			.containsEntry("influence.delivery.dedup-retention", "influence.webhooks.dedup-retention")
			.hasSize(17);
	}

	@Test
	void everyPropertyIsDescribedInBootsStyle() throws IOException {
		List<JsonNode> properties = influenceProperties();
		assertThat(properties).hasSizeGreaterThanOrEqualTo(boundProperties().size());
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
		Set<String> bound = boundProperties();

		assertThat(bound).hasSizeGreaterThan(AT_LEAST);
		assertThat(bound).allSatisfy((name) -> assertThat(readme).contains("| `" + name + "` |"));
	}

	/**
	 * The {@code influence.*} entries of influence4j's own metadata file, which must be on the class path.
	 */
	private static List<JsonNode> influenceProperties() throws IOException {
		List<JsonNode> found = new ArrayList<>();
		int files = 0;
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				boolean ours = false;
				for (JsonNode group : metadata.path("groups")) {
					ours |= InfluenceProperties.class.getName().equals(group.path("sourceType").asString());
				}
				if (!ours) {
					continue;
				}
				files++;
				for (JsonNode property : metadata.path("properties")) {
					if (property.path("name").asString().startsWith("influence.")) {
						found.add(property);
					}
				}
			}
		}
		assertThat(files).as("metadata files generated from InfluenceProperties").isOne();
		assertThat(found).as("influence.* properties in the metadata").isNotEmpty();
		return found;
	}

	/**
	 * Every property name Spring Boot binds to {@link InfluenceProperties}, walked as its JavaBean binder does:
	 * a property with a setter is a value; a getter-only property whose type is one of influence4j's own
	 * classes (a group in a file of its own, or a class nested in one) is a group of further properties.
	 */
	private static Set<String> boundProperties() {
		Set<String> names = new TreeSet<>();
		collect(InfluenceProperties.class, "influence", names);
		return names;
	}

	private static void collect(Class<?> type, String prefix, Set<String> names) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + dashed(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			if (descriptor.getWriteMethod() != null || Collection.class.isAssignableFrom(propertyType)
					|| Map.class.isAssignableFrom(propertyType)) {
				names.add(name);
			}
			else if (!propertyType.isEnum()
					&& propertyType.getPackageName().equals(InfluenceProperties.class.getPackageName())) {
				collect(propertyType, name, names);
			}
		}
	}

	private static String dashed(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
