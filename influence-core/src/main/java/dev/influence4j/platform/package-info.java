/**
 * The Platform API client: server-to-server calls authenticated with the shop's API key. Every wire name
 * that Influence.io does not publish is declared here once, in {@link dev.influence4j.platform.PlatformEndpoint}
 * and in the request records' Jackson annotations.
 */
@NullMarked
package dev.influence4j.platform;

import org.jspecify.annotations.NullMarked;
