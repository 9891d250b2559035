/**
 * Checkout, orders and their payment status, for customers and for the admin.
 */
@NullMarked
package dev.influence4j.sample.order;

import org.jspecify.annotations.NullMarked;
