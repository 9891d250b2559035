/**
 * Customer and staff accounts: registration, login, the profile, and the account page.
 */
@NullMarked
package dev.influence4j.sample.account;

import org.jspecify.annotations.NullMarked;
