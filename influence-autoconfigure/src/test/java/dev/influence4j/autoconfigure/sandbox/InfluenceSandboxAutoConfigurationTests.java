package dev.influence4j.autoconfigure.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.InfluenceConnectionDetails;
import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's {@link InfluenceSandbox} bean supplies the connection details, unless the application has
 * its own; without a sandbox they come from the properties.
 */
class InfluenceSandboxAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class,
				InfluenceSandboxAutoConfiguration.class, RestClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class));

	@Test
	void theSandboxBeanSuppliesTheBaseUrlsAndKeysWithoutAnyProperty() {
		this.runner.withUserConfiguration(SandboxConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(InfluenceConnectionDetails.class);
			InfluenceSandbox sandbox = context.getBean(InfluenceSandbox.class);
			InfluenceConnectionDetails connection = context.getBean(InfluenceConnectionDetails.class);
			assertThat(connection).isInstanceOf(SandboxInfluenceConnectionDetails.class);
			assertThat(connection.getApiKey()).isEqualTo("sandbox-key");
			assertThat(connection.getShopKey()).isEqualTo("sandbox-shop");
			assertThat(connection.getPlatformBaseUrl()).isEqualTo(sandbox.platformBaseUrl());
			assertThat(connection.getLauncherBaseUrl()).isEqualTo(sandbox.launcherBaseUrl());
			assertThat(connection.toString()).doesNotContain("sandbox-key").doesNotContain("sandbox-shop");
			// The clients and the digest were built from them.
			assertThat(context.getBean(LauncherClient.class).shopKey()).isEqualTo("sandbox-shop");
			assertThat(context.getBean(CustomerDigest.class).compute("jane@example.com", "42"))
				.isEqualTo(sandbox.digest("jane@example.com", "42"));
			assertThat(context).hasSingleBean(PlatformClient.class);
		});
	}

	@Test
	void aSandboxThatWasNotStartedIsStartedSoThatItHasAPort() {
		this.runner.withBean(InfluenceSandbox.class, () -> InfluenceSandbox.builder().build()).run((context) -> {
			assertThat(context).hasNotFailed();
			InfluenceSandbox sandbox = context.getBean(InfluenceSandbox.class);
			assertThat(sandbox.isRunning()).isTrue();
			assertThat(context.getBean(InfluenceConnectionDetails.class).getPlatformBaseUrl())
				.isEqualTo("http://127.0.0.1:" + sandbox.port());
		});
	}

	@Test
	void theApplicationsOwnConnectionDetailsWinOverTheSandbox() {
		this.runner.withUserConfiguration(SandboxConfiguration.class, OwnConnectionDetailsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(InfluenceConnectionDetails.class);
				assertThat(context.getBean(InfluenceConnectionDetails.class))
					.isSameAs(context.getBean(OwnConnectionDetailsConfiguration.class).details);
				assertThat(context.getBean(LauncherClient.class).shopKey()).isEqualTo("own-shop");
			});
	}

	@Test
	void withoutASandboxBeanTheDetailsComeFromTheProperties() {
		this.runner.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(InfluenceConnectionDetails.class)
					.doesNotHaveBean(SandboxInfluenceConnectionDetails.class);
				InfluenceConnectionDetails connection = context.getBean(InfluenceConnectionDetails.class);
				assertThat(connection.getApiKey()).isEqualTo("EXAMPLE_API_KEY");
				assertThat(connection.getShopKey()).isEqualTo("example-com");
				assertThat(connection.getPlatformBaseUrl()).isEqualTo(PlatformClient.DEFAULT_BASE_URL);
			});
	}

	@Test
	void withoutTheTestKitOnTheClassPathTheDetailsComeFromTheProperties() {
		this.runner.withClassLoader(new FilteredClassLoader(InfluenceSandbox.class))
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(InfluenceConnectionDetails.class)
					.doesNotHaveBean(SandboxInfluenceConnectionDetails.class);
				assertThat(context.getBean(InfluenceConnectionDetails.class).getShopKey()).isEqualTo("example-com");
			});
	}

	@Test
	void twoSandboxesAreAmbiguousSoThePropertiesDecide() {
		this.runner.withUserConfiguration(SandboxConfiguration.class)
			.withBean("secondSandbox", InfluenceSandbox.class, () -> InfluenceSandbox.builder().build())
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(SandboxInfluenceConnectionDetails.class);
				assertThat(context.getBean(InfluenceConnectionDetails.class).getShopKey()).isEqualTo("example-com");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class SandboxConfiguration {

		@Bean
		InfluenceSandbox influenceSandbox() {
			return InfluenceSandbox.builder().apiKey("sandbox-key").shopKey("sandbox-shop").start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionDetailsConfiguration {

		final InfluenceConnectionDetails details = new InfluenceConnectionDetails() {

			@Override
			public String getApiKey() {
				return "own-key";
			}

			@Override
			public String getShopKey() {
				return "own-shop";
			}

			@Override
			public String getPlatformBaseUrl() {
				return "http://127.0.0.1:9";
			}

			@Override
			public String getLauncherBaseUrl() {
				return "http://127.0.0.1:9/launcher";
			}

		};

		@Bean
		InfluenceConnectionDetails ownConnectionDetails() {
			return this.details;
		}

	}

}
