package dev.aksdoctor.diagnosis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one data row of an {@code az aks show -o table} (a header with a {@code ResourceGroup} column, its dashes, one
 * row). The normaliser has already folded the padding into single spaces, so columns are told apart by position
 * among the words: the dashes line has one run per column, and no value in those columns holds a space. A table of
 * several rows ({@code az aks list}) says nothing about which cluster the error is about, so it gives none.
 */
final class AzTable {

    /** The row's cells by lower-case column title, and where the table starts. */
    record Row(Map<String, String> cells, int position) {
    }

    private static final int MAX_TRIES = 64;
    /** A header or row longer than this is not one: a megabyte on one line must not be split 64 times. */
    private static final int MAX_LINE = 4000;

    private AzTable() {
    }

    static Optional<Row> singleRow(String text, String lower) {
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("resourcegroup", from);
            if (at < 0) {
                return Optional.empty();
            }
            from = at + 13;
            int start = NamedClusterFinder.lineStart(lower, at);
            int end = lineEnd(lower, at);
            int dashesEnd = lineEnd(lower, end + 1);
            if (dashesEnd + 1 >= lower.length() || (start > 0 && lower.charAt(start - 1) != '\n')
                    || end == lower.length() || lower.charAt(end) != '\n' || dashesEnd == lower.length()
                    || lower.charAt(dashesEnd) != '\n') {
                continue;
            }
            List<String> header = List.of(lower.substring(start, end).strip().split(" "));
            List<String> dashes = List.of(lower.substring(end + 1, dashesEnd).strip().split(" "));
            int rowEnd = lineEnd(lower, dashesEnd + 1);
            List<String> row = List.of(text.substring(dashesEnd + 1, rowEnd).strip().split(" "));
            if (header.size() != dashes.size() || row.size() != header.size()
                    || !dashes.stream().allMatch(d -> d.matches("-+"))) {
                continue;
            }
            if (rowEnd + 1 < lower.length()
                    && lower.substring(rowEnd + 1, lineEnd(lower, rowEnd + 1)).strip().split(" ").length
                            == header.size()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.putIfAbsent(header.get(i), row.get(i));
            }
            return Optional.of(new Row(cells, start));
        }
        return Optional.empty();
    }

    private static int lineEnd(String s, int from) {
        return NamedClusterFinder.lineEnd(s, from, Math.min(s.length(), from + MAX_LINE));
    }
}
