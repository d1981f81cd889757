package dev.aksdoctor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two app manifests (HTTP and Socket Mode) declare the same app; only how Slack reaches it differs. */
class SlackManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void socketModeManifest_enablesSocketModeAndHasNoUrl() throws IOException {
        JsonNode socket = read("slack-app-socket-mode.yaml");
        assertTrue(socket.path("settings").path("socket_mode_enabled").asBoolean());
        assertEquals(List.of(), urls(socket, ""), "Socket Mode needs no request URL");
    }

    @Test
    void httpManifest_sendsEverythingToSlackEvents() throws IOException {
        JsonNode http = read("slack-app.yaml");
        assertFalse(http.path("settings").path("socket_mode_enabled").asBoolean());
        List<String> urls = urls(http, "");
        assertEquals(4, urls.size(), urls::toString);
        urls.forEach(u -> assertTrue(u.endsWith("= https://aks-doctor.example.com/slack/events"), u));
    }

    @Test
    void bothManifests_declareTheSameApp_apartFromHowSlackReachesIt() throws IOException {
        JsonNode http = read("slack-app.yaml");
        JsonNode socket = read("slack-app-socket-mode.yaml");
        withoutTransport(http);
        withoutTransport(socket);
        assertEquals(http, socket, "scopes, command, shortcut and events must not drift between the manifests");
    }

    private static JsonNode read(String name) throws IOException {
        return YAML.readTree(Path.of("manifest", name).toFile());
    }

    /** Every {@code *url*} field, as {@code path = value}. */
    private static List<String> urls(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().contains("url") && field.getValue().isTextual()) {
                    found.add(path + "/" + field.getKey() + " = " + field.getValue().asText());
                }
                found.addAll(urls(field.getValue(), path + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(urls(node.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }

    private static void withoutTransport(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.remove(List.of("url", "request_url", "message_menu_options_url", "socket_mode_enabled"));
            object.forEach(SlackManifestsTest::withoutTransport);
        } else if (node.isArray()) {
            node.forEach(SlackManifestsTest::withoutTransport);
        }
    }
}
