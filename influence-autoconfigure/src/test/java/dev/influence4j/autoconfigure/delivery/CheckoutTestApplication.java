package dev.influence4j.autoconfigure.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Transactional;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.InfluenceOrder;

/**
 * A shop's checkout as a user of the starter writes it: a transactional service that publishes
 * {@link OrderCompletedEvent}. Its data source counts statements per thread, and every HTTP call to Influence.io
 * is recorded with the thread that made it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CheckoutTestApplication.Checkout.class)
class CheckoutTestApplication {

	static final StatementCounter statements = new StatementCounter();

	static final List<String> httpThreads = new CopyOnWriteArrayList<>();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource) ? statements.wrap(dataSource) : bean;
			}

		};
	}

	@Bean
	RestClientCustomizer recordHttpThreads() {
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			httpThreads.add(Thread.currentThread().getName());
			return execution.execute(request, body);
		});
	}

	/**
	 * The shop's checkout.
	 */
	static class Checkout {

		private final ApplicationEventPublisher events;

		Checkout(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Transactional
		public void placeOrder(InfluenceOrder order) {
			this.events.publishEvent(OrderCompletedEvent.of(order));
		}

		@Transactional
		public void placeOrderThenFail(InfluenceOrder order) {
			this.events.publishEvent(OrderCompletedEvent.of(order));
			throw new IllegalStateException("payment declined");
		}

	}

}
