package dev.influence4j.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The loyalty widgets on the shop's pages, under {@code influence.widget}.
 */
public class InfluenceWidgetProperties {

	/**
	 * Whether to add the widget context to every page's model and serve the customer context endpoint.
	 */
	private boolean enabled = true;

	/**
	 * Name of the model attribute that carries the widget context.
	 */
	private String modelAttribute = "influence";

	/**
	 * Base URL rendered as the widgets' data-base-url. When not set, the Launcher base URL is used.
	 */
	private @Nullable String baseUrl;

	/**
	 * URL of the widget script (from the Influence.io dashboard); when set, the fragment also renders the
	 * script tag.
	 */
	private @Nullable String scriptUrl;

	/**
	 * Path of the JSON endpoint that returns the widget context to headless front ends.
	 */
	private String contextPath = "/influence/customer-context";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getModelAttribute() {
		return this.modelAttribute;
	}

	public void setModelAttribute(String modelAttribute) {
		this.modelAttribute = modelAttribute;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getScriptUrl() {
		return this.scriptUrl;
	}

	public void setScriptUrl(@Nullable String scriptUrl) {
		this.scriptUrl = scriptUrl;
	}

	public String getContextPath() {
		return this.contextPath;
	}

	public void setContextPath(String contextPath) {
		this.contextPath = contextPath;
	}

}
