package dev.influence4j.sample.order;

/**
 * An order cannot change to the status asked for; its message is meant for the admin.
 */
public class StatusChangeRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	StatusChangeRefusedException(String message) {
		super(message);
	}

}
