package dev.aksdoctor.check;

import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.diagnosis.CheckId;
import java.util.Optional;

/** What the node probe checks share: run only on request, once per investigation. */
final class NodeProbeFindings {

    private NodeProbeFindings() {
    }

    /** The probe result, or the SKIPPED finding that says why there is none. */
    static Optional<Finding> notRun(CheckId id, CheckContext context) {
        if (!context.nodeProbesRequested()) {
            return Optional.of(Findings.skip(id, "Node test not run",
                    "Runs a command on a node (VMSS run-command) only when asked: press \"Run node connectivity test\".",
                    Findings.action(NextAction.RUN_NODE_PROBE)));
        }
        if (context.facts().nodeProbe().isEmpty()) {
            return Optional.of(Findings.skip(id, "No running node to test from",
                    "No running instance of a matching pool was found."));
        }
        return Optional.empty();
    }

    static ProbeResult result(CheckContext context) {
        return context.facts().nodeProbe().orElseThrow();
    }

    static String node(CheckContext context) {
        return context.facts().probeInstance().map(i -> i.scaleSetName() + " instance " + i.instanceId()).orElse("a node");
    }

    static String nodeId(CheckContext context) {
        return context.facts().probeInstance().map(i -> i.id()).orElse(null);
    }
}
