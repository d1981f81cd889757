package dev.aksdoctor.diagnosis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one table of documentation articles ({@code catalog/articles.tsv}): each article under one URL, the seed's
 * own {@code aka.ms} reference where the seeds give one, else the locale-free {@code learn.microsoft.com} form.
 * Every {@link DocLink} is rewritten to its article's URL and title, so the catalogs and the findings cannot
 * link the same article two ways.
 */
public final class Articles {

    static final String RESOURCE = "/catalog/articles.tsv";
    private static final Pattern LOCALE = Pattern.compile("^(https://(?:learn|docs)\\.microsoft\\.com)/[a-z]{2}-[a-z]{2}/",
            Pattern.CASE_INSENSITIVE);

    /** One article: its URL (no anchor) and title. */
    public record Article(String url, String title) {
    }

    private Articles() {
    }

    private static final class Table {
        static final Map<String, Article> BY_URL = new LinkedHashMap<>();
        static final Map<String, String> ALIASES = new HashMap<>();

        static {
            try (InputStream in = Articles.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t", -1);
                    Article a = new Article(cols[0].trim(), cols[1].trim());
                    BY_URL.put(key(a.url()), a);
                    if (cols.length > 2) {
                        for (String alias : cols[2].split(",")) {
                            if (!alias.isBlank()) {
                                ALIASES.put(key(alias.trim()), a.url());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every article of the table. */
    public static Collection<Article> all() {
        return Table.BY_URL.values();
    }

    /** The article a URL (any alias, locale or anchor) names, if the table has it. */
    public static Optional<Article> find(String url) {
        String base = withoutLocale(url).split("#", 2)[0];
        String canonical = Table.ALIASES.getOrDefault(key(base), base);
        return Optional.ofNullable(Table.BY_URL.get(key(canonical)));
    }

    /** The article's one URL for {@code url}, keeping its anchor; unknown URLs only lose their locale. */
    static String canonical(String url) {
        String plain = withoutLocale(url);
        String[] parts = plain.split("#", 2);
        String anchor = parts.length > 1 ? "#" + parts[1] : "";
        return find(plain).map(a -> a.url() + anchor).orElse(plain);
    }

    static String withoutLocale(String url) {
        return LOCALE.matcher(url).replaceFirst("$1/");
    }

    private static String key(String url) {
        String k = url.toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }
}
