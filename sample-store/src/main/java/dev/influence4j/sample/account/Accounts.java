package dev.influence4j.sample.account;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.influence4j.events.CustomerSavedEvent;

/**
 * Registers accounts and changes profiles. Every change to a customer publishes a
 * {@link CustomerSavedEvent} with the customer's full state inside the transaction that saved it, so that
 * influence4j sends it to Influence.io if, and only if, the change commits.
 */
@Service
public class Accounts {

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	Accounts(AccountRepository accounts, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
	}

	/**
	 * Register a customer.
	 * @param form the validated registration form
	 * @return the new account
	 * @throws EmailTakenException when an account with the email exists
	 */
	@Transactional
	public Account register(RegistrationForm form) {
		return create(required(form.getEmail()), required(form.getPassword()), blankToNull(form.getFirstName()),
				blankToNull(form.getLastName()), AccountRole.CUSTOMER);
	}

	/**
	 * Create an account of any role; staff accounts are not loyalty members, so only customers are published.
	 * @param email the email
	 * @param password the password in clear
	 * @param firstName first name, or {@code null}
	 * @param lastName last name, or {@code null}
	 * @param role the role
	 * @return the new account
	 * @throws EmailTakenException when an account with the email exists
	 */
	@Transactional
	public Account create(String email, String password, @Nullable String firstName, @Nullable String lastName,
			AccountRole role) {
		if (this.accounts.findByEmail(email.strip()).isPresent()) {
			throw new EmailTakenException();
		}
		// Spring Security 7.0 (Boot 4.0) declares encode's result nullable for a null password; ours is never null.
		String hash = Objects.requireNonNull(this.passwords.encode(password), "password hash");
		Account account;
		try {
			account = this.accounts.insert(email.strip(), hash, firstName, lastName, role, Instant.now());
		}
		catch (DuplicateKeyException ex) {
			// Someone registered the same email between the check and the insert.
			throw new EmailTakenException();
		}
		if (role == AccountRole.CUSTOMER) {
			this.events.publishEvent(new CustomerSavedEvent(account.toInfluence()));
		}
		return account;
	}

	/**
	 * Change a customer's name and phone.
	 * @param accountId the account
	 * @param form the validated profile form
	 * @return the account as saved
	 */
	@Transactional
	public Account updateProfile(long accountId, ProfileForm form) {
		this.accounts.updateProfile(accountId, blankToNull(form.getFirstName()), blankToNull(form.getLastName()),
				blankToNull(form.getPhone()), Instant.now());
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new IllegalStateException("account " + accountId + " does not exist"));
		if (account.role() == AccountRole.CUSTOMER) {
			this.events.publishEvent(new CustomerSavedEvent(account.toInfluence()));
		}
		return account;
	}

	private static String required(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a validated form has no blank required fields");
		}
		return value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
