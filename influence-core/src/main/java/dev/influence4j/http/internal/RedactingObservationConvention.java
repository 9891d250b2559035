package dev.influence4j.http.internal;

import io.micrometer.common.KeyValue;

import org.springframework.http.client.observation.ClientHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's client observation convention, except that the recorded URL loses its query string: Launcher
 * calls carry the customer's email and digest as query parameters, and neither may reach traces. The
 * low-cardinality {@code uri} tag stays the URI template, as with Spring's default.
 */
final class RedactingObservationConvention extends DefaultClientRequestObservationConvention {

	RedactingObservationConvention() {
		super("http.client.requests");
	}

	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {
		if (context.getCarrier() == null) {
			return super.requestUri(context);
		}
		String url = context.getCarrier().getURI().toASCIIString();
		int query = url.indexOf('?');
		return KeyValue.of(HighCardinalityKeyNames.HTTP_URL, (query >= 0) ? url.substring(0, query) : url);
	}

}
