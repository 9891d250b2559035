package dev.influence4j.benchmarks.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.influence4j.webhook.InfluenceWebhookEvent;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeIssuer;
import dev.influence4j.webhook.WebhookReceiver;

/**
 * The node under test: a minimal shop with the influence4j starter, Spring MVC on Tomcat, a {@code DataSource}
 * (H2 in memory, or the PostgreSQL the benchmark points it at) and Boot's defaults for everything (Tomcat
 * threads, Hikari pool, delivery engine). Its {@link RewardCodeIssuer} and its listener only count, so that
 * code-bearing topics are handled end to end and the benchmark can check each delivery was handled once.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class IntakeShop {

	@Bean
	CountingIssuer countingIssuer() {
		return new CountingIssuer();
	}

	@Bean
	WebhookEventCounter webhookEventCounter() {
		return new WebhookEventCounter();
	}

	/**
	 * Start the shop.
	 * @param properties its configuration (Spring Boot default properties)
	 * @param security whether to add the shop's security filter chain, {@link ShopSecurity} (Spring Security
	 * must be on the class path)
	 * @return the running shop
	 */
	static Running start(Map<String, Object> properties, boolean security) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(IntakeShop.class).properties(properties);
		if (security) {
			builder.sources(ShopSecurity.class);
		}
		return new Running(builder.run());
	}

	/**
	 * Creates nothing; counts calls and the deliveries they were for.
	 */
	static final class CountingIssuer implements RewardCodeIssuer {

		final AtomicLong calls = new AtomicLong();

		final Set<String> deliveries = ConcurrentHashMap.newKeySet();

		@Override
		public void issue(RewardCode code) {
			this.calls.incrementAndGet();
			this.deliveries.add(code.webhookId());
		}

	}

	/**
	 * Listens to every webhook event, as a shop's listener would, and counts.
	 */
	static final class WebhookEventCounter {

		final AtomicLong events = new AtomicLong();

		final Set<String> deliveries = ConcurrentHashMap.newKeySet();

		@EventListener
		void on(InfluenceWebhookEvent<?> event) {
			this.events.incrementAndGet();
			this.deliveries.add(event.webhookId());
		}

	}

	/**
	 * The running shop: close it to stop it.
	 */
	static final class Running implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final JdbcClient jdbc;

		Running(ConfigurableApplicationContext context) {
			this.context = context;
			this.jdbc = JdbcClient.create(context.getBean(DataSource.class));
		}

		int port() {
			return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
		}

		/**
		 * The counts: stored webhook rows in the outbox table ({@code stored}), their distinct dedup keys
		 * ({@code distinctIds}), those handled ({@code handled}) or dead ({@code dead}), and rows of other kinds
		 * ({@code otherRows}); listener calls and distinct deliveries ({@code events}, {@code eventDeliveries});
		 * issuer calls and distinct deliveries ({@code codes}, {@code codeDeliveries}).
		 */
		Map<String, Long> counts() {
			Map<String, Long> counts = new LinkedHashMap<>();
			// The table is the documented schema (users copy it into their migrations), not the endpoint's internals.
			this.jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT dedup_key), "
					+ "COALESCE(SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END), 0), "
					+ "COALESCE(SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), 0) "
					+ "FROM influence_outbox WHERE kind = :kind")
				.param("kind", WebhookReceiver.KIND)
				.query((rs) -> {
					counts.put("stored", rs.getLong(1));
					counts.put("distinctIds", rs.getLong(2));
					counts.put("handled", rs.getLong(3));
					counts.put("dead", rs.getLong(4));
				});
			counts.put("otherRows", this.jdbc.sql("SELECT COUNT(*) FROM influence_outbox WHERE kind <> :kind")
				.param("kind", WebhookReceiver.KIND)
				.query(Long.class)
				.single());
			WebhookEventCounter listener = this.context.getBean(WebhookEventCounter.class);
			counts.put("events", listener.events.get());
			counts.put("eventDeliveries", (long) listener.deliveries.size());
			CountingIssuer issuer = this.context.getBean(CountingIssuer.class);
			counts.put("codes", issuer.calls.get());
			counts.put("codeDeliveries", (long) issuer.deliveries.size());
			return counts;
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
