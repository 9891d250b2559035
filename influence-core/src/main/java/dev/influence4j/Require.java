package dev.influence4j;

import java.math.BigDecimal;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by every room of influence4j, so that bad input fails the same way everywhere:
 * an {@link IllegalArgumentException} whose message names the part that was wrong, before anything is sent.
 * <p>
 * Internal to influence4j; not a public API.
 */
public final class Require {

	private Require() {
	}

	/**
	 * Require a value with at least one non-whitespace character.
	 * @param value the value to check
	 * @param name what the value is, as the user knows it (for example "customer email")
	 * @return the value, unchanged
	 */
	public static String text(@Nullable String value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " is required but was null");
		}
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	/**
	 * Require a non-null value.
	 * @param <T> the type of the value
	 * @param value the value to check
	 * @param name what the value is
	 * @return the value
	 */
	public static <T> T present(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " is required but was null");
		}
		return value;
	}

	/**
	 * Require a number greater than zero.
	 * @param value the value to check
	 * @param name what the value is
	 * @return the value
	 */
	public static long positive(long value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be greater than zero but was " + value);
		}
		return value;
	}

	/**
	 * Require a number of zero or more.
	 * @param value the value to check
	 * @param name what the value is
	 * @return the value
	 */
	public static long notNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative but was " + value);
		}
		return value;
	}

	/**
	 * Require a money amount: present, zero or more, at most four decimal places.
	 * @param value the value to check
	 * @param name what the value is
	 * @return the value, with trailing zeros kept as given and never in scientific notation
	 */
	public static BigDecimal amount(@Nullable BigDecimal given, String name) {
		BigDecimal value = present(given, name);
		if (value.signum() < 0) {
			throw new IllegalArgumentException(name + " must not be negative but was " + value.toPlainString());
		}
		if (value.stripTrailingZeros().scale() > 4) {
			throw new IllegalArgumentException(name + " has more than four decimal places: " + value.toPlainString());
		}
		// A negative scale (1E+3) would be written in scientific notation; amounts travel as plain decimals.
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

	/**
	 * Parse a money amount written as a plain decimal ({@code "12.50"}), the way Influence.io carries amounts.
	 * @param value the text to parse
	 * @param name what the value is
	 * @return the amount
	 */
	public static BigDecimal amount(@Nullable String given, String name) {
		String value = text(given, name);
		if (!value.matches("\\d{1,15}(\\.\\d{1,4})?")) {
			throw new IllegalArgumentException(name + " must be a plain decimal such as 12.50 (digits, an optional "
					+ "point and at most four decimals, no sign, no thousands separators) but was '" + value + "'");
		}
		return new BigDecimal(value);
	}

	/**
	 * Require a collection without null elements; an absent collection counts as empty.
	 * @param <E> the element type
	 * @param <C> the collection type
	 * @param values the collection to check
	 * @param name what the elements are
	 * @return the collection
	 */
	public static <E, C extends Collection<E>> C noNulls(C values, String name) {
		int index = 0;
		for (E value : values) {
			if (value == null) {
				throw new IllegalArgumentException(name + " must not contain null (at index " + index + ")");
			}
			index++;
		}
		return values;
	}

}
