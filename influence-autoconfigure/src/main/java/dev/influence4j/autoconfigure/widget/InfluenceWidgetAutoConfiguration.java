package dev.influence4j.autoconfigure.widget;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.InfluenceConnectionDetails;
import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.autoconfigure.InfluenceWidgetProperties;
import dev.influence4j.digest.CustomerDigest;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the storefront
 * widget in a Spring MVC application: the widget context in every page's model, the
 * {@code influence/widget :: init} Thymeleaf fragment's data, {@code Cache-Control: private, no-store} on pages
 * that carry a digest, and the customer context endpoint.
 */
@AutoConfiguration(after = InfluenceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "influence.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "influence.widget.enabled", matchIfMissing = true)
@ConditionalOnBean(CustomerDigest.class)
public final class InfluenceWidgetAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfluenceCustomerResolver influenceCustomerResolver() {
		return new PrincipalCustomerResolver();
	}

	@Bean
	InfluenceWidgetContexts influenceWidgetContexts(InfluenceProperties properties,
			InfluenceConnectionDetails connection, CustomerDigest digest, ObjectProvider<InfluenceCustomerResolver> resolver) {
		InfluenceWidgetProperties widget = properties.getWidget();
		String configured = widget.getBaseUrl();
		String baseUrl = (configured != null) ? configured : connection.getLauncherBaseUrl();
		return new InfluenceWidgetContexts(digest, baseUrl, widget.getScriptUrl(), resolver.getObject());
	}

	@Bean
	InfluenceWidgetModelAdvice influenceWidgetModelAdvice(InfluenceWidgetContexts contexts,
			InfluenceProperties properties) {
		return new InfluenceWidgetModelAdvice(contexts, properties.getWidget().getModelAttribute());
	}

	@Bean
	InfluenceCustomerContextController influenceCustomerContextController(InfluenceWidgetContexts contexts) {
		return new InfluenceCustomerContextController(contexts);
	}

	@Bean
	WebMvcConfigurer influenceWidgetWebMvcConfigurer() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new PrivateDigestCacheControlInterceptor());
			}

		};
	}

}
