package dev.influence4j.sample.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the registration page posts. A mutable bean rather than a record because Thymeleaf's {@code th:field}
 * reads and writes it through JavaBean properties when the page is shown again with errors.
 */
public class RegistrationForm {

	@NotBlank(message = "Please enter your email address.")
	@Email(message = "Please enter a valid email address.")
	@Size(max = 254, message = "Email addresses are at most 254 characters.")
	private @Nullable String email;

	@Size(max = 100, message = "First names are at most 100 characters.")
	private @Nullable String firstName;

	@Size(max = 100, message = "Last names are at most 100 characters.")
	private @Nullable String lastName;

	// BCrypt reads at most 72 bytes; a longer password would be cut silently.
	@NotBlank(message = "Please choose a password.")
	@Size(min = 8, max = 72, message = "Passwords are 8 to 72 characters long.")
	private @Nullable String password;

	private @Nullable String passwordRepeat;

	@AssertTrue(message = "The two passwords differ.")
	public boolean isPasswordRepeated() {
		return this.password == null || this.password.equals(this.passwordRepeat);
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(@Nullable String firstName) {
		this.firstName = firstName;
	}

	public @Nullable String getLastName() {
		return this.lastName;
	}

	public void setLastName(@Nullable String lastName) {
		this.lastName = lastName;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getPasswordRepeat() {
		return this.passwordRepeat;
	}

	public void setPasswordRepeat(@Nullable String passwordRepeat) {
		this.passwordRepeat = passwordRepeat;
	}

}
