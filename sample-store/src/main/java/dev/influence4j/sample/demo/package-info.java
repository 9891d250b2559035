/**
 * Demo data: products, a customer and an admin, created when missing.
 */
@NullMarked
package dev.influence4j.sample.demo;

import org.jspecify.annotations.NullMarked;
