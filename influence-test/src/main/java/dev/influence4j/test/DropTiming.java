package dev.influence4j.test;

/**
 * When an injected connection drop happens, relative to the sandbox processing the request.
 */
public enum DropTiming {

	/** The connection is closed before the request changes anything: a clean failure for the client. */
	BEFORE_PROCESSING,

	/**
	 * The request is processed (state changes, webhooks fire) and then the connection is closed without an
	 * answer: the client cannot know whether it worked.
	 */
	AFTER_PROCESSING

}
