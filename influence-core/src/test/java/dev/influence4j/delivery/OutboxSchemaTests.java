package dev.influence4j.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The length limits in code are those of the columns in every schema file, so a value that passes the checks
 * always fits; the columns added to older tables are in every file.
 */
class OutboxSchemaTests {

	@ParameterizedTest
	@ValueSource(strings = { "schema-h2.sql", "schema-postgresql.sql", "schema-mysql.sql" })
	void everySchemaFileSizesTheKeyColumnsAsTheCodeDoes(String file) throws IOException {
		String schema;
		try (InputStream in = JdbcOutbox.class.getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}

		assertThat(columnLength(schema, "entity_key")).isEqualTo(NewOutboxEntry.MAX_KEY_LENGTH);
		assertThat(columnLength(schema, "dedup_key")).isEqualTo(NewOutboxEntry.MAX_KEY_LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "schema-h2.sql", "schema-postgresql.sql", "schema-mysql.sql" })
	void everySchemaFileHasTheColumnsAddedToTablesOfEarlierSnapshots(String file) throws IOException {
		String schema;
		try (InputStream in = JdbcOutbox.class.getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}

		// What JdbcOutbox adds to an older table must be what the file creates a new one with.
		assertThat(schema).containsPattern("\\bpriority\\s+SMALLINT\\s+(DEFAULT 0 NOT NULL|NOT NULL DEFAULT 0)")
			.containsPattern("\\bwaited_millis\\s+BIGINT\\s+(DEFAULT 0 NOT NULL|NOT NULL DEFAULT 0)");
	}

	private static int columnLength(String schema, String column) {
		Matcher matcher = Pattern.compile("\\b" + column + "\\s+VARCHAR\\((\\d+)\\)").matcher(schema);
		assertThat(matcher.find()).as("column %s in the schema", column).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
