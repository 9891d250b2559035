package dev.influence4j.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when influence4j is enabled but {@code influence.api-key} or {@code influence.shop-key}
 * is missing or blank. {@link InfluenceKeyMissingFailureAnalyzer} turns it into a report that says what to
 * add.
 */
final class InfluenceKeyMissingException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	static final String API_KEY = "influence.api-key";

	static final String SHOP_KEY = "influence.shop-key";

	private final List<String> missing;

	private InfluenceKeyMissingException(List<String> missing) {
		super("influence4j is enabled but " + String.join(" and ", missing) + " "
				+ ((missing.size() == 1) ? "is" : "are") + " not set");
		this.missing = List.copyOf(missing);
	}

	/**
	 * The names of the missing properties, in canonical form.
	 * @return the property names
	 */
	List<String> getMissing() {
		return this.missing;
	}

	/**
	 * Check that both keys are present.
	 * @param properties the bound properties
	 * @throws InfluenceKeyMissingException when one is missing or blank
	 */
	static void check(InfluenceProperties properties) {
		List<String> missing = new ArrayList<>();
		if (isBlank(properties.getApiKey())) {
			missing.add(API_KEY);
		}
		if (isBlank(properties.getShopKey())) {
			missing.add(SHOP_KEY);
		}
		if (!missing.isEmpty()) {
			throw new InfluenceKeyMissingException(missing);
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
