package dev.aksdoctor.reply;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.aksdoctor.check.Finding;
import dev.aksdoctor.check.InvestigationReport;
import dev.aksdoctor.check.Outcome;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.DocLink;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to an error whose cause is on the client that printed it (not pointed at a cluster, credentials
 * rejected, a port-forward the pod or the local port refused): the likely cause first, then what the paste showed,
 * why no Azure check ran, and the articles. No buttons: none of them would act on the cause. Pure: records in, blocks
 * out.
 */
public final class ClientSideAnswerRenderer {

    private ClientSideAnswerRenderer() {
    }

    public static String fallbackText(Diagnosis d) {
        return Mrkdwn.truncate("AKS Doctor: " + d.errorCode() + ". Likely cause: " + answer(d).cause() + ".",
                SlackLimits.MESSAGE_TEXT);
    }

    public static List<LayoutBlock> render(Diagnosis d) {
        String named = d.cluster() == null ? "" : " The cluster the paste names was not checked.";
        return render(d, answer(d).noChecks() + named);
    }

    /**
     * The general answer after the cluster's credentials settings were read and explained nothing: what was read (or
     * why it could not be) replaces "no Azure checks ran".
     */
    public static List<LayoutBlock> render(Diagnosis d, InvestigationReport report) {
        return render(d, checked(report));
    }

    static String checked(InvestigationReport report) {
        if (!report.access().configured()) {
            return "Azure access is not configured, so the cluster's credential settings were not checked.";
        }
        if (report.location().found().isEmpty()) {
            return "The cluster was not found in Azure, so its credential settings were not checked.";
        }
        String cluster = report.location().found().get().name();
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(b.length() == 0 ? "" : " ").append(f.outcome() == Outcome.PASS
                    ? "Checked " + cluster + " in Azure: " + f.title() + "."
                    : "Not fully checked in Azure (" + cluster + "): " + f.title()
                            + (f.remedy() == null ? "." : " — " + f.remedy()));
        }
        return b.length() == 0 ? "No Azure check finished for " + cluster + "." : b.toString();
    }

    private static List<LayoutBlock> render(Diagnosis d, String checks) {
        ClientSideAnswer answer = answer(d);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate(d.errorCode(), SlackLimits.HEADER_TEXT)))));
        blocks.add(section(s -> s.blockId("likely_cause").text(markdownText(Mrkdwn.truncate(answer.causeText(),
                SlackLimits.SECTION_TEXT)))));
        List<TextObject> fields = DiagnosisReplyRenderer.extractedFields(d);
        if (!fields.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*Found in the paste*")).fields(fields)));
        }
        blocks.add(context(c -> c.elements(List.<ContextBlockElement>of(markdownText(
                Mrkdwn.truncate(checks, SlackLimits.SECTION_TEXT))))));
        blocks.addAll(DiagnosisReplyRenderer.docs(d.docs()));
        return blocks;
    }

    static ClientSideAnswer answer(Diagnosis d) {
        String code = d.errorCode() == null ? "" : d.errorCode();
        if (CredentialsAnswer.answers(code)) {
            return CredentialsAnswer.answer(d);
        }
        if (PortForwardAnswer.answers(code)) {
            return PortForwardAnswer.answer(d);
        }
        return KubeconfigAnswerRenderer.answer(d);
    }

    /** The cause section ends with the first article, so the link is on the first thing read. */
    static String withFirstDoc(StringBuilder text, Diagnosis d) {
        if (!d.docs().isEmpty()) {
            DocLink doc = d.docs().get(0);
            text.append("\n").append(Mrkdwn.link(doc.url(), doc.title()));
        }
        return text.toString();
    }
}
