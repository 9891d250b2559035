package dev.influence4j.operations;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks email addresses in text an operator sees, keeping the first character and the domain:
 * {@code jane.doe@example.com} becomes {@code j***@example.com}.
 */
final class EmailMask {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*"
			+ "@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)");

	private EmailMask() {
	}

	static String mask(String text) {
		return EMAIL.matcher(text).replaceAll("$1***@$2");
	}

	static @Nullable String maskNullable(@Nullable String text) {
		return (text != null) ? mask(text) : null;
	}

}
