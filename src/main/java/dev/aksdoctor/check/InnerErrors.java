package dev.aksdoctor.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The innermost errors of an ARM error body, as an Activity Log event's {@code properties.statusMessage} or a
 * provisioning error holds it. An async failure is wrapped: {@code {"status":"Failed","error":{"code":
 * "ResourceOperationFailure","message":"…terminal provisioning state 'Failed'","details":[{"code":
 * "QuotaExceeded","message":"…Current Limit: 24, Current Usage: 24, Additional Required: 4…"}]}}}; the wrapper
 * says only that it failed, the leaves say why. A statusMessage is sometimes a JSON string holding the JSON.
 */
final class InnerErrors {

    /** One error code with its message. */
    record ArmError(String code, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NUMBER = Pattern.compile("(Current Limit|Current Usage|Additional Required|"
            + "\\(Minimum\\) New Limit Required)\\s*:\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    private InnerErrors() {
    }

    /** The leaves of the error tree (errors without details), outermost first when nothing is nested. */
    static List<ArmError> innermost(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode node = parse(body.trim());
        List<ArmError> out = new ArrayList<>();
        if (node != null) {
            collect(node, out);
        }
        if (out.isEmpty()) {
            Matcher c = CODE.matcher(body);
            String code = null;
            while (c.find()) {
                code = c.group(1);
            }
            if (code != null) {
                Matcher m = MESSAGE.matcher(body);
                String message = null;
                while (m.find()) {
                    message = m.group(1);
                }
                out.add(new ArmError(code, message == null ? null : message.replace("\\\"", "\"")));
            }
        }
        return out;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.isTextual()) {
                return parse(n.asText());
            }
            return n;
        } catch (IOException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, List<ArmError> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        JsonNode error = node.has("error") && node.get("error").isObject() ? node.get("error") : node;
        JsonNode details = error.get("details");
        int before = out.size();
        if (details != null && details.isArray()) {
            for (JsonNode d : details) {
                collect(d, out);
            }
        }
        if (out.size() == before && error.hasNonNull("code")) {
            String message = error.hasNonNull("message") ? error.get("message").asText() : null;
            // A message that is itself an error body (CRP errors wrapped by the AKS RP) has the real leaf.
            if (message != null && message.contains("\"code\"")) {
                List<ArmError> nested = innermost(message.substring(Math.max(0, message.indexOf('{'))));
                if (!nested.isEmpty() && !nested.get(0).code().equalsIgnoreCase(error.get("code").asText())) {
                    out.addAll(nested);
                    return;
                }
            }
            out.add(textual(error.get("code").asText(), message));
        }
    }

    private static final Pattern TEXT_CODE = Pattern.compile(
            "(?:SubCode:\\s*|Code\\s*=\\s*\\\\?\"|\\bCode:\\s*)([A-Za-z][A-Za-z0-9_]{3,80})");

    /**
     * The AKS RP quotes the real error as text inside a wrapper's message ({@code Category: ClientError; SubCode:
     * QuotaExceeded; … Code="OperationNotAllowed" Message="…"}): the first code it names that is not the wrapper's.
     */
    static ArmError textual(String code, String message) {
        if (message != null) {
            Matcher m = TEXT_CODE.matcher(message);
            while (m.find()) {
                String inner = m.group(1);
                if (!inner.equalsIgnoreCase(code) && !inner.equalsIgnoreCase("InternalError")
                        && !inner.equalsIgnoreCase("ClientError")) {
                    return new ArmError(inner, message);
                }
            }
        }
        return new ArmError(code, message);
    }

    /** The leaves of a provisioning error ({@code properties.status.provisioningError}). */
    static List<ArmError> innermost(dev.aksdoctor.azure.ArmErrorFacts error) {
        List<ArmError> out = new ArrayList<>();
        if (error != null) {
            leaves(error, out);
        }
        return out;
    }

    private static void leaves(dev.aksdoctor.azure.ArmErrorFacts e, List<ArmError> out) {
        if (e.details().isEmpty()) {
            List<ArmError> nested = e.message() != null && e.message().contains("\"code\"")
                    ? innermost(e.message().substring(Math.max(0, e.message().indexOf('{')))) : List.of();
            if (!nested.isEmpty() && !nested.get(0).code().equalsIgnoreCase(e.code())) {
                out.addAll(nested);
            } else {
                out.add(textual(e.code(), e.message()));
            }
            return;
        }
        e.details().forEach(d -> leaves(d, out));
    }

    /** "limit 24, usage 24, 4 more needed" from a QuotaExceeded message, or null when it has no numbers. */
    static String quotaNumbers(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(message);
        Long limit = null;
        Long usage = null;
        Long required = null;
        while (m.find()) {
            String k = m.group(1).toLowerCase(Locale.ROOT);
            long v = Long.parseLong(m.group(2));
            if (k.startsWith("current limit")) {
                limit = v;
            } else if (k.startsWith("current usage")) {
                usage = v;
            } else if (k.startsWith("additional required")) {
                required = v;
            }
        }
        if (limit == null && usage == null && required == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (usage != null && limit != null) {
            parts.add(usage + "/" + limit + " used");
        } else if (limit != null) {
            parts.add("limit " + limit);
        }
        if (required != null) {
            parts.add(required + " more needed");
        }
        return String.join(", ", parts);
    }

    /** The number after "Additional Required:", or -1. */
    static long additionalRequired(String message) {
        if (message == null) {
            return -1;
        }
        Matcher m = NUMBER.matcher(message);
        while (m.find()) {
            if (m.group(1).toLowerCase(Locale.ROOT).startsWith("additional required")) {
                return Long.parseLong(m.group(2));
            }
        }
        return -1;
    }
}
