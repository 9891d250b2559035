package dev.influence4j.http;

/**
 * How sure we are that an endpoint or wire name is what Influence.io expects.
 */
public enum Provenance {

	/** Published on Influence.io's own documentation or in its OpenAPI file. */
	DOCUMENTED,

	/** Seen in public third-party code that calls the live API; real, but not a contract. */
	OBSERVED,

	/** Not published: inferred from descriptions and conventions. Adjustable without forking. */
	PROVISIONAL

}
