package dev.aksdoctor.check;

import dev.aksdoctor.azure.SubscriptionFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The subscription is Enabled (a disabled one is read-only: ReadOnlyDisabledSubscription). */
@ApplicationScoped
public class SubscriptionStateCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.SUBSCRIPTION_STATE;
    }

    @Override
    public Finding run(CheckContext context) {
        SubscriptionFacts s = context.facts().subscription();
        List<Evidence> evidence = List.of(Evidence.of("subscription " + s.displayName() + " is " + s.state(),
                "/subscriptions/" + s.subscriptionId()));
        String state = s.state() == null ? "" : s.state();
        if (state.equalsIgnoreCase("Enabled")) {
            return Findings.pass(id(), "The subscription is Enabled", evidence, Docs.SUBSCRIPTION_DISABLED);
        }
        if (state.equalsIgnoreCase("Warned") || state.equalsIgnoreCase("PastDue")) {
            return Findings.warn(id(), "The subscription is " + state, evidence,
                    "Settle the billing issue before the subscription is disabled.", Docs.SUBSCRIPTION_DISABLED);
        }
        return Findings.fail(id(), "The subscription is " + state + " (read-only)", evidence,
                "A disabled subscription cannot create or change resources: reactivate it (billing, credit, or policy).",
                Docs.SUBSCRIPTION_DISABLED);
    }
}
