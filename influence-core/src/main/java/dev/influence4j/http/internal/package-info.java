/**
 * The transport behind the Platform and Launcher clients: sending one request, reading the answer,
 * translating failures and the retry policy with the circuit breaker. Not API: applications use the clients,
 * and everything here may change in any release without notice.
 */
@NullMarked
package dev.influence4j.http.internal;

import org.jspecify.annotations.NullMarked;
