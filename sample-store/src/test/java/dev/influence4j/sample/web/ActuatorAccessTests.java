package dev.influence4j.sample.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.demo.DemoData;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reaches the actuator: {@code /actuator/health} is open, its details and every other endpoint are the
 * admin's.
 */
@StoreTest
class ActuatorAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DeliveryOperations operations;

	@Test
	void healthAnswersWithoutLoginAndWithoutDetails() throws Exception {
		Shopper.anonymous(this.mvc).open("/actuator/health")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void healthDetailsAreForTheAdminOnly() throws Exception {
		Shopper.registered(this.mvc).open("/actuator/health")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
		Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD).open("/actuator/health")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.details.database").value("H2"));
	}

	@Test
	void influenceEndpointIsRefusedToGuestsAndCustomers() throws Exception {
		Shopper.anonymous(this.mvc).open("/actuator/influence").andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/influence").with(httpBasic(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD)))
			.andExpect(status().isForbidden());
		Shopper customer = Shopper.registered(this.mvc);
		customer.open("/actuator/influence").andExpect(status().isForbidden());
		this.mvc.perform(post("/actuator/influence/retry-now").session(customer.session()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void adminReadsAndWritesTheInfluenceEndpoint() throws Exception {
		Shopper admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);

		admin.open("/actuator/influence")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.node").value(this.operations.report().node()));
		this.mvc.perform(post("/actuator/influence/retry-now").session(admin.session()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("retry-now"));
	}

	@Test
	void aScriptStartsAnImportWithTheAdminsLoginOverHttpBasic() throws Exception {
		this.mvc.perform(post("/actuator/influence/backfill-start").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kinds\":\"products\",\"dryRun\":true}"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.started").value(true));
		this.mvc.perform(get("/actuator/influence/backfill").with(httpBasic(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'products')].dryRun").value(true));
	}

	@Test
	void otherEndpointsAreTheAdminsToo() throws Exception {
		Shopper.anonymous(this.mvc).open("/actuator").andExpect(status().isUnauthorized());
		Shopper.registered(this.mvc).open("/actuator").andExpect(status().isForbidden());
	}

}
