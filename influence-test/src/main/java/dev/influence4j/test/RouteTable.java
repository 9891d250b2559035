package dev.influence4j.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Routes of one API: method, path template ({@code /v1/customers/{customerId}}), operation name and handler.
 */
final class RouteTable {

	private final List<Route> routes = new ArrayList<>();

	RouteTable add(String method, String template, String operation, Function<SandboxCall, Answer> handler) {
		this.routes.add(new Route(method, segments(template), operation, handler));
		return this;
	}

	/**
	 * The route for a request.
	 * @param method the request's method
	 * @param path the request's path, already decoded segment by segment
	 * @return the match, or empty when no route has the path; a match with a {@code null} route when the
	 * path exists for other methods only
	 */
	Optional<Match> match(String method, List<String> path) {
		boolean pathKnown = false;
		for (Route route : this.routes) {
			Map<String, String> variables = route.bind(path);
			if (variables == null) {
				continue;
			}
			if (route.method().equals(method)) {
				return Optional.of(new Match(route, variables));
			}
			pathKnown = true;
		}
		return pathKnown ? Optional.of(new Match(null, Map.of())) : Optional.empty();
	}

	static List<String> segments(String path) {
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return segments;
	}

	/**
	 * A route.
	 *
	 * @param method the HTTP method
	 * @param template the template's segments
	 * @param operation the operation name recorded in the journal
	 * @param handler what answers it
	 */
	record Route(String method, List<String> template, String operation, Function<SandboxCall, Answer> handler) {

		@Nullable Map<String, String> bind(List<String> path) {
			if (path.size() != this.template.size()) {
				return null;
			}
			Map<String, String> variables = new LinkedHashMap<>();
			for (int i = 0; i < path.size(); i++) {
				String expected = this.template.get(i);
				if (expected.startsWith("{") && expected.endsWith("}")) {
					variables.put(expected.substring(1, expected.length() - 1), path.get(i));
				}
				else if (!expected.equals(path.get(i))) {
					return null;
				}
			}
			return variables;
		}

	}

	/**
	 * A request matched to a route.
	 *
	 * @param route the route, or {@code null} when the path exists but not for the method
	 * @param variables the captured path variables
	 */
	record Match(@Nullable Route route, Map<String, String> variables) {

	}

}
