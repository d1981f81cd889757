package dev.aksdoctor.check;

import static dev.aksdoctor.diagnosis.CheckId.*;
import static dev.aksdoctor.diagnosis.DiagnosisBuilder.diagnosis;

import dev.aksdoctor.azure.ArmWorld;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.ClusterRef;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.OsType;
import dev.aksdoctor.diagnosis.Subcategory;
import java.util.List;

/** Diagnoses as the parser produces them for the seeds' errors, with the playbooks of DESIGN.md. */
final class Diagnoses {

    static final ClusterRef CLUSTER = new ClusterRef(ArmWorld.SUB, ArmWorld.RG, ArmWorld.NAME);

    static final List<CheckId> TIMED_OUT = List.of(NODE_SUBNET, AUTHORIZED_IP_RANGES, NSG_OUTBOUND, ROUTE_TABLE,
            EGRESS_APPLIANCE, PRIVATE_ENDPOINT, PRIVATE_DNS_ZONE_LINK, HTTP_PROXY, NODE_TCP_PROBE, CLUSTER_STATE);
    static final List<CheckId> REFUSED = List.of(CLUSTER_STATE, NODE_POOL_STATE, ACTIVITY_LOG_FAILURES, NODE_TCP_PROBE);
    static final List<CheckId> NO_ROUTE = List.of(PRIVATE_ENDPOINT, NODE_SUBNET, ROUTE_TABLE, EGRESS_APPLIANCE,
            NSG_OUTBOUND, NODE_TCP_PROBE);
    static final List<CheckId> DNS = List.of(VNET_DNS_SERVERS, PRIVATE_DNS_ZONE_LINK, PRIVATE_ENDPOINT, NODE_DNS_PROBE);
    static final List<CheckId> FAILED_STATE = List.of(CLUSTER_STATE, NODE_POOL_STATE, ACTIVITY_LOG_FAILURES, VCPU_QUOTA,
            PUBLIC_IP_QUOTA, SKU_AVAILABILITY, POLICY_DENIAL, RESOURCE_LOCKS, PROVIDER_REGISTRATION, SUBSCRIPTION_STATE,
            SUBNET_CAPACITY, VMSS_INSTANCES, CSE_STATUS, PDB_DRAIN);
    static final List<CheckId> WINDOWS_5 = List.of(NODE_SUBNET, NSG_OUTBOUND, EGRESS_APPLIANCE, AUTHORIZED_IP_RANGES,
            ROUTE_TABLE, NODE_TCP_PROBE);

    private Diagnoses() {
    }

    static Diagnosis connection(Subcategory sub, List<CheckId> plan) {
        return diagnosis().error("VMExtensionError_K8SAPIServerConnFail", 51, OsType.LINUX).subcategory(sub)
                .nodeIp("10.240.0.4").apiServerIp(ArmWorld.API_SERVER_IP).apiServerFqdn(ArmWorld.FQDN)
                .region(ArmWorld.LOCATION).privateCluster(false).cluster(CLUSTER)
                .summary("Nodes cannot reach the API server.").plan(plan).build();
    }

    static Diagnosis timedOut() {
        return connection(Subcategory.CONNECTION_TIMED_OUT, TIMED_OUT);
    }

    static Diagnosis privateTimedOut() {
        return diagnosis().error("VMExtensionError_K8SAPIServerConnFail", 51, OsType.LINUX)
                .subcategory(Subcategory.CONNECTION_TIMED_OUT).nodeIp("10.240.0.4").apiServerFqdn(ArmWorld.PRIVATE_FQDN)
                .region(ArmWorld.LOCATION).privateCluster(true).cluster(CLUSTER)
                .summary("Nodes cannot reach the API server.").plan(TIMED_OUT).build();
    }

    static Diagnosis dns(int exitCode) {
        return diagnosis().error("VMExtensionError_DnsFailure", exitCode, OsType.LINUX)
                .subcategory(Subcategory.DNS_LOOKUP_FAILED).apiServerFqdn(ArmWorld.PRIVATE_FQDN).region(ArmWorld.LOCATION)
                .privateCluster(true).cluster(CLUSTER).summary("DNS lookup failed.").plan(DNS).build();
    }

    static Diagnosis failedState(String code) {
        return diagnosis().errorCode(code).region(ArmWorld.LOCATION).cluster(CLUSTER)
                .summary("The cluster is in a failed state.").plan(FAILED_STATE).build();
    }

    static Diagnosis windows5() {
        return diagnosis().error("WINDOWS_CSE_ERROR_CHECK_API_SERVER_CONNECTIVITY", 5, OsType.WINDOWS)
                .subcategory(Subcategory.UNKNOWN).apiServerIp(ArmWorld.API_SERVER_IP).region(ArmWorld.LOCATION)
                .privateCluster(false).cluster(CLUSTER).summary("Windows nodes cannot reach the API server.")
                .plan(WINDOWS_5).build();
    }

    static Diagnosis single(CheckId id) {
        return connection(Subcategory.CONNECTION_TIMED_OUT, List.of(id));
    }
}
