package dev.aksdoctor.investigation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from pasted text before it is stored or logged. Pastes of ARM deployments, CLI
 * output and CSE logs regularly carry SAS tokens, bearer tokens, client secrets and keys.
 *
 * <p>Every pattern is linear (no nested quantifiers) so a megabyte of hostile text cannot stall it.
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";

    /** A pattern runs only when the lower-cased text contains one of its literal cues: most pastes hold none. */
    private record Rule(Pattern pattern, String replacement, List<String> cues) {
    }

    private static final List<Rule> RULES = List.of(
            // PEM private keys, whole block (also one cut off before its END line)
            new Rule(Pattern.compile("-----BEGIN ([A-Z ]{0,40})PRIVATE KEY-----[^-]{0,20000}(-----END [A-Z ]{0,40}PRIVATE KEY-----)?"),
                    "-----BEGIN $1PRIVATE KEY-----" + MASK + "-----END $1PRIVATE KEY-----", List.of("private key-----")),
            // SAS signatures in URLs or connection strings: sig=...
            new Rule(Pattern.compile("(?i)(\\bsig=)[^&\\s\"'<>\\\\]{1,512}"), "$1" + MASK, List.of("sig=")),
            // Bearer / Basic authorization values
            new Rule(Pattern.compile("(?i)(\\b(?:bearer|basic)\\s{1,5})[A-Za-z0-9\\-._~+/]{8,}={0,2}"), "$1" + MASK,
                    List.of("bearer", "basic")),
            // JSON or form style secret fields: "client_secret": "...", password=..., AccountKey=...
            new Rule(Pattern.compile("(?i)(\\\\{0,6}\"?(?:client_secret|clientsecret|password|passwd|pwd|secret|"
                    + "accountkey|sharedaccesskey|access_token|refresh_token|api[_-]?key)\\\\{0,6}\"?\\s{0,5}[:=]\\s{0,5}"
                    + "\\\\{0,6}\"?)[^\"\\s&;,'}\\\\]{1,512}"), "$1" + MASK,
                    List.of("secret", "passwd", "pwd", "password", "accountkey", "accesskey", "_token", "apikey", "api_key", "api-key")),
            // Slack tokens
            new Rule(Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), MASK, List.of("xox")),
            // JSON Web Tokens that appear without a Bearer prefix
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"), MASK, List.of("eyj")));

    private SecretRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.cues().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(result);
            if (m.find()) {
                result = m.replaceAll(rule.replacement());
            }
        }
        return result;
    }
}
