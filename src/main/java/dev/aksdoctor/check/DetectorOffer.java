package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CausalChains;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.diagnosis.KnowledgeCatalog;
import dev.aksdoctor.diagnosis.KnownError;
import dev.aksdoctor.diagnosis.OsType;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an answer offers "Run AKS detectors", with which category and around which moment. AKS' own
 * diagnostics are the next step when nothing AKS Doctor read explains the failure: no likely cause (everything
 * looked right, or what would explain it could not be read), or a likely cause that is itself only a symptom —
 * a Failed cluster, pool or instance, a failed operation or a CSE exit code that no configuration check proves
 * ({@link CausalChains#CARRIERS} failing), or what a node saw that nothing in Azure explains
 * ({@link CausalChains#PROBES}). A stopped cluster is its own explanation (its fix is the Start button), and so is
 * an operation still in progress (a warning: wait for it).
 * When a configuration check explains the failure (an NSG rule, a quota with its numbers) the answer already says
 * what to fix, and one more button would only compete with that fix.
 *
 * <p>Decided from the report as it stands, so a verdict that changes the likely cause (the platform's, which can
 * overrule a finding) changes the offer with it.
 */
public final class DetectorOffer {

    private DetectorOffer() {
    }

    /** The step for this answer, placed around {@link InvestigationReport#failureAt()}; empty when not investigated. */
    public static Optional<SuggestedAction> of(Diagnosis d, InvestigationReport report) {
        if (report.location().found().isEmpty() || report.failureAt().isEmpty()) {
            return Optional.empty();
        }
        return of(d, report.likelyCause(), report.failureAt().get());
    }

    static Optional<SuggestedAction> of(Diagnosis d, Optional<Finding> cause, Instant failureAt) {
        if (!unexplained(cause)) {
            return Optional.empty();
        }
        return Optional.of(SuggestedAction.runDetectors(category(d, cause), failureAt));
    }

    static boolean unexplained(Optional<Finding> cause) {
        if (cause.isEmpty() || CausalChains.PROBES.contains(cause.get().checkId())) {
            return true;
        }
        Finding f = cause.get();
        return CausalChains.CARRIERS.contains(f.checkId()) && f.failed() && f.actions().stream()
                .noneMatch(a -> a.action() == NextAction.START_CLUSTER || a.action() == NextAction.START_NODE_POOL);
    }

    /** The category of the pasted error's playbook; for a paste without a known error, of what the likely cause is. */
    static DetectorCategory category(Diagnosis d, Optional<Finding> cause) {
        Optional<KnownError> known = known(d);
        if (known.isPresent()) {
            return DetectorCategory.forPlaybook(known.get().playbook());
        }
        CheckId id = cause.map(Finding::checkId).orElse(null);
        if (id == null) {
            return DetectorCategory.CRUD;
        }
        if (CausalChains.PROBES.contains(id)) {
            return DetectorCategory.CONNECTIVITY;
        }
        return id == CheckId.CSE_STATUS || id == CheckId.VMSS_INSTANCES ? DetectorCategory.NODE_HEALTH
                : DetectorCategory.CRUD;
    }

    private static Optional<KnownError> known(Diagnosis d) {
        KnowledgeCatalog catalog = KnowledgeCatalog.defaultCatalog();
        if (d.exitCode() != null) {
            return catalog.cse(d.os() == null ? OsType.LINUX : d.os(), d.exitCode());
        }
        return d.errorCode() == null ? Optional.empty() : catalog.error(d.errorCode());
    }
}
