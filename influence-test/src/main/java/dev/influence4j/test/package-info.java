/**
 * {@link dev.influence4j.test.InfluenceSandbox}: a small stateful fake of Influence.io's Platform and
 * Launcher APIs on a local port, with a request journal, fault injection and webhook deliveries, plus the
 * JUnit 5 extension {@link dev.influence4j.test.InfluenceSandboxExtension}.
 * <p>
 * The sandbox depends on the JDK and Jackson only, never on influence4j's clients: it computes digests and
 * reads wire names on its own, so that it can catch mistakes the clients make.
 */
@NullMarked
package dev.influence4j.test;

import org.jspecify.annotations.NullMarked;
