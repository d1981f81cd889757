package dev.aksdoctor.check;

import dev.aksdoctor.azure.InstanceFacts;
import dev.aksdoctor.azure.ScaleSetFacts;
import dev.aksdoctor.diagnosis.CausalChains;
import dev.aksdoctor.diagnosis.CheckId;
import dev.aksdoctor.diagnosis.KnowledgeCatalog;
import dev.aksdoctor.diagnosis.KnownError;
import dev.aksdoctor.diagnosis.OsType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                Integer exit = exitCode(e);
                OsType os = osOf(context, i);
                Optional<KnownError> known = exit == null ? Optional.empty()
                        : KnowledgeCatalog.defaultCatalog().cse(os, exit);
                String what = exit == null ? e.code()
                        : "exit " + exit + known.map(k -> " " + k.code()).orElse("");
                String node = i.computerName() != null ? i.computerName()
                        : i.scaleSetName() + " instance " + i.instanceId();
                List<SuggestedAction> actions = new ArrayList<>();
                String pool = poolOf(context, i.scaleSetName());
                if (pool != null) {
                    actions.add(SuggestedAction.reconcilePool(pool));
                }
                actions.add(SuggestedAction.reimage(i.scaleSetName(), i.instanceId()));
                Finding f = new Finding(id(), Outcome.FAIL, "The node's provisioning script failed on " + node + " ("
                        + what + ")",
                        List.of(Evidence.of(e.extensionName() + ": " + e.code() + " " + message, i.id())),
                        known.map(k -> k.meaning() + ". ").orElse("") + "The checks for this exit code ran in this "
                                + "investigation; fix what they found, then reconcile the node pool (AKS re-runs the "
                                + "script on new nodes) or reimage the instance.",
                        known.flatMap(k -> k.docs().stream().findFirst()).orElse(Docs.CSE_ERRORS), actions);
                return exit == null ? f : f.withCodes(List.of(CausalChains.cseCode(os, exit)));
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

    private static final Pattern EXIT = Pattern.compile("(?:ProvisioningState/failed/|exit status=|ExitCode:?\\s*|Exit Code:?\\s*)(\\d{1,3})",
            Pattern.CASE_INSENSITIVE);

    /** The CSE exit code from {@code ProvisioningState/failed/50} or the message's {@code exit status=50}. */
    static Integer exitCode(InstanceFacts.ExtensionStatus e) {
        for (String text : new String[] {e.code(), e.message()}) {
            if (text != null) {
                Matcher m = EXIT.matcher(text);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    private static String poolOf(CheckContext context, String scaleSet) {
        return context.facts().scaleSets().stream().filter(s -> s.name().equalsIgnoreCase(scaleSet))
                .map(ScaleSetFacts::poolName).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static OsType osOf(CheckContext context, InstanceFacts i) {
        String pool = poolOf(context, i.scaleSetName());
        boolean windows = pool != null && context.facts().cluster().pool(pool).map(p -> p.windows()).orElse(false);
        return windows ? OsType.WINDOWS : OsType.LINUX;
    }
}
