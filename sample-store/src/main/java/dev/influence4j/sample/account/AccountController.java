package dev.influence4j.sample.account;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.influence4j.sample.loyalty.Loyalty;
import dev.influence4j.sample.loyalty.RedeemResult;

/**
 * The account page: the profile, and the loyalty account (balance, history, rewards) read from Influence.io.
 */
@Controller
class AccountController {

	private final AccountRepository accounts;

	private final Accounts profiles;

	private final Loyalty loyalty;

	AccountController(AccountRepository accounts, Accounts profiles, Loyalty loyalty) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.loyalty = loyalty;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal ShopUser user, Model model) {
		Account account = account(user);
		if (!model.containsAttribute("profile")) {
			model.addAttribute("profile", ProfileForm.of(account));
		}
		return page(user, account, model);
	}

	@PostMapping("/account/profile")
	String saveProfile(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("profile") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(user, account(user), model);
		}
		this.profiles.updateProfile(user.getId(), form);
		redirect.addFlashAttribute("notice", "Your profile was saved.");
		return "redirect:/account";
	}

	@PostMapping("/account/redeem")
	String redeem(@AuthenticationPrincipal ShopUser user, @RequestParam String ruleId, RedirectAttributes redirect) {
		RedeemResult result = this.loyalty.redeem(user.identity(), ruleId);
		if (result.couponCode() != null) {
			redirect.addFlashAttribute("couponCode", result.couponCode());
		}
		else {
			redirect.addFlashAttribute("redeemProblem", result.problem());
		}
		return "redirect:/account";
	}

	private String page(ShopUser user, Account account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("loyalty", this.loyalty.statement(user.identity()));
		return "account/account";
	}

	private Account account(ShopUser user) {
		return this.accounts.findById(user.getId())
			.orElseThrow(() -> new IllegalStateException("the logged-in account " + user.getId() + " is gone"));
	}

}
