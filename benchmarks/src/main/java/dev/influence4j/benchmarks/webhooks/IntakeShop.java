package dev.influence4j.benchmarks.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.DefaultResourceLoader;
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
 * <p>
 * It runs in a class loader of its own ({@link WebhookIntakeBenchmark}), so that {@code security=false} is a
 * shop without Spring Security on its class path at all; across that class loader it is reached only through
 * JDK types: {@link #start} returns an {@link AutoCloseable} that is also a {@code Supplier} of counts.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class IntakeShop {

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
	 * @return the running shop: close it to stop it; {@code get()} answers the counts
	 */
	public static Running start(Map<String, Object> properties, boolean security) {
		ClassLoader loader = IntakeShop.class.getClassLoader();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		// The JVM takes one URL stream handler factory, ever: the first shop's Tomcat would claim it and the next
		// shop's (another class loader, another run) fail to start. Tomcat needs it only for war: URLs.
		TomcatURLStreamHandlerFactory.disable();
		try {
			SpringApplicationBuilder builder = new SpringApplicationBuilder(IntakeShop.class)
				.resourceLoader(new DefaultResourceLoader(loader))
				.properties(properties);
			if (security) {
				builder.sources(ShopSecurity.class);
			}
			return new Running(builder.run());
		}
		finally {
			thread.setContextClassLoader(previous);
		}
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
	 * The running shop, seen from the benchmark's class loader.
	 */
	public static final class Running implements AutoCloseable, Supplier<Map<String, Long>> {

		private final ConfigurableApplicationContext context;

		Running(ConfigurableApplicationContext context) {
			this.context = context;
		}

		/**
		 * The counts: {@code port}; stored webhook rows in the outbox table ({@code stored}), their distinct
		 * dedup keys ({@code distinctIds}), those handled ({@code handled}) or dead ({@code dead}), and rows of
		 * other kinds ({@code otherRows}); listener calls and distinct deliveries ({@code events},
		 * {@code eventDeliveries}); issuer calls and distinct deliveries ({@code codes}, {@code codeDeliveries}).
		 */
		@Override
		public Map<String, Long> get() {
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("port", Long.parseLong(this.context.getEnvironment().getRequiredProperty("local.server.port")));
			// The table is the documented schema (users copy it into their migrations), not the endpoint's internals.
			JdbcClient.create(this.context.getBean(DataSource.class))
				.sql("SELECT COUNT(*), COUNT(DISTINCT dedup_key), "
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
			counts.put("otherRows", JdbcClient.create(this.context.getBean(DataSource.class))
				.sql("SELECT COUNT(*) FROM influence_outbox WHERE kind <> :kind")
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
