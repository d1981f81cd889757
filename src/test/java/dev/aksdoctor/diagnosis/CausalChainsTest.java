package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chains are data a newcomer reads; these hold them to the shape the ranking needs. */
class CausalChainsTest {

    @Test
    void noTwoChecksExplainEachOther_whateverTheCodes() {
        for (Set<String> codes : List.of(Set.<String>of(), Set.of("QuotaExceeded"), Set.of("cse:linux:51"),
                Set.of("VMExtensionProvisioningError", "cse:linux:50"))) {
            for (CheckId a : CheckId.values()) {
                for (CheckId b : CheckId.values()) {
                    assertFalse(CausalChains.explains(a, b, codes) && CausalChains.explains(b, a, codes),
                            a + " and " + b + " explain each other for " + codes);
                }
            }
        }
    }

    @Test
    void innerCodes_dispatchToTheCheckThatProvesThem() {
        assertEquals(List.of(CheckId.VCPU_QUOTA), CausalChains.provers("QuotaExceeded"));
        assertEquals(List.of(CheckId.POLICY_DENIAL), CausalChains.provers("RequestDisallowedByPolicy"));
        assertEquals(List.of(CheckId.RESOURCE_LOCKS), CausalChains.provers("ScopeLocked"));
        assertEquals(List.of(CheckId.SUBNET_CAPACITY), CausalChains.provers("SubnetIsFull"));
        assertEquals(List.of(CheckId.SKU_AVAILABILITY), CausalChains.provers("SkuNotAvailable"));
        assertTrue(CausalChains.explains(CheckId.VCPU_QUOTA, CheckId.ACTIVITY_LOG_FAILURES, Set.of("QuotaExceeded")));
        assertFalse(CausalChains.explains(CheckId.RESOURCE_LOCKS, CheckId.ACTIVITY_LOG_FAILURES, Set.of("QuotaExceeded")),
                "a lock does not explain a quota failure");
    }

    @Test
    void aCseExitCode_isExplainedByItsPlaybook_configurationBeforeProbes() {
        List<CheckId> exit50 = CausalChains.provers(CausalChains.cseCode(OsType.LINUX, 50));
        assertTrue(exit50.contains(CheckId.NSG_OUTBOUND), exit50.toString());
        assertTrue(exit50.indexOf(CheckId.NSG_OUTBOUND) < exit50.indexOf(CheckId.NODE_OUTBOUND_PROBE), exit50.toString());
        assertTrue(CausalChains.explains(CheckId.NSG_OUTBOUND, CheckId.CSE_STATUS, Set.of("cse:linux:50")));
        assertTrue(CausalChains.explains(CheckId.CSE_STATUS, CheckId.VMSS_INSTANCES, Set.of()));
    }

    @Test
    void aCseErrorNamedByItsRpName_isProvenLikeItsExitCode() {
        List<CheckId> exit50 = CausalChains.provers(CausalChains.cseCode(OsType.LINUX, 50));
        assertEquals(exit50, CausalChains.provers("OutboundConnFailVMExtensionError"));
        assertEquals(exit50, CausalChains.provers("VMExtensionError_OutBoundConnFail"));
        assertEquals(CausalChains.provers(CausalChains.cseCode(OsType.LINUX, 51)),
                CausalChains.provers("K8SAPIServerConnFailVMExtensionError"));
        assertTrue(CausalChains.explains(CheckId.NSG_OUTBOUND, CheckId.ACTIVITY_LOG_FAILURES,
                Set.of("OutboundConnFailVMExtensionError")));
        assertEquals(List.of(), CausalChains.provers("InternalOperationError"));
    }

    @Test
    void everyProbe_hasConfigurationThatCanExplainIt() {
        for (CheckId probe : CausalChains.PROBES) {
            assertFalse(CausalChains.explainers(probe).isEmpty(), probe.id());
        }
        assertTrue(CausalChains.explains(CheckId.NSG_OUTBOUND, CheckId.NODE_TCP_PROBE, Set.of()));
    }
}
