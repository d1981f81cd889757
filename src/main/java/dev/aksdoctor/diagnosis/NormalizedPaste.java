package dev.aksdoctor.diagnosis;

/**
 * A paste after {@link PasteNormalizer}: the readable text, its lower-case form (same positions) and the squeezed
 * form used for phrase matching.
 */
record NormalizedPaste(String text, String lower, SqueezedText squeezed) {

    static NormalizedPaste of(String normalized) {
        return new NormalizedPaste(normalized, LowerCase.of(normalized), SqueezedText.of(normalized));
    }

    /** Lower-casing that never changes the length, so positions in {@code text} and {@code lower} agree. */
    static final class LowerCase {
        private LowerCase() {
        }

        static String of(String s) {
            char[] out = new char[s.length()];
            for (int i = 0; i < out.length; i++) {
                char c = s.charAt(i);
                out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
            }
            return new String(out);
        }
    }
}
