package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.DocLink;
import java.util.List;

/** Short constructors for the findings checks return. */
final class Findings {

    private Findings() {
    }

    static Finding pass(CheckId id, String title, List<Evidence> evidence, DocLink doc) {
        return new Finding(id, Outcome.PASS, title, evidence, null, doc, List.of());
    }

    static Finding fail(CheckId id, String title, List<Evidence> evidence, String remedy, DocLink doc,
            SuggestedAction... actions) {
        return new Finding(id, Outcome.FAIL, title, evidence, remedy, doc, List.of(actions));
    }

    static Finding warn(CheckId id, String title, List<Evidence> evidence, String remedy, DocLink doc,
            SuggestedAction... actions) {
        return new Finding(id, Outcome.WARN, title, evidence, remedy, doc, List.of(actions));
    }

    static Finding skip(CheckId id, String title, String why, SuggestedAction... actions) {
        return new Finding(id, Outcome.SKIPPED, title, List.of(), why, null, List.of(actions));
    }

    static SuggestedAction action(NextAction a) {
        return SuggestedAction.of(a);
    }

    /** A "show" button for one resource (the button reads the node subnets' own when the id is unknown). */
    static SuggestedAction show(NextAction a, String resourceId) {
        return resourceId == null ? SuggestedAction.of(a) : SuggestedAction.of(a, SuggestedAction.RESOURCE_ID, resourceId);
    }
}
