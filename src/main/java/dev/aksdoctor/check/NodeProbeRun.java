package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.RunCommandOutput;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.check.probe.NodeProbeScripts;
import dev.aksdoctor.check.probe.ProbeOutputParser;
import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.check.probe.ProbeTarget;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The node probe of one investigation: which instance runs it, and its one run (VMSS run-command). */
final class NodeProbeRun {

    private final InvestigationFacts facts;
    private final Diagnosis diagnosis;

    NodeProbeRun(InvestigationFacts facts, Diagnosis diagnosis) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
    }

    Optional<InstanceFacts> probeInstance() {
        return facts.derived("probeInstance", () -> {
            ClusterFacts c = facts.cluster();
            boolean windows = diagnosis.os() == OsType.WINDOWS;
            List<ScaleSetFacts> sets = facts.scaleSets();
            if (diagnosis.vmss() != null && diagnosis.instanceId() != null) {
                Optional<ScaleSetFacts> named = sets.stream()
                        .filter(s -> s.name().equalsIgnoreCase(diagnosis.vmss())).findFirst();
                if (named.isPresent()) {
                    Optional<InstanceFacts> inst = facts.instances(named.get().name()).stream()
                            .filter(i -> i.instanceId().equals(diagnosis.instanceId())).findFirst();
                    if (inst.isPresent()) {
                        return inst;
                    }
                }
            }
            for (ScaleSetFacts s : sets) {
                boolean poolWindows = c.pool(Objects.toString(s.poolName(), "")).map(p -> p.windows()).orElse(false);
                if (poolWindows != windows) {
                    continue;
                }
                Optional<InstanceFacts> running = facts.instances(s.name()).stream()
                        .filter(i -> "running".equalsIgnoreCase(i.powerState())).findFirst();
                if (running.isPresent()) {
                    return running;
                }
            }
            return Optional.<InstanceFacts>empty();
        });
    }

    Optional<ProbeResult> nodeProbe() {
        return facts.derived("nodeProbe", () -> {
            ClusterFacts c = facts.cluster();
            Optional<InstanceFacts> instance = probeInstance();
            if (instance.isEmpty()) {
                return Optional.<ProbeResult>empty();
            }
            // Outbound failures (exit 50) are about the required endpoints, not the API server.
            String fqdn = FailureFamily.outbound(diagnosis) ? facts.outboundProbeHost()
                    : c.privateCluster() && c.privateFqdn() != null ? c.privateFqdn() : c.fqdn();
            // Only ARM's values reach the script, and ProbeTarget validates them again.
            ProbeTarget target = new ProbeTarget(fqdn, null, 443);
            boolean windows = c.pool(Objects.toString(scaleSetPool(instance.get().scaleSetName()), ""))
                    .map(p -> p.windows()).orElse(diagnosis.os() == OsType.WINDOWS);
            List<String> script = windows ? NodeProbeScripts.windowsScript(target) : NodeProbeScripts.linuxScript(target);
            RunCommandOutput out = facts.runCommand(instance.get(), windows, script);
            return Optional.of(ProbeOutputParser.parse(out.stdout()));
        });
    }

    private String scaleSetPool(String scaleSetName) {
        return facts.scaleSets().stream().filter(s -> s.name().equalsIgnoreCase(scaleSetName))
                .map(ScaleSetFacts::poolName).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
