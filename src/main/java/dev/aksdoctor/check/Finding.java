package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.DocLink;
import java.util.List;
import java.util.Objects;

/**
 * What one check found. {@code remedy} is one or two sentences for the on-call engineer; {@code evidence}
 * names the rule, route, range or setting that decided, with its resource id. {@code codes} are the Azure error
 * codes the check read (a failed operation's innermost {@code error.details[].code}, a provisioning error's
 * code, a CSE exit code as {@code cse:linux:50}): they decide which other check explains this one
 * ({@link dev.aksdoctor.diagnosis.CausalChains}).
 */
public record Finding(CheckId checkId, Outcome outcome, String title, List<Evidence> evidence, String remedy,
        DocLink docLink, List<SuggestedAction> actions, List<String> codes) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(title, "title");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        actions = actions == null ? List.of() : List.copyOf(actions);
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public Finding(CheckId checkId, Outcome outcome, String title, List<Evidence> evidence, String remedy,
            DocLink docLink, List<SuggestedAction> actions) {
        this(checkId, outcome, title, evidence, remedy, docLink, actions, List.of());
    }

    public static Finding pass(CheckId id, String title, List<Evidence> evidence, DocLink doc) {
        return new Finding(id, Outcome.PASS, title, evidence, null, doc, List.of());
    }

    public static Finding skipped(CheckId id, String title, String remedy, List<SuggestedAction> actions) {
        return new Finding(id, Outcome.SKIPPED, title, List.of(), remedy, null, actions);
    }

    public Finding withCodes(List<String> newCodes) {
        return new Finding(checkId, outcome, title, evidence, remedy, docLink, actions, newCodes);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
