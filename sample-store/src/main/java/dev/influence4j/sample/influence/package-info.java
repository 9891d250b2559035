/**
 * Where the store meets influence4j's Spring wiring. In phase 1 the clients are built here; once
 * influence-spring-boot-autoconfigure builds them, this package goes away.
 */
@NullMarked
package dev.influence4j.sample.influence;

import org.jspecify.annotations.NullMarked;
