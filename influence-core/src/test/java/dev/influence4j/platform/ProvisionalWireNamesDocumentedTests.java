package dev.influence4j.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.influence4j.http.Provenance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of provisional paths is what users read to know what may change: it must list every
 * provisional endpoint, and nothing else as provisional.
 */
class ProvisionalWireNamesDocumentedTests {

	@Test
	void theReadmeListsEveryProvisionalPlatformPath() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));

		Arrays.stream(PlatformEndpoint.values()).forEach((endpoint) -> {
			String row = "| `" + endpoint.name() + "` | `" + endpoint.method().name() + " " + endpoint.defaultPath() + "` |";
			if (endpoint.provenance() == Provenance.PROVISIONAL) {
				assertThat(readme).as("README row for %s", endpoint).contains(row);
			}
			else {
				assertThat(readme).as("README must not list %s as provisional", endpoint).doesNotContain(row);
			}
		});
	}

}
