package dev.influence4j.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.http.CircuitBreakerSettings;
import dev.influence4j.http.InfluenceClientBuilder;
import dev.influence4j.http.RetrySettings;
import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.platform.PlatformClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the Influence.io
 * clients and the customer digest. The clients start from Spring Boot's prototype {@link RestClient.Builder}
 * (message converters, observations, customizers) and send with a request factory from Spring Boot's
 * {@code ClientHttpRequestFactoryBuilder} and {@code HttpClientSettings} (SSL bundle) with influence4j's own
 * timeouts. Keys and base URLs come from an {@link InfluenceConnectionDetails} bean, by default read from
 * {@code influence.*} properties; startup fails with an explanation when {@code influence.api-key} or
 * {@code influence.shop-key} is missing.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "influence.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InfluenceProperties.class)
public final class InfluenceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(InfluenceConnectionDetails.class)
	PropertiesInfluenceConnectionDetails influenceConnectionDetails(InfluenceProperties properties) {
		return new PropertiesInfluenceConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	CustomerDigest influenceCustomerDigest(InfluenceConnectionDetails connection) {
		return CustomerDigest.of(connection.getApiKey(), connection.getShopKey());
	}

	@Bean
	@ConditionalOnMissingBean
	PlatformClient influencePlatformClient(InfluenceProperties properties, InfluenceConnectionDetails connection,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<InfluenceRequestFactory> requestFactory,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<InfluenceClientCustomizer> customizers) {
		PlatformClient.Builder builder = PlatformClient.builder()
			.apiKey(connection.getApiKey())
			.baseUrl(connection.getPlatformBaseUrl());
		configure(builder, properties, restClientBuilder, requestFactory, observationRegistry, customizers);
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LauncherClient influenceLauncherClient(InfluenceProperties properties, InfluenceConnectionDetails connection,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<InfluenceRequestFactory> requestFactory,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<InfluenceClientCustomizer> customizers) {
		LauncherClient.Builder builder = LauncherClient.builder()
			.apiKey(connection.getApiKey())
			.shopKey(connection.getShopKey())
			.baseUrl(connection.getLauncherBaseUrl());
		configure(builder, properties, restClientBuilder, requestFactory, observationRegistry, customizers);
		return builder.build();
	}

	private static void configure(InfluenceClientBuilder<?> builder, InfluenceProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<InfluenceRequestFactory> requestFactory,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<InfluenceClientCustomizer> customizers) {
		InfluenceHttpProperties http = properties.getHttp();
		builder.connectTimeout(http.getConnectTimeout())
			.readTimeout(http.getReadTimeout())
			.maxResponseBytes(http.getMaxResponseSize().toBytes())
			.retry(retrySettings(http.getRetry()))
			.circuitBreaker(circuitBreakerSettings(http.getCircuitBreaker()));
		observationRegistry.ifAvailable(builder::observationRegistry);
		restClientBuilder.ifAvailable(builder::restClientBuilder);
		requestFactory.ifAvailable((factory) -> builder.requestFactory(factory.create(http)));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
	}

	static RetrySettings retrySettings(InfluenceHttpProperties.Retry retry) {
		return new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMultiplier(),
				retry.getMaxBackoff(), retry.getJitter(), retry.getMaxRetryAfter());
	}

	static CircuitBreakerSettings circuitBreakerSettings(InfluenceHttpProperties.CircuitBreaker breaker) {
		return new CircuitBreakerSettings(breaker.isEnabled(), breaker.getFailureRateThreshold(),
				breaker.getSlidingWindowSize(), breaker.getMinimumNumberOfCalls(), breaker.getWaitInOpenState());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder",
			"org.springframework.boot.http.client.HttpClientSettings" })
	static class BootHttpClientConfiguration {

		/**
		 * Spring Boot's request factory builder and HTTP client settings (its SSL bundle included) with
		 * influence4j's timeouts; redirects are never followed, so the API key never travels to another host.
		 */
		@Bean
		InfluenceRequestFactory influenceRequestFactory(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
				ObjectProvider<HttpClientSettings> settings) {
			return (http) -> builder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect)
				.build(settings.getIfAvailable(HttpClientSettings::defaults)
					.withTimeouts(http.getConnectTimeout(), http.getReadTimeout())
					.withRedirects(HttpRedirects.DONT_FOLLOW));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class SanitizingConfiguration {

		@Bean
		SanitizingFunction influenceSecretsSanitizingFunction(InfluenceProperties properties) {
			return new InfluenceSecretsSanitizingFunction(properties);
		}

	}

}
