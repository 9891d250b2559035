package dev.influence4j.platform;

/**
 * What an order write did on Influence.io's side.
 */
public enum OrderWriteOutcome {

	/** The order did not exist and was created ({@code POST}). */
	CREATED,

	/** The order existed and was updated with the full current state ({@code PATCH}). */
	UPDATED

}
