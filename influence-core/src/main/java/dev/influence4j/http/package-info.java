/**
 * What the Platform and Launcher clients share and applications configure or catch: the client builder,
 * the error hierarchy, retry and circuit breaker settings, endpoints and body customizers. The transport
 * that applies them lives in {@code dev.influence4j.http.internal}, which is not API.
 */
@NullMarked
package dev.influence4j.http;

import org.jspecify.annotations.NullMarked;
