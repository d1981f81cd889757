package dev.aksdoctor.check;

import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.check.probe.ProbeStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** From a node: does the API server FQDN resolve? */
@ApplicationScoped
public class NodeDnsProbeCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NODE_DNS_PROBE;
    }

    @Override
    public Finding run(CheckContext context) {
        return NodeProbeFindings.notRun(id(), context).orElseGet(() -> {
            ProbeResult r = NodeProbeFindings.result(context);
            String node = NodeProbeFindings.node(context);
            if (!r.reported(ProbeStep.DNS)) {
                return Findings.warn(id(), "The DNS step did not report", List.of(Evidence.of(r.rawTail())),
                        "The node's output was cut or the step did not run; re-run the node test.", Docs.AZURE_DNS,
                        Findings.action(NextAction.RUN_NODE_PROBE));
            }
            if (!r.dnsOk()) {
                return Findings.fail(id(), node + " cannot resolve the API server FQDN",
                        List.of(Evidence.of("DNS lookup failed on " + node, NodeProbeFindings.nodeId(context))),
                        "Check the VNet's DNS servers and, for private clusters, the private DNS zone link.",
                        Docs.AZURE_DNS);
            }
            return Findings.pass(id(), node + " resolves the API server to " + String.join(", ", r.resolvedIps()),
                    List.of(Evidence.of("resolved " + String.join(", ", r.resolvedIps()), NodeProbeFindings.nodeId(context))),
                    Docs.AZURE_DNS);
        });
    }
}
