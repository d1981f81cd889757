package dev.aksdoctor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AKS detector responses (AppLens shapes) to {@link DetectorFacts}. Insights are the dataset entries rendered as
 * type 7; their table has the columns {@code Status, Message, Data.Name, Data.Value, Expanded, Solutions}, one row
 * per data item, so one insight can span several rows.
 */
final class DetectorMapper {

    /** AppLens' {@code RenderingType.Insights}. */
    private static final int INSIGHTS = 7;

    private DetectorMapper() {
    }

    static List<DetectorFacts> list(JsonNode body) {
        List<DetectorFacts> out = new ArrayList<>();
        for (JsonNode d : body.path("value")) {
            out.add(detector(d));
        }
        return out;
    }

    static DetectorFacts detector(JsonNode d) {
        JsonNode props = d.path("properties");
        JsonNode metadata = props.path("metadata");
        String name = text(d, "name");
        if (name == null) {
            name = text(metadata, "id");
        }
        List<String> children = new ArrayList<>();
        Map<String, DetectorInsight> insights = new LinkedHashMap<>();
        for (JsonNode entry : props.path("dataset")) {
            JsonNode rendering = entry.path("renderingProperties");
            rendering.path("detectorIds").forEach(id -> children.add(id.asText()));
            if (rendering.path("type").asInt(-1) == INSIGHTS) {
                insights(entry.path("table"), insights);
            }
        }
        return new DetectorFacts(name == null ? "(unnamed)" : name, text(metadata, "name"), text(metadata, "category"),
                children, new ArrayList<>(insights.values()));
    }

    private static void insights(JsonNode table, Map<String, DetectorInsight> into) {
        int status = column(table, "Status", 0);
        int message = column(table, "Message", 1);
        int value = column(table, "Data.Value", 3);
        for (JsonNode row : table.path("rows")) {
            String s = row.path(status).asText(null);
            String m = row.path(message).asText(null);
            if (s == null || m == null || m.isBlank()) {
                continue;
            }
            String v = row.path(value).isTextual() ? row.path(value).asText() : null;
            into.putIfAbsent(s.toLowerCase(Locale.ROOT) + "|" + m, new DetectorInsight(s, m, plain(v)));
        }
    }

    private static int column(JsonNode table, String name, int fallback) {
        JsonNode columns = table.path("columns");
        for (int i = 0; i < columns.size(); i++) {
            if (name.equalsIgnoreCase(columns.get(i).path("columnName").asText())) {
                return i;
            }
        }
        return fallback;
    }

    /** Detector values are often markdown or HTML: keep a short plain line. */
    private static String plain(String v) {
        if (v == null) {
            return null;
        }
        String s = v.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
