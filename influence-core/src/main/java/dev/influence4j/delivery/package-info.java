/**
 * The delivery engine: a durable queue (the outbox) written in the shop's own transaction, and a dispatcher
 * that sends its entries at least once, in order per entity, shared safely by several nodes.
 */
@NullMarked
package dev.influence4j.delivery;

import org.jspecify.annotations.NullMarked;
