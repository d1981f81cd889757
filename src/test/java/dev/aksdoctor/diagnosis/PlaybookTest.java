package dev.aksdoctor.diagnosis;

import static dev.aksdoctor.diagnosis.CheckId.AUTHORIZED_IP_RANGES;
import static dev.aksdoctor.diagnosis.CheckId.CLUSTER_STATE;
import static dev.aksdoctor.diagnosis.CheckId.PRIVATE_ENDPOINT;
import static dev.aksdoctor.diagnosis.CheckId.ROUTE_TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybookTest {

    private final KnowledgeCatalog catalog = KnowledgeCatalog.defaultCatalog();

    @Test
    void checks_apiServerFailure_followsTheSubcategoryOfTheDocs() {
        KnownError linux51 = catalog.cse(OsType.LINUX, 51).orElseThrow();
        KnownError windows5 = catalog.cse(OsType.WINDOWS, 5).orElseThrow();
        assertEquals(AUTHORIZED_IP_RANGES, Playbook.checks(linux51, Subcategory.CONNECTION_TIMED_OUT).get(0));
        assertEquals(CLUSTER_STATE, Playbook.checks(linux51, Subcategory.CONNECTION_REFUSED).get(0));
        assertEquals(List.of(PRIVATE_ENDPOINT, ROUTE_TABLE, CheckId.EGRESS_APPLIANCE),
                Playbook.checks(linux51, Subcategory.NO_ROUTE_TO_HOST));
        assertEquals(Playbook.checks(linux51, Subcategory.UNKNOWN), Playbook.checks(windows5, Subcategory.UNKNOWN));
        assertEquals(Playbook.checks(linux51, null), Playbook.checks(linux51, Subcategory.UNKNOWN));
    }

    @Test
    void unknownSubcategory_readsTheConfigurationFirst_probesLast() {
        List<CheckId> plan = Playbook.checks(catalog.cse(OsType.LINUX, 51).orElseThrow(), Subcategory.UNKNOWN);

        // The configuration that can explain a probe failure runs (and ranks) before the probes that see it.
        assertEquals(List.of(CheckId.HTTP_PROXY, AUTHORIZED_IP_RANGES, PRIVATE_ENDPOINT, CheckId.NSG_OUTBOUND,
                ROUTE_TABLE, CheckId.EGRESS_APPLIANCE), plan.subList(0, 6), "the seeds' baseline list, in order");
        assertEquals(List.of(CheckId.NODE_DNS_PROBE, CheckId.NODE_TCP_PROBE, CheckId.NODE_TLS_PROBE),
                plan.subList(plan.size() - 3, plan.size()));
        assertEquals(true, plan.contains(CLUSTER_STATE), "a healthy cluster says the failure was transient");
    }

    @Test
    void plan_severalErrors_runsEachPlaybookInTurnWithoutRepeats() {
        ErrorHit quota = new ErrorHit(catalog.error("QuotaExceeded").orElseThrow(), null, 0);
        ErrorHit lock = new ErrorHit(catalog.error("ScopeLocked").orElseThrow(), null, 10);
        List<CheckId> plan = Playbook.plan(List.of(quota, lock), f -> null);
        assertEquals(List.of(CheckId.VCPU_QUOTA, CLUSTER_STATE, CheckId.ACTIVITY_LOG_FAILURES,
                CheckId.NODE_POOL_STATE, CheckId.RESOURCE_LOCKS), plan);
    }

    @ParameterizedTest
    @CsvSource({
        "InsufficientVCPUQuota,vcpu-quota", "AKSCapacityError,sku-availability", "UnsatisfiablePDB,pdb-drain",
        "SubnetIsDelegated,subnet-capacity", "CustomPrivateDNSZoneMissingPermissionError,private-dns-zone-link",
        "RequestDisallowedByPolicy,policy-denial", "ScopeLocked,resource-locks",
        "MissingSubscriptionRegistration,provider-registration", "ReadOnlyDisabledSubscription,subscription-state",
    })
    void checks_rpFamily_leadsWithTheCheckThatProvesIt(String code, String firstCheck) {
        assertEquals(firstCheck, Playbook.checks(catalog.error(code).orElseThrow(), null).get(0).id(), code);
    }

    @Test
    void checks_clientTimeoutFromOutsideTheVnet_readsAuthorizedRangesAndPrivateAccessNotNodeNsgs() {
        List<CheckId> plan = Playbook.checks(catalog.error("KubectlDialTimeout").orElseThrow(),
                Subcategory.CONNECTION_TIMED_OUT);
        assertEquals(List.of(CheckId.CLIENT_AUTHORIZED_RANGES, PRIVATE_ENDPOINT), plan.subList(0, 2));
        assertFalse(plan.contains(CheckId.NSG_OUTBOUND) || plan.contains(ROUTE_TABLE), plan.toString());
    }

    @Test
    void checks_wrapperOfNodeProvisioning_readsTheExtensionAndTheInstances() {
        List<CheckId> plan = Playbook.checks(catalog.error("CreateVMSSAgentPoolFailed").orElseThrow(), null);
        assertEquals(CheckId.CSE_STATUS, plan.get(0));
        assertTrue(plan.contains(CheckId.VMSS_INSTANCES));
    }
}
