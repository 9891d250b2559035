package dev.influence4j.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.launcher.LauncherCustomer;
import dev.influence4j.launcher.LoyaltyTier;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;
import dev.influence4j.platform.PlatformCustomer;
import dev.influence4j.webhook.PointsRedeemed;
import dev.influence4j.webhook.ReceivedWebhook;
import dev.influence4j.test.SandboxCustomer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints an ahead-of-time build gets from influence4j, taken as Spring takes them: from the registrar listed
 * in {@code META-INF/spring/aot.factories}.
 */
class InfluenceRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@BeforeEach
	void registerTheHintsOfTheListedRegistrar() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		// Only influence4j's: Spring's and Boot's own (Thymeleaf's templates/**, say) would hide a gap in it.
		assertThat(registrars).filteredOn(InfluenceRuntimeHints.class::isInstance)
			.singleElement()
			.satisfies((registrar) -> registrar.registerHints(this.hints, getClass().getClassLoader()));
	}

	@Test
	void jacksonCanConstructAndReadTheRecordsOfEveryRoom() {
		// A Platform answer, a Launcher answer, a webhook payload, an outbox payload and what it carries.
		for (Class<?> type : List.of(PlatformCustomer.class, LauncherCustomer.class, PointsRedeemed.class,
				ReceivedWebhook.class, OrderCompletedEvent.class, InfluenceOrder.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonicalConstructor(type)))
				.as("the canonical constructor of %s", type.getName())
				.accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as("%s.%s()", type.getName(), component.getName())
					.accepts(this.hints);
			}
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(FinancialStatus.class)).accepts(this.hints);
	}

	@Test
	void theLenientDeserializersNamedOnRecordComponentsCanBeConstructed() throws Exception {
		JsonDeserialize annotation = LoyaltyTier.class.getDeclaredField("threshold").getAnnotation(JsonDeserialize.class);
		assertThat(annotation).isNotNull();
		Constructor<?> constructor = annotation.using().getDeclaredConstructor();
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(constructor)).accepts(this.hints);
	}

	@Test
	void onlyInfluenceCoresValuesAreRegisteredNotOtherRecordsUnderTheSamePackages() {
		// influence-test's records share the dev.influence4j prefix, but live in another jar.
		assertThat(RuntimeHintsPredicates.reflection().onType(SandboxCustomer.class)).rejects(this.hints);
	}

	@Test
	void theOutboxSchemasTheVersionFileAndTheWidgetFragmentAreResources() {
		for (String resource : List.of("dev/influence4j/delivery/schema-postgresql.sql",
				"dev/influence4j/delivery/schema-h2.sql", "dev/influence4j/delivery/schema-mysql.sql",
				"dev/influence4j/http/version.properties", "templates/influence/widget.html")) {
			assertThat(getClass().getClassLoader().getResource(resource)).as("%s exists", resource).isNotNull();
			assertThat(RuntimeHintsPredicates.resource().forResource(resource)).as(resource).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.resource().forResource("templates/shop/home.html")).rejects(this.hints);
	}

	private static Constructor<?> canonicalConstructor(Class<?> record) {
		Class<?>[] parameters = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			return record.getDeclaredConstructor(parameters);
		}
		catch (NoSuchMethodException ex) {
			throw new AssertionError(record.getName() + " has no canonical constructor", ex);
		}
	}

}
