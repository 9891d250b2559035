/**
 * The Launcher API client: the API Influence.io's widgets are built on, called with the shop key and, for a
 * customer, a digest the client computes.
 */
@NullMarked
package dev.influence4j.launcher;

import org.jspecify.annotations.NullMarked;
