package dev.aksdoctor.action;

import dev.aksdoctor.azure.ArmGateway;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.check.NextAction;
import dev.aksdoctor.check.SuggestedAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * "Add authorized range": replaces the API server's authorized IP ranges with the list the dialog showed plus one
 * range, and only if the list is still the one shown.
 */
@ApplicationScoped
public class AddAuthorizedRange implements WriteAction {

    private final ArmGateway arm;

    public AddAuthorizedRange(ArmGateway arm) {
        this.arm = arm;
    }

    @Override
    public NextAction action() {
        return NextAction.ADD_AUTHORIZED_RANGE;
    }

    @Override
    public String verb() {
        return "change the authorized IP ranges of";
    }

    @Override
    public String warning() {
        return "Replaces the API server's authorized IP ranges with the list below.";
    }

    @Override
    public List<String> requiredParameters() {
        return List.of(SuggestedAction.CIDR);
    }

    @Override
    public String perform(Confirmed confirmed) {
        String cidr = confirmed.payload().parameter(SuggestedAction.CIDR)
                .orElseThrow(() -> new ActionRefused("no range named"));
        ClusterFacts facts = arm.cluster(confirmed.cluster());
        RangeChange change = RangeChange.of(facts.authorizedIpRanges(), cidr);
        if (change.problem().isPresent()) {
            throw new ActionRefused(change.problem().get());
        }
        if (confirmed.shownDigest() == null || !confirmed.shownDigest().equals(RangeChange.digest(change.current()))) {
            throw new ActionRefused("the authorized ranges changed since the dialog showed them; press the button "
                    + "again to see the current list");
        }
        arm.updateAuthorizedRanges(confirmed.cluster(), change.proposed());
        return "Authorized ranges are now: " + String.join(", ", change.proposed());
    }
}
