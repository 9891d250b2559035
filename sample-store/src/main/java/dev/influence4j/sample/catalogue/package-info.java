/**
 * Products: the catalogue pages and the admin's product editor.
 */
@NullMarked
package dev.influence4j.sample.catalogue;

import org.jspecify.annotations.NullMarked;
