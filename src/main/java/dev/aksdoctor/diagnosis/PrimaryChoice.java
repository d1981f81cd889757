package dev.aksdoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses which of a paste's errors is the primary one (the first of the list). A provisioning or resource-provider
 * error comes before a client's connection error, which is usually its symptom (kubectl times out because the nodes
 * never joined). In an Activity Log list the newest failure comes first: that is the one the cluster is in now.
 * Otherwise the order of the paste is kept. (Wrappers have already given way to the inner error they carry.)
 */
final class PrimaryChoice {

    private static final int TIMESTAMP_REACH = 1500;
    private static final int MAX_TIMESTAMPS = 2000;
    private static final int STAMP_LENGTH = 19;

    private PrimaryChoice() {
    }

    static List<ErrorHit> order(List<ErrorHit> findings, String text) {
        if (findings.size() < 2) {
            return findings;
        }
        Map<ErrorHit, String> stamps = newestFirst(findings, text);
        List<ErrorHit> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt(PrimaryChoice::rank)
                .thenComparing((ErrorHit f) -> stamps.getOrDefault(f, ""), Comparator.reverseOrder())
                .thenComparingInt(ErrorHit::position));
        return ordered;
    }

    private static int rank(ErrorHit f) {
        return Playbook.isClientConnection(f.error()) ? 1 : 0;
    }

    /**
     * The timestamp nearest each finding, when the findings carry different ones (an Activity Log list, a CI log with
     * one time per line); empty otherwise, so that one timestamp for the whole paste changes nothing.
     */
    private static Map<ErrorHit, String> newestFirst(List<ErrorHit> findings, String text) {
        List<Integer> positions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int from = 0;
        for (int n = 0; n < MAX_TIMESTAMPS; n++) {
            int t = text.indexOf('T', from);
            if (t < 0) {
                break;
            }
            from = t + 1;
            int start = t - 10;
            if (start >= 0 && t + 9 <= text.length() && isStamp(text, start)) {
                positions.add(start);
                values.add(text.substring(start, start + STAMP_LENGTH));
            }
        }
        Map<ErrorHit, String> stamps = new HashMap<>();
        if (values.size() < 2) {
            return stamps;
        }
        for (ErrorHit f : findings) {
            int best = -1;
            int bestDistance = TIMESTAMP_REACH + 1;
            for (int i = 0; i < positions.size(); i++) {
                int distance = Math.abs(positions.get(i) - f.position());
                if (distance < bestDistance) {
                    best = i;
                    bestDistance = distance;
                }
            }
            if (best < 0) {
                return new HashMap<>();
            }
            stamps.put(f, values.get(best));
        }
        return stamps.values().stream().distinct().count() < 2 ? new HashMap<>() : stamps;
    }

    /** {@code 2024-06-13T08:41:25}: ISO 8601 as ARM, the Activity Log and the CLI print it (compared as text). */
    private static boolean isStamp(String s, int at) {
        String shape = "dddd-dd-ddTdd:dd:dd";
        for (int i = 0; i < STAMP_LENGTH; i++) {
            char expected = shape.charAt(i);
            char c = s.charAt(at + i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        return true;
    }
}
