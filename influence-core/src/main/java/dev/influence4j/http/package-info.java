/**
 * What the Platform and Launcher clients share: the error hierarchy, retry and circuit breaker settings,
 * and the transport that sends one JSON request with those policies applied.
 */
@NullMarked
package dev.influence4j.http;

import org.jspecify.annotations.NullMarked;
