package dev.influence4j.sample.account;

/**
 * What an account may do in the store.
 */
public enum AccountRole {

	/** Shops, sees their orders and loyalty account. */
	CUSTOMER,

	/** Also edits products and changes orders' payment status. */
	ADMIN

}
