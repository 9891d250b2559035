package dev.influence4j.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters of {@code GET /v1/customers}, from the first request's query or from the cursor they travel in.
 * Every value is checked when the filter is made, so a bad one ends the request before any customer is read.
 */
final class CustomerFilter implements Predicate<CustomerRecord> {

	private static final List<String> NAMES = List.of("email", "pointBalanceMin", "pointBalanceMax", "createdAtMin",
			"createdAtMax", "updatedAtMin", "updatedAtMax", "lastSeenAtMin", "lastSeenAtMax");

	private final Map<String, String> filters;

	private final Predicate<CustomerRecord> condition;

	CustomerFilter(Map<String, String> filters) {
		this.filters = new LinkedHashMap<>(filters);
		Predicate<CustomerRecord> all = (customer) -> true;
		for (Map.Entry<String, String> entry : this.filters.entrySet()) {
			all = all.and(condition(entry.getKey(), entry.getValue()));
		}
		this.condition = all;
	}

	/** The filters a first request names in its query; blank values are no filter. */
	static CustomerFilter fromQuery(Map<String, String> query) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (String name : NAMES) {
			String value = query.get(name);
			if (value != null && !value.isBlank()) {
				filters.put(name, value);
			}
		}
		return new CustomerFilter(filters);
	}

	/** The filters, for the next page's cursor. */
	Map<String, String> filters() {
		return this.filters;
	}

	@Override
	public boolean test(CustomerRecord customer) {
		return this.condition.test(customer);
	}

	private static Predicate<CustomerRecord> condition(String name, String value) {
		return switch (name) {
			case "email" -> (customer) -> customer.email.equalsIgnoreCase(value);
			case "pointBalanceMin" -> {
				BigDecimal min = decimalParameter(name, value);
				yield (customer) -> BigDecimal.valueOf(customer.pointBalance).compareTo(min) >= 0;
			}
			case "pointBalanceMax" -> {
				BigDecimal max = decimalParameter(name, value);
				yield (customer) -> BigDecimal.valueOf(customer.pointBalance).compareTo(max) <= 0;
			}
			case "createdAtMin" -> after(name, value, (customer) -> customer.createdAt);
			case "createdAtMax" -> before(name, value, (customer) -> customer.createdAt);
			case "updatedAtMin" -> after(name, value, (customer) -> customer.updatedAt);
			case "updatedAtMax" -> before(name, value, (customer) -> customer.updatedAt);
			case "lastSeenAtMin" -> after(name, value, (customer) -> customer.lastSeenAt);
			case "lastSeenAtMax" -> before(name, value, (customer) -> customer.lastSeenAt);
			default -> (customer) -> true;
		};
	}

	private static Predicate<CustomerRecord> after(String name, String value, Function<CustomerRecord, Instant> time) {
		Instant bound = instantParameter(name, value);
		return (customer) -> !time.apply(customer).isBefore(bound);
	}

	private static Predicate<CustomerRecord> before(String name, String value, Function<CustomerRecord, Instant> time) {
		Instant bound = instantParameter(name, value);
		return (customer) -> !time.apply(customer).isAfter(bound);
	}

	private static BigDecimal decimalParameter(String name, String value) {
		try {
			BigDecimal number = new BigDecimal(value);
			if (number.signum() < 0) {
				throw ApiError.invalid(name + " must not be negative");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalid(name + " must be a number");
		}
	}

	private static Instant instantParameter(String name, String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiError.invalid(name + " must be an ISO-8601 date-time");
		}
	}

}
