package dev.influence4j.platform;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a product is on sale. The wire values (lowercase names) are provisional.
 */
public enum ProductStatus {

	/** On sale. */
	ACTIVE,

	/** Not yet published. */
	DRAFT,

	/** No longer sold. */
	ARCHIVED;

	/**
	 * The status as sent, for example {@code active}.
	 * @return the wire name
	 */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
