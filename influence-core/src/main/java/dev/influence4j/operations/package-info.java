/**
 * Operating influence4j: what the outbox holds, whether delivery is healthy, the dead letters (with personal
 * data and reward codes masked) and acting on them. The actuator endpoint, the health indicator, the gauges and a
 * shop's own operator page are all built on {@link dev.influence4j.operations.DeliveryOperations}.
 */
@NullMarked
package dev.influence4j.operations;

import org.jspecify.annotations.NullMarked;
