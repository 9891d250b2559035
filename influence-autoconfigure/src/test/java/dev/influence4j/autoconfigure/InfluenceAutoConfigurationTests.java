package dev.influence4j.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.platform.PlatformClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The clients and the digest: present with keys, absent when switched off or supplied by the application,
 * a clear startup failure without keys, built on Spring Boot's HTTP client infrastructure, customizable.
 */
class InfluenceAutoConfigurationTests {

	static final String API_KEY = "EXAMPLE_API_KEY";

	@RegisterExtension
	static WireMockExtension influence = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class, RestClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class));

	private ApplicationContextRunner withKeys() {
		return this.runner.withPropertyValues("influence.api-key=" + API_KEY, "influence.shop-key=example-com");
	}

	@Test
	void providesBothClientsAndTheDigestWhenBothKeysAreSet() {
		withKeys().run((context) -> {
			assertThat(context).hasSingleBean(PlatformClient.class)
				.hasSingleBean(LauncherClient.class)
				.hasSingleBean(CustomerDigest.class)
				.hasBean("influencePlatformClient")
				.hasBean("influenceLauncherClient")
				.hasBean("influenceCustomerDigest");
			assertThat(context.getBean(LauncherClient.class).shopKey()).isEqualTo("example-com");
		});
	}

	@Test
	void theDigestBeanComputesTheKnownAnswer() {
		withKeys().run((context) -> assertThat(
				context.getBean(CustomerDigest.class).compute("Example@Example.com", "external-123"))
			.isEqualTo("412dab0de9cad9d7788089ea6563dd12eea9f6cd6af0826d21e7dc6438b2fa7d"));
	}

	@Test
	void definesNothingWhenSwitchedOff() {
		withKeys().withPropertyValues("influence.enabled=false").run((context) -> assertThat(context)
			.doesNotHaveBean(PlatformClient.class)
			.doesNotHaveBean(LauncherClient.class)
			.doesNotHaveBean(CustomerDigest.class)
			.doesNotHaveBean(InfluenceProperties.class));
	}

	@Test
	void needsNoKeysWhenSwitchedOff() {
		this.runner.withPropertyValues("influence.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PlatformClient.class)
				.doesNotHaveBean(LauncherClient.class)
				.doesNotHaveBean(CustomerDigest.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnBeans() {
		withKeys().withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(PlatformClient.class)
				.hasSingleBean(LauncherClient.class)
				.hasSingleBean(CustomerDigest.class);
			assertThat(context.getBean(PlatformClient.class)).isSameAs(context.getBean("ownPlatform"));
			assertThat(context.getBean(LauncherClient.class)).isSameAs(context.getBean("ownLauncher"));
			assertThat(context.getBean(CustomerDigest.class)).isSameAs(context.getBean("ownDigest"));
		});
	}

	@Test
	void aMissingApiKeyFailsStartupWithAnAnalysisThatNamesItAndShowsTheYaml() {
		this.runner.withPropertyValues("influence.shop-key=example-com").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("influence.api-key is not set")
				.doesNotContain("influence.shop-key is");
			assertThat(analysis.getAction()).contains("influence:\n      api-key: ${INFLUENCE_API_KEY}")
				.contains("INFLUENCE_API_KEY")
				.doesNotContain("shop-key: example-com");
		});
	}

	@Test
	void aBlankShopKeyFailsStartupWithAnAnalysisThatNamesIt() {
		this.runner.withPropertyValues("influence.api-key=" + API_KEY, "influence.shop-key=  ").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("influence.shop-key is not set (it is blank)");
			assertThat(analysis.getAction()).contains("influence:\n      shop-key: example-com");
		});
	}

	@Test
	void anApiKeyThatIsAnUnresolvedPlaceholderFailsStartupNamingTheVariableToExport() {
		this.runner.withPropertyValues("influence.api-key=${SHOP_INFLUENCE_API_KEY}", "influence.shop-key=example-com")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(
						"influence.api-key is the unresolved placeholder ${SHOP_INFLUENCE_API_KEY}",
						"the environment variable SHOP_INFLUENCE_API_KEY is not set in this process");
				assertThat(analysis.getAction()).contains("Export SHOP_INFLUENCE_API_KEY")
					.contains("influence:\n      api-key: ${SHOP_INFLUENCE_API_KEY}");
			});
	}

	@Test
	void aShopKeyThatIsAnUnresolvedPlaceholderWithADotFailsStartupNamingItsVariable() {
		this.runner.withPropertyValues("influence.api-key=" + API_KEY, "influence.shop-key=${shop.influence-key}")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(
						"influence.shop-key is the unresolved placeholder ${SHOP_INFLUENCE_KEY}")
					.doesNotContain("influence.api-key is");
				assertThat(analysis.getAction()).contains("shop-key: ${SHOP_INFLUENCE_KEY}");
			});
	}

	@Test
	void keysWithWhitespaceOrOnlyWhitespaceFailStartupWithoutShowingTheKey() {
		// Set directly: property values given as "name=value" text would be trimmed.
		this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("keys", Map.of("influence.api-key", API_KEY + "\n", "influence.shop-key", "\t"))))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("influence.api-key starts or ends with whitespace")
					.contains("influence.shop-key is not set (it is blank)")
					.doesNotContain(API_KEY);
				assertThat(analysis.getAction()).doesNotContain(API_KEY);
			});
	}

	@Test
	void withoutAnyKeyTheAnalysisNamesBoth() {
		this.runner.run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("influence.api-key is not set; and influence.shop-key is not set");
			assertThat(analysis.getAction()).contains("api-key:").contains("shop-key:");
		});
	}

	@Test
	void customizersAreAppliedToBothClients() {
		withKeys().withUserConfiguration(RecordingCustomizer.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordingCustomizer.class).customized).containsExactlyInAnyOrder(
					PlatformClient.Builder.class, LauncherClient.Builder.class);
		});
	}

	@Test
	void callsGoThroughBootsRestClientBuilderToTheConfiguredBaseUrlWithTheApiKey() {
		influence.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":{\"id\":\"42\",\"email\":\"jane@example.com\"}}")));
		withKeys().withUserConfiguration(RecordingRestClientCustomizer.class)
			.withPropertyValues("influence.platform.base-url=" + influence.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(PlatformClient.class).customers().get("42")).isPresent();
				influence.verify(getRequestedFor(urlPathEqualTo("/v1/customers/42")).withHeader("x-api-key", equalTo(API_KEY)));
				assertThat(context.getBean(RecordingRestClientCustomizer.class).requests).containsExactly("/v1/customers/42");
			});
	}

	@Test
	void theReadTimeoutIsAppliedToBootsRequestFactory() {
		influence.stubFor(get("/v1/customers/slow").willReturn(okJson("{}").withFixedDelay(3000)));
		withKeys()
			.withPropertyValues("influence.platform.base-url=" + influence.baseUrl(), "influence.http.read-timeout=200ms",
					"influence.http.retry.max-attempts=1")
			.run((context) -> assertThatExceptionOfType(InfluenceTransientException.class)
				.isThrownBy(() -> context.getBean(PlatformClient.class).customers().get("slow"))
				.satisfies((ex) -> {
					assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.TIMEOUT);
					assertThat(ex.outcomeUnknown()).isTrue();
					assertThat(ex.status()).isZero();
				}));
	}

	@Test
	void worksWithoutBootsHttpClientModuleAndActuator() {
		withKeys().withClassLoader(new FilteredClassLoader(HttpClientSettings.class, SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PlatformClient.class)
				.doesNotHaveBean(InfluenceRequestFactory.class)
				.doesNotHaveBean(SanitizingFunction.class));
		withKeys().run((context) -> assertThat(context).hasSingleBean(InfluenceRequestFactory.class)
			.hasSingleBean(SanitizingFunction.class));
	}

	@Test
	void invalidRetryPropertiesFailStartupNamingTheSetting() {
		withKeys().withPropertyValues("influence.http.retry.jitter=2").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.hasMessageContaining("retry jitter must be between 0 and 1"));
	}

	@Test
	void retryAndCircuitBreakerPropertiesMapOntoTheCoreSettings() {
		InfluenceProperties properties = new InfluenceProperties();
		properties.getHttp().getRetry().setMaxAttempts(5);
		properties.getHttp().getRetry().setMaxRetryAfter(Duration.ofMinutes(2));
		properties.getHttp().getCircuitBreaker().setEnabled(true);
		properties.getHttp().getCircuitBreaker().setWaitInOpenState(Duration.ofSeconds(7));
		assertThat(InfluenceAutoConfiguration.retrySettings(properties.getHttp().getRetry())).satisfies((retry) -> {
			assertThat(retry.maxAttempts()).isEqualTo(5);
			assertThat(retry.maxRetryAfter()).isEqualTo(Duration.ofMinutes(2));
			assertThat(retry.initialBackoff()).isEqualTo(Duration.ofMillis(500));
		});
		assertThat(InfluenceAutoConfiguration.circuitBreakerSettings(properties.getHttp().getCircuitBreaker()))
			.satisfies((breaker) -> {
				assertThat(breaker.enabled()).isTrue();
				assertThat(breaker.waitInOpenState()).isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anApplicationWithoutTheApiKeyStopsWithTheReport(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(NoWebApplication.class)
			.web(WebApplicationType.NONE)
			.properties("influence.shop-key=example-com", "spring.main.banner-mode=off");
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("influence4j is enabled but influence.api-key is not set")
			.contains("api-key: ${INFLUENCE_API_KEY}");
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = KeyFailureAnalysis.of(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NoWebApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		PlatformClient ownPlatform() {
			return PlatformClient.builder().apiKey("own").build();
		}

		@Bean
		LauncherClient ownLauncher() {
			return LauncherClient.builder().apiKey("own").shopKey("own-shop").build();
		}

		@Bean
		CustomerDigest ownDigest() {
			return CustomerDigest.of("own", "own-shop");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingCustomizer {

		final List<Class<?>> customized = new CopyOnWriteArrayList<>();

		@Bean
		InfluenceClientCustomizer recordingInfluenceClientCustomizer() {
			return (builder) -> this.customized.add(builder.getClass());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingRestClientCustomizer {

		final List<String> requests = new CopyOnWriteArrayList<>();

		@Bean
		RestClientCustomizer recordingRestClientCustomizer() {
			return (builder) -> builder.requestInterceptor((request, body, execution) -> {
				this.requests.add(request.getURI().getPath());
				return execution.execute(request, body);
			});
		}

	}

}
