package dev.influence4j.sample.account;

/**
 * Registration refused: an account with the email exists already.
 */
public class EmailTakenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	EmailTakenException() {
		super("An account with this email address exists already.");
	}

}
