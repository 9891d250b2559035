/**
 * Spring Boot auto-configuration of influence4j: the properties, the API clients and the customer digest.
 * The storefront widget lives in {@code widget}, the wiring of the delivery engine in {@code delivery}.
 */
@NullMarked
package dev.influence4j.autoconfigure;

import org.jspecify.annotations.NullMarked;
