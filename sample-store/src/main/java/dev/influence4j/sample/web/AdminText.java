package dev.influence4j.sample.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the admin pages write times and durations.
 */
public final class AdminText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private AdminText() {
	}

	/**
	 * A time, for example {@code 2026-12-02 10:15:00 UTC}.
	 * @param instant the time
	 * @return the text
	 */
	public static String time(Instant instant) {
		return TIME.format(instant);
	}

	/**
	 * A duration, for example {@code 42 s}, {@code 3 min 5 s}, {@code 15 min}, {@code 2 h 10 min}.
	 * @param duration the duration
	 * @return the text
	 */
	public static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min" + ((seconds % 60 != 0) ? " " + (seconds % 60) + " s" : "");
		}
		long minutes = seconds % 3600 / 60;
		return (seconds / 3600) + " h" + ((minutes != 0) ? " " + minutes + " min" : "");
	}

}
