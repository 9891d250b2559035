package dev.influence4j.operations;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.influence4j.delivery.OutboxEntry;

/**
 * A dead letter as an operator may see it: in its key, payload and error, email addresses keep their first
 * character and domain ({@code jane.doe@example.com} becomes {@code j***@example.com}) and reward codes their
 * first two characters ({@code INF-7K2M9Q4ZXA} becomes {@code IN***}; a code of four characters or fewer is
 * {@code ***}). A reward code is as good as money to whoever reads it, until the customer has used it.
 * <p>
 * Reward codes are the values of {@code couponCode} fields, where Influence.io's webhooks carry the codes the shop
 * must create (at the top of {@code points/redeemed}, in {@code reward}, {@code customerReward} and
 * {@code friendReward} of the others). A stored webhook's body is JSON inside the payload's JSON, so the field is
 * also found with its quotes escaped. Every code found is masked wherever it appears as a whole word, so that an
 * error quoting it (the shop's issuer refusing the code) shows it masked too.
 */
final class DeadLetterMask {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*"
			+ "@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)");

	/** A {@code couponCode} field with a text value, its quotes escaped to any depth: the code is group 1. */
	private static final Pattern CODE_FIELD = Pattern.compile("\"couponCode\\\\*\"\\s*:\\s*\\\\*\"([^\"\\\\]+)");

	/** What may not touch a code for it to be the whole word. */
	private static final String WORD = "A-Za-z0-9_-";

	private static final int KEPT = 2;

	private DeadLetterMask() {
	}

	static DeadLetter view(OutboxEntry entry) {
		Set<String> codes = codes(entry.payload(), entry.lastError());
		String error = entry.lastError();
		return new DeadLetter(entry.id(), entry.kind(), mask(entry.entityKey(), codes), entry.attempts(),
				(error != null) ? mask(error, codes) : null, entry.createdAt(), entry.updatedAt(),
				mask(entry.payload(), codes));
	}

	private static Set<String> codes(String payload, @Nullable String error) {
		// Longest first, so that a code that is part of another cannot leave the rest of the other readable.
		Set<String> codes = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(String::compareTo));
		collect(payload, codes);
		if (error != null) {
			collect(error, codes);
		}
		return codes;
	}

	private static void collect(String text, Set<String> codes) {
		Matcher field = CODE_FIELD.matcher(text);
		while (field.find()) {
			codes.add(field.group(1));
		}
	}

	private static String mask(String text, Set<String> codes) {
		String masked = text;
		for (String code : codes) {
			String shown = (code.length() > 2 * KEPT) ? code.substring(0, KEPT) + "***" : "***";
			masked = Pattern.compile("(?<![" + WORD + "])" + Pattern.quote(code) + "(?![" + WORD + "])")
				.matcher(masked)
				.replaceAll(Matcher.quoteReplacement(shown));
		}
		return EMAIL.matcher(masked).replaceAll("$1***@$2");
	}

}
