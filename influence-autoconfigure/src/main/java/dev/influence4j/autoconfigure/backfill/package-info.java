/**
 * Auto-configuration of imports of existing data: a {@link dev.influence4j.backfill.Backfill} when the
 * application defines {@link dev.influence4j.backfill.BackfillSource} beans and keeps its outbox in a database.
 */
@NullMarked
package dev.influence4j.autoconfigure.backfill;

import org.jspecify.annotations.NullMarked;
