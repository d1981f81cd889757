package dev.aksdoctor.check;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.SkuFacts;
import dev.aksdoctor.azure.UsageFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Regional vCPU quota (total and the pool VM size's family) against one more node of each pool. */
@ApplicationScoped
public class VcpuQuotaCheck implements Check {

    static final String TOTAL = "cores";

    @Override
    public CheckId id() {
        return CheckId.VCPU_QUOTA;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        List<UsageFacts> usages = context.facts().computeUsages(c.location());
        List<SkuFacts> skus = context.facts().vmSkus(c.location());
        String scope = "/subscriptions/" + context.cluster().subscriptionId() + "/providers/Microsoft.Compute/locations/"
                + c.location();
        List<Evidence> evidence = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        long required = requiredByFailedOperation(context);
        for (AgentPoolFacts p : c.agentPools()) {
            Optional<SkuFacts> sku = skus.stream().filter(s -> s.name().equalsIgnoreCase(p.vmSize())).findFirst();
            int perNode = sku.map(SkuFacts::vCpus).orElse(0);
            if (perNode == 0) {
                continue;
            }
            for (String quotaName : List.of(sku.get().family(), TOTAL)) {
                Optional<UsageFacts> u = usages.stream().filter(x -> x.name() != null
                        && x.name().equalsIgnoreCase(quotaName)).findFirst();
                if (u.isEmpty()) {
                    continue;
                }
                UsageFacts usage = u.get();
                long needed = Math.max(perNode, required);
                evidence.add(Evidence.of(usage.displayName() + ": " + usage.current() + " of " + usage.limit()
                        + " vCPUs used, " + usage.available() + " free; pool " + p.name() + " (" + p.vmSize() + ") needs "
                        + perNode + " per node" + (required > perNode ? ", the failed operation " + required : ""), scope));
                if (usage.available() < needed && short_.stream().noneMatch(x -> x.startsWith(usage.displayName()))) {
                    short_.add(usage.displayName() + " (" + usage.current() + "/" + usage.limit() + ", " + needed
                            + " more needed)");
                }
            }
        }
        if (evidence.isEmpty()) {
            return Findings.skip(id(), "No quota figures for the pools' VM sizes",
                    "The region's usages did not list the pools' VM families.");
        }
        if (!short_.isEmpty()) {
            return Findings.fail(id(), "vCPU quota exhausted in " + c.location() + ": " + String.join(", ", short_),
                    evidence, "Request a quota increase for the family (Azure portal → Quotas), or use a VM size from "
                            + "a family with free quota, then reconcile the cluster.", Docs.QUOTA,
                    Findings.action(NextAction.RECONCILE_CLUSTER));
        }
        return Findings.pass(id(), "vCPU quota allows another node of each pool", evidence, Docs.QUOTA);
    }

    /** "Additional Required: N" of the newest QuotaExceeded failure, or -1. */
    private static long requiredByFailedOperation(CheckContext context) {
        return ActivityLogFailuresCheck.failures(context).entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).contains("quota"))
                .map(e -> InnerErrors.additionalRequired(e.getValue().get(0).error().message()))
                .filter(n -> n > 0).findFirst().orElse(-1L);
    }
}
