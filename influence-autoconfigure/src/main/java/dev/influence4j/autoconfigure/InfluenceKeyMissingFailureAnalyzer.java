package dev.influence4j.autoconfigure;

import java.util.Locale;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing {@code influence.api-key} or {@code influence.shop-key}: which property, where to find
 * its value, and the YAML to add.
 */
final class InfluenceKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<InfluenceKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InfluenceKeyMissingException cause) {
		StringBuilder description = new StringBuilder("influence4j is enabled but ");
		description.append(String.join(" and ", cause.getMissing()))
			.append((cause.getMissing().size() == 1) ? " is" : " are")
			.append(" not set (or blank). ");
		description.append("influence4j needs the shop's Platform API key (influence.api-key) and its shop key "
				+ "(influence.shop-key) to call Influence.io and to compute the customer digest.");
		StringBuilder action = new StringBuilder("Add to application.yml (or set the environment variable");
		action.append((cause.getMissing().size() == 1) ? " " : "s ");
		action.append(String.join(" and ", cause.getMissing().stream().map(InfluenceKeyMissingFailureAnalyzer::envName)
			.toList()));
		action.append("):\n\n    influence:\n");
		if (cause.getMissing().contains(InfluenceKeyMissingException.API_KEY)) {
			action.append("      api-key: ${INFLUENCE_API_KEY}   "
					+ "# Influence.io dashboard: Settings > API Settings > Platform API Settings\n");
		}
		if (cause.getMissing().contains(InfluenceKeyMissingException.SHOP_KEY)) {
			action.append("      shop-key: example-com           "
					+ "# the shop key Influence.io shows for your shop\n");
		}
		action.append("\nor switch influence4j off with influence.enabled=false.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private static String envName(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
