package dev.influence4j.autoconfigure.widget;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the widget context to the model of every controller, under the configured name.
 */
@ControllerAdvice
final class InfluenceWidgetModelAdvice {

	private final InfluenceWidgetContexts contexts;

	private final String attributeName;

	InfluenceWidgetModelAdvice(InfluenceWidgetContexts contexts, String attributeName) {
		this.contexts = contexts;
		this.attributeName = attributeName;
	}

	@ModelAttribute
	void addWidgetContext(HttpServletRequest request, Model model) {
		model.addAttribute(this.attributeName, this.contexts.current(request));
	}

}
