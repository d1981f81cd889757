package dev.aksdoctor.check;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.SkuFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each pool's VM size is offered in the region and its zones, without restrictions for this subscription. */
@ApplicationScoped
public class SkuAvailabilityCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.SKU_AVAILABILITY;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        List<SkuFacts> skus = context.facts().vmSkus(c.location());
        String scope = "/subscriptions/" + context.cluster().subscriptionId() + "/providers/Microsoft.Compute/skus";
        List<Evidence> evidence = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AgentPoolFacts p : c.agentPools()) {
            Optional<SkuFacts> sku = skus.stream().filter(s -> s.name().equalsIgnoreCase(p.vmSize())).findFirst();
            if (sku.isEmpty()) {
                evidence.add(Evidence.of(p.vmSize() + " (pool " + p.name() + ") is not offered in " + c.location(), scope));
                problems.add(p.vmSize() + " (pool " + p.name() + ") not offered in " + c.location());
                continue;
            }
            SkuFacts s = sku.get();
            List<String> missingZones = p.availabilityZones().stream().filter(z -> !s.zones().contains(z)).toList();
            if (s.restrictedInRegion() || !missingZones.isEmpty() || !s.restrictions().isEmpty()) {
                evidence.add(Evidence.of(p.vmSize() + " (pool " + p.name() + "): restrictions "
                        + (s.restrictions().isEmpty() ? "none" : String.join("; ", s.restrictions()))
                        + (missingZones.isEmpty() ? "" : "; not in zones " + String.join(", ", missingZones)), scope));
                if (s.restrictedInRegion() || !missingZones.isEmpty()) {
                    problems.add(p.vmSize() + " (pool " + p.name() + ") "
                            + (s.restrictions().isEmpty() ? "restricted" : String.join("; ", s.restrictions()))
                            + (missingZones.isEmpty() ? "" : ", not offered in zone" + (missingZones.size() > 1 ? "s " : " ")
                                    + String.join(", ", missingZones)));
                }
            } else {
                evidence.add(Evidence.of(p.vmSize() + " (pool " + p.name() + ") is available in zones "
                        + String.join(", ", s.zones()), scope));
            }
        }
        if (!problems.isEmpty()) {
            return Findings.fail(id(), "VM size not available: " + String.join("; ", problems), evidence,
                    "Pick a VM size offered in the region and zones (az vm list-skus -l " + c.location()
                            + "), or ask support to lift the restriction, then reconcile the cluster.",
                    Docs.SKU_NOT_AVAILABLE, Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        return Findings.pass(id(), "The pools' VM sizes are available in " + c.location(), evidence,
                Docs.SKU_NOT_AVAILABLE);
    }
}
