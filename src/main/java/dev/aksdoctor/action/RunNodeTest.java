package dev.aksdoctor.action;

import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.investigation.Investigation;
import dev.aksdoctor.investigation.InvestigationStore;
import dev.aksdoctor.investigation.StartInvestigation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * "Run node connectivity test": the investigation runs again with the node probes (VMSS run-command), which
 * execute as root on a node, so it is a write action limited to operators.
 */
@ApplicationScoped
public class RunNodeTest implements WriteAction {

    private final InvestigationStore investigations;
    private final StartInvestigation start;

    public RunNodeTest(InvestigationStore investigations, StartInvestigation start) {
        this.investigations = investigations;
        this.start = start;
    }

    @Override
    public NextAction action() {
        return NextAction.RUN_NODE_PROBE;
    }

    @Override
    public String verb() {
        return "run the node connectivity test on";
    }

    @Override
    public String warning() {
        return "Runs a fixed, read-only test script on one node through VMSS run-command (DNS, TCP 443 and TLS to "
                + "the API server). Run-command executes as root on the node, so it is limited to operators.";
    }

    @Override
    public String perform(Confirmed confirmed) {
        long id = confirmed.payload().investigationId();
        Optional<Investigation> inv = id > 0 ? investigations.find(id) : Optional.empty();
        if (inv.isEmpty()) {
            throw new ActionRefused("the investigation this button belongs to is gone");
        }
        // The resource id makes the new run locate this exact cluster, whatever the paste named.
        String text = inv.get().textRedacted + "\n" + confirmed.cluster().resourceId().orElseThrow();
        StartInvestigation.Started started = start.inThread(inv.get().source, confirmed.actor(), confirmed.channel(),
                confirmed.threadTs(), text, null, true);
        if (started == StartInvestigation.Started.NOT_STORED) {
            throw new ActionRefused("the database did not store the new investigation; try again in a minute");
        }
        if (!started.queued()) {
            throw new ActionRefused("the investigation backlog is full; try again in a minute");
        }
        return "The node connectivity test is queued; its findings follow in this thread.";
    }
}
