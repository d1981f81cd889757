package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.ScaleSetFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The AKS Custom Script Extension's status on the failing instance: its code and message, for when the paste said little. */
@ApplicationScoped
public class CseStatusCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.CSE_STATUS;
    }

    @Override
    public Finding run(CheckContext context) {
        Optional<InstanceFacts> named = namedInstance(context);
        List<InstanceFacts> candidates = named.map(List::of).orElseGet(() -> context.facts().scaleSets().stream()
                .flatMap(s -> context.facts().instances(s.name()).stream()).toList());
        for (InstanceFacts i : candidates) {
            Optional<InstanceFacts.ExtensionStatus> failed = i.extensions().stream()
                    .filter(e -> isCse(e.extensionName()))
                    .filter(e -> e.code() != null && e.code().toLowerCase(Locale.ROOT).contains("failed"))
                    .findFirst();
            if (failed.isPresent()) {
                InstanceFacts.ExtensionStatus e = failed.get();
                String message = e.message() == null ? "" : e.message();
                if (message.length() > 600) {
                    message = message.substring(0, 600) + "…";
                }
                return Findings.fail(id(), "CSE failed on " + i.scaleSetName() + " instance " + i.instanceId()
                        + " (" + e.code() + ")",
                        List.of(Evidence.of(e.extensionName() + ": " + e.code() + " " + message, i.id())),
                        "The node's provisioning script failed with the exit code shown; follow that code's "
                                + "troubleshooting, then reimage the instance or reconcile the pool.",
                        Docs.CSE_ERRORS, SuggestedAction.reimage(i.scaleSetName(), i.instanceId()));
            }
        }
        if (named.isPresent()) {
            InstanceFacts i = named.get();
            return Findings.pass(id(), "No failed CSE status on " + i.scaleSetName() + " instance " + i.instanceId(),
                    List.of(Evidence.of(i.extensions().isEmpty() ? "no extension statuses reported"
                            : i.extensions().size() + " extension statuses, none failed", i.id())), Docs.CSE_ERRORS);
        }
        return Findings.pass(id(), "No failed CSE status on " + candidates.size() + " instances", List.of(),
                Docs.CSE_ERRORS);
    }

    private static boolean isCse(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return n.contains("cse") || n.contains("customscript") || n.contains("aksnode");
    }

    private static Optional<InstanceFacts> namedInstance(CheckContext context) {
        String vmss = context.diagnosis().vmss();
        String instanceId = context.diagnosis().instanceId();
        if (vmss == null || instanceId == null || !instanceId.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        Optional<ScaleSetFacts> set = context.facts().scaleSets().stream()
                .filter(s -> s.name().equalsIgnoreCase(vmss)).findFirst();
        return set.map(s -> context.facts().instance(s.name(), instanceId));
    }
}
