package dev.aksdoctor.diagnosis;

import static dev.aksdoctor.diagnosis.CheckId.ACTIVITY_LOG_FAILURES;
import static dev.aksdoctor.diagnosis.CheckId.AUTHORIZED_IP_RANGES;
import static dev.aksdoctor.diagnosis.CheckId.CLUSTER_STATE;
import static dev.aksdoctor.diagnosis.CheckId.CSE_STATUS;
import static dev.aksdoctor.diagnosis.CheckId.EGRESS_APPLIANCE;
import static dev.aksdoctor.diagnosis.CheckId.HTTP_PROXY;
import static dev.aksdoctor.diagnosis.CheckId.NODE_DNS_PROBE;
import static dev.aksdoctor.diagnosis.CheckId.NODE_OUTBOUND_PROBE;
import static dev.aksdoctor.diagnosis.CheckId.NODE_POOL_STATE;
import static dev.aksdoctor.diagnosis.CheckId.NODE_SUBNET;
import static dev.aksdoctor.diagnosis.CheckId.NODE_TCP_PROBE;
import static dev.aksdoctor.diagnosis.CheckId.NODE_TLS_PROBE;
import static dev.aksdoctor.diagnosis.CheckId.NSG_OUTBOUND;
import static dev.aksdoctor.diagnosis.CheckId.PDB_DRAIN;
import static dev.aksdoctor.diagnosis.CheckId.POLICY_DENIAL;
import static dev.aksdoctor.diagnosis.CheckId.PRIVATE_DNS_ZONE_LINK;
import static dev.aksdoctor.diagnosis.CheckId.PRIVATE_ENDPOINT;
import static dev.aksdoctor.diagnosis.CheckId.PROVIDER_REGISTRATION;
import static dev.aksdoctor.diagnosis.CheckId.PUBLIC_IP_QUOTA;
import static dev.aksdoctor.diagnosis.CheckId.RESOURCE_LOCKS;
import static dev.aksdoctor.diagnosis.CheckId.ROUTE_TABLE;
import static dev.aksdoctor.diagnosis.CheckId.SKU_AVAILABILITY;
import static dev.aksdoctor.diagnosis.CheckId.SUBNET_CAPACITY;
import static dev.aksdoctor.diagnosis.CheckId.SUBSCRIPTION_STATE;
import static dev.aksdoctor.diagnosis.CheckId.VCPU_QUOTA;
import static dev.aksdoctor.diagnosis.CheckId.VMSS_INSTANCES;
import static dev.aksdoctor.diagnosis.CheckId.VNET_DNS_SERVERS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What explains what (DESIGN.md "The likely cause is the root cause"), written down as data beside the
 * {@link Playbook}: the playbook says what to check, these chains say which failing check explains which.
 * Read it top to bottom as "symptom ← cause":
 *
 * <pre>
 * cluster Failed       ← a node pool Failed, the failed operation (Activity Log / provisioningError)
 * node pool Failed     ← the failed operation, a failed scale set or instance
 * failed instance      ← the CSE's exit code on it
 * failed operation     ← the check that proves its inner error code (table {@link #PROVEN_BY}):
 *                        QuotaExceeded ← vCPU quota; RequestDisallowedByPolicy ← the policy assignment;
 *                        ScopeLocked ← the lock; SubnetIsFull ← subnet capacity; SkuNotAvailable ← SKU …
 * CSE exit N           ← the checks of exit N's playbook (50: NSG, routes, firewall, DNS; 51: ranges, NSG …)
 * node TCP 443 fails   ← NSG rule, route, firewall/NVA, authorized range, private endpoint, stopped cluster
 * node DNS fails       ← VNet DNS servers, private DNS zone link, private endpoint
 * node TLS fails       ← proxy settings, TLS-inspecting firewall
 * node outbound fails  ← NSG rule, route, firewall/NVA, VNet DNS servers
 * </pre>
 *
 * A "code carrier" is a check whose finding carries the Azure error codes it read (the failed operation's
 * innermost {@code error.details[].code}, a provisioning error, a CSE exit code as {@code cse:linux:50}); the
 * code decides which check can explain it. When no carrier read any code, every prover may explain a failed
 * state (the quota check with its numbers is still better than "the cluster is Failed").
 */
public final class CausalChains {

    /** One edge: {@code cause} can explain {@code symptom}; only for these codes when {@code codes} is not empty. */
    public record Link(CheckId symptom, CheckId cause, Set<String> codes) {
        public Link {
            codes = Set.copyOf(codes);
        }
    }

    /** Checks that fail because something else did: never the likely cause while something explains them. */
    public static final Set<CheckId> CARRIERS = EnumSet.of(CLUSTER_STATE, NODE_POOL_STATE, ACTIVITY_LOG_FAILURES,
            VMSS_INSTANCES, CSE_STATUS);

    /** Checks run from a node: they see a failure, configuration explains it. */
    public static final Set<CheckId> PROBES = EnumSet.of(NODE_DNS_PROBE, NODE_TCP_PROBE, NODE_TLS_PROBE,
            NODE_OUTBOUND_PROBE);

    /** Inner error code of a failed operation (lower case) → the checks that prove it with numbers. */
    static final Map<String, List<CheckId>> PROVEN_BY = Map.ofEntries(
            Map.entry("quotaexceeded", List.of(VCPU_QUOTA)),
            Map.entry("operationnotallowed", List.of(VCPU_QUOTA)),
            Map.entry("regionalcoresquotaexceeded", List.of(VCPU_QUOTA)),
            Map.entry("familycoresquotaexceeded", List.of(VCPU_QUOTA)),
            Map.entry("publicipcountlimitreached", List.of(PUBLIC_IP_QUOTA)),
            Map.entry("requestdisallowedbypolicy", List.of(POLICY_DENIAL)),
            Map.entry("scopelocked", List.of(RESOURCE_LOCKS)),
            Map.entry("subnetisfull", List.of(SUBNET_CAPACITY)),
            Map.entry("insufficientsubnetsize", List.of(SUBNET_CAPACITY)),
            Map.entry("subnetisfullnodepool", List.of(SUBNET_CAPACITY)),
            Map.entry("skunotavailable", List.of(SKU_AVAILABILITY)),
            Map.entry("zonalallocationfailed", List.of(SKU_AVAILABILITY)),
            Map.entry("allocationfailed", List.of(SKU_AVAILABILITY)),
            Map.entry("overconstrainedallocationrequest", List.of(SKU_AVAILABILITY)),
            Map.entry("overconstrainedzonalallocationrequest", List.of(SKU_AVAILABILITY)),
            Map.entry("subscriptionnotregistered", List.of(PROVIDER_REGISTRATION)),
            Map.entry("missingsubscriptionregistration", List.of(PROVIDER_REGISTRATION)),
            Map.entry("missingregistrationfortype", List.of(PROVIDER_REGISTRATION)),
            Map.entry("readonlydisabledsubscription", List.of(SUBSCRIPTION_STATE)),
            Map.entry("subscriptionnotenabled", List.of(SUBSCRIPTION_STATE)),
            Map.entry("disabledsubscription", List.of(SUBSCRIPTION_STATE)),
            Map.entry("poddrainfailure", List.of(PDB_DRAIN)),
            Map.entry("drainpodsfailed", List.of(PDB_DRAIN)),
            Map.entry("vmextensionprovisioningerror", List.of(CSE_STATUS)),
            Map.entry("vmextensionprovisioningtimeout", List.of(CSE_STATUS, NSG_OUTBOUND, ROUTE_TABLE, EGRESS_APPLIANCE,
                    VNET_DNS_SERVERS)));

    /** Symptom ← cause, whatever the codes. */
    static final List<Link> ALWAYS = List.of(
            link(CLUSTER_STATE, NODE_POOL_STATE),
            link(CLUSTER_STATE, ACTIVITY_LOG_FAILURES),
            link(NODE_POOL_STATE, ACTIVITY_LOG_FAILURES),
            link(NODE_POOL_STATE, VMSS_INSTANCES),
            link(NODE_POOL_STATE, CSE_STATUS),
            link(VMSS_INSTANCES, CSE_STATUS),
            link(NODE_TCP_PROBE, AUTHORIZED_IP_RANGES),
            link(NODE_TCP_PROBE, NSG_OUTBOUND),
            link(NODE_TCP_PROBE, ROUTE_TABLE),
            link(NODE_TCP_PROBE, EGRESS_APPLIANCE),
            link(NODE_TCP_PROBE, PRIVATE_ENDPOINT),
            link(NODE_TCP_PROBE, CLUSTER_STATE),
            link(NODE_TCP_PROBE, NODE_DNS_PROBE),
            link(NODE_DNS_PROBE, VNET_DNS_SERVERS),
            link(NODE_DNS_PROBE, PRIVATE_DNS_ZONE_LINK),
            link(NODE_DNS_PROBE, PRIVATE_ENDPOINT),
            link(NODE_TLS_PROBE, HTTP_PROXY),
            link(NODE_TLS_PROBE, EGRESS_APPLIANCE),
            link(NODE_TLS_PROBE, NODE_TCP_PROBE),
            link(NODE_OUTBOUND_PROBE, NSG_OUTBOUND),
            link(NODE_OUTBOUND_PROBE, ROUTE_TABLE),
            link(NODE_OUTBOUND_PROBE, EGRESS_APPLIANCE),
            link(NODE_OUTBOUND_PROBE, VNET_DNS_SERVERS),
            link(NODE_OUTBOUND_PROBE, NODE_DNS_PROBE),
            link(PRIVATE_ENDPOINT, PRIVATE_DNS_ZONE_LINK),
            link(SUBNET_CAPACITY, NODE_SUBNET));

    private static final Pattern CSE_CODE = Pattern.compile("cse:(linux|windows):(\\d{1,3})");

    private CausalChains() {
    }

    private static Link link(CheckId symptom, CheckId cause) {
        return new Link(symptom, cause, Set.of());
    }

    /** The code a carrier reports for a CSE exit code, e.g. {@code cse:linux:50}. */
    public static String cseCode(OsType os, int exitCode) {
        return "cse:" + (os == null ? OsType.LINUX : os).json() + ":" + exitCode;
    }

    /**
     * The checks that can prove an error code: the table for ARM codes, the code's playbook for a CSE exit code
     * (probes last, so configuration is read before a node is asked).
     */
    public static List<CheckId> provers(String code) {
        if (code == null) {
            return List.of();
        }
        String lower = code.toLowerCase(Locale.ROOT);
        List<CheckId> table = PROVEN_BY.get(lower);
        if (table != null) {
            return table;
        }
        if (CSE_CODE.matcher(lower).matches()) {
            return cseError(code).map(CausalChains::cseProvers).orElse(List.of());
        }
        // A failed operation's inner code can be the CSE error's RP name (VMExtensionError_OutBoundConnFail, or the
        // legacy OutboundConnFailVMExtensionError of seed 004): the same playbook as its exit code proves it.
        Optional<KnownError> named = cseError(code);
        if (named.isPresent()) {
            return cseProvers(named.get());
        }
        return KnowledgeCatalog.defaultCatalog().error(code)
                .filter(e -> !"failed-state".equals(e.playbook()) && !"cse".equals(e.playbook())
                        && !"generic".equals(e.playbook()))
                .map(e -> Playbook.checks(e, Subcategory.UNKNOWN).stream()
                        .filter(id -> !CARRIERS.contains(id) && !PROBES.contains(id)).toList())
                .orElse(List.of());
    }

    /** The CSE error a code names: a carrier's {@code cse:linux:50}, or the RP name a failed operation reports. */
    public static Optional<KnownError> cseError(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = CSE_CODE.matcher(code.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            OsType os = "windows".equals(m.group(1)) ? OsType.WINDOWS : OsType.LINUX;
            return KnowledgeCatalog.defaultCatalog().cse(os, Integer.parseInt(m.group(2)));
        }
        return Optional.ofNullable(KnowledgeCatalog.defaultCatalog().phrases().get(SqueezedText.squeeze(code)))
                .filter(KnownError::isCseExitCode);
    }

    private static List<CheckId> cseProvers(KnownError cse) {
        List<CheckId> checks = new ArrayList<>(Playbook.checks(cse, Subcategory.UNKNOWN));
        checks.removeIf(id -> CARRIERS.contains(id));
        List<CheckId> ordered = new ArrayList<>();
        checks.stream().filter(id -> !PROBES.contains(id)).forEach(ordered::add);
        checks.stream().filter(PROBES::contains).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /**
     * Whether {@code cause} explains {@code symptom}, given the error codes the carriers read ({@code knownCodes}
     * empty: nobody read one).
     */
    public static boolean explains(CheckId cause, CheckId symptom, Set<String> knownCodes) {
        if (cause == symptom) {
            return false;
        }
        for (Link l : ALWAYS) {
            if (l.symptom() == symptom && l.cause() == cause) {
                return true;
            }
        }
        if (!CARRIERS.contains(symptom) || CARRIERS.contains(cause) && cause != CSE_STATUS) {
            return false;
        }
        // What a node sees explains the node's own failure (its CSE exit code), not the cluster's state: a stopped
        // cluster explains the probe, never the other way round.
        if (PROBES.contains(cause) && (symptom == CLUSTER_STATE || symptom == NODE_POOL_STATE)) {
            return false;
        }
        if (knownCodes.isEmpty()) {
            return symptom != CSE_STATUS && PROVEN_BY.values().stream().anyMatch(l -> l.contains(cause));
        }
        for (String code : knownCodes) {
            if (provers(code).contains(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Every check that could explain {@code symptom} (for "nothing in Azure explains it"). */
    public static Set<CheckId> explainers(CheckId symptom) {
        Set<CheckId> out = new LinkedHashSet<>();
        ALWAYS.stream().filter(l -> l.symptom() == symptom).forEach(l -> out.add(l.cause()));
        return out;
    }
}
