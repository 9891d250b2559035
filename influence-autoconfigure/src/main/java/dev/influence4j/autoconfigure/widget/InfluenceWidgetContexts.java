package dev.influence4j.autoconfigure.widget;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.influence4j.digest.CustomerDigest;

/**
 * Makes the widget context of a request, once per request: the model advice and the customer context endpoint
 * share it through a request attribute.
 */
final class InfluenceWidgetContexts {

	private final CustomerDigest digest;

	private final String baseUrl;

	private final @Nullable String scriptUrl;

	private final InfluenceCustomerResolver resolver;

	InfluenceWidgetContexts(CustomerDigest digest, String baseUrl, @Nullable String scriptUrl,
			InfluenceCustomerResolver resolver) {
		this.digest = digest;
		this.baseUrl = baseUrl;
		this.scriptUrl = scriptUrl;
		this.resolver = resolver;
	}

	InfluenceWidgetContext current(HttpServletRequest request) {
		if (request.getAttribute(InfluenceWidgetContext.REQUEST_ATTRIBUTE) instanceof InfluenceWidgetContext known) {
			return known;
		}
		InfluenceWidgetContext context = this.resolver.resolve(request)
			.map((customer) -> InfluenceWidgetContext.customer(this.digest, this.baseUrl, this.scriptUrl, customer))
			.orElseGet(() -> InfluenceWidgetContext.guest(this.digest.shopKey(), this.baseUrl, this.scriptUrl));
		request.setAttribute(InfluenceWidgetContext.REQUEST_ATTRIBUTE, context);
		return context;
	}

}
