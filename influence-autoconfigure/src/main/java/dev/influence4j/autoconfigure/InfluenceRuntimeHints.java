package dev.influence4j.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * What influence4j reads by reflection or from the class path, for an application processed ahead of time (a
 * GraalVM native image): the values Jackson binds, the outbox's schema files, the client's version file and the
 * widget fragment. Registered in {@code META-INF/spring/aot.factories}; it runs at build time only.
 * <p>
 * Jackson binds influence-core's records and enums in every room: Platform and Launcher requests and answers,
 * webhook payloads, the outbox's stored payloads (the storefront events, received webhooks), and what the
 * {@code influence} endpoint returns. All of that jar's records and enums are registered, found by reading its
 * classes here, rather than a list that would miss the next record someone adds; the few that Jackson never
 * sees (settings, say) cost a native image little.
 */
final class InfluenceRuntimeHints implements RuntimeHintsRegistrar {

	/** A class of influence-core, to find that jar (or directory) and no other. */
	private static final String CORE_CLASS = "dev/influence4j/digest/CustomerDigest.class";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : InfluenceRuntimeHints.class.getClassLoader();
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), coreValueTypes(loader));
		// JdbcOutbox reads its schema next to itself; UserAgent its version.
		hints.resources().registerPattern("dev/influence4j/delivery/schema-*.sql");
		hints.resources().registerPattern("dev/influence4j/http/version.properties");
		// Thymeleaf resolves th:replace="~{influence/widget :: init}" to classpath:/templates/influence/widget.html.
		hints.resources().registerPattern("templates/influence/*.html");
	}

	private static Class<?>[] coreValueTypes(ClassLoader loader) {
		URL core = loader.getResource(CORE_CLASS);
		if (core == null) {
			throw new IllegalStateException("influence-core is not on the class path: " + CORE_CLASS + " is missing");
		}
		String root = core.toString().substring(0, core.toString().length() - CORE_CLASS.length());
		try {
			Resource[] classes = new PathMatchingResourcePatternResolver(loader)
				.getResources(root + "dev/influence4j/**/*.class");
			MetadataReaderFactory metadata = new CachingMetadataReaderFactory(loader);
			return Arrays.stream(classes)
				.map((resource) -> classMetadata(metadata, resource))
				.filter(InfluenceRuntimeHints::isValue)
				.map((type) -> ClassUtils.resolveClassName(type.getClassName(), loader))
				.toArray(Class<?>[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read influence-core's classes under " + root, ex);
		}
	}

	private static ClassMetadata classMetadata(MetadataReaderFactory metadata, Resource resource) {
		try {
			return metadata.getMetadataReader(resource).getClassMetadata();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + resource, ex);
		}
	}

	private static boolean isValue(ClassMetadata type) {
		String superclass = type.getSuperClassName();
		return "java.lang.Record".equals(superclass) || "java.lang.Enum".equals(superclass);
	}

}
