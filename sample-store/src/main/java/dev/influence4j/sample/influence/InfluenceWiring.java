package dev.influence4j.sample.influence;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.platform.PlatformClient;

/**
 * PHASE 1 SEAM: builds influence4j's clients from the {@code influence.*} properties until
 * influence-spring-boot-autoconfigure does. Delete this class once the starter creates
 * {@link PlatformClient} and {@link LauncherClient} beans from the same properties (its auto-configuration
 * is expected to back off from these beans meanwhile, so the store works with or without it).
 * <p>
 * The properties are the starter's: {@code influence.api-key}, {@code influence.shop-key},
 * {@code influence.platform.base-url} and {@code influence.launcher.base-url}. The embedded sandbox sets all
 * four; the {@code influence} profile takes the keys from the environment and keeps the production URLs.
 */
@Configuration(proxyBeanMethods = false)
class InfluenceWiring {

	// Short timeouts: the account page calls the Launcher while the customer waits.
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	PlatformClient influencePlatformClient(@Value("${influence.api-key}") String apiKey,
			@Value("${influence.platform.base-url:" + PlatformClient.DEFAULT_BASE_URL + "}") String baseUrl) {
		return PlatformClient.builder()
			.apiKey(apiKey)
			.baseUrl(baseUrl)
			.connectTimeout(CONNECT_TIMEOUT)
			.readTimeout(READ_TIMEOUT)
			.build();
	}

	@Bean
	LauncherClient influenceLauncherClient(@Value("${influence.api-key}") String apiKey,
			@Value("${influence.shop-key}") String shopKey,
			@Value("${influence.launcher.base-url:" + LauncherClient.DEFAULT_BASE_URL + "}") String baseUrl) {
		return LauncherClient.builder()
			.apiKey(apiKey)
			.shopKey(shopKey)
			.baseUrl(baseUrl)
			.connectTimeout(CONNECT_TIMEOUT)
			.readTimeout(READ_TIMEOUT)
			.build();
	}

}
