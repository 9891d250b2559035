/**
 * Operating influence4j with Spring Boot's actuator: the {@code influence} health indicator, the
 * {@code influence} endpoint (dead letters you can see and requeue) and the delivery gauges, all built on
 * {@link dev.influence4j.operations.DeliveryOperations}.
 */
@NullMarked
package dev.influence4j.autoconfigure.operations;

import org.jspecify.annotations.NullMarked;
