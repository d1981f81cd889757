package dev.aksdoctor.diagnosis;

/**
 * The paste lower-cased with whitespace and formatting characters removed, plus a map back to positions in the
 * normalised text. Phrases are matched here so that terminal wrapping ({@code "connec      tion"}), Slack bold and
 * JSON quoting cannot split them.
 */
final class SqueezedText {

    /** Every {@value #STRIDE}th squeezed character records its origin; the rest are found by walking from there. */
    private static final int STRIDE = 32;

    private final String source;
    private final String text;
    private final int[] checkpoints;

    private SqueezedText(String source, String text, int[] checkpoints) {
        this.source = source;
        this.text = text;
        this.checkpoints = checkpoints;
    }

    static SqueezedText of(String normalized) {
        int n = normalized.length();
        char[] out = new char[n];
        int[] checkpoints = new int[n / STRIDE + 2];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = normalized.charAt(i);
            if (dropped(c)) {
                continue;
            }
            if (len % STRIDE == 0) {
                checkpoints[len / STRIDE] = i;
            }
            out[len] = lower(c);
            len++;
        }
        return new SqueezedText(normalized, new String(out, 0, len), checkpoints);
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
        if (squeezedIndex >= text.length()) {
            return source.length();
        }
        int k = Math.max(0, squeezedIndex);
        int at = checkpoints[k / STRIDE];
        for (int skip = k % STRIDE; ; at++) {
            if (!dropped(source.charAt(at))) {
                if (skip == 0) {
                    return at;
                }
                skip--;
            }
        }
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
