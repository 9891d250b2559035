package dev.influence4j.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.influence4j.http.internal.ApiTransport;
import dev.influence4j.platform.PlatformClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No public or protected signature of the packages applications use names a transport internal: a type of
 * {@code dev.influence4j.http.internal} or a type that is not public. Read from the compiled classes, generic
 * signatures included.
 */
class PublicApiHidesTransportTests {

	private static final List<String> API_PACKAGES = List.of("dev.influence4j.platform", "dev.influence4j.launcher",
			"dev.influence4j.webhook", "dev.influence4j.digest", "dev.influence4j.events", "dev.influence4j.delivery",
			"dev.influence4j.operations", "dev.influence4j.backfill", "dev.influence4j.http", "dev.influence4j.json",
			"dev.influence4j.sync");

	/**
	 * The one allowed exception: Java cannot let the client builders of other packages reach their transport
	 * without a protected hook, and the launcher and platform builders must extend the shared builder.
	 */
	private static final Set<String> ALLOWED = Set.of(
			"dev.influence4j.http.InfluenceClientBuilder.buildTransport(java.lang.String,java.util.function.Consumer)");

	@Test
	void apiPackagesExposeNoTransportInternals() {
		List<Class<?>> classes = apiClasses().stream().filter(PublicApiHidesTransportTests::visible).toList();
		assertThat(classes).as("API classes found").hasSizeGreaterThan(100).contains(PlatformClient.class);

		assertThat(classes.stream().flatMap((type) -> exposures(type).stream())).isEmpty();
	}

	@Test
	void findsAPublicMethodThatReturnsOrTakesAnInternalType() {
		assertThat(exposures(Leaky.class)).containsExactlyInAnyOrder(
				"dev.influence4j.http.PublicApiHidesTransportTests$Leaky.transport() names "
						+ ApiTransport.class.getName(),
				"dev.influence4j.http.PublicApiHidesTransportTests$Leaky.send(java.util.List) names "
						+ ApiTransport.Attempt.class.getName(),
				"dev.influence4j.http.PublicApiHidesTransportTests$Leaky.hidden names "
						+ Hidden.class.getName());
	}

	private static List<String> exposures(Class<?> type) {
		List<String> found = new ArrayList<>();
		checkBounds(type.getName(), type.getTypeParameters(), found);
		if (type.getGenericSuperclass() != null) {
			check(type.getName() + " extends", type.getGenericSuperclass(), found);
		}
		for (Type implemented : type.getGenericInterfaces()) {
			check(type.getName() + " implements", implemented, found);
		}
		for (Field field : type.getDeclaredFields()) {
			if (exposed(type, field.getModifiers()) && !field.isSynthetic()) {
				check(type.getName() + "." + field.getName(), field.getGenericType(), found);
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (exposed(type, method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
				String where = signature(type, method.getName(), method);
				check(where, method.getGenericReturnType(), found);
				checkExecutable(where, method, found);
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (exposed(type, constructor.getModifiers()) && !constructor.isSynthetic()) {
				checkExecutable(signature(type, "<init>", constructor), constructor, found);
			}
		}
		return found;
	}

	private static void checkExecutable(String where, Executable executable, List<String> found) {
		for (Type parameter : executable.getGenericParameterTypes()) {
			check(where, parameter, found);
		}
		for (Type thrown : executable.getGenericExceptionTypes()) {
			check(where, thrown, found);
		}
		checkBounds(where, executable.getTypeParameters(), found);
	}

	private static void check(String where, Type type, List<String> found) {
		if (ALLOWED.contains(where)) {
			return;
		}
		if (type instanceof Class<?> raw) {
			Class<?> element = raw;
			while (element.isArray()) {
				element = element.getComponentType();
			}
			if (internal(element)) {
				found.add(where + " names " + element.getName());
			}
		}
		else if (type instanceof ParameterizedType parameterized) {
			check(where, parameterized.getRawType(), found);
			for (Type argument : parameterized.getActualTypeArguments()) {
				check(where, argument, found);
			}
		}
		else if (type instanceof WildcardType wildcard) {
			Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
				.forEach((bound) -> check(where, bound, found));
		}
		else if (type instanceof GenericArrayType array) {
			check(where, array.getGenericComponentType(), found);
		}
		// A type variable's bounds are checked where it is declared: they may name the variable itself.
	}

	private static void checkBounds(String where, TypeVariable<?>[] variables, List<String> found) {
		for (TypeVariable<?> variable : variables) {
			for (Type bound : variable.getBounds()) {
				check(where, bound, found);
			}
		}
	}

	private static boolean internal(Class<?> type) {
		return type.getName().startsWith("dev.influence4j.")
				&& (type.getPackageName().startsWith("dev.influence4j.http.internal") || !visible(type));
	}

	/** Whether code outside the package can name the type: it and every type enclosing it are public. */
	private static boolean visible(Class<?> type) {
		for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
			if (!Modifier.isPublic(current.getModifiers())) {
				return false;
			}
		}
		return true;
	}

	/** Public members, and protected ones of a type that can be extended. */
	private static boolean exposed(Class<?> owner, int modifiers) {
		return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
	}

	private static String signature(Class<?> owner, String name, Executable executable) {
		return owner.getName() + "." + name + Stream.of(executable.getParameterTypes())
			.map(Class::getName)
			.reduce((left, right) -> left + "," + right)
			.map((parameters) -> "(" + parameters + ")")
			.orElse("()");
	}

	private static List<Class<?>> apiClasses() {
		Path root = classesRoot();
		List<Class<?>> classes = new ArrayList<>();
		for (String packageName : API_PACKAGES) {
			Path directory = root.resolve(packageName.replace('.', '/'));
			try (Stream<Path> files = Files.list(directory)) {
				files.map((file) -> file.getFileName().toString())
					.filter((file) -> file.endsWith(".class") && !file.equals("package-info.class"))
					.sorted()
					.forEach((file) -> classes.add(load(packageName + "." + file.substring(0, file.length() - 6))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return classes;
	}

	private static Path classesRoot() {
		try {
			return Path.of(PlatformClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, PublicApiHidesTransportTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the check must catch: an internal type returned, taken as a type argument, or held in a field. */
	public static class Leaky {

		public Hidden hidden = new Hidden();

		public ApiTransport transport() {
			throw new UnsupportedOperationException();
		}

		public void send(List<? extends ApiTransport.Attempt<String>> attempts) {
		}

		private ApiTransport notExposed() {
			throw new UnsupportedOperationException();
		}

	}

	static class Hidden {

	}

}
