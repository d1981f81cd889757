package dev.aksdoctor.reply;

/**
 * Slack mrkdwn helpers. Anything that came from a paste is escaped, so a pasted {@code <!channel>} or
 * {@code <https://evil|docs>} renders as text instead of pinging a channel or forging a link.
 */
public final class Mrkdwn {

    private Mrkdwn() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escaped inline code; backticks inside would end the span early, so they become quotes. */
    public static String code(String text) {
        return "`" + escape(text).replace('`', '\'') + "`";
    }

    public static String link(String url, String label) {
        return "<" + url + "|" + escape(label).replace("|", "/") + ">";
    }

    /** Cuts {@code text} to at most {@code max} characters, marking the cut. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
