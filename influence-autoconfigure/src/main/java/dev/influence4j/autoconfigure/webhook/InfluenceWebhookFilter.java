package dev.influence4j.autoconfigure.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriUtils;

import dev.influence4j.json.InfluenceJson;
import dev.influence4j.webhook.WebhookReceipt;
import dev.influence4j.webhook.WebhookReceipt.Outcome;
import dev.influence4j.webhook.WebhookReceiver;
import dev.influence4j.webhook.WebhookRequest;
import dev.influence4j.webhook.WebhookTopic;

/**
 * Answers every request under {@code {influence.webhooks.path}/} itself, ahead of {@code DispatcherServlet},
 * Spring Security and every other filter of the application: the last path segment is a credential, so no
 * framework code that might log, trace or echo the URL ever sees these requests. It only adapts HTTP; the
 * {@link WebhookReceiver} checks the secret, the headers and the body, and stores the delivery.
 * <p>
 * A URL of another shape ({@code {path}/a/b}, an empty segment) is answered like a wrong secret. A method other
 * than POST is answered 405. The body is read as bytes whatever its content type, so a multipart or form body
 * is never parsed. The request carries the attribute {@value #REQUEST_ATTRIBUTE} (the path with the secret
 * masked), which Tomcat's access log can use to leave these requests out. A wrong secret is logged here, at
 * debug, with that masked path.
 */
final class InfluenceWebhookFilter implements Filter {

	/** Request attribute set on every webhook request: the path with the secret masked. */
	static final String REQUEST_ATTRIBUTE = "influence4j.webhook";

	private static final Logger logger = LoggerFactory.getLogger(InfluenceWebhookFilter.class);

	private static final JsonMapper JSON = InfluenceJson.mapper();

	private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");

	private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

	private final String path;

	/** The path as it may be logged or shown: the secret segment masked. */
	private final String maskedPath;

	private final Supplier<WebhookReceiver> receiver;

	private final WebhookAnswers answers;

	/**
	 * Create the filter.
	 * @param path the webhook path, without a trailing slash
	 * @param receiver the receiver, looked up at the first request: the web server creates its filters before
	 * the application's beans, and a refused secret must fail startup as the bean's failure, not the server's
	 * @param answers records every answer
	 */
	InfluenceWebhookFilter(String path, Supplier<WebhookReceiver> receiver, WebhookAnswers answers) {
		this.path = path;
		this.maskedPath = path + "/***";
		this.receiver = receiver;
		this.answers = answers;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		String segment = secretSegment(request);
		if (segment == null) {
			// The bare webhook path, which the pattern matches too, carries no secret.
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(REQUEST_ATTRIBUTE, this.maskedPath);
		String topic = request.getHeader("X-Webhook-Topic");
		WebhookReceipt receipt;
		try {
			if (!"POST".equals(request.getMethod())) {
				receipt = new WebhookReceipt(Outcome.WRONG_METHOD, "only POST is accepted");
				response.setHeader("Allow", "POST");
			}
			else {
				receipt = this.receiver.get().receive(new WebhookRequest(segment, topic, request.getHeader("X-Webhook-Id"),
						request.getContentType(), request.getContentLengthLong(), (max) -> read(request, max)));
				if (receipt.outcome() == Outcome.WRONG_SECRET) {
					// Debug only, so that whoever guesses URLs cannot fill the log; the topic only when it is one
					// Influence.io sends, the header being the sender's.
					logger.debug("Refused an Influence.io webhook with 404: wrong secret in {} (topic {})",
							this.maskedPath, WebhookTopic.fromWireName(topic).map(WebhookTopic::wireName).orElse("other"));
				}
			}
			this.answers.record(topic, receipt);
		}
		catch (RuntimeException ex) {
			// Never let an exception reach the container: its error page would be rendered for this URL, and
			// Spring Boot's error attributes include the path, secret and all.
			logger.warn("Could not answer an Influence.io webhook; answered 503", ex);
			receipt = new WebhookReceipt(Outcome.UNAVAILABLE, "could not store the delivery, retry later");
		}
		answer(response, receipt);
	}

	/**
	 * The segment after the webhook path, decoded: the secret, or {@code ""} when the URL has another shape;
	 * {@code null} for the bare webhook path. Everything else the container sends here is answered by this filter,
	 * whatever its shape ({@code ..}, encoded characters), so that no URL that might carry the secret goes on.
	 */
	private @Nullable String secretSegment(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String within = (uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
		// Path parameters (";jsessionid=...") and repeated slashes do not change where a request goes.
		within = REPEATED_SLASHES.matcher(PATH_PARAMETERS.matcher(within).replaceAll("")).replaceAll("/");
		if (within.equals(this.path) || within.equals(this.path + "/")) {
			return within.equals(this.path) ? null : "";
		}
		if (!within.startsWith(this.path + "/")) {
			return "";
		}
		String rest = within.substring(this.path.length() + 1);
		if (rest.indexOf('/') >= 0) {
			return "";
		}
		try {
			return UriUtils.decode(rest, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes(maxBytes);
		}
	}

	private static void answer(HttpServletResponse response, WebhookReceipt receipt) throws IOException {
		response.setStatus(receipt.status());
		response.setHeader("Cache-Control", "no-store");
		switch (receipt.outcome()) {
			case BUSY -> response.setHeader("Retry-After", "1");
			case UNAVAILABLE -> response.setHeader("Retry-After", "10");
			default -> {
			}
		}
		if (receipt.outcome() == Outcome.WRONG_SECRET) {
			// Like a path that does not exist.
			response.setContentLength(0);
			return;
		}
		byte[] body = JSON.writeValueAsBytes(Map.of("result", receipt.reason()));
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@Override
	public String toString() {
		return "InfluenceWebhookFilter[path=" + this.path + "]";
	}

}
