package dev.aksdoctor.diagnosis;

/**
 * The paste lower-cased with whitespace and formatting characters removed, plus a map back to positions in the
 * normalised text. Phrases are matched here so that terminal wrapping ({@code "connec      tion"}), Slack bold and
 * JSON quoting cannot split them.
 */
final class SqueezedText {

    private final String text;
    private final int[] origin;

    private SqueezedText(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    static SqueezedText of(String normalized) {
        int n = normalized.length();
        char[] out = new char[n];
        int[] origin = new int[n + 1];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = normalized.charAt(i);
            if (dropped(c)) {
                continue;
            }
            out[len] = lower(c);
            origin[len] = i;
            len++;
        }
        origin[len] = n;
        return new SqueezedText(new String(out, 0, len), origin);
    }

    /** The same transformation applied to a catalog phrase. */
    static String squeeze(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (!dropped(c)) {
                sb.append(lower(c));
            }
        }
        return sb.toString();
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** Position in the normalised text of the character at {@code squeezedIndex}. */
    int origin(int squeezedIndex) {
        return origin[Math.max(0, Math.min(squeezedIndex, text.length()))];
    }

    private static boolean dropped(char c) {
        return c <= ' ' || c == '*' || c == '`' || c == '"' || c == '\\' || c == '\u00a0';
    }

    private static char lower(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c < 128 ? c : Character.toLowerCase(c);
    }
}
