package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.check.probe.ProbeStep;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * From a node: does the API server FQDN resolve, and for a private cluster to its private endpoint? A public
 * or foreign answer means the node is not using the cluster's private DNS zone (seed 001, step 5).
 */
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
            Optional<Finding> wrongAddress = notThePrivateEndpoint(context, r, node);
            if (wrongAddress.isPresent()) {
                return wrongAddress.get();
            }
            return Findings.pass(id(), node + " resolves the API server to " + String.join(", ", r.resolvedIps()),
                    List.of(Evidence.of("resolved " + String.join(", ", r.resolvedIps()), NodeProbeFindings.nodeId(context))),
                    Docs.AZURE_DNS);
        });
    }

    private Optional<Finding> notThePrivateEndpoint(CheckContext context, ProbeResult r, String node) {
        if (!context.facts().cluster().privateCluster()) {
            return Optional.empty();
        }
        Optional<PrivateEndpointFacts> endpoint;
        try {
            endpoint = context.facts().apiServerPrivateEndpoint();
        } catch (ArmException e) {
            // The private endpoint check reports why it could not be read; the lookup itself worked.
            return Optional.empty();
        }
        if (endpoint.isEmpty() || endpoint.get().privateIps().isEmpty()
                || r.resolvedIps().stream().anyMatch(ip -> endpoint.get().privateIps().contains(ip))) {
            return Optional.empty();
        }
        String resolved = String.join(", ", r.resolvedIps());
        String expected = String.join(", ", endpoint.get().privateIps());
        return Optional.of(Findings.fail(id(), node + " resolves the private API server to " + resolved
                        + ", not to its private endpoint " + expected,
                List.of(Evidence.of("resolved " + resolved, NodeProbeFindings.nodeId(context)),
                        Evidence.of("private endpoint " + endpoint.get().name() + " has " + expected, endpoint.get().id())),
                "The node is not answered from the cluster's private DNS zone: link the zone to the node VNet, or, "
                        + "with custom DNS servers, forward the zone to Azure DNS (168.63.129.16) from a resolver in a "
                        + "linked VNet.",
                Docs.PRIVATE_CLUSTER));
    }
}
