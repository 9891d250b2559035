package dev.influence4j.launcher;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.http.CursorPage;
import dev.influence4j.http.InfluenceResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.influence4j.launcher.LauncherFixture.JANE;
import static dev.influence4j.launcher.LauncherFixture.PREFIX;
import static dev.influence4j.launcher.LauncherFixture.customerGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paging through the customer lists with {@code nextToken}, which Influence.io sends as a number (as its
 * OpenAPI document says) or as text (as live answers show).
 */
class LauncherPagingTest {

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.client(wireMock);

	@Test
	void streamsRewardsOverThreePagesWithTextAndNumberTokens() {
		String path = PREFIX + "/v1/customer/all-rewards";
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("nextToken", absent())
			.willReturn(okJson("{\"items\":[{\"id\":\"r-1\"},{\"id\":\"r-2\"}],\"nextToken\":\"2\"}")));
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("nextToken", equalTo("2"))
			.willReturn(okJson("{\"items\":[{\"id\":\"r-3\"}],\"nextToken\":3}")));
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("nextToken", equalTo("3"))
			.willReturn(okJson("{\"items\":[{\"id\":\"r-4\"}],\"nextToken\":\"\"}")));

		List<String> ids = this.launcher.customer(JANE).streamAllRewards(RewardFilter.all()).map(Reward::id).toList();

		assertThat(ids).containsExactly("r-1", "r-2", "r-3", "r-4");
		wireMock.verify(3, customerGet("/v1/customer/all-rewards", JANE));
	}

	@Test
	void aNumericTokenIsHandedBackAsText() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/all-rewards"))
			.willReturn(okJson("{\"items\":[],\"nextToken\":17}")));

		assertThat(this.launcher.customer(JANE).allRewards(RewardFilter.all(), null).nextCursor()).isEqualTo("17");
	}

	@Test
	void readsAllRewardsItemsGivenAsOneObjectAsTheDocumentTypesThem() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/all-rewards"))
			.willReturn(okJson("{\"items\":{\"id\":\"r-1\",\"couponCode\":\"C-1\"},\"nextToken\":0}")));

		CursorPage<Reward> page = this.launcher.customer(JANE).allRewards(RewardFilter.all(), null);

		assertThat(page.items()).extracting(Reward::couponCode).containsExactly("C-1");
		assertThat(page.nextCursor()).isEqualTo("0");
	}

	@Test
	void anEmptyItemsObjectIsAnEmptyPage() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/all-rewards"))
			.willReturn(okJson("{\"items\":{}}")));

		assertThat(this.launcher.customer(JANE).streamAllRewards(RewardFilter.all())).isEmpty();
	}

	@Test
	void sendsThePageTokenUnderTheParameterNameTheBuilderGives() {
		LauncherClient renamed = LauncherFixture.builder(wireMock).pageTokenParameter("next_token").build();
		String path = PREFIX + "/v1/customer/referrals";
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("next_token", absent())
			.willReturn(okJson("{\"items\":[{\"id\":\"ref-1\"}],\"nextToken\":\"n2\"}")));
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("next_token", equalTo("n2"))
			.willReturn(okJson("{\"items\":[{\"id\":\"ref-2\"}]}")));

		assertThat(renamed.customer(JANE).streamReferrals(null).map(PointActivity::id)).containsExactly("ref-1", "ref-2");
		wireMock.verify(2, customerGet("/v1/customer/referrals", JANE).withQueryParam("nextToken", absent()));
	}

	@Test
	void anAbsentOrNullTokenEndsTheList() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/points")).withQueryParam("nextToken", absent())
			.willReturn(okJson("{\"items\":[{\"id\":\"pa-1\",\"points\":5}],\"nextToken\":null}")));
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/referrals"))
			.willReturn(okJson("{\"items\":[{\"id\":\"ref-1\"}]}")));

		assertThat(this.launcher.customer(JANE).streamPointsActivity().map(PointActivity::id)).containsExactly("pa-1");
		assertThat(this.launcher.customer(JANE).streamReferrals(ReferralStatus.PENDING).map(PointActivity::id))
			.containsExactly("ref-1");
		wireMock.verify(1, customerGet("/v1/customer/points", JANE));
		wireMock.verify(1, customerGet("/v1/customer/referrals", JANE).withQueryParam("status", equalTo("pending")));
	}

	@Test
	void streamsFetchPagesOnlyWhenNeeded() {
		String path = PREFIX + "/v1/customer/points";
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("nextToken", absent())
			.willReturn(okJson("{\"items\":[{\"id\":\"pa-1\"},{\"id\":\"pa-2\"}],\"nextToken\":\"p2\"}")));
		wireMock.stubFor(get(urlPathEqualTo(path)).withQueryParam("nextToken", equalTo("p2"))
			.willReturn(okJson("{\"items\":[{\"id\":\"pa-3\"}]}")));

		List<String> first = this.launcher.customer(JANE)
			.streamPointsActivity()
			.limit(2)
			.map(PointActivity::id)
			.toList();

		assertThat(first).containsExactly("pa-1", "pa-2");
		wireMock.verify(1, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void aTokenThatRepeatsStopsTheStreamInsteadOfLoopingForever() {
		String path = PREFIX + "/v1/customer/points";
		wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"items\":[{\"id\":\"pa-1\"}],\"nextToken\":\"same\"}")));

		assertThatExceptionOfType(InfluenceResponseException.class)
			.isThrownBy(() -> this.launcher.customer(JANE).streamPointsActivity().toList())
			.withMessageContaining("cursor");
	}

	@Test
	void aPageWithoutItemsIsEmpty() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/all-rewards")).willReturn(okJson("{}")));

		assertThat(this.launcher.customer(JANE).streamAllRewards(RewardFilter.all())).isEmpty();
	}

}
