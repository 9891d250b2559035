package dev.influence4j.benchmarks.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's {@code name=value} arguments, with their defaults. A value may be a comma-separated list
 * ({@code db=h2,postgres}): the benchmark runs every combination, each in a JVM of its own.
 */
final class IntakeOptions {

	private static final String[] DEFAULTS = { "db=h2", "security=true", "client=socket", "runs=1", "senders=32",
			"seconds=20", "warmup=5", "syncCommit=on", "drainSeconds=120", "jfr=" };

	/** Set by the benchmark for each JVM it starts: which run of its combination this is. */
	static final String RUN = "run";

	private final Map<String, String> values;

	private IntakeOptions(Map<String, String> values) {
		this.values = values;
	}

	static IntakeOptions parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String option : DEFAULTS) {
			values.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
		}
		values.put(RUN, "1");
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			if (pair.length != 2 || !values.containsKey(pair[0])) {
				throw new IllegalArgumentException("unknown argument '" + arg + "'; arguments are name=value with names "
						+ values.keySet());
			}
			values.put(pair[0], pair[1].strip());
		}
		return new IntakeOptions(values);
	}

	String get(String name) {
		return this.values.get(name);
	}

	int number(String name) {
		return Integer.parseInt(this.values.get(name));
	}

	List<String> list(String name) {
		return List.of(this.values.get(name).split("\\s*,\\s*"));
	}

	IntakeOptions with(String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(this.values);
		changed.put(name, value);
		return new IntakeOptions(changed);
	}

	List<String> toArgs() {
		List<String> args = new ArrayList<>();
		this.values.forEach((name, value) -> args.add(name + "=" + value));
		return args;
	}

	@Override
	public String toString() {
		Map<String, String> shown = new LinkedHashMap<>(this.values);
		shown.remove(RUN);
		return shown.toString();
	}

}
