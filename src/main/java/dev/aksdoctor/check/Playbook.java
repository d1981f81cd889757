package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.Diagnosis;
import java.util.List;

/**
 * The order checks run and are reported in. It comes from the parser's {@link Diagnosis#plan()}; a paste
 * the parser did not recognise gets a general health plan.
 */
public final class Playbook {

    static final List<CheckId> GENERAL = List.of(
            CheckId.CLUSTER_STATE,
            CheckId.NODE_POOL_STATE,
            CheckId.ACTIVITY_LOG_FAILURES,
            CheckId.VMSS_INSTANCES,
            CheckId.NODE_SUBNET,
            CheckId.AUTHORIZED_IP_RANGES,
            CheckId.NSG_OUTBOUND,
            CheckId.ROUTE_TABLE,
            CheckId.PRIVATE_ENDPOINT,
            CheckId.PRIVATE_DNS_ZONE_LINK);

    private Playbook() {
    }

    public static List<CheckId> planFor(Diagnosis diagnosis) {
        return diagnosis.plan().isEmpty() ? GENERAL : diagnosis.plan();
    }
}
