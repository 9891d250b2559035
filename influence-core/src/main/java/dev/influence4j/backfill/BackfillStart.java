package dev.influence4j.backfill;

import java.util.List;

/**
 * What a request to start a backfill did.
 *
 * @param started whether it started (false: one of its kinds is running or paused already)
 * @param message what happened, in words
 * @param statuses the requested kinds' statuses now
 */
public record BackfillStart(boolean started, String message, List<BackfillStatus> statuses) {

	public BackfillStart {
		statuses = List.copyOf(statuses);
	}

}
