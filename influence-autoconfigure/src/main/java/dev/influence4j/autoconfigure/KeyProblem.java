package dev.influence4j.autoconfigure;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one configured key or secret. The value itself is never kept: only the property's name,
 * the kind of problem and, for an unresolved placeholder, the name of the variable it refers to.
 *
 * @param property the property, such as {@code influence.api-key}
 * @param kind what is wrong
 * @param variable the environment variable to set: the placeholder's for {@link Kind#PLACEHOLDER}, otherwise the
 * one Spring Boot binds to the property
 */
record KeyProblem(String property, Kind kind, String variable) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*([^}:\\s]*)");

	/**
	 * Check one value.
	 * @param property the property
	 * @param value the bound value, or {@code null}
	 * @param minLength the shortest value accepted (0 for none)
	 * @return the problem, or empty when the value can be used
	 */
	static Optional<KeyProblem> of(String property, @Nullable String value, int minLength) {
		String variable = environmentVariable(property);
		if (value == null) {
			return Optional.of(new KeyProblem(property, Kind.MISSING, variable));
		}
		if (value.isBlank()) {
			return Optional.of(new KeyProblem(property, Kind.BLANK, variable));
		}
		// Spring Boot leaves a placeholder it cannot resolve as text: "${INFLUENCE_API_KEY}" when the variable is
		// not exported. Used as a key, it would key every digest and fail every call with a 401.
		Matcher placeholder = PLACEHOLDER.matcher(value);
		if (placeholder.find()) {
			String name = placeholder.group(1);
			return Optional.of(new KeyProblem(property, Kind.PLACEHOLDER,
					name.isEmpty() ? variable : environmentVariable(name)));
		}
		if (!value.strip().equals(value)) {
			return Optional.of(new KeyProblem(property, Kind.WHITESPACE, variable));
		}
		if (value.length() < minLength) {
			return Optional.of(new KeyProblem(property, Kind.TOO_SHORT, variable));
		}
		return Optional.empty();
	}

	/**
	 * The environment variable Spring Boot reads for a property or placeholder name ({@code influence.api-key}
	 * and {@code INFLUENCE_API_KEY} both give {@code INFLUENCE_API_KEY}).
	 */
	private static String environmentVariable(String name) {
		return name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/**
	 * A sentence part saying what is wrong, without the value.
	 * @param minLength the shortest value accepted, for {@link Kind#TOO_SHORT}
	 * @return the description
	 */
	String describe(int minLength) {
		return switch (this.kind) {
			case MISSING -> this.property + " is not set";
			case BLANK -> this.property + " is not set (it is blank)";
			case PLACEHOLDER -> this.property + " is the unresolved placeholder ${" + this.variable
					+ "}: the environment variable " + this.variable + " is not set in this process, and Spring Boot "
					+ "leaves a placeholder it cannot resolve as text";
			case WHITESPACE -> this.property + " starts or ends with whitespace (a line break copied with it?)";
			case TOO_SHORT -> this.property + " is shorter than " + minLength + " characters";
		};
	}

	/** What can be wrong with a key. */
	enum Kind {

		/** Not set at all. */
		MISSING,

		/** Set, but empty or only whitespace. */
		BLANK,

		/** A {@code ${...}} placeholder that Spring Boot could not resolve. */
		PLACEHOLDER,

		/** Leading or trailing whitespace, which no key has. */
		WHITESPACE,

		/** Shorter than the minimum (the webhook secret). */
		TOO_SHORT

	}

}
