package dev.influence4j.autoconfigure;

import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Makes the request factory the clients send with, from Spring Boot's HTTP client infrastructure with
 * influence4j's timeouts. Internal: a bean only where Spring Boot's {@code spring-boot-http-client} is present.
 */
@FunctionalInterface
interface InfluenceRequestFactory {

	/**
	 * Create a request factory.
	 * @param http the {@code influence.http.*} settings
	 * @return a new request factory
	 */
	ClientHttpRequestFactory create(InfluenceHttpProperties http);

}
