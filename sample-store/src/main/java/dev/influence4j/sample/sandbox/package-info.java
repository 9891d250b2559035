/**
 * The Influence.io sandbox the default profile runs inside the store.
 */
@NullMarked
package dev.influence4j.sample.sandbox;

import org.jspecify.annotations.NullMarked;
