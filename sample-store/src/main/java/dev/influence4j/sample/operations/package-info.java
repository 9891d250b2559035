/**
 * The admin's operator page for influence4j's delivery to Influence.io: what the outbox holds, whether delivery
 * is healthy, and the dead letters to requeue.
 */
@NullMarked
package dev.influence4j.sample.operations;

import org.jspecify.annotations.NullMarked;
