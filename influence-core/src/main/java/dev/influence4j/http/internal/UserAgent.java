package dev.influence4j.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} influence4j sends, naming the library and its version.
 */
final class UserAgent {

	private static final String VERSION = readVersion();

	private UserAgent() {
	}

	/**
	 * The version of influence4j on the classpath.
	 * @return the version, or {@code unknown} when it cannot be read
	 */
	static String version() {
		return VERSION;
	}

	/**
	 * The header value, for example {@code influence4j/0.1.0 (Java 17.0.15)}.
	 * @return the header value
	 */
	static String value() {
		return "influence4j/" + VERSION + " (Java " + System.getProperty("java.version", "unknown") + ")";
	}

	private static String readVersion() {
		try (InputStream in = UserAgent.class.getResourceAsStream("/dev/influence4j/http/version.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version", "unknown");
			return version.startsWith("${") ? "unknown" : version;
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
