/**
 * Benchmarks of influence4j: JMH microbenchmarks and the delivery load harness; the webhook intake benchmark is
 * in {@code webhooks}. Not published.
 */
@NullMarked
package dev.influence4j.benchmarks;

import org.jspecify.annotations.NullMarked;
