package dev.influence4j.autoconfigure.sandbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop's {@code @SpringBootTest} as influence-test's README shows it: the sandbox is a bean, and no
 * {@code influence.*} property is set, not even the keys. (Not a web application: in one, the webhook endpoint
 * would want the shop's own {@code influence.webhooks.secret}, which is no connection detail.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SandboxSpringBootTests {

	@Autowired
	PlatformClient platform;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void theAutoConfiguredClientCallsTheSandboxBean() {
		assertThat(this.environment.getPropertySources().stream())
			.filteredOn(EnumerablePropertySource.class::isInstance)
			.flatExtracting((source) -> List.of(((EnumerablePropertySource<?>) source).getPropertyNames()))
			.isNotEmpty()
			.noneMatch((name) -> name.toString().startsWith("influence."));

		this.platform.customers().upsert(InfluenceCustomer.of("42", "jane@example.com"));

		assertThat(this.sandbox.customer("42")).hasValueSatisfying(
				(customer) -> assertThat(customer.email()).isEqualTo("jane@example.com"));
		assertThat(this.sandbox.journal().requestsFor("platform.customers.upsert")).hasSize(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Sandbox {

		@Bean
		InfluenceSandbox influenceSandbox() {
			return InfluenceSandbox.builder().start();
		}

	}

}
