package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.ActivityEventFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Failed operations on the cluster and its node resource group in the recent window, with their error codes. */
@ApplicationScoped
public class ActivityLogFailuresCheck implements Check {

    private static final int MAX_LISTED = 5;

    @Override
    public CheckId id() {
        return CheckId.ACTIVITY_LOG_FAILURES;
    }

    @Override
    public Finding run(CheckContext context) {
        List<ActivityEventFacts> failed = context.facts().failedOperations();
        if (failed.isEmpty()) {
            return Findings.pass(id(), "No failed operations in the Activity Log", List.of(), Docs.ACTIVITY_LOG);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (ActivityEventFacts e : failed.subList(0, Math.min(MAX_LISTED, failed.size()))) {
            evidence.add(Evidence.of(e.timestamp() + " " + e.operationName() + " failed"
                    + (e.errorCode() == null ? "" : ": " + e.errorCode())
                    + (e.errorMessage() == null ? "" : " — " + shorten(e.errorMessage())), e.resourceId()));
        }
        ActivityEventFacts latest = failed.get(0);
        return Findings.fail(id(), failed.size() + " failed operation(s); latest: "
                + (latest.errorCode() == null ? latest.operationName() : latest.errorCode()), evidence,
                "Fix the error of the latest failed operation, then reconcile the cluster.", Docs.FAILED_STATE,
                Findings.action(NextAction.RECONCILE_CLUSTER));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
