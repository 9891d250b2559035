package dev.influence4j.sample.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.influence4j.test.InfluenceSandbox;

/**
 * Starts an {@link InfluenceSandbox} inside the store, before any bean is created, registers it as the bean
 * {@code influenceSandbox}, and closes it with the application context. influence4j's auto-configuration takes
 * the sandbox bean's keys and base URLs as its {@code InfluenceConnectionDetails}, as in a user's test, so no
 * {@code influence.*} property is set. Once the web server listens,
 * {@link SandboxWebhookSubscriber} subscribes the store's webhook endpoint.
 * <p>
 * Registered in {@code META-INF/spring.factories}. Runs unless {@code sample.sandbox.enabled} is
 * {@code false} (the {@code influence} and {@code shared-sandbox} profiles set it so). Settings:
 * {@code sample.sandbox.port} (0, the default, picks a free port), {@code sample.sandbox.api-key} and
 * {@code sample.sandbox.shop-key}.
 */
public final class EmbeddedSandbox implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The bean name the sandbox is registered under. */
	public static final String BEAN_NAME = "influenceSandbox";

	/** The demo API key, unless {@code sample.sandbox.api-key} says otherwise. */
	public static final String DEFAULT_API_KEY = "sandbox-api-key";

	/** The demo shop key, unless {@code sample.sandbox.shop-key} says otherwise. */
	public static final String DEFAULT_SHOP_KEY = "sample-store";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSandbox.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		// A child context (a separate management server, say) shares its parent's sandbox.
		if (context.getParent() != null || !environment.getProperty("sample.sandbox.enabled", Boolean.class, true)) {
			return;
		}
		if (!(context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory)) {
			throw new IllegalStateException("the embedded sandbox needs a DefaultListableBeanFactory to close it with "
					+ "the context, but the context has " + context.getBeanFactory().getClass().getName());
		}
		InfluenceSandbox sandbox = DemoSandbox
			.builder(environment.getProperty("sample.sandbox.api-key", DEFAULT_API_KEY),
					environment.getProperty("sample.sandbox.shop-key", DEFAULT_SHOP_KEY),
					environment.getProperty("sample.sandbox.port", Integer.class, 0))
			.start();
		beanFactory.registerSingleton(BEAN_NAME, sandbox);
		// Closed with the context, and also when its refresh fails (both destroy the singletons).
		beanFactory.registerDisposableBean(BEAN_NAME, sandbox::close);
		context.addApplicationListener(new SandboxWebhookSubscriber(environment, sandbox::subscribe));
		logger.info("Influence.io sandbox listening on {} (shop key {})", sandbox.platformBaseUrl(), sandbox.shopKey());
	}

}
