/**
 * The shopping cart, kept in the HTTP session.
 */
@NullMarked
package dev.influence4j.sample.cart;

import org.jspecify.annotations.NullMarked;
