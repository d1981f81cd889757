package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.check.NextAction;
import jakarta.enterprise.context.ApplicationScoped;

/** "Rotate certificates": new cluster certificates; the API server restarts and every node is re-imaged. */
@ApplicationScoped
public class RotateCertificates implements WriteAction {

    private final ArmGateway arm;

    public RotateCertificates(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.ROTATE_CERTIFICATES;
    }

    @Override
    public String verb() {
        return "rotate the certificates of";
    }

    @Override
    public String warning() {
        return ":warning: The API server restarts and every node is re-imaged: expect up to 30 minutes of disruption. "
                + "Do this in a maintenance window; kubeconfig files must be fetched again afterwards.";
    }

    @Override
    public String perform(Confirmed confirmed) {
        arm.rotateCertificates(confirmed.cluster());
        return "Certificates were rotated. Fetch kubeconfig again: az aks get-credentials -g "
                + confirmed.cluster().resourceGroup() + " -n " + confirmed.cluster().name();
    }
}
