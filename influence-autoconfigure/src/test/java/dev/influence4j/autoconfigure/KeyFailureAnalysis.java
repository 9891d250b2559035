package dev.influence4j.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The report influence4j's failure analyzer gives for a refused key, for tests of other packages.
 */
public final class KeyFailureAnalysis {

	private KeyFailureAnalysis() {
	}

	/**
	 * Analyze a startup failure.
	 * @param failure the failure
	 * @return the analysis, or {@code null} when the failure is not a refused key
	 */
	public static @Nullable FailureAnalysis of(Throwable failure) {
		return new InfluenceKeyFailureAnalyzer().analyze(failure);
	}

}
