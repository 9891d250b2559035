package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * How the shop's stamp card works. The widget fields hold JSON as text, which influence4j passes on
 * without reading.
 *
 * @param id the settings' id
 * @param createdAt when they were created
 * @param updatedAt when they last changed
 * @param slots stamps on a full card
 * @param prefilledSlots stamps a new card starts with
 * @param productId the product whose purchase earns a stamp, if limited to one
 * @param collectionId the collection whose purchase earns a stamp, if limited to one
 * @param wholeOrder whether any order earns a stamp
 * @param minimumOrderAmount the smallest order that earns a stamp, as text
 * @param widgetStyles the widget's styles, JSON text
 * @param widgetSettings the widget's settings, JSON text
 * @param widgetContent the widget's content, JSON text
 * @param cooldown the wait between two stamps, in Influence.io's unit
 */
public record StampCardSettings(@Nullable String id, @Nullable String createdAt, @Nullable String updatedAt, int slots,
		int prefilledSlots, @Nullable String productId, @Nullable String collectionId, boolean wholeOrder,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String minimumOrderAmount,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String widgetStyles,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String widgetSettings,
		@JsonDeserialize(using = Lenient.Text.class) @Nullable String widgetContent, long cooldown) {

}
