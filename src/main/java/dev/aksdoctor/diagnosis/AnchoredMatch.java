package dev.aksdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pattern only where its literal anchor occurs ({@link String#indexOf} is fast), instead of letting
 * {@link Matcher#find} try it at every position of a megabyte paste. Patterns start at the anchor; a look-behind
 * still sees the text before it.
 */
final class AnchoredMatch {

    private AnchoredMatch() {
    }

    /** The first match starting at an occurrence of {@code anchor}, trying at most {@code maxTries} occurrences. */
    static Matcher first(Pattern pattern, String text, String anchor, int window, int maxTries) {
        Matcher m = pattern.matcher(text);
        m.useTransparentBounds(true);
        int from = 0;
        for (int n = 0; n < maxTries; n++) {
            int at = text.indexOf(anchor, from);
            if (at < 0) {
                return null;
            }
            m.region(at, Math.min(text.length(), at + window));
            if (m.lookingAt()) {
                return m;
            }
            from = at + 1;
        }
        return null;
    }
}
