package dev.influence4j.autoconfigure.widget;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's beans: present in a servlet web application with keys, absent when switched off or outside
 * a web application, and the application's own customer resolver used instead of the default.
 */
class InfluenceWidgetAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class, InfluenceWidgetAutoConfiguration.class))
		.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com");

	@Test
	void providesTheModelAdviceTheEndpointAndTheDefaultResolver() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(InfluenceWidgetModelAdvice.class)
			.hasSingleBean(InfluenceCustomerContextController.class)
			.hasSingleBean(PrincipalCustomerResolver.class)
			.hasBean("influenceWidgetWebMvcConfigurer"));
	}

	@Test
	void definesNothingWhenTheWidgetIsSwitchedOff() {
		this.runner.withPropertyValues("influence.widget.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfluenceWidgetModelAdvice.class)
				.doesNotHaveBean(InfluenceCustomerContextController.class)
				.doesNotHaveBean(InfluenceCustomerResolver.class)
				.doesNotHaveBean(WebMvcConfigurer.class));
	}

	@Test
	void definesNothingWhenInfluenceIsSwitchedOff() {
		this.runner.withPropertyValues("influence.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfluenceWidgetModelAdvice.class));
	}

	@Test
	void definesNothingOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InfluenceAutoConfiguration.class, InfluenceWidgetAutoConfiguration.class))
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com")
			.run((context) -> assertThat(context).doesNotHaveBean(InfluenceWidgetModelAdvice.class));
	}

	@Test
	void theApplicationsOwnResolverReplacesTheDefault() {
		this.runner.withUserConfiguration(HeaderResolver.class).run((context) -> {
			assertThat(context).hasSingleBean(InfluenceCustomerResolver.class).doesNotHaveBean(PrincipalCustomerResolver.class);
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("X-Customer", "7");
			InfluenceWidgetContext widget = context.getBean(InfluenceWidgetContexts.class).current(request);
			assertThat(widget.getCustomerId()).isEqualTo("7");
			assertThat(widget.getCustomerEmail()).isEqualTo("c7@example.com");
		});
	}

	@Test
	void theWidgetBaseUrlDefaultsToTheLauncherBaseUrlAndCanBeSet() {
		this.runner.withPropertyValues("influence.launcher.base-url=https://launcher.example/launcher")
			.run((context) -> assertThat(context.getBean(InfluenceWidgetContexts.class)
				.current(new MockHttpServletRequest())
				.getBaseUrl()).isEqualTo("https://launcher.example/launcher"));
		this.runner.withPropertyValues("influence.widget.base-url=https://shop.example")
			.run((context) -> assertThat(context.getBean(InfluenceWidgetContexts.class)
				.current(new MockHttpServletRequest())
				.getBaseUrl()).isEqualTo("https://shop.example"));
	}

	@Test
	void theModelAttributeNameIsConfigurable() {
		this.runner.withPropertyValues("influence.widget.model-attribute=loyalty").run((context) -> {
			ExtendedModelMap model = new ExtendedModelMap();
			MockHttpServletRequest request = new MockHttpServletRequest();
			context.getBean(InfluenceWidgetModelAdvice.class).addWidgetContext(request, model);
			assertThat(model).containsKey("loyalty").doesNotContainKey("influence");
			assertThat(request.getAttribute(InfluenceWidgetContext.REQUEST_ATTRIBUTE)).isSameAs(model.get("loyalty"));
		});
	}

	@Test
	void theContextsToStringNeverShowsTheDigest() {
		this.runner.run((context) -> {
			InfluenceWidgetContext widget = InfluenceWidgetContext.customer(
					context.getBean(CustomerDigest.class), "https://b", null,
					new CustomerIdentity("external-123", "Example@Example.com"));
			assertThat(widget.getCustomerDigest()).hasSize(64);
			assertThat(widget.toString()).doesNotContain(widget.getCustomerDigest()).contains("customerDigest=******");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HeaderResolver {

		@Bean
		InfluenceCustomerResolver headerCustomerResolver() {
			return (request) -> Optional.ofNullable(request.getHeader("X-Customer"))
				.map((id) -> new CustomerIdentity(id, "c" + id + "@example.com"));
		}

	}

}
