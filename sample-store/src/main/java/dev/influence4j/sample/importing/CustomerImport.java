package dev.influence4j.sample.importing;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;

/**
 * The store's customer accounts, imported as the same customer records the store sends when one is saved
 * ({@link Account#toInfluence()}); staff accounts are not loyalty members and are left out, as the store leaves
 * them out when they are saved.
 */
@Component
final class CustomerImport implements BackfillSource<Account, InfluenceCustomer> {

	private final AccountRepository accounts;

	CustomerImport(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public BackfillKind<InfluenceCustomer> kind() {
		return BackfillKind.CUSTOMERS;
	}

	@Override
	public BackfillPage<Account> page(@Nullable String after, int size) {
		return Keyset.page(this.accounts.findCustomerPage(Keyset.after(after), size), size, Account::id);
	}

	@Override
	public String id(Account row) {
		return Long.toString(row.id());
	}

	@Override
	public InfluenceCustomer map(Account row) {
		return row.toInfluence();
	}

	@Override
	public OptionalLong count() {
		return OptionalLong.of(this.accounts.countCustomers());
	}

}
