package dev.influence4j.webhook;

import org.jspecify.annotations.Nullable;

/**
 * A loyalty tier as webhooks name it.
 *
 * @param id Influence.io's id for the tier
 * @param title the tier's title, for example {@code Silver}
 * @param threshold the tier's threshold as Influence.io writes it (points or spend), or {@code null}
 */
public record WebhookTier(@Nullable String id, @Nullable String title, @Nullable String threshold) {

}
