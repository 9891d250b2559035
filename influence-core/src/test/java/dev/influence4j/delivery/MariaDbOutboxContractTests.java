package dev.influence4j.delivery;

import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The outbox contract on a real MariaDB server, with both claim strategies. Its {@code stores()} hides the
 * one of {@link OutboxContractTests}, so the inherited tests run on these stores only.
 */
@Tag("mariadb")
class MariaDbOutboxContractTests extends OutboxContractTests {

	static Stream<Arguments> stores() {
		return Stream.of(
				Arguments.of(new Store("mariadb, skip locked",
						(clock) -> jdbc(TestDatabases.mariadb(), DatabasePlatform.MARIADB, clock))),
				Arguments.of(new Store("mariadb, lease",
						(clock) -> leaseBased(TestDatabases.mariadb(), DatabasePlatform.MARIADB, clock))));
	}

}
