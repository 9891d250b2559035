package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * Points to award a customer ({@code POST /v1/customers/{customerId}/points}). Either a positive number of
 * points, an earn rule, or both (the points then override the rule's amount).
 * <p>
 * Wire names {@code points}, {@code action} and {@code earnRuleId} are observed in live use;
 * {@code updateLastSeenAt} is provisional (the documentation shows the boolean without its name).
 *
 * @param points points to add, or {@code null} to let the earn rule decide
 * @param action a short reason, shown to the customer in their history
 * @param earnRuleId the earn rule to credit, or {@code null}
 * @param updateLastSeenAt whether to refresh the customer's last-seen time (which postpones point expiry),
 * or {@code null} for Influence.io's default
 */
public record PointsAward(@JsonProperty("points") @Nullable Integer points,
		@JsonProperty("action") @Nullable String action, @JsonProperty("earnRuleId") @Nullable String earnRuleId,
		@JsonProperty("updateLastSeenAt") @Nullable Boolean updateLastSeenAt) {

	public PointsAward {
		if (points == null && earnRuleId == null) {
			throw new IllegalArgumentException("a points award needs a number of points or an earn rule id");
		}
		if (points != null) {
			Require.positive(points, "points");
		}
		if (earnRuleId != null) {
			Require.text(earnRuleId, "earn rule id");
		}
	}

	/**
	 * Award a number of points with a reason.
	 * @param points points to add, more than zero
	 * @param action the reason shown to the customer
	 * @return the award
	 */
	public static PointsAward of(int points, String action) {
		return new PointsAward(points, Require.text(action, "action"), null, null);
	}

	/**
	 * Award what an earn rule grants.
	 * @param earnRuleId the earn rule's id
	 * @return the award
	 */
	public static PointsAward forEarnRule(String earnRuleId) {
		return new PointsAward(null, null, earnRuleId, null);
	}

}
