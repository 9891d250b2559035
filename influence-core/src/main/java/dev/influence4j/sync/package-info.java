/**
 * What the storefront sends to Influence.io's Platform API through the outbox: one class per kind of entry (an
 * order placed, a product saved, a collection deleted...), each mapping its storefront event to the entry and
 * delivering it, and the one place where the Platform client's failures become delivery outcomes.
 */
@NullMarked
package dev.influence4j.sync;

import org.jspecify.annotations.NullMarked;
