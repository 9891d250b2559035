package dev.influence4j.autoconfigure.webhook;

/**
 * Checks {@code influence.webhooks.path}: the servlet URL pattern {@code {path}/*} must be able to express it.
 */
final class WebhookPath {

	private WebhookPath() {
	}

	/**
	 * The path, without a trailing slash.
	 * @param configured the configured path
	 * @return the path
	 * @throws IllegalStateException when it cannot be a webhook path
	 */
	static String of(String configured) {
		String path = configured.strip();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (!path.startsWith("/") || path.contains("*") || path.contains("?") || path.contains(";")
				|| path.contains("//") || path.contains("{")) {
			throw new IllegalStateException("influence.webhooks.path must be a plain path such as /influence/webhooks "
					+ "(starting with '/', without wildcards, parameters or variables), but is '" + configured + "'");
		}
		return path;
	}

}
