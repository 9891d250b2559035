package dev.influence4j.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where influence4j's clients connect and with which keys. The auto-configuration reads these from
 * {@code influence.*} properties unless the application (or a test kit such as influence-test's sandbox)
 * defines a bean of this type, as Spring Boot does for databases.
 */
public interface InfluenceConnectionDetails extends ConnectionDetails {

	/**
	 * The Influence.io API key: signs customer digests and authenticates Platform calls.
	 * @return the key
	 */
	String getApiKey();

	/**
	 * The shop's public key, sent with Launcher calls and the widget.
	 * @return the key
	 */
	String getShopKey();

	/**
	 * Base URL of the Platform API.
	 * @return the URL
	 */
	String getPlatformBaseUrl();

	/**
	 * Base URL of the Launcher API.
	 * @return the URL
	 */
	String getLauncherBaseUrl();

}
