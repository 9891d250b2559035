package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * What actioning an earn rule for a customer did ({@code POST /v1/customer/dynamic-link},
 * {@code POST /v1/customer/social}).
 *
 * @param success whether Influence.io reported success
 * @param points points awarded
 * @param action what happened, as display text
 * @param updatedBalance the customer's point balance afterwards
 * @param socialAction the social action recorded (social rules only, else {@code null})
 */
public record EarnActionResult(boolean success, long points, @Nullable String action, long updatedBalance,
		@Nullable String socialAction) {

}
