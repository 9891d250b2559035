/**
 * The JSON mapper influence4j shares between its clients, webhooks and outbox: a neutral home that depends
 * on Jackson only.
 */
@NullMarked
package dev.influence4j.json;

import org.jspecify.annotations.NullMarked;
