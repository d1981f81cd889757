package dev.aksdoctor.diagnosis;

import java.util.Objects;

/** A documentation link shown in replies and in the parser contract's {@code docs}. */
public record DocLink(String title, String url) {
    public DocLink {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("doc links must be https: " + url);
        }
        // One URL and one title per article, whoever links it (Articles).
        String given = url;
        url = Articles.canonical(given);
        title = Articles.find(given).map(Articles.Article::title).orElse(title);
    }
}
