package dev.influence4j.autoconfigure.widget;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Marks a page whose model carries a customer digest {@code Cache-Control: private, no-store}: the digest is a
 * per-customer credential and must never be served to someone else from a shared cache.
 */
final class PrivateDigestCacheControlInterceptor implements HandlerInterceptor {

	static final String PRIVATE_NO_STORE = "private, no-store";

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || response.isCommitted()) {
			return;
		}
		boolean carriesDigest = modelAndView.getModel()
			.values()
			.stream()
			.anyMatch((value) -> value instanceof InfluenceWidgetContext context && context.isLoggedIn());
		if (carriesDigest) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_NO_STORE);
		}
	}

}
