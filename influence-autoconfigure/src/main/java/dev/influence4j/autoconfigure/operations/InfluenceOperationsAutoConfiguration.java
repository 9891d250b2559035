package dev.influence4j.autoconfigure.operations;

import java.time.Clock;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.influence4j.autoconfigure.backfill.InfluenceBackfillAutoConfiguration;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.backfill.Backfill;
import dev.influence4j.operations.DeliveryOperations;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of what operators
 * use, each part only when its Boot module is present: the {@code influence} health indicator
 * ({@code spring-boot-health}), the {@code influence} endpoint ({@code spring-boot-actuator}) and the delivery
 * gauges (Micrometer).
 */
@AutoConfiguration(after = { InfluenceDeliveryAutoConfiguration.class, InfluenceBackfillAutoConfiguration.class })
@ConditionalOnBean(DeliveryOperations.class)
public final class InfluenceOperationsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("influence")
	static final class Health {

		@Bean
		@ConditionalOnMissingBean(name = "influenceHealthIndicator")
		HealthIndicator influenceHealthIndicator(DeliveryOperations operations) {
			return new InfluenceHealthIndicator(operations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(InfluenceEndpoint.class)
	static final class Actuator {

		@Bean
		@ConditionalOnMissingBean
		InfluenceEndpoint influenceEndpoint(DeliveryOperations operations, ObjectProvider<Backfill> backfill) {
			return new InfluenceEndpoint(operations, backfill.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static final class Metrics {

		@Bean
		@ConditionalOnMissingBean(name = "influenceDeliveryMeters")
		MeterBinder influenceDeliveryMeters(DeliveryOperations operations) {
			return new InfluenceDeliveryMeters(operations);
		}

		@Bean
		@ConditionalOnBean(Backfill.class)
		@ConditionalOnMissingBean(name = "influenceBackfillMeters")
		MeterBinder influenceBackfillMeters(Backfill backfill) {
			return new InfluenceBackfillMeters(backfill, Clock.systemUTC());
		}

	}

}
