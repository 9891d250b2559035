/**
 * Single-use discount codes: the shop's own and those Influence.io issues.
 */
@NullMarked
package dev.influence4j.sample.discount;

import org.jspecify.annotations.NullMarked;
