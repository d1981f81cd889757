package dev.aksdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The innermost error of the shapes ARM really writes into an Activity Log statusMessage. */
class InnerErrorsTest {

    @Test
    void asyncFailure_wrapperWithDetails_givesTheDetail() {
        String status = "{\"status\":\"Failed\",\"error\":{\"code\":\"ResourceOperationFailure\",\"message\":\"The "
                + "resource operation completed with terminal provisioning state 'Failed'.\",\"details\":[{\"code\":"
                + "\"QuotaExceeded\",\"message\":\"Operation could not be completed as it results in exceeding approved "
                + "standardDSv5Family Cores quota. Current Limit: 24, Current Usage: 24, Additional Required: 4\"}]}}";
        List<InnerErrors.ArmError> e = InnerErrors.innermost(status);
        assertEquals("QuotaExceeded", e.get(0).code());
        assertEquals("24/24 used, 4 more needed", InnerErrors.quotaNumbers(e.get(0).message()));
        assertEquals(4, InnerErrors.additionalRequired(e.get(0).message()));
    }

    @Test
    void statusMessageAsAJsonString_isReadToo() {
        String status = "\"{\\\"error\\\":{\\\"code\\\":\\\"ResourceOperationFailure\\\",\\\"details\\\":[{\\\"code\\\":"
                + "\\\"ScopeLocked\\\",\\\"message\\\":\\\"locked\\\"}]}}\"";
        assertEquals("ScopeLocked", InnerErrors.innermost(status).get(0).code());
    }

    @Test
    void rpWrapperQuotingTheRealCodeAsText_givesThatCode() {
        String status = "{\"error\":{\"code\":\"ReconcileVMSSAgentPoolFailed\",\"message\":\"Code=\\\"ReconcileVMSSAgentPool"
                + "Failed\\\" Category: ClientError; SubCode: SkuNotAvailable; Dependency: Microsoft.Compute/"
                + "VirtualMachineScaleSet; OrginalError: Code=\\\"SkuNotAvailable\\\" Message=\\\"The requested VM size "
                + "Standard_D4s_v5 is currently not available in location 'westeurope' zones '3'.\\\"\"}}";
        assertEquals("SkuNotAvailable", InnerErrors.innermost(status).get(0).code());
    }

    @Test
    void plainCode_staysAsItIs() {
        assertEquals("RequestDisallowedByPolicy", InnerErrors.innermost(
                "{\"error\":{\"code\":\"RequestDisallowedByPolicy\",\"message\":\"Resource was disallowed by policy.\"}}")
                .get(0).code());
    }
}
