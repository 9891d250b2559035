package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.influence4j.http.RetrySettings;
import dev.influence4j.sync.SyncKinds;
import dev.influence4j.platform.PlatformClient;

/**
 * A delivery node run in its own JVM by {@link CrashTests}, so that the test can kill it with SIGKILL while
 * it holds claims and waits for answers. Arguments: the database URL, the Influence.io base URL, the lease.
 */
public final class CrashingNode {

	private CrashingNode() {
	}

	public static void main(String[] args) throws InterruptedException {
		JdbcOutbox outbox = new JdbcOutbox(TestDatabases.pooled(args[0]), DatabasePlatform.POSTGRESQL,
				JdbcOutbox.DEFAULT_TABLE_PREFIX, Clock.systemUTC());
		PlatformClient client = PlatformClient.builder()
			.apiKey("test-key")
			.baseUrl(args[1])
			.readTimeout(Duration.ofMinutes(10))
			.retry(RetrySettings.none())
			.build();
		OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, SyncKinds.all(client),
				DeliveryFixture.fastSettings("crashing-node").withLease(Duration.parse(args[2])),
				new DeliveryListener() {
				}, Clock.systemUTC());
		dispatcher.start();
		new CountDownLatch(1).await();
	}

}
