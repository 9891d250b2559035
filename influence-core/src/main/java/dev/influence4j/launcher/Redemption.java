package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * What redeeming points did ({@code POST /v1/customer/redeem}). Influence.io then sends the
 * {@code points/redeemed} webhook; the shop must make {@link #couponCode()} work at its checkout.
 *
 * @param success whether Influence.io reported success
 * @param couponCode the coupon code issued
 */
public record Redemption(boolean success, @Nullable String couponCode) {

}
