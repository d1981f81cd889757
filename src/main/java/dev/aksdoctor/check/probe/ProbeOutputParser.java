package dev.aksdoctor.check.probe;

import dev.aksdoctor.network.AddressRanges;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the marker lines of a node probe's output (the run-command message, with or without its
 * {@code [stdout]}/{@code [stderr]} sections). Never throws.
 *
 * <p>Only stdout is trusted and the first occurrence of a marker wins: stderr carries verbose tool output
 * in which a remote server controls some text, so it must not be able to forge a marker.
 */
public final class ProbeOutputParser {

    private static final int TAIL_CHARS = 2000;
    private static final int VALUE_CHARS = 512;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)([a-z][a-z0-9+.-]{0,15}://)[^\\s/@]{1,512}@");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?im)^([^\\n]{0,200}authorization:)[^\\n]*$");

    private ProbeOutputParser() {
    }

    public static ProbeResult parse(String stdout) {
        String text = stdout == null ? "" : stdout;
        Map<String, String> markers = markers(text);
        Set<ProbeStep> reported = EnumSet.noneOf(ProbeStep.class);

        boolean dnsOk = false;
        List<String> ips = new ArrayList<>();
        String dns = markers.get("dns");
        if (dns != null) {
            String[] tokens = dns.split("\\s+");
            if ("ok".equals(tokens[0]) || "fail".equals(tokens[0])) {
                reported.add(ProbeStep.DNS);
                dnsOk = "ok".equals(tokens[0]);
            }
            for (String token : tokens) {
                if (token.startsWith("ips=")) {
                    for (String ip : token.substring(4).split(",")) {
                        AddressRanges.canonicalIp(ip).filter(c -> !ips.contains(c)).ifPresent(ips::add);
                    }
                }
            }
            dnsOk = dnsOk && !ips.isEmpty();
        }
        boolean tcpOk = false;
        String tcp = firstToken(markers.get("tcp"));
        if ("ok".equals(tcp) || "fail".equals(tcp)) {
            reported.add(ProbeStep.TCP);
            tcpOk = "ok".equals(tcp);
        }
        int httpsStatus = 0;
        String https = firstToken(markers.get("https"));
        if (https != null && https.matches("\\d{3}")) {
            reported.add(ProbeStep.HTTPS);
            httpsStatus = Integer.parseInt(https);
        }
        if (markers.containsKey("tls")) {
            reported.add(ProbeStep.TLS);
        }
        String proxy = null;
        if (markers.containsKey("proxy")) {
            reported.add(ProbeStep.PROXY);
            String value = clean(markers.get("proxy"));
            proxy = value == null || "none".equalsIgnoreCase(value) ? null : value;
        }
        return new ProbeResult(dnsOk, ips, tcpOk, clean(markers.get("tls_issuer")), clean(markers.get("tls_subject")),
                proxy, tail(text), reported, httpsStatus, markers.containsKey("done"));
    }

    private static Map<String, String> markers(String text) {
        Map<String, String> markers = new HashMap<>();
        String prefix = NodeProbeScripts.MARKER + " ";
        for (String raw : text.split("\\r?\\n|\\r")) {
            String line = raw.trim();
            if ("[stderr]".equals(line)) {
                break;
            }
            if (!line.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            int eq = rest.indexOf('=');
            String key = eq < 0 ? rest.trim() : rest.substring(0, eq).trim();
            String value = eq < 0 ? "" : rest.substring(eq + 1).trim();
            markers.putIfAbsent(key, value);
        }
        return markers;
    }

    private static String firstToken(String value) {
        if (value == null) {
            return null;
        }
        String[] tokens = value.trim().split("\\s+");
        return tokens.length == 0 ? null : tokens[0];
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = redact(CONTROL.matcher(value).replaceAll("")).replaceAll("\\s+", " ").trim();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > VALUE_CHARS ? cleaned.substring(0, VALUE_CHARS) : cleaned;
    }

    private static String redact(String value) {
        String noAuth = AUTH_HEADER.matcher(value).replaceAll("$1 ***");
        return URL_CREDENTIALS.matcher(noAuth).replaceAll("$1***@");
    }

    private static String tail(String text) {
        // Redact a window wider than the tail, so a credential crossing the cut is still recognised whole.
        String window = text.length() > TAIL_CHARS + 600 ? text.substring(text.length() - TAIL_CHARS - 600) : text;
        String cleaned = redact(CONTROL.matcher(window).replaceAll(""));
        return cleaned.length() > TAIL_CHARS ? cleaned.substring(cleaned.length() - TAIL_CHARS) : cleaned;
    }
}
