package dev.aksdoctor.check;

import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.UsageFacts;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Public IP address count against the region's limit (PublicIPCountLimitReached). */
@ApplicationScoped
public class PublicIpQuotaCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.PUBLIC_IP_QUOTA;
    }

    @Override
    public Finding run(CheckContext context) {
        ClusterFacts c = context.facts().cluster();
        Optional<UsageFacts> u = context.facts().networkUsages(c.location()).stream()
                .filter(x -> x.name() != null && x.name().toLowerCase(Locale.ROOT).equals("publicipaddresses"))
                .findFirst();
        String scope = "/subscriptions/" + context.cluster().subscriptionId() + "/providers/Microsoft.Network/locations/"
                + c.location();
        if (u.isEmpty()) {
            return Findings.skip(id(), "No public IP usage reported for " + c.location(), "ARM did not report it.");
        }
        UsageFacts usage = u.get();
        List<Evidence> evidence = List.of(Evidence.of("public IP addresses: " + usage.current() + " of " + usage.limit(),
                scope));
        if (usage.available() == 0) {
            return Findings.fail(id(), "Public IP address limit reached in " + c.location(), evidence,
                    "Delete unused public IPs or request a higher limit; the load balancer cannot get a new one.",
                    Docs.PUBLIC_IP_LIMIT);
        }
        return Findings.pass(id(), usage.available() + " public IP addresses left in " + c.location(), evidence,
                Docs.PUBLIC_IP_LIMIT);
    }
}
