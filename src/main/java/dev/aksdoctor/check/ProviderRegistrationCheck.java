package dev.aksdoctor.check;

import dev.aksdoctor.azure.ProviderFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The resource providers AKS needs are Registered in the subscription. */
@ApplicationScoped
public class ProviderRegistrationCheck implements Check {

    static final List<String> NAMESPACES = List.of("Microsoft.ContainerService", "Microsoft.Compute",
            "Microsoft.Network");

    @Override
    public CheckId id() {
        return CheckId.PROVIDER_REGISTRATION;
    }

    @Override
    public Finding run(CheckContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String scope = "/subscriptions/" + context.cluster().subscriptionId();
        for (String ns : NAMESPACES) {
            ProviderFacts p = context.facts().provider(ns);
            evidence.add(Evidence.of(ns + " is " + p.registrationState(), scope + "/providers/" + ns));
            if (!"Registered".equalsIgnoreCase(p.registrationState())) {
                missing.add(ns);
            }
        }
        if (!missing.isEmpty()) {
            return Findings.fail(id(), "Resource provider not registered: " + String.join(", ", missing), evidence,
                    "Register it: az provider register --namespace " + missing.get(0) + ", then retry.",
                    Docs.PROVIDERS);
        }
        return Findings.pass(id(), "The resource providers AKS needs are registered", evidence, Docs.PROVIDERS);
    }
}
