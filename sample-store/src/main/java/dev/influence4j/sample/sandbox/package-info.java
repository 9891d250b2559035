/**
 * The Influence.io sandbox: inside the store by default, or in a process of its own that several nodes share
 * (the {@code shared-sandbox} profile).
 */
@NullMarked
package dev.influence4j.sample.sandbox;

import org.jspecify.annotations.NullMarked;
