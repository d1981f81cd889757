package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DocLink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders what the parser found as the threaded reply. Pure: records in, blocks out. */
public final class DiagnosisReplyRenderer {

    static final int MAX_DOC_BUTTONS = 5;

    private DiagnosisReplyRenderer() {
    }

    public static String fallbackText(Diagnosis d) {
        return d.recognized()
                ? Mrkdwn.truncate("AKS Doctor: " + d.errorCode() + " — " + d.summary(), SlackLimits.MESSAGE_TEXT)
                : "AKS Doctor found no known AKS error in this text.";
    }

    public static List<LayoutBlock> render(Diagnosis d) {
        if (!d.recognized()) {
            return unrecognized(d);
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate(d.errorCode(), SlackLimits.HEADER_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(
                Mrkdwn.truncate("*What failed:* " + Mrkdwn.escape(d.summary()), SlackLimits.SECTION_TEXT)))));
        List<TextObject> fields = extractedFields(d);
        if (!fields.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*Found in the paste*")).fields(fields)));
        }
        if (d.errors().size() > 1) {
            String others = d.errors().stream()
                    .map(e -> "• " + Mrkdwn.code(e.code()) + " — " + Mrkdwn.escape(e.summary()))
                    .collect(Collectors.joining("\n"));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                    "*Errors in this paste (" + d.errors().size() + ")*\n" + others, SlackLimits.SECTION_TEXT)))));
        }
        if (!d.plan().isEmpty()) {
            String plan = d.plan().stream().map(CheckId::id).map(Mrkdwn::code).collect(Collectors.joining(" → "));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                    "*What I'll check, in order:* " + plan, SlackLimits.SECTION_TEXT)))));
        }
        blocks.addAll(docs(d.docs()));
        return blocks;
    }

    static List<TextObject> extractedFields(Diagnosis d) {
        List<TextObject> fields = new ArrayList<>();
        if (d.exitCode() != null) {
            String os = d.os() == null ? "" : " (" + d.os().json() + ")";
            addField(fields, "Exit code", d.exitCode() + os);
        }
        if (d.subcategory() != null && d.subcategory() != dev.aksdoctor.diagnosis.Subcategory.UNKNOWN) {
            addField(fields, "How it failed", d.subcategory().name().toLowerCase().replace('_', ' '));
        }
        if (d.cluster() != null) {
            addField(fields, "Cluster", d.cluster().displayName());
        }
        addField(fields, "API server", d.apiServerFqdn());
        addField(fields, "API server IP", d.apiServerIp());
        addField(fields, "Node IP", d.nodeIp());
        if (d.nodeName() != null) {
            String where = d.vmss() == null ? d.nodeName() : d.nodeName() + " (instance " + d.instanceId() + ")";
            addField(fields, "Node", where);
        }
        addField(fields, "Region", d.region());
        if (Boolean.TRUE.equals(d.privateCluster())) {
            addField(fields, "Private cluster", "yes");
        }
        addField(fields, "Correlation ID", d.correlationId());
        return fields.size() > SlackLimits.SECTION_FIELDS ? fields.subList(0, SlackLimits.SECTION_FIELDS) : fields;
    }

    private static void addField(List<TextObject> fields, String label, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(markdownText("*" + label + "*\n" + Mrkdwn.truncate(Mrkdwn.code(value), SlackLimits.FIELD_TEXT - 40)));
        }
    }

    static List<LayoutBlock> docs(List<DocLink> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < Math.min(docs.size(), MAX_DOC_BUTTONS); i++) {
            DocLink doc = docs.get(i);
            int index = i;
            buttons.add(button(b -> b.actionId("doc_link_" + index)
                    .text(plainText(Mrkdwn.truncate(doc.title(), SlackLimits.BUTTON_TEXT)))
                    .url(doc.url())));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*Docs*"))));
        blocks.add(actions(a -> a.blockId("docs").elements(buttons)));
        return blocks;
    }

    private static List<LayoutBlock> unrecognized(Diagnosis d) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                ":grey_question: " + Mrkdwn.escape(d.summary()), SlackLimits.SECTION_TEXT)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "I recognise AKS node-provisioning (CSE) exit codes on Linux and Windows, `VMExtensionError_*` and "
                        + "legacy `*VMExtensionError` names, `VMExtensionProvisioningTimeout`, cluster and node failures "
                        + "(`QuotaExceeded`, `RequestDisallowedByPolicy`, `SubnetIsFull`, `AllocationFailed`…) and `kubectl` "
                        + "connection errors. Paste the whole error text, as the portal, `az` or the Activity Log shows it.")))));
        return blocks;
    }

    /** Text of the root message that anchors the thread, naming who asked. */
    public static String rootText(String requesterId, Diagnosis d) {
        String what = d.recognized() ? "`" + Mrkdwn.escape(d.errorCode()) + "`" : "a pasted error";
        return ":stethoscope: <@" + requesterId + "> asked AKS Doctor about " + what + ". Findings in the thread.";
    }

    public static List<LayoutBlock> rootBlocks(String requesterId, Diagnosis d) {
        return List.of(section(s -> s.text(markdownText(rootText(requesterId, d)))));
    }
}
