/**
 * The customer digest: the HMAC that proves to Influence.io's widgets and Launcher API which customer is
 * logged in.
 */
@NullMarked
package dev.influence4j.digest;

import org.jspecify.annotations.NullMarked;
