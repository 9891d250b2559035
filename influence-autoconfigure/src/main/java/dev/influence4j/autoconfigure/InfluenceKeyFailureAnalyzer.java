package dev.influence4j.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a key or secret that influence4j refused at startup: which property, what is wrong with it, which
 * environment variable to export, and the YAML to write. It never shows a value.
 */
final class InfluenceKeyFailureAnalyzer extends AbstractFailureAnalyzer<InfluenceKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InfluenceKeyException cause) {
		List<KeyProblem> problems = cause.problems();
		StringBuilder description = new StringBuilder("influence4j is enabled but ")
			.append(InfluenceKeyException.describe(problems))
			.append(". ");
		description.append(cause.concernsWebhooks()
				? "Influence.io signs nothing, so this secret, the last segment of the webhook URL you register in "
						+ "the Influence.io dashboard, is all that authenticates a delivery."
				: "influence4j needs the shop's Platform API key (influence.api-key) and its shop key "
						+ "(influence.shop-key) to call Influence.io and to compute the customer digest.");
		StringBuilder action = new StringBuilder();
		List<String> unexported = problems.stream()
			.filter((problem) -> problem.kind() == KeyProblem.Kind.PLACEHOLDER)
			.map(KeyProblem::variable)
			.distinct()
			.toList();
		List<String> unset = problems.stream()
			.filter((problem) -> problem.kind() != KeyProblem.Kind.PLACEHOLDER)
			.map(KeyProblem::variable)
			.distinct()
			.toList();
		if (!unexported.isEmpty()) {
			action.append("Export ")
				.append(String.join(" and ", unexported))
				.append(" in the environment that starts the application (for example: export ")
				.append(unexported.get(0))
				.append("=...; a systemd Environment= line or a Kubernetes secret works too). ");
		}
		if (!unset.isEmpty()) {
			action.append("Set the environment variable").append((unset.size() == 1) ? " " : "s ")
				.append(String.join(" and ", unset))
				.append(" or write the value in application.yml. ");
		}
		if (cause.concernsWebhooks()) {
			action.append("A webhook secret is 32 characters or more, random (openssl rand -hex 32 makes one). ");
		}
		action.append("In application.yml:\n\n    influence:\n");
		for (KeyProblem problem : problems) {
			action.append(yaml(problem));
		}
		action.append(cause.concernsWebhooks()
				? "\nthen register https://<your-shop>/influence/webhooks/<secret> in the Influence.io dashboard; "
						+ "or switch webhooks off with influence.webhooks.enabled=false."
				: "\nor switch influence4j off with influence.enabled=false.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private static String yaml(KeyProblem problem) {
		String reference = "${" + problem.variable() + "}";
		return switch (problem.property()) {
			case InfluenceKeyException.API_KEY -> "      api-key: " + reference
					+ "   # Influence.io dashboard: Settings > API Settings > Platform API Settings\n";
			// Not a secret: most shops write it as it is.
			case InfluenceKeyException.SHOP_KEY -> "      shop-key: "
					+ ((problem.kind() == KeyProblem.Kind.PLACEHOLDER) ? reference : "example-com")
					+ "   # the shop key Influence.io shows for your shop\n";
			case InfluenceKeyException.WEBHOOK_SECRET -> "      webhooks:\n        secret: " + reference
					+ "   # 32 characters or more\n";
			default -> "      webhooks:\n        previous-secret: " + reference
					+ "   # the secret being replaced; remove it once Influence.io uses the new URL\n";
		};
	}

}
