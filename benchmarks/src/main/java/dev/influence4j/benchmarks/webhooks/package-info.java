/**
 * The webhook intake benchmark: concurrent senders posting deliveries over HTTP to one node running the
 * starter, with the delivery engine handling them behind.
 */
@NullMarked
package dev.influence4j.benchmarks.webhooks;

import org.jspecify.annotations.NullMarked;
