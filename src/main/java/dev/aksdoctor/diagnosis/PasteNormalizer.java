package dev.aksdoctor.diagnosis;

/**
 * Turns what people paste into plain text: Slack links ({@code <https://…|label>}) and entities ({@code &amp;},
 * {@code &lt;}, {@code &quot;}), code fences and {@code >} quotes go; JSON string escaping is undone up to
 * {@value #MAX_UNESCAPE_DEPTH} layers; runs of spaces and tabs become one space. Every step is a single linear pass.
 * Words that terminal wrapping split with a run of spaces are not glued back here (that would also glue unrelated
 * words into false values): phrases are matched on {@link SqueezedText}, where whitespace does not count.
 */
final class PasteNormalizer {

    static final int MAX_UNESCAPE_DEPTH = 6;
    /** Larger pastes keep their head and tail: errors sit at the start (the RP message) or the end (the log tail). */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final int MAX_LINK = 2048;
    private static final String[][] ENTITIES = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
        {"&#39;", "'"}, {"&#x27;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};

    String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw.length() <= MAX_CHARS ? raw
                : raw.substring(0, MAX_CHARS / 2) + "\n" + raw.substring(raw.length() - MAX_CHARS / 2);
        s = unwrapSlackLinks(s);
        s = decodeEntities(s);
        for (int depth = 0; depth < MAX_UNESCAPE_DEPTH && s.indexOf('\\') >= 0; depth++) {
            String once = unescapeOnce(s);
            if (once == s) {
                break;
            }
            s = once;
        }
        return tidy(s);
    }

    /** {@code <url|label>} → {@code label url}, {@code <url>} → url, {@code <#C1|chan>} → chan, {@code <@U1>} → "". */
    static String unwrapSlackLinks(String s) {
        if (s.indexOf("<http") < 0 && s.indexOf("<@") < 0 && s.indexOf("<#") < 0 && s.indexOf("<!") < 0
                && s.indexOf("<mailto:") < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '<') {
                i = copyUntil(s, i, '<', out);
                continue;
            }
            if (!startsSlackToken(s, i + 1)) {
                out.append(c);
                i++;
                continue;
            }
            int bar = -1;
            int j = i + 1;
            int limit = Math.min(n, i + 1 + MAX_LINK);
            while (j < limit) {
                char d = s.charAt(j);
                if (d == '>' || d == '<' || d == '\n' || (bar < 0 && d == ' ')) {
                    break;
                }
                if (d == '|' && bar < 0) {
                    bar = j;
                }
                j++;
            }
            if (j >= limit || s.charAt(j) != '>') {
                out.append(c);
                i++;
                continue;
            }
            String target = s.substring(i + 1, bar < 0 ? j : bar);
            String label = bar < 0 ? "" : s.substring(bar + 1, j);
            boolean url = target.startsWith("http://") || target.startsWith("https://");
            if (url) {
                if (!label.isEmpty() && !label.equals(target) && !target.endsWith("//" + label)) {
                    out.append(label).append(' ');
                }
                out.append(target);
            } else {
                out.append(label);
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static boolean startsSlackToken(String s, int at) {
        return s.startsWith("http://", at) || s.startsWith("https://", at) || s.startsWith("mailto:", at)
                || s.startsWith("@U", at) || s.startsWith("@W", at) || s.startsWith("#C", at) || s.startsWith("!", at);
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                i = copyUntil(s, i, '&', out);
                continue;
            }
            String[] entity = entityAt(s, i);
            if (entity != null) {
                out.append(entity[1]);
                i += entity[0].length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String[] entityAt(String s, int at) {
        for (String[] e : ENTITIES) {
            if (s.startsWith(e[0], at)) {
                return e;
            }
        }
        return null;
    }

    /** Appends {@code s} from {@code from} up to the next {@code marker} (or the end); returns where it stopped. */
    private static int copyUntil(String s, int from, char marker, StringBuilder out) {
        int next = s.indexOf(marker, from);
        int end = next < 0 ? s.length() : next;
        out.append(s, from, end);
        return end;
    }

    /** Undoes one layer of JSON string escaping; returns the same instance when there was none. */
    static String unescapeOnce(String s) {
        int first = s.indexOf('\\');
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, first);
        boolean changed = false;
        int n = s.length();
        int i = first;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                i = copyUntil(s, i, '\\', out);
                continue;
            }
            if (i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case '"':
                case '\\':
                case '/':
                case '\'':
                    out.append(e);
                    i += 2;
                    changed = true;
                    break;
                case 'n':
                    out.append('\n');
                    i += 2;
                    changed = true;
                    break;
                case 'r':
                    i += 2;
                    changed = true;
                    break;
                case 't':
                    out.append(' ');
                    i += 2;
                    changed = true;
                    break;
                case 'u':
                    int cp = i + 6 <= n ? hex4(s, i + 2) : -1;
                    if (cp >= 0) {
                        out.append((char) cp);
                        i += 6;
                        changed = true;
                    } else {
                        out.append(c);
                        i++;
                    }
                    break;
                default:
                    out.append(c);
                    i++;
            }
        }
        return changed ? out.toString() : s;
    }

    private static int hex4(String s, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(at + k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /**
     * Line by line: drops Slack quote markers and code fences, turns runs of tabs and odd spaces into one space and
     * trims each line.
     */
    static String tidy(String s) {
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\r') {
                c = '\n';
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
            }
            if (lineStart) {
                int j = i;
                while (j < n && (isSpace(s.charAt(j)) || s.charAt(j) == '>')) {
                    j++;
                }
                if (j > i) {
                    i = j;
                    continue;
                }
                lineStart = false;
            }
            if (c == '`' && s.startsWith("```", i)) {
                i += 3;
                continue;
            }
            if (c == '\n') {
                while (len > 0 && out[len - 1] == ' ') {
                    len--;
                }
                out[len++] = '\n';
                lineStart = true;
                i++;
                continue;
            }
            if (isSpace(c)) {
                int j = i;
                while (j < n && isSpace(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                    out[len++] = ' ';
                }
                i = j;
                continue;
            }
            out[len++] = c;
            i++;
        }
        while (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\f' || c == '\u000b';
    }

}
