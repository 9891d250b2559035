/**
 * The sample store: a Spring Boot web shop wired to Influence.io through influence4j.
 */
@NullMarked
package dev.influence4j.sample;

import org.jspecify.annotations.NullMarked;
