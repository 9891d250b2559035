package dev.influence4j.delivery;

import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cluster test on a real MariaDB server, with both claim strategies. Its {@code databases()} hides the
 * one of {@link ClusterTests}, so the inherited test runs on these databases only.
 */
@Tag("mariadb")
class MariaDbClusterTests extends ClusterTests {

	static Stream<Arguments> databases() {
		return Stream.of(
				Arguments.of(new Database("mariadb, skip locked", TestDatabases::mariadb, DatabasePlatform.MARIADB,
						DatabasePlatform.MARIADB)),
				Arguments.of(new Database("mariadb, lease", TestDatabases::mariadb, DatabasePlatform.MARIADB,
						DatabasePlatform.OTHER)));
	}

}
