package dev.influence4j.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.NamedWhitelistRule;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.http.CursorPage;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.methodIs;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static dev.influence4j.launcher.LauncherFixture.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the Launcher client to Influence.io's Launcher OpenAPI document with an independent validator
 * (Atlassian's swagger-request-validator). The document is {@code src/test/resources/openapi/launcher-openapi.json},
 * the OpenAPI 3.0 file readme.io generated for Influence.io (registry id {@code @influenceio/v1.0#1ngg11m34ngrw3}),
 * copied unchanged from the public repository {@code SamAndy90/nb-speed}, {@code .api/apis/influenceio/openapi.json}.
 * <p>
 * Every call sends its request to WireMock, which answers with an example built from the document's 200 schema;
 * each request is then validated against the document, and the client must read each example. Request bodies
 * are held to the fields the document lists ({@code additionalProperties: false} is added to their schemas).
 * The client's departures from the document are let through only by the named rules in {@link #DEPARTURES},
 * the same departures the README's table "The Launcher and its OpenAPI document" declares; any other difference
 * fails.
 */
class LauncherContractTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final JsonNode document = readDocument();

	/** A shop's own customer id, which need not be a number like Shopify's. */
	private static final CustomerIdentity JANE = new CustomerIdentity("ext-42", "Jane.Doe@Example.com");

	private static final String OK_SCHEMA = "/responses/200/content/application~1json/schema";

	private static final String UNEXPECTED_QUERY = "validation.request.parameter.query.unexpected";

	/** One rule per row of the README's table of the Launcher's departures from its document. */
	private static final ValidationErrorsWhitelist DEPARTURES = ValidationErrorsWhitelist.create()
		.withRule("page token: nextToken is sent back as a query parameter the document does not define",
				allOf(isRequest(), methodIs(PathItem.HttpMethod.GET), messageHasKey(UNEXPECTED_QUERY),
						messageContainsRegexp("'nextToken'"),
						pathContainsRegexp("/v1/customer/(points|referrals|all-rewards)$")))
		.withRule("stamps: the GET's body fields are sent as query parameters, the rule id as rule_id",
				allOf(isRequest(), methodIs(PathItem.HttpMethod.GET), messageHasKey(UNEXPECTED_QUERY),
						messageContainsRegexp("'(shop|customer_id|customer_email|digest|rule_id)'"),
						pathContainsRegexp("/v1/customer/stamps$")))
		.withRule("customer_id: the shop's own id, as text, where the document types it as an integer (Shopify's ids)",
				allOf(isRequest(), methodIs(PathItem.HttpMethod.GET), messageHasKey("validation.request.parameter.schema.type"),
						queryParameterIs("customer_id"), pathContainsRegexp("/v1/customer(/points|/referrals|/all-rewards(/count)?)?$")))
		.withRule("redeem: redemptionSource is sent in the body, which the document does not list",
				allOf(isRequest(), methodIs(PathItem.HttpMethod.POST),
						messageHasKey("validation.request.body.schema.additionalProperties"),
						messageContainsRegexp("\\[\"redemptionSource\"\\]"), pathContainsRegexp("/v1/customer/redeem$")));

	private static final OpenApiInteractionValidator validator = OpenApiInteractionValidator
		.createForInlineApiSpecification(json.writeValueAsString(closedRequestBodies(document)))
		// Every difference is an error, even those the validator ranks lower by default (an unexpected query
		// parameter is only IGNORE there); the declared departures are lowered again by the whitelist.
		.withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
		.withWhitelist(DEPARTURES)
		.build();

	private static final Set<String> appliedDepartures = new HashSet<>();

	private static final Set<LauncherEndpoint> checkedEndpoints = EnumSet.noneOf(LauncherEndpoint.class);

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.client(wireMock);

	@BeforeEach
	void answerEveryOperationWithAnExampleOfItsSchema() {
		forEachOperation((method, path, operation) -> {
			JsonNode answer = example(operation.at(OK_SCHEMA));
			wireMock.stubFor(request(method.toUpperCase(), urlPathTemplate(PREFIX + path))
				.willReturn(okJson(json.writeValueAsString(answer))));
		});
	}

	static Stream<Named<Call>> calls() {
		RewardFilter filter = RewardFilter.all()
			.withSource(RewardSource.POINT_ACTIVITY)
			.withRewardType(RewardType.FIXED_AMOUNT_DISCOUNT);
		return Stream.of(
				call(LauncherEndpoint.CUSTOMER_GET, (launcher) -> launcher.customer(JANE).profile()),
				call(LauncherEndpoint.CUSTOMER_REWARDS_LIST, (launcher) -> launcher.customer(JANE).allRewards(filter, "2")),
				call(LauncherEndpoint.CUSTOMER_REWARDS_COUNT, (launcher) -> launcher.customer(JANE).countRewards(filter)),
				call(LauncherEndpoint.CUSTOMER_AUTH, LauncherContractTest::authenticate),
				call(LauncherEndpoint.CUSTOMER_BIRTHDAY_UPDATE, (launcher) -> launcher.customer(JANE).updateBirthday(29, 2)),
				call(LauncherEndpoint.CUSTOMER_DYNAMIC_LINK, (launcher) -> launcher.customer(JANE).actionLandingPage("earn-1")),
				call(LauncherEndpoint.CUSTOMER_LOYALTY_CARD_LOOKUP, (launcher) -> launcher.shop().loyaltyCardLookup("LC-42")),
				call(LauncherEndpoint.CUSTOMER_POINTS_LIST, (launcher) -> launcher.customer(JANE).pointsActivity("2")),
				call(LauncherEndpoint.CUSTOMER_REDEEM,
						(launcher) -> launcher.customer(JANE).redeem("redeem-1", 500L, "account page")),
				call(LauncherEndpoint.CUSTOMER_REFERRALS_LIST,
						(launcher) -> launcher.customer(JANE).referrals(ReferralStatus.COMPLETED, "2")),
				call(LauncherEndpoint.CUSTOMER_SOCIAL, (launcher) -> launcher.customer(JANE).actionSocial("earn-2")),
				call(LauncherEndpoint.CUSTOMER_STAMPS_GET, (launcher) -> launcher.customer(JANE).stamps("stamp-rule-1")),
				call(LauncherEndpoint.CUSTOMER_UPLOAD_FILE,
						(launcher) -> launcher.customer(JANE).uploadFile("earn-3", "receipt.jpg", "image/jpeg")),
				call(LauncherEndpoint.SHOP_GET, (launcher) -> launcher.shop().get()),
				call(LauncherEndpoint.SHOP_EARN_RULES, (launcher) -> launcher.shop().earnRules()),
				call(LauncherEndpoint.SHOP_EARN_RULE_PRODUCT_EXCLUSIONS,
						(launcher) -> launcher.shop().earnRuleProductExclusions("earn-1")),
				call(LauncherEndpoint.SHOP_EARN_RULE_VARIANT_EXCLUSIONS,
						(launcher) -> launcher.shop().earnRuleVariantExclusions("earn-1")),
				call(LauncherEndpoint.SHOP_REDEEM_RULES, (launcher) -> launcher.shop().redeemRules(RewardType.PRODUCT_DISCOUNT)),
				call(LauncherEndpoint.SHOP_REFERRAL_RULES, (launcher) -> launcher.shop().referralRules()),
				call(LauncherEndpoint.SHOP_TIERS_LIST, (launcher) -> launcher.shop().tiers()),
				call(LauncherEndpoint.SHOP_TIER_GET, (launcher) -> launcher.shop().tier("tier-1")),
				call(LauncherEndpoint.SHOP_STAMP_CARD, (launcher) -> launcher.shop().stampCard()));
	}

	@ParameterizedTest
	@MethodSource("calls")
	void sendsWhatTheDocumentDescribesAndReadsTheExampleOfItsAnswer(Call call) {
		Object answer = call.send().apply(this.launcher);

		assertThat(answer).as("what the client read").satisfies(LauncherContractTest::holdsSomething);
		List<ServeEvent> served = wireMock.getAllServeEvents();
		assertThat(served).as("requests sent").singleElement();
		LoggedRequest sent = served.get(0).getRequest();
		String answered = served.get(0).getResponse().getBodyAsString();
		ValidationReport report = validator.validate(validatable(sent),
				SimpleResponse.Builder.ok().withContentType("application/json").withBody(answered).build());
		assertThat(report.getMessages()).as("differences from the document")
			.allSatisfy((message) -> assertThat(departure(message)).as(message.getKey() + ": " + message.getMessage())
				.isPresent());
		report.getMessages().forEach((message) -> departure(message).ifPresent(appliedDepartures::add));
		checkedEndpoints.add(call.endpoint());
	}

	@Test
	void declaresExactlyTheOperationsOfTheDocument() {
		Set<String> documented = new TreeSet<>();
		forEachOperation((method, path, operation) -> documented.add(method.toUpperCase() + " " + path));

		assertThat(Stream.of(LauncherEndpoint.values())
			.map((endpoint) -> endpoint.method().name() + " " + endpoint.defaultPath()))
			.containsExactlyInAnyOrderElementsOf(documented);
		assertThat(calls().map((call) -> call.getPayload().endpoint())).containsExactlyInAnyOrder(LauncherEndpoint.values());
	}

	@Test
	void readsAllRewardsInTheShapeTheDocumentGivesAndInTheShapeLiveAnswersHave() {
		JsonNode documented = example(document.at("/paths/~1v1~1customer~1all-rewards/get" + OK_SCHEMA));
		assertThat(documented.path("items").isObject()).as("the document's items").isTrue();
		assertThat(documented.path("nextToken").isNumber()).as("the document's nextToken").isTrue();
		ObjectNode live = json.createObjectNode();
		live.set("items", json.createArrayNode().add(documented.path("items")).add(documented.path("items")));
		live.put("nextToken", "eyJpZCI6Mn0=");
		wireMock.stubFor(request("GET", urlPathTemplate(PREFIX + "/v1/customer/all-rewards"))
			.willReturn(okJson(live.toString())));

		CursorPage<Reward> page = this.launcher.customer(JANE).allRewards(RewardFilter.all(), null);

		assertThat(page.items()).hasSize(2);
		assertThat(page.nextCursor()).isEqualTo("eyJpZCI6Mn0=");
	}

	@AfterAll
	static void everyDeclaredDepartureIsStillADeparture() {
		// Only meaningful after the parameterized test ran for every call; a stale rule would hide nothing.
		if (checkedEndpoints.containsAll(EnumSet.allOf(LauncherEndpoint.class))) {
			// Four rules in DEPARTURES: each must still be needed, or it goes from here and from the README.
			assertThat(appliedDepartures).as("departures the document still differs by").hasSize(4);
		}
	}

	private static Optional<String> departure(ValidationReport.Message message) {
		return message.getContext()
			.flatMap(ValidationReport.MessageContext::getAppliedWhitelistRule)
			.map(NamedWhitelistRule::getName);
	}

	private static WhitelistRule queryParameterIs(String name) {
		return (message, operation, request, response) -> message.getContext()
			.flatMap(ValidationReport.MessageContext::getParameter)
			.map((parameter) -> "query".equals(parameter.getIn()) && name.equals(parameter.getName()))
			.orElse(false);
	}

	private static Object authenticate(LauncherClient launcher) {
		@SuppressWarnings("deprecation")
		LauncherCustomer customer = launcher.customer(JANE).authenticate();
		return customer;
	}

	private static Named<Call> call(LauncherEndpoint endpoint, Function<LauncherClient, Object> send) {
		return Named.of(endpoint.method().name() + " " + endpoint.defaultPath(), new Call(endpoint, send));
	}

	private static void holdsSomething(Object answer) {
		if (answer instanceof Collection<?> collection) {
			assertThat(collection).isNotEmpty();
		}
		else if (answer instanceof CursorPage<?> page) {
			assertThat(page.items()).isNotEmpty();
		}
		else if (answer instanceof Optional<?> optional) {
			assertThat(optional).isPresent();
		}
		else {
			assertThat(answer).isNotNull();
		}
	}

	private static Request validatable(LoggedRequest sent) {
		String path = sent.getUrl().split("\\?", 2)[0];
		SimpleRequest.Builder request = new SimpleRequest.Builder(sent.getMethod().getName(), path);
		sent.getQueryParams().forEach((name, parameter) -> request.withQueryParam(name, parameter.values()));
		sent.getHeaders().all().forEach((header) -> request.withHeader(header.key(), header.values()));
		if (sent.getBody() != null && sent.getBody().length > 0) {
			request.withBody(sent.getBodyAsString());
		}
		return request.build();
	}

	/** A value the schema allows, with every property present: the first enum value, a 1, a "text". */
	private static JsonNode example(JsonNode schema) {
		if (schema.has("enum")) {
			return schema.path("enum").get(0);
		}
		return switch (schema.path("type").asString("object")) {
			case "array" -> json.createArrayNode().add(example(schema.path("items")));
			case "integer" -> json.getNodeFactory().numberNode(1);
			case "number" -> json.getNodeFactory().numberNode(1.5);
			case "boolean" -> json.getNodeFactory().booleanNode(true);
			case "string" -> json.getNodeFactory().stringNode("text");
			default -> {
				ObjectNode object = json.createObjectNode();
				schema.path("properties")
					.properties()
					.forEach((property) -> object.set(property.getKey(), example(property.getValue())));
				yield object;
			}
		};
	}

	/** The document with {@code additionalProperties: false} on every object schema of a request body. */
	private static JsonNode closedRequestBodies(JsonNode original) {
		JsonNode copy = original.deepCopy();
		copy.path("paths")
			.forEach((item) -> item.forEach((operation) -> close(operation.at("/requestBody/content/application~1json/schema"))));
		return copy;
	}

	private static void close(JsonNode schema) {
		if (schema instanceof ObjectNode object && "object".equals(object.path("type").asString())) {
			object.put("additionalProperties", false);
			object.path("properties").forEach(LauncherContractTest::close);
		}
	}

	private static void forEachOperation(OperationConsumer consumer) {
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
				consumer.accept(operation.getKey(), path.getKey(), operation.getValue());
			}
		}));
	}

	private static JsonNode readDocument() {
		try (InputStream in = LauncherContractTest.class.getResourceAsStream("/openapi/launcher-openapi.json")) {
			return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Call(LauncherEndpoint endpoint, Function<LauncherClient, Object> send) {
	}

	@FunctionalInterface
	interface OperationConsumer {

		void accept(String method, String path, JsonNode operation);

	}

}
