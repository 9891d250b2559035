package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.influence4j.Require;

/**
 * Points to take from a customer. Path and wire names ({@code points}, {@code action}) are provisional:
 * the endpoint exists but its shape is not published.
 *
 * @param points points to deduct, more than zero
 * @param action a short reason, shown to the customer in their history
 */
public record PointsDeduction(@JsonProperty("points") int points, @JsonProperty("action") String action) {

	public PointsDeduction {
		Require.positive(points, "points");
		Require.text(action, "action");
	}

}
