package dev.aksdoctor.investigation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from pasted text before it is stored, logged or echoed. Pastes of ARM deployments, CLI
 * commands, kubeconfigs, CSE logs and proxy settings regularly carry passwords, tokens and keys.
 *
 * <p>Each recogniser finds one shape of secret and masks only the secret itself, so the rest of the paste (the
 * flag or field name, the error around it) still reads. Slack's entities ({@code &quot;}) and typographic quotes
 * are turned back into plain quotes first, and every quote may carry up to six JSON escaping backslashes, so a
 * paste escaped once or twice, or formatted by Slack, is read as the parser reads it. Every pattern is bounded
 * (no nested quantifiers), so a megabyte of hostile text cannot stall it; a recogniser runs only when the
 * lower-cased text holds one of its cues, so most pastes cost one scan per cue.
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";

    /** A quoted value (single, double, JSON-escaped double) or a bare one; group "v" is the secret. */
    private static final String VALUE = "(?:'(?<v1>[^'\\n]{1,512})'|\\\\{0,6}\"(?<v2>[^\"\\n\\\\]{1,512})"
            + "|(?<v3>[^\\s\"'\\\\,;&}<>|]{1,512}))";

    /**
     * Where a name or token may start: not inside a word, or right after a JSON-escaped line break or tab
     * ({@code \ntoken: …}), whose {@code n} would otherwise count as part of the word.
     */
    private static final String START = "(?:(?<![\\w-])|(?<=\\\\[nrt]))";

    /**
     * A secret shape: its pattern, the cues (lower case) one of which the text must contain, and optionally what
     * the line before a match must contain for the match to be a secret.
     */
    private record Recogniser(String name, Pattern pattern, List<String> cues, Pattern lineBefore) {
        Recogniser(String name, Pattern pattern, List<String> cues) {
            this(name, pattern, cues, null);
        }

        boolean applies(String lower) {
            return cues.stream().anyMatch(lower::contains);
        }
    }

    /** How far back the line of a {@code -p} is searched for the command it belongs to. */
    private static final int LINE_LOOKBACK = 400;

    private static final List<Recogniser> SHAPES = List.of(
            new Recogniser("private key block", Pattern.compile(
                    "-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----(?<s>[^-]{1,20000})(?:-----END [A-Z ]{0,40}PRIVATE KEY-----)?"),
                    List.of("private key-----")),
            new Recogniser("password in a URL", Pattern.compile(
                    "(?i)\\b[a-z][a-z0-9+.-]{1,15}://[^\\s:/@\"'<>|\\\\]{1,128}:(?<s>[^\\s@/\"'<>|\\\\]{1,256})@"),
                    List.of("://")),
            new Recogniser("SAS signature", Pattern.compile("(?i)\\bsig=(?<s>[^&\\s\"'<>|\\\\]{1,512})"), List.of("sig=")),
            new Recogniser("authorization header", Pattern.compile(
                    "(?i)\\b(?:bearer|basic)\\s{1,5}(?<s>[A-Za-z0-9\\-._~+/]{8,4096}={0,2})"), List.of("bearer", "basic")),
            new Recogniser("secret command-line option", Pattern.compile(
                    "(?i)" + START + "--(?:password|pass|client-secret|secret|token|sas-token|account-key|"
                            + "connection-string|private-key|api-key|access-key|secret-key|secret-access-key|"
                            + "aws-secret-access-key|client-key|service-principal-secret|admin-password)"
                            + "(?:=|\\s{1,5})" + VALUE),
                    List.of("--")),
            // -p is a port or a path elsewhere (ssh -p 22, mkdir -p): only in an az or login command line
            new Recogniser("az or login -p", Pattern.compile("(?<=\\s)-p(?:=|\\s{1,5})" + VALUE),
                    List.of("az ", "login"), Pattern.compile("(?i)(?:^|\\s|\\\\[nrt])(?:az\\s|login\\b)")),
            new Recogniser("kubectl --from-literal", Pattern.compile(
                    "(?i)" + START + "--from-literal(?:=|\\s{1,5})[^=\\s]{1,253}=" + VALUE), List.of("--from-literal")),
            new Recogniser("AWS secret key", Pattern.compile(
                    "(?i)" + START + "aws_secret_access_key(?:\\s{0,5}[:=]\\s{0,5}|\\s{1,5})" + VALUE), List.of("aws_secret_access_key")),
            new Recogniser("Slack token", Pattern.compile(
                    START + "(?<s>xox[a-z](?:\\.xox[a-z])?-[A-Za-z0-9-]{10,512}|xapp-[A-Za-z0-9-]{10,512})"),
                    List.of("xox", "xapp-")),
            new Recogniser("GitHub token", Pattern.compile(
                    START + "(?<s>gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255})"),
                    List.of("gh", "github_pat_")),
            new Recogniser("AWS access key id", Pattern.compile(START + "(?<s>(?:AKIA|ASIA)[0-9A-Z]{16})\\b"),
                    List.of("akia", "asia")),
            new Recogniser("JSON web token", Pattern.compile(
                    START + "(?<s>eyJ[A-Za-z0-9_-]{10,8192}\\.[A-Za-z0-9_-]{10,8192}\\.[A-Za-z0-9_-]{10,8192})"),
                    List.of("eyj")));

    /**
     * A field name and its separator: {@code password=}, {@code "client_secret": }, {@code token: } (YAML),
     * {@code \"AccountKey\":} (escaped JSON). Whether the name is a secret's is decided in code, so a field that
     * is not one (e.g. {@code user:} before {@code password=…}) is skipped without swallowing what follows.
     */
    private static final Pattern FIELD = Pattern.compile(
            "(?i)" + START + "\\\\{0,6}[\"']?(?<key>[a-z][\\w.-]{0,60}?)\\\\{0,6}[\"']?\\s{0,5}[:=]\\s{0,5}");
    private static final Pattern FIELD_VALUE = Pattern.compile(VALUE);
    private static final List<String> FIELD_CUES = List.of("pass", "pwd", "secret", "token", "key", "credential",
            "connectionstring", "signature", "-data");
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "pwd", "secret",
            "accountkey", "accesskey", "apikey", "privatekey", "keydata", "clientcertificatedata", "token",
            "credential", "connectionstring", "signingkey", "signature");
    /** Field names that merely talk about a secret: its name, type, where it lives, when it expires. */
    private static final List<String> NOT_SECRET_SUFFIXES = List.of("name", "type", "id", "url", "uri", "path",
            "file", "ref", "expiry", "expiresat", "expireson", "expiration", "length", "policy", "version", "count",
            "hint", "endpoint", "profile", "required", "enabled", "source", "kind", "format", "method", "audience");
    /**
     * A bare value under a field named only "token" shorter than this is prose or an error code ("token:
     * expired", "token: AADSTS700016"); Kubernetes and Azure tokens are longer.
     */
    private static final int MIN_TOKEN_LENGTH = 20;

    private static final String[][] SLACK_FORMS = {{"&quot;", "\""}, {"&#34;", "\""}, {"&#39;", "'"},
        {"&#x27;", "'"}, {"&apos;", "'"}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"\u2018", "'"},
        {"\u2019", "'"}, {"\u201C", "\""}, {"\u201D", "\""}};

    private SecretRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = plainQuotes(text);
        String lower = result.toLowerCase(Locale.ROOT);
        for (Recogniser shape : SHAPES) {
            if (shape.applies(lower)) {
                result = maskGroups(shape, shape.pattern().matcher(result), result);
            }
        }
        if (FIELD_CUES.stream().anyMatch(lower::contains)) {
            result = maskFields(result);
        }
        return result;
    }

    /** Slack's entities and typographic quotes as the plain characters the recognisers look for. */
    private static String plainQuotes(String text) {
        String result = text;
        for (String[] form : SLACK_FORMS) {
            if (result.contains(form[0])) {
                result = result.replace(form[0], form[1]);
            }
        }
        return result;
    }

    private static String maskGroups(Recogniser shape, Matcher m, String text) {
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            int[] span = secretSpan(m);
            if (span == null || (shape.lineBefore() != null && !shape.lineBefore().matcher(lineBefore(text, m.start())).find())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, span[0]).append(MASK);
            copied = span[1];
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The text of the line up to {@code end} (a real or JSON-escaped line break ends it), at most a few hundred chars. */
    private static String lineBefore(String text, int end) {
        int from = Math.max(0, end - LINE_LOOKBACK);
        String before = text.substring(from, end);
        int cut = Math.max(before.lastIndexOf('\n'), Math.max(before.lastIndexOf("\\n"), before.lastIndexOf("\\r")));
        return cut < 0 ? before : before.substring(cut + 1);
    }

    private static int[] secretSpan(Matcher m) {
        for (String group : new String[] {"s", "v1", "v2", "v3"}) {
            if (m.pattern().pattern().contains("<" + group + ">") && m.start(group) >= 0) {
                return new int[] {m.start(group), m.end(group)};
            }
        }
        return null;
    }

    private static String maskFields(String text) {
        Matcher field = FIELD.matcher(text);
        Matcher value = FIELD_VALUE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && field.find(from)) {
            from = field.end();
            String key = field.group("key").toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
            if (!secretName(key)) {
                continue;
            }
            value.region(field.end(), text.length());
            if (!value.lookingAt()) {
                continue;
            }
            int[] span = secretSpan(value);
            if (span == null || (onlyToken(key) && value.group("v3") != null && span[1] - span[0] < MIN_TOKEN_LENGTH)
                    || text.startsWith(MASK, span[0])) {
                from = Math.max(from, value.end());
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, span[0]).append(MASK);
            copied = span[1];
            from = value.end();
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean secretName(String key) {
        return SECRET_WORDS.stream().anyMatch(key::contains) && NOT_SECRET_SUFFIXES.stream().noneMatch(key::endsWith);
    }

    private static boolean onlyToken(String key) {
        return SECRET_WORDS.stream().filter(key::contains).allMatch(w -> w.equals("token"));
    }
}
