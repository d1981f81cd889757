package dev.aksdoctor.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads ARM x-ms-examples bodies; NSG rules merge singular and plural fields as callers do. */
final class ArmExampleJson {

    private ArmExampleJson() {
    }

    static List<NsgRule> rules(String resource) {
        JsonNode props = body(resource).path("properties");
        List<NsgRule> rules = new ArrayList<>();
        props.path("securityRules").forEach(r -> rules.add(rule(r, false)));
        props.path("defaultSecurityRules").forEach(r -> rules.add(rule(r, true)));
        return rules;
    }

    static String id(String resource) {
        return body(resource).path("id").asText();
    }

    static JsonNode body(String resource) {
        try (InputStream in = ArmExampleJson.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in).path("responses").path("200").path("body");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NsgRule rule(JsonNode r, boolean defaultRule) {
        JsonNode p = r.path("properties");
        return new NsgRule(r.path("name").asText(), r.path("id").asText(),
                Direction.fromAzure(p.path("direction").asText()), Access.fromAzure(p.path("access").asText()),
                p.path("priority").asInt(), p.path("protocol").asText(),
                merge(p, "sourceAddressPrefix"), merge(p, "sourcePortRange"),
                merge(p, "destinationAddressPrefix"), merge(p, "destinationPortRange"), defaultRule);
    }

    private static List<String> merge(JsonNode p, String singular) {
        List<String> values = new ArrayList<>();
        if (p.hasNonNull(singular)) {
            values.add(p.get(singular).asText());
        }
        p.path(singular + "es").forEach(v -> values.add(v.asText()));
        return values;
    }
}
