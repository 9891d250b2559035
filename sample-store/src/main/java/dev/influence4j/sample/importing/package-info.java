/**
 * Importing the store's existing customers, products and orders into Influence.io with influence4j's backfill:
 * one {@link dev.influence4j.backfill.BackfillSource} per kind over the store's own tables, and the admin's page
 * that starts, follows and controls the import.
 */
@NullMarked
package dev.influence4j.sample.importing;

import org.jspecify.annotations.NullMarked;
