package dev.influence4j.sync;

import java.util.ArrayList;
import java.util.List;

import dev.influence4j.Require;
import dev.influence4j.delivery.EntryKind;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.platform.PlatformClient;

/**
 * Every kind of entry influence4j sends to the Platform API: the registration of each kind, the only place
 * besides its own file that a new kind touches.
 */
public final class SyncKinds {

	private SyncKinds() {
	}

	/**
	 * The kinds the storefront's events make.
	 * @param client the Platform client they deliver with
	 * @return the kinds
	 */
	public static List<StorefrontKind<?, ?>> storefront(PlatformClient client) {
		Require.present(client, "platform client");
		return List.of(new OrderCompletedKind(client), new OrderUpdatedKind(client), new ProductSavedKind(client),
				new ProductDeletedKind(client), new CustomerSavedKind(client), new CollectionSavedKind(client),
				new CollectionDeletedKind(client));
	}

	/**
	 * Every kind: the storefront's, and those other kinds write (a placed order's reward codes).
	 * @param client the Platform client they deliver with
	 * @return the kinds
	 */
	public static List<EntryKind<?>> all(PlatformClient client) {
		List<EntryKind<?>> all = new ArrayList<>(storefront(client));
		all.add(new RewardUsedKind(client));
		return List.copyOf(all);
	}

}
