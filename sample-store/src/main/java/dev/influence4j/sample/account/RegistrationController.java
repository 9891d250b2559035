package dev.influence4j.sample.account;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The registration page.
 */
@Controller
class RegistrationController {

	private final Accounts accounts;

	RegistrationController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/register")
	String show(Model model) {
		model.addAttribute("form", new RegistrationForm());
		return "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors) {
		if (errors.hasErrors()) {
			return "account/register";
		}
		try {
			this.accounts.register(form);
		}
		catch (EmailTakenException ex) {
			errors.rejectValue("email", "taken", ex.getMessage());
			return "account/register";
		}
		return "redirect:/login?registered";
	}

}
