/**
 * What Influence.io pushes to the shop: webhook topics and their typed payloads.
 */
@NullMarked
package dev.influence4j.webhook;

import org.jspecify.annotations.NullMarked;
