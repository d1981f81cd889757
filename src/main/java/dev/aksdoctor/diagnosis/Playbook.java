package dev.aksdoctor.diagnosis;

import static dev.aksdoctor.diagnosis.CheckId.ACTIVITY_LOG_FAILURES;
import static dev.aksdoctor.diagnosis.CheckId.AUTHORIZED_IP_RANGES;
import static dev.aksdoctor.diagnosis.CheckId.CLIENT_AUTHORIZED_RANGES;
import static dev.aksdoctor.diagnosis.CheckId.CLUSTER_CREDENTIALS;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ordered checks for recognised errors, in the order the troubleshooting docs give them (DESIGN.md
 * "Playbooks"), configuration before what only echoes the failure. The likely cause is not the first failing
 * check but the one that explains the others: see {@link CausalChains}. Several errors in one paste run their
 * playbooks one after the other, without repeating a check.
 */
public final class Playbook {

    /** Errors whose cause is the client's own configuration: nothing in Azure can show it, so nothing runs. */
    static final String CLIENT = "client";
    /**
     * The API server rejected the client's credentials, or its credential plugin (kubelogin) gave none: the fix is in
     * the kubeconfig, not in anything the cluster's Azure configuration shows about connectivity.
     */
    static final String CLIENT_AUTH = "client-auth";
    /** The client-auth error whose request never reached the API server. */
    private static final String NO_REQUEST = "KubectlCredentialPluginFailed";
    /** kubectl port-forward reached the cluster; the pod or the local port is what failed. */
    static final String PORT_FORWARD = "port-forward";
    /** The playbooks with nothing in Azure to check: each error in them has its own written answer. */
    static final Set<String> CLIENT_SIDE = Set.of(CLIENT, CLIENT_AUTH, PORT_FORWARD);

    /** What runs for a paste the parser did not recognise: a general health plan. */
    static final List<CheckId> GENERAL = List.of(CLUSTER_STATE, NODE_POOL_STATE, ACTIVITY_LOG_FAILURES, VMSS_INSTANCES,
            NODE_SUBNET, AUTHORIZED_IP_RANGES, NSG_OUTBOUND, ROUTE_TABLE, PRIVATE_ENDPOINT, PRIVATE_DNS_ZONE_LINK);

    // The failed operation before the pools' states: it is what explains them (CausalChains).
    private static final List<CheckId> FAILED_STATE_BASE = List.of(CLUSTER_STATE, ACTIVITY_LOG_FAILURES,
            NODE_POOL_STATE);

    private static final Map<Subcategory, List<CheckId>> API_SERVER = Map.of(
            Subcategory.CONNECTION_TIMED_OUT, List.of(AUTHORIZED_IP_RANGES, NSG_OUTBOUND, ROUTE_TABLE,
                    EGRESS_APPLIANCE, PRIVATE_ENDPOINT, PRIVATE_DNS_ZONE_LINK, NODE_TCP_PROBE),
            Subcategory.CONNECTION_REFUSED, List.of(CLUSTER_STATE, PRIVATE_ENDPOINT, PRIVATE_DNS_ZONE_LINK,
                    NSG_OUTBOUND, ROUTE_TABLE),
            Subcategory.NO_ROUTE_TO_HOST, List.of(PRIVATE_ENDPOINT, ROUTE_TABLE, EGRESS_APPLIANCE),
            Subcategory.TLS_HANDSHAKE_FAILED, List.of(NODE_TLS_PROBE, HTTP_PROXY, EGRESS_APPLIANCE),
            Subcategory.CERTIFICATE_PROBLEM, List.of(NODE_TLS_PROBE, HTTP_PROXY),
            Subcategory.DNS_LOOKUP_FAILED, List.of(VNET_DNS_SERVERS, PRIVATE_DNS_ZONE_LINK, NODE_DNS_PROBE),
            // Configuration first (the seeds' baseline as ARM shows it: proxy, authorized ranges, private
            // endpoint, then the NSG and firewall seed 000 names), then the cluster's state (a healthy cluster
            // after exit 51 means the failure was transient), then the node's own view: the probes see a
            // failure, the configuration explains it (CausalChains), and they run only when someone asks.
            Subcategory.UNKNOWN, List.of(HTTP_PROXY, AUTHORIZED_IP_RANGES, PRIVATE_ENDPOINT, NSG_OUTBOUND,
                    ROUTE_TABLE, EGRESS_APPLIANCE, VNET_DNS_SERVERS, PRIVATE_DNS_ZONE_LINK, CSE_STATUS, CLUSTER_STATE,
                    NODE_DNS_PROBE, NODE_TCP_PROBE, NODE_TLS_PROBE));

    // A client outside the VNet that times out is checked against the authorized ranges and private-cluster access
    // (the default), never the nodes' NSG: its packets do not cross it. A handshake that stalls after TCP connected
    // is the API server (or a proxy on the client's side) not answering; an untrusted or expired certificate is a
    // stale kubeconfig after a rotation, or the client's TLS inspection.
    private static final Map<Subcategory, List<CheckId>> KUBECTL = Map.of(
            Subcategory.CONNECTION_REFUSED, List.of(CLUSTER_STATE, CLIENT_AUTHORIZED_RANGES, SUBSCRIPTION_STATE),
            Subcategory.TLS_HANDSHAKE_FAILED, List.of(CLUSTER_STATE, CLIENT_AUTHORIZED_RANGES, PRIVATE_ENDPOINT),
            Subcategory.CERTIFICATE_PROBLEM, List.of(CLUSTER_STATE),
            Subcategory.DNS_LOOKUP_FAILED, List.of(CLUSTER_STATE, PRIVATE_DNS_ZONE_LINK, PRIVATE_ENDPOINT,
                    SUBSCRIPTION_STATE));
    private static final List<CheckId> KUBECTL_DEFAULT = List.of(CLIENT_AUTHORIZED_RANGES, PRIVATE_ENDPOINT,
            CLUSTER_STATE, SUBSCRIPTION_STATE);

    private static final Map<String, List<CheckId>> BY_KEY = Map.ofEntries(
            Map.entry("dns", List.of(VNET_DNS_SERVERS, PRIVATE_DNS_ZONE_LINK, NODE_DNS_PROBE)),
            Map.entry("outbound", List.of(NSG_OUTBOUND, ROUTE_TABLE, EGRESS_APPLIANCE, VNET_DNS_SERVERS,
                    NODE_OUTBOUND_PROBE)),
            Map.entry("cse", List.of(CSE_STATUS, VMSS_INSTANCES, ACTIVITY_LOG_FAILURES, NODE_POOL_STATE)),
            Map.entry("generic", List.of(CSE_STATUS, VMSS_INSTANCES, ACTIVITY_LOG_FAILURES, NODE_POOL_STATE)),
            Map.entry("pod-ip", List.of(SUBNET_CAPACITY, NODE_SUBNET)),
            Map.entry(CLIENT, List.of()),
            Map.entry(CLIENT_AUTH, List.of()),
            Map.entry(PORT_FORWARD, List.of()),
            Map.entry("failed-state", List.of(CLUSTER_STATE, ACTIVITY_LOG_FAILURES, NODE_POOL_STATE, VCPU_QUOTA,
                    PUBLIC_IP_QUOTA, SKU_AVAILABILITY, POLICY_DENIAL, RESOURCE_LOCKS, PROVIDER_REGISTRATION,
                    SUBSCRIPTION_STATE, SUBNET_CAPACITY, VMSS_INSTANCES, CSE_STATUS, PDB_DRAIN)),
            Map.entry("quota", withBase(VCPU_QUOTA)),
            Map.entry("public-ip", withBase(PUBLIC_IP_QUOTA)),
            Map.entry("sku", withBase(SKU_AVAILABILITY)),
            Map.entry("policy", withBase(POLICY_DENIAL)),
            Map.entry("lock", withBase(RESOURCE_LOCKS)),
            Map.entry("provider", withBase(PROVIDER_REGISTRATION)),
            Map.entry("subscription", withBase(SUBSCRIPTION_STATE)),
            Map.entry("subnet", withBase(SUBNET_CAPACITY, NODE_SUBNET)),
            Map.entry("invalid-reference", List.of(ACTIVITY_LOG_FAILURES, CLUSTER_STATE, NODE_POOL_STATE)),
            Map.entry("drain", withBase(PDB_DRAIN)),
            // Families of the RP catalog (aks-rp-errors.tsv) that no Azure setting of ours can prove: the request was
            // refused as it stood (validation: the meaning names the setting to change), the identity lacks a right,
            // ARM throttled, another operation holds the cluster, or a network resource is still in use. The
            // cluster's own state and its failed operations are what can still be read.
            Map.entry("validation", FAILED_STATE_BASE),
            Map.entry("identity", withBase(CheckId.IDENTITY_NETWORK_ROLES)),
            Map.entry("throttling", List.of(ACTIVITY_LOG_FAILURES, CLUSTER_STATE)),
            Map.entry("conflict", FAILED_STATE_BASE),
            Map.entry("in-use", List.of(ACTIVITY_LOG_FAILURES, RESOURCE_LOCKS, CLUSTER_STATE)),
            Map.entry("dns-zone", withBase(PRIVATE_DNS_ZONE_LINK, PRIVATE_ENDPOINT)),
            Map.entry("vmss-instance", withBase(VMSS_INSTANCES, CSE_STATUS)));

    private Playbook() {
    }

    /**
     * The order checks run and are reported in: the parser's plan, or {@link #GENERAL} when it has none. A
     * {@link #clientSide} diagnosis is answered without an investigation.
     */
    public static List<CheckId> planFor(Diagnosis diagnosis) {
        return diagnosis.plan().isEmpty() ? GENERAL : diagnosis.plan();
    }

    /**
     * Every error of the paste is on the client that printed it (kubectl not pointed at any cluster, its credentials
     * rejected, a port-forward to a pod that does not listen): no Azure check
     * can confirm or refute it, so none runs, even for a cluster the paste names.
     */
    public static boolean clientSide(Diagnosis diagnosis) {
        return diagnosis.recognized() && diagnosis.plan().isEmpty();
    }

    /**
     * What can be read about a {@link #clientSide} diagnosis once its cluster is known (named in the paste or the
     * channel's default): for rejected credentials, what the cluster accepts; for anything else, nothing.
     */
    public static List<CheckId> withKnownCluster(Diagnosis diagnosis) {
        KnowledgeCatalog catalog = KnowledgeCatalog.defaultCatalog();
        // A credential plugin that gave no token sent nothing the cluster could reject: its settings explain nothing.
        boolean credentials = clientSide(diagnosis) && !diagnosis.errors().isEmpty() && diagnosis.errors().stream()
                .allMatch(e -> !NO_REQUEST.equals(e.code()) && catalog.error(e.code())
                        .map(k -> CLIENT_AUTH.equals(k.playbook())).orElse(false));
        return credentials ? List.of(CLUSTER_CREDENTIALS) : List.of();
    }

    /**
     * A client's failure (to reach a server, to be let in, to forward a port), a symptom rather than the inner error
     * of a wrapper.
     */
    static boolean isClientConnection(KnownError error) {
        return "kubectl".equals(error.playbook()) || CLIENT_SIDE.contains(error.playbook());
    }

    /** Checks for one error; {@code subcategory} matters for API server connection failures only. */
    public static List<CheckId> checks(KnownError error, Subcategory subcategory) {
        Subcategory sub = subcategory == null ? Subcategory.UNKNOWN : subcategory;
        if ("api".equals(error.playbook())) {
            return API_SERVER.get(sub);
        }
        if ("kubectl".equals(error.playbook())) {
            return KUBECTL.getOrDefault(sub, KUBECTL_DEFAULT);
        }
        List<CheckId> checks = BY_KEY.get(error.playbook());
        if (checks == null) {
            throw new IllegalStateException("no playbook " + error.playbook() + " for " + error.code());
        }
        return checks;
    }

    /** The plan for several errors: each error's checks in turn, each check once. */
    static List<CheckId> plan(List<ErrorHit> findings, Function<ErrorHit, Subcategory> subcategory) {
        Set<CheckId> plan = new LinkedHashSet<>();
        for (ErrorHit f : findings) {
            plan.addAll(checks(f.error(), subcategory.apply(f)));
        }
        return new ArrayList<>(plan);
    }

    static boolean usesSubcategory(KnownError error) {
        // A client not pointed at any cluster still failed to connect somewhere: refused, timed out…
        return "api".equals(error.playbook()) || "kubectl".equals(error.playbook()) || CLIENT.equals(error.playbook());
    }

    private static List<CheckId> withBase(CheckId... first) {
        List<CheckId> checks = new ArrayList<>(List.of(first));
        checks.addAll(FAILED_STATE_BASE);
        return List.copyOf(checks);
    }
}
