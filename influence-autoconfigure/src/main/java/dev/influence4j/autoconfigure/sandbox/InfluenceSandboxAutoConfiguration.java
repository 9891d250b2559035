package dev.influence4j.autoconfigure.sandbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.InfluenceConnectionDetails;
import dev.influence4j.test.InfluenceSandbox;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that connects
 * influence4j to the application's {@link InfluenceSandbox} bean: its base URLs and keys become the
 * {@link InfluenceConnectionDetails}, so a test declares the sandbox as a bean and sets no {@code influence.*}
 * property, as Spring Boot connects to a Testcontainers database. An {@link InfluenceConnectionDetails} bean of
 * the application's own still wins.
 */
@AutoConfiguration(before = InfluenceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "influence.enabled", matchIfMissing = true)
@ConditionalOnClass(InfluenceSandbox.class)
@ConditionalOnSingleCandidate(InfluenceSandbox.class)
public final class InfluenceSandboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(InfluenceConnectionDetails.class)
	SandboxInfluenceConnectionDetails influenceSandboxConnectionDetails(InfluenceSandbox sandbox) {
		// As Spring Boot starts a container behind a service connection: the URLs need the port, which only a
		// running sandbox has. Starting a running sandbox does nothing.
		sandbox.start();
		return new SandboxInfluenceConnectionDetails(sandbox);
	}

}
