package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A way to earn points, as the Launcher API lists them ({@code GET /v1/shop/rules/earn}). The OpenAPI
 * document types several fields as text whose names suggest other shapes; they are read as text whatever
 * arrives (a number, flag or list as its JSON text), so a surprise cannot break the whole list.
 *
 * @param id Influence.io's UUID for the rule
 * @param title the rule's title (seen in live answers, not in the OpenAPI document)
 * @param customTitle the merchant's title
 * @param summary a summary for display
 * @param earnType how points are computed, for example {@code increments}
 * @param earnValue points awarded (per unit for increment rules), as text
 * @param willExpire whether the rule expires, as text
 * @param startDate when the rule starts
 * @param expiryDate when the rule ends
 * @param socialUrl the page to follow, like or share, for social rules
 * @param templateName the rule's template, for example {@code placeOrder} or {@code birthday}
 * @param limitTiers whether the rule is limited to some tiers, as text
 * @param loyaltyTierIds the tiers it is limited to, as text
 * @param message a message for the customer
 * @param integrationEventName the integration event that triggers it
 * @param status whether the rule is active, for example {@code Active} (seen in live answers, not in the
 * OpenAPI document)
 */
public record EarnRule(@Nullable String id, @Nullable String title, @Nullable String customTitle,
		@Nullable String summary, @Nullable String earnType,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String earnValue,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String willExpire, @Nullable String startDate,
		@Nullable String expiryDate, @Nullable String socialUrl, @Nullable String templateName,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String limitTiers,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String loyaltyTierIds, @Nullable String message,
		@Nullable String integrationEventName, @Nullable String status) {

}
