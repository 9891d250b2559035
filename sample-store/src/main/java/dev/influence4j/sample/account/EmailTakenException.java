package dev.influence4j.sample.account;

/**
 * Registration refused: an account with the email exists already.
 */
public class EmailTakenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	EmailTakenException() {
		super("An account with this email address exists already.");
	}

	@Override
	public String getMessage() {
		// Always constructed with a message, shown to the customer as it is.
		return String.valueOf(super.getMessage());
	}

}
