/**
 * Auto-configuration for tests that run influence-test's {@link dev.influence4j.test.InfluenceSandbox} as a bean:
 * the clients connect to it without any {@code influence.*} property.
 */
@NullMarked
package dev.influence4j.autoconfigure.sandbox;

import org.jspecify.annotations.NullMarked;
