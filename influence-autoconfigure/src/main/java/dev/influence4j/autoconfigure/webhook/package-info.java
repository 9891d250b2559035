/**
 * Auto-configuration of the webhook endpoint: receiving Influence.io's deliveries into the inbox, handling
 * them through the delivery engine, and the startup checks around the shop's {@code RewardCodeIssuer}.
 */
@NullMarked
package dev.influence4j.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
