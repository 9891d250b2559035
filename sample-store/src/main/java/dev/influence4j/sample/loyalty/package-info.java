/**
 * What the account page shows of Influence.io: balance, history and redeem rules, read through the Launcher
 * client, and redemption. Degrades to a message when Influence.io cannot be reached.
 */
@NullMarked
package dev.influence4j.sample.loyalty;

import org.jspecify.annotations.NullMarked;
