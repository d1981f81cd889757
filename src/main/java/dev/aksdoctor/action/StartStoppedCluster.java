package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/** "Start cluster": a stopped cluster's control plane and node pools come back. */
@ApplicationScoped
public class StartStoppedCluster implements WriteAction {

    private final ArmGateway arm;

    public StartStoppedCluster(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.START_CLUSTER;
    }

    @Override
    public String verb() {
        return "start";
    }

    @Override
    public String warning() {
        return "Starts the stopped cluster: its control plane and node pools come back (this takes several minutes).";
    }

    @Override
    public String perform(Confirmed confirmed) {
        arm.startCluster(confirmed.cluster());
        return "The cluster is starting; nodes take a few minutes to be Ready.";
    }
}
