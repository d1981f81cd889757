package dev.aksdoctor.check;

import dev.aksdoctor.azure.AgentPoolFacts;
import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.ClusterFacts;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.FirewallPolicyFacts;
import dev.aksdoctor.azure.HttpProxyFacts;
import dev.aksdoctor.azure.NicFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.diagnosis.Diagnosis;
import dev.aksdoctor.network.AksEndpoints;
import dev.aksdoctor.network.Cloud;
import dev.aksdoctor.network.ClusterOptions;
import dev.aksdoctor.network.FirewallRuleCollection;
import dev.aksdoctor.network.FirewallRuleSet;
import dev.aksdoctor.network.ProxyRouting;
import dev.aksdoctor.network.ProxyTarget;
import dev.aksdoctor.network.RequiredEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The egress path beyond the node subnet, derived from memoised reads: the endpoints the cluster needs, who owns
 * an appliance next hop (an Azure Firewall or a NIC, in the cluster's subscription or a peered one) and a
 * firewall's rules with its parent policies. Each is computed once per investigation.
 */
final class EgressPath {

    /** N-series VM sizes carry GPUs (NC, ND, NV, NG…). */
    private static final Pattern GPU_SIZE = Pattern.compile("(?i)standard_n[a-z]+\\d.*");
    private static final int MAX_POLICY_DEPTH = 5;

    private final InvestigationFacts facts;
    private final Diagnosis diagnosis;

    EgressPath(InvestigationFacts facts, Diagnosis diagnosis) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
    }

    List<RequiredEndpoint> requiredEndpoints() {
        return facts.derived("requiredEndpoints", () -> {
            ClusterFacts c = facts.cluster();
            String fqdn = c.privateCluster() && c.privateFqdn() != null ? c.privateFqdn() : c.fqdn();
            if (fqdn == null) {
                fqdn = diagnosis.apiServerFqdn();
            }
            Cloud cloud = AksEndpoints.cloudOf(fqdn).orElse(Cloud.PUBLIC);
            boolean windows = c.agentPools().stream().anyMatch(p -> "Windows".equalsIgnoreCase(p.osType()));
            boolean gpu = c.agentPools().stream().map(AgentPoolFacts::vmSize)
                    .anyMatch(s -> s != null && GPU_SIZE.matcher(s).matches());
            ClusterOptions options = ClusterOptions.basic(cloud, c.location(), fqdn, c.privateCluster());
            if (windows) {
                options = options.withWindowsPools();
            }
            if (gpu) {
                options = options.withGpuPools();
            }
            return AksEndpoints.requiredOutbound(options);
        });
    }

    /**
     * The proxy a required endpoint's traffic goes to, or empty when it goes direct: the one place where the
     * destination of outbound judgement is chosen. AKS adds the API server's names to noProxy itself.
     */
    Optional<ProxyTarget> proxyFor(RequiredEndpoint endpoint) {
        ClusterFacts c = facts.cluster();
        HttpProxyFacts proxy = c.httpProxy();
        if (proxy == null || !proxy.configured()) {
            return Optional.empty();
        }
        List<String> noProxy = new ArrayList<>(proxy.noProxy());
        Stream.of(c.fqdn(), c.privateFqdn()).filter(Objects::nonNull).forEach(noProxy::add);
        return new ProxyRouting(proxy.httpProxy(), proxy.httpsProxy(), noProxy).destination(endpoint);
    }

    /** The required endpoints outside the VNet, split into those reached directly and those through a proxy. */
    OutboundDestinations outboundDestinations() {
        return facts.derived("outboundDestinations", () -> {
            List<RequiredEndpoint> direct = new ArrayList<>();
            Map<ProxyTarget, List<RequiredEndpoint>> proxied = new LinkedHashMap<>();
            for (RequiredEndpoint e : requiredEndpoints()) {
                if (e.privateLink()) {
                    continue;
                }
                Optional<ProxyTarget> proxy = proxyFor(e);
                if (proxy.isPresent()) {
                    proxied.computeIfAbsent(proxy.get(), k -> new ArrayList<>()).add(e);
                } else {
                    direct.add(e);
                }
            }
            return new OutboundDestinations(direct, proxied);
        });
    }

    /** The proxy's address: its IP literal, else the investigation's one DNS lookup of its name. */
    Optional<String> proxyAddress(ProxyTarget proxy) {
        if (!proxy.readable()) {
            return Optional.empty();
        }
        return proxy.ipLiteral() ? Optional.of(proxy.host()) : facts.resolve(proxy.host());
    }

    List<String> subscriptions() {
        return facts.derived("pathSubscriptions", () -> {
            Set<String> subs = new LinkedHashSet<>();
            subs.add(facts.ref().subscriptionId().toLowerCase(Locale.ROOT));
            for (NodeSubnet ns : facts.nodeSubnets()) {
                for (VnetFacts.Peering p : ns.vnet().peerings()) {
                    String sub = subscriptionOf(p.remoteVnetId());
                    if (sub != null) {
                        subs.add(sub.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return List.copyOf(subs);
        });
    }

    ApplianceOwner owner(String ip) {
        return facts.derived("owner:" + ip, () -> {
            List<String> searched = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (String sub : subscriptions()) {
                try {
                    for (FirewallFacts fw : facts.firewalls(sub)) {
                        if (fw.privateIps().contains(ip)) {
                            return new ApplianceOwner(ip, ApplianceOwner.Kind.FIREWALL, fw, null, null, searched,
                                    unreadable);
                        }
                    }
                } catch (ArmException e) {
                    unreadable.add(sub + " (Azure Firewalls: " + e.getMessage() + ")");
                }
            }
            for (String sub : subscriptions()) {
                try {
                    for (NicFacts nic : facts.networkInterfaces(sub)) {
                        if (nic.privateIps().contains(ip)) {
                            String power = null;
                            if (nic.vmId() != null) {
                                try {
                                    power = facts.vmPowerState(nic.vmId());
                                } catch (ArmException e) {
                                    power = null;
                                }
                            }
                            return new ApplianceOwner(ip, ApplianceOwner.Kind.NIC, null, nic, power, searched,
                                    unreadable);
                        }
                    }
                    searched.add(sub);
                } catch (ArmException e) {
                    unreadable.add(sub + " (network interfaces: " + e.getMessage() + ")");
                }
            }
            for (String sub : subscriptions()) {
                try {
                    String lb = facts.internalLoadBalancerFrontends(sub).get(ip);
                    if (lb != null) {
                        return new ApplianceOwner(ip, ApplianceOwner.Kind.LOAD_BALANCER, null, null, null, searched,
                                unreadable, lb);
                    }
                } catch (ArmException e) {
                    unreadable.add(sub + " (load balancers: " + e.getMessage() + ")");
                }
            }
            return new ApplianceOwner(ip, unreadable.isEmpty() ? ApplianceOwner.Kind.NOBODY : ApplianceOwner.Kind.UNKNOWN,
                    null, null, null, searched, unreadable);
        });
    }

    FirewallRuleSet rules(FirewallFacts fw) {
        return facts.derived("fwrules:" + fw.id(), () -> {
            List<FirewallRuleCollection> collections = new ArrayList<>(fw.classicCollections());
            Set<String> ipGroups = new LinkedHashSet<>(fw.ipGroupIds());
            boolean dnsProxy = fw.dnsProxy();
            boolean tls = false;
            String policyId = fw.policyId();
            boolean inherited = false;
            Set<String> seen = new LinkedHashSet<>();
            for (int depth = 0; policyId != null && depth < MAX_POLICY_DEPTH && seen.add(policyId.toLowerCase(Locale.ROOT));
                    depth++) {
                FirewallPolicyFacts policy = facts.firewallPolicy(policyId);
                for (FirewallRuleCollection c : policy.collections()) {
                    collections.add(inherited ? new FirewallRuleCollection(c.name(), c.sourceId(), c.policyName(), true,
                            c.groupName(), c.groupPriority(), c.priority(), c.action(), c.kind(), c.rules()) : c);
                }
                ipGroups.addAll(policy.ipGroupIds());
                dnsProxy |= policy.dnsProxy();
                tls |= policy.tlsInspection();
                policyId = policy.basePolicyId();
                inherited = true;
            }
            Map<String, List<String>> addresses = new HashMap<>();
            for (String g : ipGroups) {
                try {
                    addresses.put(g.toLowerCase(Locale.ROOT), facts.ipGroupAddresses(g));
                } catch (ArmException e) {
                    // Left out: the evaluator reports a rule naming it as undecided.
                }
            }
            return new FirewallRuleSet(fw.id(), fw.name(), collections, addresses, dnsProxy, tls);
        });
    }

    /**
     * What an outbound node probe should test: the first required endpoint a firewall on the default route blocks,
     * else MCR (what CSE exit 50 tests). Wildcard names cannot be probed and private-link ones are not egress.
     */
    String outboundProbeHost() {
        return facts.derived("outboundProbeHost", () -> {
            List<RequiredEndpoint> endpoints = requiredEndpoints().stream()
                    .filter(e -> !e.privateLink() && !e.wildcard() && e.applicationProtocol()).toList();
            List<String> sources = new ArrayList<>();
            facts.nodeSubnets().forEach(ns -> sources.addAll(ns.subnet().addressPrefixes()));
            for (FirewallFacts fw : facts.egressFirewalls()) {
                for (dev.aksdoctor.network.FirewallVerdict v : dev.aksdoctor.network.FirewallEvaluator
                        .evaluateAll(rules(fw), sources, endpoints)) {
                    if (v.blocked()) {
                        return v.endpoint().host();
                    }
                }
            }
            return endpoints.stream().map(RequiredEndpoint::host).filter(h -> h.startsWith("mcr.")).findFirst()
                    .orElse(endpoints.isEmpty() ? "mcr.microsoft.com" : endpoints.get(0).host());
        });
    }

    static String subscriptionOf(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        String[] parts = resourceId.split("/");
        return parts.length > 2 && "subscriptions".equalsIgnoreCase(parts[1]) ? parts[2] : null;
    }
}
