package dev.aksdoctor.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import dev.aksdoctor.action.AuditLog;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.reply.ActionPayload;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A write action waiting for confirmation, carried in the dialog's {@code private_metadata} (≤ 3000
 * characters) and validated again when the dialog comes back.
 *
 * @param shownDigest for authorized ranges: a digest of the range list the dialog showed, so that a list
 *                    changed since is not overwritten; else null
 */
public record PendingAction(NextAction action, ActionPayload payload, String channel, String threadTs,
        String shownDigest) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    public PendingAction {
        if (action == null || !action.writes() || payload == null || !SlackIds.isChannel(channel)
                || (threadTs != null && !SlackIds.isTs(threadTs))
                || (shownDigest != null && !DIGEST.matcher(shownDigest).matches())) {
            throw new IllegalArgumentException("invalid pending action");
        }
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("a", action.id());
        root.put("v", payload.toJson());
        root.put("c", channel);
        root.put("t", threadTs);
        root.put("d", shownDigest);
        return root.toString();
    }

    /** The action carried by a submitted dialog, when it comes from a real user and names its view. */
    public static Optional<PendingAction> submitted(ViewSubmissionPayload p) {
        if (p.getUser() == null || !SlackIds.isUser(p.getUser().getId()) || p.getView() == null
                || p.getView().getId() == null) {
            return Optional.empty();
        }
        return parse(p.getView().getPrivateMetadata());
    }

    public static Optional<PendingAction> parse(String json) {
        if (json == null || json.isEmpty() || json.length() > 3000) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            Optional<NextAction> action = NextAction.byId(root.path("a").asText("")).filter(NextAction::writes);
            Optional<ActionPayload> payload = ActionPayload.parse(root.path("v").asText(""));
            if (action.isEmpty() || payload.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PendingAction(action.get(), payload.get(), root.path("c").asText(""),
                    text(root.get("t")), text(root.get("d"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the audit log records about this action, pressed or confirmed by {@code actor}, on {@code target}. */
    public AuditLog.Entry auditEntry(String actor, String target) {
        Long inv = payload.investigationId() > 0 ? payload.investigationId() : null;
        return new AuditLog.Entry(actor, action.id(), target,
                payload.parameters().isEmpty() ? null : payload.parameters().toString(), inv, channel, threadTs);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
