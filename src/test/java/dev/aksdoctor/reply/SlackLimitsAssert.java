package dev.aksdoctor.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Walks rendered blocks as Slack receives them (the SDK's own JSON) and checks every Block Kit limit. */
final class SlackLimitsAssert {

    private SlackLimitsAssert() {
    }

    static JsonArray json(List<LayoutBlock> blocks) {
        return GsonFactory.createSnakeCase().toJsonTree(blocks).getAsJsonArray();
    }

    static void withinLimits(List<LayoutBlock> blocks) {
        JsonArray array = json(blocks);
        assertTrue(array.size() <= SlackLimits.BLOCKS_PER_MESSAGE, "blocks: " + array.size());
        Set<String> blockIds = new HashSet<>();
        for (JsonElement e : array) {
            JsonObject block = e.getAsJsonObject();
            String type = block.get("type").getAsString();
            if (block.has("block_id")) {
                String id = block.get("block_id").getAsString();
                assertTrue(id.length() <= 255, "block_id length");
                assertTrue(blockIds.add(id), "duplicate block_id " + id);
            }
            switch (type) {
                case "header" -> assertTrue(text(block).length() <= SlackLimits.HEADER_TEXT, "header text");
                case "section" -> {
                    if (block.has("text")) {
                        int len = text(block).length();
                        assertTrue(len >= 1 && len <= SlackLimits.SECTION_TEXT, "section text length " + len);
                    }
                    if (block.has("fields")) {
                        JsonArray fields = block.getAsJsonArray("fields");
                        assertTrue(fields.size() <= SlackLimits.SECTION_FIELDS, "fields: " + fields.size());
                        fields.forEach(f -> assertTrue(f.getAsJsonObject().get("text").getAsString().length()
                                <= SlackLimits.FIELD_TEXT, "field text"));
                    }
                }
                case "context" -> assertTrue(block.getAsJsonArray("elements").size() <= SlackLimits.CONTEXT_ELEMENTS);
                case "actions" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    assertTrue(elements.size() <= SlackLimits.ACTIONS_ELEMENTS, "actions elements");
                    Set<String> actionIds = new HashSet<>();
                    for (JsonElement el : elements) {
                        JsonObject button = el.getAsJsonObject();
                        assertEquals("button", button.get("type").getAsString());
                        assertTrue(text(button).length() <= SlackLimits.BUTTON_TEXT, "button text " + text(button));
                        String actionId = button.get("action_id").getAsString();
                        assertTrue(actionId.length() <= 255, "action_id length");
                        assertTrue(actionIds.add(actionId), "duplicate action_id in a block: " + actionId);
                        if (button.has("value")) {
                            assertTrue(button.get("value").getAsString().length() <= SlackLimits.BUTTON_VALUE, "button value");
                        }
                        if (button.has("url")) {
                            assertTrue(button.get("url").getAsString().length() <= 3000, "button url");
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String text(JsonObject o) {
        return o.getAsJsonObject("text").get("text").getAsString();
    }
}
