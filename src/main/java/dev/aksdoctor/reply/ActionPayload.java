package dev.aksdoctor.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksdoctor.check.SuggestedAction;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.network.AddressRanges;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code value} of a next-step button: {@code {"inv":42,"cluster":"/subscriptions/…/managedClusters/aks1",
 * "p":{"pool":"nodepool1"}}}. Slack hands the value back verbatim from anyone who can craft a request to a
 * channel the bot is in, and its parameters reach ARM writes and run-command scripts, so parsing accepts
 * only the known parameter names with strictly shaped values and answers empty for anything else.
 *
 * @param investigationId the investigation whose reply carries the button
 * @param clusterId       the managed cluster's ARM resource id, or null when the cluster is not known
 * @param parameters      the {@link SuggestedAction} parameters, by their constant names
 */
public record ActionPayload(long investigationId, String clusterId, Map<String, String> parameters) {

    /** Slack's limit for a button value. */
    public static final int MAX_LENGTH = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern CLUSTER_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "/resourceGroups/[-\\w.()]{1,90}/providers/Microsoft\\.ContainerService/managedClusters/"
                    + "[A-Za-z0-9][-\\w]{0,62}",
            Pattern.CASE_INSENSITIVE);
    /** Any ARM resource id (an NSG, a route table, a subnet): the values that SHOW_* buttons point at. */
    private static final Pattern RESOURCE_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "/resourceGroups/[-\\w.()]{1,90}/providers/[A-Za-z][\\w.]{1,60}"
                    + "(/[A-Za-z][\\w]{0,60}/[-\\w.]{1,80}){1,4}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POOL = Pattern.compile("[a-z][a-z0-9]{0,11}");
    private static final Pattern SCALE_SET = Pattern.compile("[A-Za-z0-9][-\\w.]{0,79}");
    private static final Pattern CATEGORY = Pattern.compile("connectivity|node-health|crud");
    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9]{1,9}");
    /** An instant as {@code Instant.toString()} writes one to the second, in UTC. */
    private static final Pattern AT = Pattern.compile("20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z");

    public ActionPayload {
        if (investigationId < 0) {
            throw new IllegalArgumentException("investigation id must not be negative");
        }
        if (clusterId != null && !CLUSTER_ID.matcher(clusterId).matches()) {
            throw new IllegalArgumentException("not a managed cluster resource id");
        }
        Map<String, String> sorted = new TreeMap<>();
        if (parameters != null) {
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                if (!validParameter(e.getKey(), e.getValue())) {
                    throw new IllegalArgumentException("invalid action parameter " + e.getKey());
                }
                sorted.put(e.getKey(), e.getValue());
            }
        }
        // Sorted so the same action always renders the same value (golden tests, dedupe).
        parameters = Collections.unmodifiableMap(sorted);
    }

    /** The button value for one suggested action of an investigation about {@code cluster} (may be null). */
    public static ActionPayload of(long investigationId, ClusterRef cluster, SuggestedAction action) {
        String id = cluster == null ? null : cluster.resourceId().orElse(null);
        return new ActionPayload(investigationId, id, action == null ? Map.of() : action.parameters());
    }

    public static ActionPayload of(long investigationId, ClusterRef cluster) {
        return of(investigationId, cluster, null);
    }

    /** The cluster the button acts on, when the investigation located one. */
    public Optional<ClusterRef> cluster() {
        return clusterId == null ? Optional.empty() : ClusterRef.findResourceId(clusterId);
    }

    /** The same payload with one more (validated) parameter. */
    public ActionPayload withParameter(String name, String value) {
        Map<String, String> more = new TreeMap<>(parameters);
        more.put(name, value);
        return new ActionPayload(investigationId, clusterId, more);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Compact JSON, at most {@link #MAX_LENGTH} characters. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("inv", investigationId);
        if (clusterId == null) {
            root.putNull("cluster");
        } else {
            root.put("cluster", clusterId);
        }
        ObjectNode p = root.putObject("p");
        parameters.forEach(p::put);
        String json = root.toString();
        if (json.length() > MAX_LENGTH) {
            throw new IllegalStateException("button value longer than Slack's " + MAX_LENGTH + " characters");
        }
        return json;
    }

    /** The payload in a button value, or empty when the value is not exactly one we could have written. */
    public static Optional<ActionPayload> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(value);
            if (root == null || !root.isObject() || root.size() > 3) {
                return Optional.empty();
            }
            JsonNode inv = root.get("inv");
            if (inv == null || !inv.isIntegralNumber() || !inv.canConvertToLong()) {
                return Optional.empty();
            }
            JsonNode cluster = root.get("cluster");
            String clusterId;
            if (cluster == null || cluster.isNull()) {
                clusterId = null;
            } else if (cluster.isTextual()) {
                clusterId = cluster.textValue();
            } else {
                return Optional.empty();
            }
            Map<String, String> parameters = new TreeMap<>();
            JsonNode p = root.get("p");
            if (p != null && !p.isNull()) {
                if (!p.isObject() || p.size() > 8) {
                    return Optional.empty();
                }
                for (Map.Entry<String, JsonNode> f : p.properties()) {
                    if (!f.getValue().isTextual()) {
                        return Optional.empty();
                    }
                    parameters.put(f.getKey(), f.getValue().textValue());
                }
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("inv") && !name.equals("cluster") && !name.equals("p")) {
                    return Optional.empty();
                }
            }
            return Optional.of(new ActionPayload(inv.longValue(), clusterId, parameters));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean parsesAsInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean validParameter(String name, String value) {
        if (name == null || value == null) {
            return false;
        }
        switch (name) {
            case SuggestedAction.CIDR:
                return AddressRanges.isValidCidr(value) && value.length() <= 50;
            case SuggestedAction.POOL:
                return POOL.matcher(value).matches();
            case SuggestedAction.SCALE_SET:
                return SCALE_SET.matcher(value).matches();
            case SuggestedAction.INSTANCE_ID:
                return INSTANCE_ID.matcher(value).matches();
            case SuggestedAction.RESOURCE_ID:
                return value.length() <= 600 && RESOURCE_ID.matcher(value).matches();
            case SuggestedAction.CATEGORY:
                return CATEGORY.matcher(value).matches();
            case SuggestedAction.AT:
                return AT.matcher(value).matches() && parsesAsInstant(value);
            default:
                return false;
        }
    }
}
