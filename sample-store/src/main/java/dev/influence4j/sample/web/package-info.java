/**
 * Web concerns shared by every room: security and the error page.
 */
@NullMarked
package dev.influence4j.sample.web;

import org.jspecify.annotations.NullMarked;
