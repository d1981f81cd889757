package dev.aksdoctor.network;

import java.util.Locale;

/**
 * Wildcard host names as Azure Firewall application rules use them: {@code *} alone matches every name, and a
 * leading {@code *} matches any prefix ({@code *.contoso.com} matches {@code a.b.contoso.com}, not
 * {@code contoso.com}).
 */
public final class HostPatterns {

    private HostPatterns() {
    }

    /**
     * Whether {@code pattern} covers every name {@code host} stands for: YES when it does, UNKNOWN when it covers
     * some of them only (a wildcard endpoint such as {@code *.data.mcr.microsoft.com} against a rule for one
     * regional name), NO when none.
     */
    static Tri covers(String pattern, String host) {
        if (pattern == null || host == null) {
            return Tri.NO;
        }
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if ("*".equals(p)) {
            return Tri.YES;
        }
        boolean patternWild = p.startsWith("*");
        boolean hostWild = h.startsWith("*");
        if (!hostWild) {
            if (!patternWild) {
                return p.equals(h) ? Tri.YES : Tri.NO;
            }
            return h.endsWith(p.substring(1)) && h.length() > p.length() - 1 ? Tri.YES : Tri.NO;
        }
        String hostSuffix = h.substring(1);
        if (patternWild) {
            String patternSuffix = p.substring(1);
            if (hostSuffix.endsWith(patternSuffix)) {
                return Tri.YES;
            }
            return patternSuffix.endsWith(hostSuffix) ? Tri.UNKNOWN : Tri.NO;
        }
        return p.endsWith(hostSuffix) ? Tri.UNKNOWN : Tri.NO;
    }

    /** True when {@code pattern} matches every name in {@code host}. */
    public static boolean fullyCovers(String pattern, String host) {
        return covers(pattern, host) == Tri.YES;
    }

    /** True when {@code pattern} matches at least one name {@code host} stands for. */
    public static boolean overlaps(String pattern, String host) {
        return covers(pattern, host) != Tri.NO || covers(host, pattern) != Tri.NO;
    }
}
