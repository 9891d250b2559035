/**
 * The events a storefront publishes with Spring's {@code ApplicationEventPublisher}, normally inside the
 * transaction that saved the order, product or customer. influence4j turns each into an outbox entry in
 * that same transaction and sends it to Influence.io afterwards.
 */
@NullMarked
package dev.influence4j.events;

import org.jspecify.annotations.NullMarked;
