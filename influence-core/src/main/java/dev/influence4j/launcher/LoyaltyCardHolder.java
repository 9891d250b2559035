package dev.influence4j.launcher;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The customer a loyalty-card barcode or QR code belongs to ({@code GET /v1/customer/loyalty-card-lookup}).
 * This endpoint answers in snake case, unlike the rest of the Launcher API.
 *
 * @param id Influence.io's id for the customer
 * @param externalId the shop's own customer id ({@code external_id})
 * @param pointBalance current point balance ({@code point_balance})
 */
public record LoyaltyCardHolder(@Nullable String id,
		@JsonProperty("external_id") @JsonAlias("externalId") @Nullable String externalId,
		@JsonProperty("point_balance") @JsonAlias("pointBalance") long pointBalance) {

}
