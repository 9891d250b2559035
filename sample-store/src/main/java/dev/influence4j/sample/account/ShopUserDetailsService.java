package dev.influence4j.sample.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for Spring Security's form login, by email in any case.
 */
@Service
public class ShopUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	ShopUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByEmail(username.strip())
			.map(ShopUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("no account for the email given"));
	}

}
