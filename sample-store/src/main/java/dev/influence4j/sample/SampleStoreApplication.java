package dev.influence4j.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample store: a small web shop that uses influence4j as any Spring Boot shop would. Run it with
 * {@code ./mvnw -pl sample-store -am spring-boot:run} from the repository root; by default it embeds an
 * Influence.io sandbox (see {@link dev.influence4j.sample.sandbox.EmbeddedSandbox}) and keeps its data in an
 * in-memory H2 database. The packaged jar runs it with {@code java -jar}; several nodes share a PostgreSQL
 * database (the {@code postgres} profile) and a standalone sandbox (the {@code shared-sandbox} profile, see
 * {@link dev.influence4j.sample.sandbox.SandboxServer}).
 */
@SpringBootApplication
public class SampleStoreApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleStoreApplication.class, args);
	}

}
