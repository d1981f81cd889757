package dev.aksdoctor.check;

import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** From a node: outbound HTTPS through the node's own proxy settings (exit 50, VMExtensionProvisioningTimeout). */
@ApplicationScoped
public class NodeOutboundProbeCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NODE_OUTBOUND_PROBE;
    }

    @Override
    public Finding run(CheckContext context) {
        return NodeProbeFindings.notRun(id(), context).orElseGet(() -> {
            ProbeResult r = NodeProbeFindings.result(context);
            String node = NodeProbeFindings.node(context);
            String nodeId = NodeProbeFindings.nodeId(context);
            List<Evidence> evidence = new ArrayList<>();
            String host = FailureFamily.outbound(context.diagnosis()) ? context.facts().outboundProbeHost()
                    : "the API server";
            evidence.add(Evidence.of("to " + host + ": DNS " + (r.dnsOk() ? "ok" : "failed") + ", TCP 443 "
                    + (r.tcpOk() ? "ok" : "failed")
                    + (r.proxy() == null ? ", no proxy" : ", proxy " + r.proxy()), nodeId));
            if (!r.dnsOk() || !r.tcpOk()) {
                return Findings.fail(id(), node + " has no working outbound HTTPS", evidence,
                        "Allow the AKS required endpoints through NSG, firewall and proxy (egress rules).", Docs.EGRESS,
                        Findings.action(NextAction.SHOW_NSG_RULES), Findings.action(NextAction.SHOW_ROUTES));
            }
            return Findings.pass(id(), node + " has outbound HTTPS", evidence, Docs.EGRESS);
        });
    }
}
