package dev.influence4j.backfill;

/**
 * Where the import of one kind is.
 */
public enum BackfillState {

	/** Importing (on the node that holds its lease), or waiting for an earlier kind or for the backlog to drain. */
	RUNNING,

	/** Paused by a person, or because its source failed (see the last error); resumes where it stopped. */
	PAUSED,

	/** Every page was read. */
	DONE,

	/** Stopped by a person; a new start begins from the first page. */
	CANCELLED

}
