package dev.influence4j.sample.account;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the account page's profile form posts. The email is the login and Influence.io's key for the digest,
 * so it is not editable here.
 */
public class ProfileForm {

	@Size(max = 100, message = "First names are at most 100 characters.")
	private @Nullable String firstName;

	@Size(max = 100, message = "Last names are at most 100 characters.")
	private @Nullable String lastName;

	@Size(max = 40, message = "Phone numbers are at most 40 characters.")
	@Pattern(regexp = "[0-9+()\\- ]*", message = "Phone numbers may contain digits, spaces, +, -, ( and ) only.")
	private @Nullable String phone;

	static ProfileForm of(Account account) {
		ProfileForm form = new ProfileForm();
		form.setFirstName(account.firstName());
		form.setLastName(account.lastName());
		form.setPhone(account.phone());
		return form;
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

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

}
