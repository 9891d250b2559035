package dev.influence4j.launcher;

import java.util.List;

/**
 * A customer's stamp cards ({@code GET /v1/customer/stamps}).
 *
 * @param count how many stamp cards the answer counts
 * @param stamps the customer's stamp cards, current and completed
 */
public record CustomerStamps(long count, List<StampCardStamp> stamps) {

	public CustomerStamps {
		stamps = Lenient.list(stamps);
	}

}
