package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.PrivateEndpointFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A private cluster's {@code kube-apiserver} private endpoint: provisioning Succeeded and connection Approved. */
@ApplicationScoped
public class PrivateEndpointCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.PRIVATE_ENDPOINT;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        if (!c.privateCluster()) {
            return Findings.pass(id(), "Public cluster: no private endpoint involved",
                    List.of(Evidence.of("enablePrivateCluster false", c.id())), Docs.PRIVATE_CLUSTER);
        }
        Optional<PrivateEndpointFacts> found = context.facts().apiServerPrivateEndpoint();
        if (found.isEmpty()) {
            return Findings.fail(id(), "No kube-apiserver private endpoint in " + c.nodeResourceGroup(),
                    List.of(Evidence.of("private cluster without an API server private endpoint", c.id())),
                    "The nodes reach a private API server only through this endpoint: reconcile the cluster to "
                            + "recreate it.", Docs.PRIVATE_CLUSTER, Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        PrivateEndpointFacts pe = found.get();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("private endpoint " + pe.name() + " provisioningState " + pe.provisioningState()
                + (pe.privateIps().isEmpty() ? "" : ", IP " + String.join(", ", pe.privateIps())), pe.id()));
        String notApproved = null;
        for (PrivateEndpointFacts.Connection con : pe.connections()) {
            evidence.add(Evidence.of("connection " + (con.name() == null ? "" : con.name() + " ") + "is " + con.status()
                    + (con.description() == null ? "" : " (" + con.description() + ")"), pe.id()));
            if (!"Approved".equalsIgnoreCase(con.status()) && notApproved == null) {
                notApproved = con.status();
            }
        }
        if (!"Succeeded".equalsIgnoreCase(pe.provisioningState())) {
            return Findings.fail(id(), "The API server private endpoint is " + pe.provisioningState(), evidence,
                    "Reconcile the cluster so AKS repairs its private endpoint.", Docs.PRIVATE_CLUSTER,
                    Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        if (notApproved != null || pe.connections().isEmpty()) {
            return Findings.fail(id(), "The API server private endpoint connection is "
                    + (notApproved == null ? "missing" : notApproved + ", not Approved"), evidence,
                    "Approve the private endpoint connection on the cluster (or reconcile it); until then nodes "
                            + "cannot reach the API server.", Docs.PRIVATE_CLUSTER,
                    Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        return Findings.pass(id(), "The API server private endpoint is Succeeded and Approved", evidence,
                Docs.PRIVATE_CLUSTER);
    }
}
