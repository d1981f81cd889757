package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exact expected JSON for a renderer's output, as Slack receives it (the SDK's own snake-case JSON), kept pretty
 * under {@code src/test/resources/reply/}. A missing file fails; {@code -Dgolden.write=true} writes the missing
 * ones (review them before committing).
 */
final class Golden {

    private Golden() {
    }

    static void assertMatches(String name, Object rendered) {
        JsonElement tree = GsonFactory.createSnakeCase().toJsonTree(rendered);
        String actual = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(tree);
        String resource = "/reply/" + name + ".json";
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (Boolean.getBoolean("golden.write")) {
                    Path file = Path.of("src/test/resources" + resource);
                    Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
                }
                throw new AssertionError("no golden file " + resource + " (run with -Dgolden.write=true to write it)");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(), actual, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
