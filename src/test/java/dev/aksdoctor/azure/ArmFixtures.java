package dev.aksdoctor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/** Reads the verbatim ARM examples in {@code src/test/resources/arm/} (see SOURCES.md there). */
public final class ArmFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private ArmFixtures() {
    }

    /** A fresh, editable copy of {@code responses.<status>.body} of an example file. */
    public static ObjectNode body(String file, String status) {
        try (InputStream in = ArmFixtures.class.getResourceAsStream("/arm/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            JsonNode root = JSON.readTree(in);
            return (ObjectNode) root.path("responses").path(status).path("body").deepCopy();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode body(String file) {
        return body(file, "200");
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
