package dev.influence4j.test;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that gives a test class an {@link InfluenceSandbox}: started once for the class
 * (nested classes share it), reset before each test (state, journal, faults, webhook subscriptions and
 * deliveries), injected as a constructor or method parameter, and closed after the class.
 * <p>
 * Use it through {@link InfluenceSandboxTest @InfluenceSandboxTest}, or register it with custom settings:
 * <pre>{@code
 * @RegisterExtension
 * static final InfluenceSandboxExtension influence = new InfluenceSandboxExtension(
 *         InfluenceSandbox.builder().pointsPerCurrencyUnit(new BigDecimal("2")));
 *
 * @DynamicPropertySource
 * static void influence(DynamicPropertyRegistry registry) {
 *     registry.add("influence.platform.base-url", () -> influence.sandbox().platformBaseUrl());
 * }
 * }</pre>
 * Register it on a {@code static} field: an instance field gets no class-level callbacks, so the sandbox
 * would then be started lazily and closed only when JUnit closes the class's store.
 */
public final class InfluenceSandboxExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(InfluenceSandboxExtension.class);

	private final @Nullable Supplier<InfluenceSandbox> factory;

	private volatile @Nullable InfluenceSandbox current;

	/**
	 * The extension as {@link InfluenceSandboxTest @InfluenceSandboxTest} registers it: keys from the
	 * annotation (or the defaults {@code test-api-key} and {@code test-shop}), everything else default.
	 */
	public InfluenceSandboxExtension() {
		this.factory = null;
	}

	/**
	 * An extension whose sandboxes are built from a configured builder.
	 * @param builder the builder; it is read each time a sandbox is started
	 */
	public InfluenceSandboxExtension(InfluenceSandbox.Builder builder) {
		Objects.requireNonNull(builder, "builder");
		this.factory = builder::build;
	}

	/**
	 * The sandbox of the test class running now, started if it is not yet, for use where no parameter can
	 * be injected (static initialisation of a Spring test's properties, for example).
	 * @return the running sandbox
	 * @throws IllegalStateException when the extension has no sandbox and cannot tell which class needs one
	 */
	public InfluenceSandbox sandbox() {
		InfluenceSandbox sandbox = this.current;
		if (sandbox != null && sandbox.isRunning()) {
			return sandbox;
		}
		if (this.factory == null) {
			throw new IllegalStateException("no sandbox yet: the extension starts one before the test class runs");
		}
		synchronized (this) {
			if (this.current == null || !this.current.isRunning()) {
				// Started before JUnit asked for it (static property sources run early); beforeAll adopts it.
				this.current = this.factory.get().start();
			}
			return this.current;
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		sandbox(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		sandbox(context).reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (isOutermostClass(context)) {
			Holder holder = context.getStore(NAMESPACE).remove(this, Holder.class);
			if (holder != null) {
				holder.close();
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == InfluenceSandbox.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return sandbox(extensionContext);
	}

	/**
	 * The sandbox of the outermost test class of a context, started on first use and kept in that class's
	 * store, so that nested classes share it and JUnit closes it with the class even if a callback is
	 * missed.
	 */
	private InfluenceSandbox sandbox(ExtensionContext context) {
		ExtensionContext owner = outermostClass(context);
		Holder holder = owner.getStore(NAMESPACE).computeIfAbsent(this, (key) -> new Holder(start(owner)),
				Holder.class);
		return holder.sandbox;
	}

	private InfluenceSandbox start(ExtensionContext owner) {
		if (this.factory != null) {
			return sandbox();
		}
		Optional<InfluenceSandboxTest> settings = owner.getTestClass()
			.flatMap((type) -> AnnotationSupport.findAnnotation(type, InfluenceSandboxTest.class));
		InfluenceSandbox.Builder builder = InfluenceSandbox.builder();
		settings.ifPresent((annotation) -> builder.apiKey(annotation.apiKey()).shopKey(annotation.shopKey()));
		InfluenceSandbox sandbox = builder.start();
		this.current = sandbox;
		return sandbox;
	}

	private static ExtensionContext outermostClass(ExtensionContext context) {
		ExtensionContext outermost = context;
		for (Optional<ExtensionContext> candidate = Optional.of(context); candidate.isPresent(); candidate = candidate
			.get()
			.getParent()) {
			ExtensionContext each = candidate.get();
			if (each.getTestClass().isPresent()) {
				outermost = each;
			}
		}
		return outermost;
	}

	private static boolean isOutermostClass(ExtensionContext context) {
		return context.getTestMethod().isEmpty() && outermostClass(context) == context;
	}

	/**
	 * Keeps a sandbox in a JUnit store; JUnit closes stored {@link AutoCloseable}s with their context.
	 */
	private final class Holder implements AutoCloseable {

		private final InfluenceSandbox sandbox;

		Holder(InfluenceSandbox sandbox) {
			this.sandbox = sandbox;
		}

		@Override
		public void close() {
			this.sandbox.close();
			synchronized (InfluenceSandboxExtension.this) {
				if (InfluenceSandboxExtension.this.current == this.sandbox) {
					InfluenceSandboxExtension.this.current = null;
				}
			}
		}

	}

}
