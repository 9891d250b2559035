/**
 * Wiring of the delivery engine: the outbox, the dispatcher's lifecycle, and the listeners that turn the
 * storefront's events into outbox entries in the publishing transaction.
 */
@NullMarked
package dev.influence4j.autoconfigure.delivery;

import org.jspecify.annotations.NullMarked;
