package dev.influence4j.sample.account;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.influence4j.autoconfigure.widget.InfluenceCustomerPrincipal;

import dev.influence4j.digest.CustomerIdentity;

/**
 * The logged-in account as Spring Security holds it in the session. It exposes the account id and email,
 * which is all Influence.io needs to know who the customer is.
 */
public final class ShopUser implements UserDetails, CredentialsContainer, InfluenceCustomerPrincipal {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private @Nullable String passwordHash;

	private final AccountRole role;

	ShopUser(Account account) {
		this.id = account.id();
		this.email = account.email();
		this.passwordHash = account.passwordHash();
		this.role = account.role();
	}

	/**
	 * The account id, which is also the customer id Influence.io knows.
	 * @return the id
	 */
	public long getId() {
		return this.id;
	}

	/**
	 * The email, lowercased.
	 * @return the email
	 */
	public String getEmail() {
		return this.email;
	}

	/**
	 * The account's role.
	 * @return the role
	 */
	public AccountRole getRole() {
		return this.role;
	}

	/**
	 * The customer id the widgets identify, for customers only: staff accounts are never sent to Influence.io.
	 * @return the id, or {@code null} for staff
	 */
	@Override
	public @Nullable String influenceCustomerId() {
		return (this.role == AccountRole.CUSTOMER) ? Long.toString(this.id) : null;
	}

	/**
	 * The email the widgets identify, for customers only.
	 * @return the email, or {@code null} for staff
	 */
	@Override
	public @Nullable String influenceCustomerEmail() {
		return (this.role == AccountRole.CUSTOMER) ? this.email : null;
	}

	/**
	 * Who this user is to Influence.io.
	 * @return the identity for Launcher calls
	 */
	public CustomerIdentity identity() {
		return new CustomerIdentity(Long.toString(this.id), this.email);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public void eraseCredentials() {
		// The principal lives in the session after login; it has no use for the hash there.
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "ShopUser[id=" + this.id + ", role=" + this.role + "]";
	}

}
