package dev.influence4j.test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An opaque next-page token (the Platform's {@code cursor}, the Launcher's {@code nextToken}). It carries the
 * offset and the filters of the first request, because Influence.io ignores every other parameter once a
 * cursor is sent.
 *
 * @param offset how many items the previous pages held
 * @param filters the filters of the first request
 */
record PageToken(int offset, Map<String, String> filters) {

	private static final String VERSION = "p1";

	PageToken {
		filters = Map.copyOf(filters);
	}

	String encode() {
		StringBuilder text = new StringBuilder(VERSION).append('|').append(this.offset);
		this.filters.forEach((name, value) -> text.append('|')
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Read a token this sandbox issued.
	 * @param token the token
	 * @param error the error to end the request with when the token is not one of ours
	 * @return the token
	 */
	static PageToken decode(String token, ApiError error) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			String[] parts = text.split("\\|", -1);
			if (parts.length < 2 || !VERSION.equals(parts[0])) {
				throw error;
			}
			int offset = Integer.parseInt(parts[1]);
			if (offset < 0) {
				throw error;
			}
			Map<String, String> filters = new LinkedHashMap<>();
			for (int i = 2; i < parts.length; i++) {
				int equals = parts[i].indexOf('=');
				if (equals < 0) {
					throw error;
				}
				filters.put(URLDecoder.decode(parts[i].substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(parts[i].substring(equals + 1), StandardCharsets.UTF_8));
			}
			return new PageToken(offset, filters);
		}
		catch (IllegalArgumentException ex) {
			throw error;
		}
	}

	/**
	 * The offset a Launcher {@code nextToken} carries: 0 for the first page (no token).
	 * @param nextToken the token, or {@code null}
	 * @return the offset
	 */
	static int launcherOffset(@Nullable String nextToken) {
		if (nextToken == null || nextToken.isBlank()) {
			return 0;
		}
		return decode(nextToken, ApiError.launcher(400, "InvalidNextToken")).offset();
	}

}
