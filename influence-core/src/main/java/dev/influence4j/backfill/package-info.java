/**
 * Importing an existing shop (backfill): the shop implements a {@link dev.influence4j.backfill.BackfillSource}
 * per kind, and {@link dev.influence4j.backfill.Backfill} writes its pages into the outbox at low priority,
 * resumably and on one node at a time.
 */
@NullMarked
package dev.influence4j.backfill;

import org.jspecify.annotations.NullMarked;
