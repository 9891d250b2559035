package dev.influence4j.autoconfigure.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.DeliverySettings;
import dev.influence4j.delivery.DeliveryStatus;
import dev.influence4j.delivery.EntryKind;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.JdbcOutbox;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.delivery.OutboxEntry;
import dev.influence4j.delivery.OutboxWriter;
import dev.influence4j.events.CollectionSavedEvent;
import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceCollection;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.InfluenceProduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The delivery wiring: which outbox, the dispatcher's lifecycle, the writer, one listener per sync switch,
 * and the application's own handlers and listeners.
 */
@ExtendWith(OutputCaptureExtension.class)
class InfluenceDeliveryAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class, InfluenceDeliveryAutoConfiguration.class))
		.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.platform.base-url=http://127.0.0.1:9", "influence.delivery.poll-interval=50ms");

	private ApplicationContextRunner withDatabase(String name) {
		return this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
	}

	@Test
	void keepsTheOutboxInTheApplicationsDatabaseAndCreatesItsTable() {
		withDatabase("outbox-table").run((context) -> {
			assertThat(context).hasSingleBean(OutboxDispatcher.class)
				.hasSingleBean(OutboxWriter.class)
				.hasSingleBean(InfluenceDeliveryLifecycle.class)
				.getBean(Outbox.class)
				.isInstanceOf(JdbcOutbox.class);
			assertThat(tableCount(context.getBean(DataSource.class), "INFLUENCE_OUTBOX")).isOne();
		});
	}

	@Test
	void theTablePrefixNamesTheTable() {
		withDatabase("outbox-prefix").withPropertyValues("influence.delivery.jdbc.table-prefix=shop_influence_")
			.run((context) -> assertThat(tableCount(context.getBean(DataSource.class), "SHOP_INFLUENCE_OUTBOX")).isOne());
	}

	@Test
	void leavesTheTableToTheApplicationWhenSchemaInitializationIsOffAndSaysWhenItIsMissing() {
		withDatabase("outbox-never").withPropertyValues("influence.delivery.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Table \"INFLUENCE_OUTBOX\" not found"));
		withDatabase("outbox-never").withPropertyValues("influence.delivery.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("influence4j's outbox table influence_outbox does not exist")
				.hasStackTraceContaining("dev/influence4j/delivery/schema-h2.sql"));
	}

	@Test
	void aTableFromAnEarlierSnapshotGetsThePriorityColumnOrStartupSaysHowToAddIt() {
		String olderTable = "CREATE TABLE influence_outbox (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
				+ "kind VARCHAR(64) NOT NULL, entity_key VARCHAR(255) NOT NULL, dedup_key VARCHAR(255), payload CLOB NOT "
				+ "NULL, status VARCHAR(16) NOT NULL, attempts INTEGER DEFAULT 0 NOT NULL, next_attempt_at BIGINT NOT NULL, "
				+ "last_error VARCHAR(2000), claimed_by VARCHAR(128), lease_until BIGINT, created_at BIGINT NOT NULL, "
				+ "updated_at BIGINT NOT NULL)";
		org.h2.jdbcx.JdbcDataSource never = new org.h2.jdbcx.JdbcDataSource();
		never.setURL("jdbc:h2:mem:outbox-older-never;DB_CLOSE_DELAY=-1");
		never.setUser("sa");
		org.springframework.jdbc.core.simple.JdbcClient.create(never).sql(olderTable).update();
		withDatabase("outbox-older-never").withPropertyValues("influence.delivery.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("has no priority column")
				.hasStackTraceContaining("ALTER TABLE influence_outbox ADD COLUMN priority SMALLINT DEFAULT 0 NOT NULL"));

		org.h2.jdbcx.JdbcDataSource always = new org.h2.jdbcx.JdbcDataSource();
		always.setURL("jdbc:h2:mem:outbox-older-always;DB_CLOSE_DELAY=-1");
		always.setUser("sa");
		org.springframework.jdbc.core.simple.JdbcClient.create(always).sql(olderTable).update();
		withDatabase("outbox-older-always").withPropertyValues("influence.delivery.jdbc.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Outbox outbox = context.getBean(Outbox.class);
				outbox.append(dev.influence4j.delivery.NewOutboxEntry.of("product.saved", "product:1", "{}"));
				assertThat(outbox.unfinished(dev.influence4j.delivery.EntryPriority.LIVE)).isOne();
			});
	}

	@Test
	void waitsForTheApplicationsOwnSchemaScriptsWhenSchemaInitializationIsOff() {
		// Like a Flyway migration: Boot's SQL initialization creates the table, and must run before the outbox.
		withDatabase("outbox-own-table")
			.withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
			.withPropertyValues("influence.delivery.jdbc.initialize-schema=never", "spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=classpath:dev/influence4j/delivery/schema-h2.sql")
			.run((context) -> assertThat(context).hasNotFailed().getBean(Outbox.class).isInstanceOf(JdbcOutbox.class));
	}

	@Test
	void createsTheTableOnAnEmbeddedDatabaseWhenSchemaInitializationIsEmbedded() {
		withDatabase("outbox-embedded").withPropertyValues("influence.delivery.jdbc.initialize-schema=embedded")
			.run((context) -> assertThat(tableCount(context.getBean(DataSource.class), "INFLUENCE_OUTBOX")).isOne());
	}

	@Test
	void fallsBackToMemoryWithALoudWarningWithoutADataSource(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).getBean(Outbox.class).isInstanceOf(InMemoryOutbox.class);
			assertThat(output).contains("WARN")
				.contains("influence4j delivery is NOT DURABLE")
				.contains("no DataSource");
		});
	}

	@Test
	void storeMemoryKeepsTheOutboxInMemoryEvenWithADataSource(CapturedOutput output) {
		withDatabase("outbox-memory").withPropertyValues("influence.delivery.store=memory").run((context) -> {
			assertThat(context).getBean(Outbox.class).isInstanceOf(InMemoryOutbox.class);
			assertThat(output).contains("influence4j delivery is NOT DURABLE")
				.contains("influence.delivery.store=memory");
		});
	}

	@Test
	void storeJdbcWithoutADataSourceFailsStartup() {
		this.runner.withPropertyValues("influence.delivery.store=jdbc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("influence.delivery.store is 'jdbc' but the application has no single"));
	}

	@Test
	void definesNothingWhenDeliveryIsSwitchedOff() {
		this.runner.withPropertyValues("influence.delivery.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Outbox.class)
				.doesNotHaveBean(OutboxDispatcher.class)
				.doesNotHaveBean(OutboxWriter.class)
				.doesNotHaveBean(StorefrontEventListener.class));
	}

	@Test
	void definesNothingWhenInfluenceIsSwitchedOff() {
		this.runner.withPropertyValues("influence.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Outbox.class).doesNotHaveBean(OutboxDispatcher.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnOutbox() {
		this.runner.withUserConfiguration(OwnOutbox.class)
			.run((context) -> assertThat(context).getBean(Outbox.class).isSameAs(context.getBean("ownOutbox")));
	}

	@Test
	void eachSyncSwitchStopsOnlyItsOwnEvents() {
		this.runner.run((context) -> assertThat(kindsWrittenForOneEventOfEachGroup(context))
			.containsExactlyInAnyOrder("order.completed", "product.saved", "customer.saved", "collection.saved"));
		this.runner.withPropertyValues("influence.sync.orders.enabled=false")
			.run((context) -> assertThat(kindsWrittenForOneEventOfEachGroup(context))
				.containsExactlyInAnyOrder("product.saved", "customer.saved", "collection.saved"));
		this.runner.withPropertyValues("influence.sync.products.enabled=false")
			.run((context) -> assertThat(kindsWrittenForOneEventOfEachGroup(context))
				.containsExactlyInAnyOrder("order.completed", "customer.saved", "collection.saved"));
		this.runner.withPropertyValues("influence.sync.customers.enabled=false")
			.run((context) -> assertThat(kindsWrittenForOneEventOfEachGroup(context))
				.containsExactlyInAnyOrder("order.completed", "product.saved", "collection.saved"));
		this.runner.withPropertyValues("influence.sync.collections.enabled=false")
			.run((context) -> assertThat(kindsWrittenForOneEventOfEachGroup(context))
				.containsExactlyInAnyOrder("order.completed", "product.saved", "customer.saved"));
	}

	private static List<String> kindsWrittenForOneEventOfEachGroup(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed().hasSingleBean(StorefrontEventListener.class);
		// The dispatcher is stopped so that nothing is delivered (and claimed) meanwhile.
		context.getBean(OutboxDispatcher.class).close();
		context.publishEvent(OrderCompletedEvent.of(InfluenceOrder.builder("1001")
			.email("jane@example.com")
			.financialStatus(FinancialStatus.PAID)
			.totalPrice("10.00")
			.currency("EUR")
			.createdAt(Instant.parse("2026-12-01T10:00:00Z"))
			.build()));
		context.publishEvent(new ProductSavedEvent(InfluenceProduct.of("p-1", "Mug")));
		context.publishEvent(new CustomerSavedEvent(InfluenceCustomer.of("42", "jane@example.com")));
		context.publishEvent(CollectionSavedEvent.of(new InfluenceCollection("c-1", "Mugs", null), Set.of()));
		return context.getBean(Outbox.class)
			.claim("probe", 100, Duration.ofMinutes(1))
			.stream()
			.map(OutboxEntry::kind)
			.toList();
	}

	@Test
	void aSwitchedOffFeatureWritesNothingWhenItsEventsArePublished() {
		this.runner.withPropertyValues("influence.sync.products.enabled=false").run((context) -> {
			context.publishEvent(new ProductSavedEvent(InfluenceProduct.of("p-1", "Mug")));
			context.publishEvent(new CustomerSavedEvent(InfluenceCustomer.of("42", "jane@example.com")));
			Outbox outbox = context.getBean(Outbox.class);
			assertThat(outbox.countsByStatus().values().stream().mapToLong(Long::longValue).sum()).isOne();
		});
	}

	@Test
	void theApplicationsHandlersAndListenersJoinTheDispatcher() {
		this.runner.withUserConfiguration(OwnHandlerAndListener.class).run((context) -> {
			OwnHandlerAndListener own = context.getBean(OwnHandlerAndListener.class);
			OutboxWriter writer = context.getBean(OutboxWriter.class);

			writer.write(NewOutboxEntry.of("shop.custom", "custom:1", "{\"n\":1}"));
			context.publishEvent(new CustomerSavedEvent(InfluenceCustomer.of("42", "jane@example.com")));

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(own.handled)
				.containsExactlyInAnyOrder("shop.custom custom:1", "customer.saved customer:42"));
			await().untilAsserted(() -> assertThat(own.delivered).containsExactlyInAnyOrder("custom:1", "customer:42"));
			assertThat(context.getBean(Outbox.class).countsByStatus().get(DeliveryStatus.DELIVERED)).isEqualTo(2);
		});
	}

	@Test
	void theDispatcherRunsWithTheContextAndStopsWithIt() {
		this.runner.run((context) -> {
			OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
			assertThat(dispatcher.isRunning()).isTrue();
			assertThat(context.getBean(InfluenceDeliveryLifecycle.class).getPhase())
				.isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
			context.close();
			assertThat(dispatcher.isRunning()).isFalse();
		});
	}

	@Test
	void aNullEventIsRejectedClearly() {
		this.runner.run((context) -> {
			OutboxWriter writer = context.getBean(OutboxWriter.class);
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write((Object) null))
				.withMessage("event is required but was null");
			assertThatIllegalArgumentException().isThrownBy(() -> writer.write("not an event of influence4j's"))
				.withMessage("no outbox entry kind writes java.lang.String");
		});
	}

	private static Duration wait(RetryConfig retry, int attempt) {
		return Duration.ofMillis(retry.<Object>getIntervalBiFunction().apply(attempt, Either.left(new IllegalStateException())));
	}

	@Test
	void theNodeIdIsTheHostNameWithARandomSuffixUnlessSet() {
		String generated = settings(new InfluenceProperties()).nodeId();
		String another = settings(new InfluenceProperties()).nodeId();
		assertThat(generated).matches(".+-[0-9a-f]{6}").isNotEqualTo(another);
		InfluenceProperties properties = new InfluenceProperties();
		properties.getDelivery().setNodeId("shop-1");
		assertThat(settings(properties).nodeId()).isEqualTo("shop-1");
	}

	@Test
	void deliveryPropertiesMapOntoTheDispatchersSettings() {
		this.runner
			.withPropertyValues("influence.delivery.retry.max-attempts=7",
					"influence.delivery.retry.initial-backoff=2s", "influence.delivery.retry.max-backoff=1m",
					"influence.delivery.batch-size=9",
					"influence.delivery.concurrency=2", "influence.delivery.lease=30s", "influence.delivery.max-age=1d",
					"influence.webhooks.dedup-retention=12h")
			.run((context) -> {
				var settings = settings(context.getBean(InfluenceProperties.class));
				assertThat(settings.retry().getMaxAttempts()).isEqualTo(7);
				// 2 s before the second attempt, doubling to at most 1 min, each wait randomised by 20 %.
				assertThat(wait(settings.retry(), 1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
				assertThat(wait(settings.retry(), 2)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
				assertThat(wait(settings.retry(), 20)).isBetween(Duration.ofSeconds(48), Duration.ofMinutes(1));
				assertThat(settings.batchSize()).isEqualTo(9);
				assertThat(settings.concurrency()).isEqualTo(2);
				assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
				assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(1));
				assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(50));
				assertThat(settings.dedupRetention()).isEqualTo(Duration.ofHours(12));
			});
	}

	@Test
	void theOutboxsBackoffMultiplierAndJitterAreConfigurable() {
		this.runner
			.withPropertyValues("influence.delivery.retry.initial-backoff=2s", "influence.delivery.retry.multiplier=3",
					"influence.delivery.retry.jitter=0", "influence.delivery.retry.max-backoff=1m")
			.run((context) -> {
				RetryConfig retry = settings(context.getBean(InfluenceProperties.class)).retry();
				assertThat(wait(retry, 1)).isEqualTo(Duration.ofSeconds(2));
				assertThat(wait(retry, 2)).isEqualTo(Duration.ofSeconds(6));
				assertThat(wait(retry, 3)).isEqualTo(Duration.ofSeconds(18));
				assertThat(wait(retry, 4)).isEqualTo(Duration.ofSeconds(54));
				assertThat(wait(retry, 5)).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void anOutboxJitterAboveOneFailsStartupNamingTheSetting() {
		this.runner.withPropertyValues("influence.delivery.retry.jitter=1.5")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("influence.delivery.retry.* is invalid")
				.hasStackTraceContaining("randomizationFactor: 1.5"));
	}

	private static DeliverySettings settings(InfluenceProperties properties) {
		return InfluenceDeliveryAutoConfiguration.settings(properties.getDelivery(), properties.getWebhooks());
	}

	@Test
	void anOrderEventWithoutOrderIsRejectedBeforeAnythingIsWritten() {
		this.runner.run((context) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> context.publishEvent(OrderCompletedEvent.of(null)))
				.withMessageContaining("order is required");
			assertThat(context.getBean(Outbox.class).countsByStatus().values().stream().mapToLong(Long::longValue).sum())
				.isZero();
		});
	}

	private static int tableCount(DataSource dataSource, String table) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?")
			.param(table)
			.query(Integer.class)
			.single();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnOutbox {

		@Bean
		Outbox ownOutbox() {
			return new InMemoryOutbox(Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlerAndListener {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final List<String> delivered = new CopyOnWriteArrayList<>();

		@Bean
		EntryKind<Numbered> customKind() {
			return kind("shop.custom", Numbered.class, (numbered) -> "custom:" + numbered.n());
		}

		@Bean
		EntryKind<InfluenceCustomer> customerKindInsteadOfPlatform() {
			return kind("customer.saved", InfluenceCustomer.class, (customer) -> "customer:" + customer.customerId());
		}

		private <P> EntryKind<P> kind(String name, Class<P> type, Function<P, String> key) {
			return new EntryKind<>() {

				@Override
				public String name() {
					return name;
				}

				@Override
				public Class<P> payloadType() {
					return type;
				}

				@Override
				public String entityKey(P payload) {
					return key.apply(payload);
				}

				@Override
				public DeliveryOutcome deliver(P payload, DeliveryAttempt attempt) {
					OwnHandlerAndListener.this.handled.add(name + " " + entityKey(payload));
					return DeliveryOutcome.delivered();
				}

			};
		}

		record Numbered(int n) {
		}

		@Bean
		DeliveryListener recordingListener() {
			return new DeliveryListener() {

				@Override
				public void delivered(OutboxEntry entry, Duration took) {
					OwnHandlerAndListener.this.delivered.add(entry.entityKey());
				}

			};
		}

	}

}
