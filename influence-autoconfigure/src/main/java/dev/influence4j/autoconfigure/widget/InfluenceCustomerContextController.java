package dev.influence4j.autoconfigure.widget;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The widget context as JSON for headless front ends: {@code GET {influence.widget.context-path}}. 200 with
 * the context of the logged-in customer, 401 for a guest; never cached.
 */
@Controller
final class InfluenceCustomerContextController {

	private final InfluenceWidgetContexts contexts;

	InfluenceCustomerContextController(InfluenceWidgetContexts contexts) {
		this.contexts = contexts;
	}

	@GetMapping(path = "${influence.widget.context-path:/influence/customer-context}",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<InfluenceWidgetContext> customerContext(HttpServletRequest request) {
		InfluenceWidgetContext context = this.contexts.current(request);
		if (!context.isLoggedIn()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore()).build();
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(context);
	}

}
