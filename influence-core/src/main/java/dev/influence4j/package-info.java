/**
 * influence4j connects a Java storefront to Influence.io, the loyalty and referral platform of REVIEWS.io.
 * Each sub-package is one room: {@code http} (what both API clients share), {@code platform},
 * {@code launcher}, {@code digest}, {@code webhook}, {@code delivery}, {@code events}.
 */
@NullMarked
package dev.influence4j;

import org.jspecify.annotations.NullMarked;
