/**
 * The storefront: the widget context on every page's model, the Thymeleaf fragment that renders the
 * Influence.io widget element, and the customer context endpoint for headless front ends.
 */
@NullMarked
package dev.influence4j.autoconfigure.widget;

import org.jspecify.annotations.NullMarked;
