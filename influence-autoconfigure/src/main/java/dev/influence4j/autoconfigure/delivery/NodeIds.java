package dev.influence4j.autoconfigure.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Default node ids: the host name (what an operator recognises in the outbox's claims) and a random suffix
 * (two instances on one host, or a restart, are different nodes).
 */
final class NodeIds {

	private static final SecureRandom random = new SecureRandom();

	private NodeIds() {
	}

	static String generate() {
		byte[] suffix = new byte[3];
		random.nextBytes(suffix);
		String host = hostName().replaceAll("[^A-Za-z0-9._-]", "");
		if (host.isEmpty()) {
			host = "node";
		}
		return ((host.length() > 100) ? host.substring(0, 100) : host) + "-" + HexFormat.of().formatHex(suffix);
	}

	private static String hostName() {
		// The environment first: a reverse DNS lookup can take seconds on a badly configured host.
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment == null || fromEnvironment.isBlank()) {
			fromEnvironment = System.getenv("COMPUTERNAME");
		}
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException | SecurityException ex) {
			return "node";
		}
	}

}
