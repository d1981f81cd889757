package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.check.probe.TlsInspectionVerdict;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Subcategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** From a node: who issued the API server certificate the node sees? Not the cluster CA means TLS inspection. */
@ApplicationScoped
public class NodeTlsProbeCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NODE_TLS_PROBE;
    }

    @Override
    public Finding run(CheckContext context) {
        return NodeProbeFindings.notRun(id(), context).map(skipped -> certificateSuggested(context, skipped))
                .orElseGet(() -> {
            ClusterFacts c = context.facts().cluster();
            ProbeResult r = NodeProbeFindings.result(context);
            String node = NodeProbeFindings.node(context);
            TlsInspectionVerdict v = TlsInspectionVerdict.from(r, c.location());
            String nodeId = NodeProbeFindings.nodeId(context);
            switch (v.status()) {
                case INSPECTED:
                    return Findings.fail(id(), "TLS inspection: the API server certificate on " + node + " is issued by "
                            + v.issuer(), List.of(Evidence.of(v.explanation(), nodeId)),
                            "Exempt " + String.join(" and ", v.bypassPatterns()) + " from TLS inspection on the "
                                    + "proxy or firewall.", Docs.EGRESS);
                case CLUSTER_CA:
                    if (context.diagnosis().subcategory() == Subcategory.CERTIFICATE_PROBLEM) {
                        return Findings.warn(id(), "The node sees the cluster's own certificate; it may have expired",
                                List.of(Evidence.of(v.explanation(), nodeId)),
                                "If the cluster certificates expired, rotate the certificates (the API server restarts).",
                                Docs.CERT_ROTATION, Findings.action(NextAction.ROTATE_CERTIFICATES));
                    }
                    return Findings.pass(id(), "The node sees the cluster CA's certificate: no TLS inspection",
                            List.of(Evidence.of(v.explanation(), nodeId)), Docs.EGRESS);
                case UNKNOWN:
                default:
                    return Findings.warn(id(), "The node did not read a certificate",
                            List.of(Evidence.of(v.explanation(), nodeId)),
                            "The TLS step failed before a certificate was seen; check the TCP result.", Docs.EGRESS,
                            Findings.action(NextAction.RUN_NODE_PROBE));
            }
        });
    }

    /**
     * A certificate error pasted without the node test: the cluster's own certificates may have expired, so
     * rotating them is offered beside the test that tells it apart from a proxy rewriting the certificate.
     */
    private static Finding certificateSuggested(CheckContext context, Finding skipped) {
        if (context.diagnosis().subcategory() != Subcategory.CERTIFICATE_PROBLEM
                || skipped.actions().stream().noneMatch(a -> a.action() == NextAction.RUN_NODE_PROBE)) {
            return skipped;
        }
        java.util.List<SuggestedAction> actions = new java.util.ArrayList<>(skipped.actions());
        actions.add(Findings.action(NextAction.ROTATE_CERTIFICATES));
        return Finding.skipped(skipped.checkId(), skipped.title(), skipped.remedy() + " If it shows the cluster's "
                + "own certificate and the error says it expired, rotate the certificates (the API server restarts).",
                actions);
    }
}
