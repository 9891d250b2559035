package dev.influence4j.launcher;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A membership: a merchant-defined customer group (for example wholesale) with its own rules, as carried by
 * {@link LauncherCustomer#currentMembership()}. Not in the OpenAPI document: the fields are those seen in
 * live answers, so every one may be absent.
 *
 * @param id the membership's id
 * @param title its title
 * @param description its description
 * @param iconType how its icon is chosen
 * @param defaultIcon its default icon
 * @param excludeFromMemberships whether its members are excluded from other memberships
 * @param excludeFromReferrals whether its members are excluded from referrals
 * @param perks the perks, as display text
 */
public record LoyaltyMembership(@Nullable String id, @Nullable String title, @Nullable String description,
		@Nullable String iconType, @Nullable String defaultIcon, @Nullable Boolean excludeFromMemberships,
		@Nullable Boolean excludeFromReferrals,
		@JsonDeserialize(contentUsing = Lenient.Text.class) List<String> perks) {

	public LoyaltyMembership {
		perks = Lenient.list(perks);
	}

}
