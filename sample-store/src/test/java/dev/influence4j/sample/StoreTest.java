package dev.influence4j.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The whole store on a random port, with its embedded sandbox and in-memory database, as every test class
 * of the store sees it. All test classes use this one annotation so that they share one application
 * context (and one sandbox); each test therefore makes its own customers, products and codes.
 * <p>
 * MockMvc requests run on the test's thread, so {@code ApplicationEvents} sees what they publish;
 * {@link CommittedEvents} sees which of those events belonged to a transaction that committed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(CommittedEvents.class)
public @interface StoreTest {

}
