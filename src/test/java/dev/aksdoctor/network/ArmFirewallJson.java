package dev.aksdoctor.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads Azure Firewall and Firewall Policy JSON (ARM example shapes) into the evaluator's records. */
final class ArmFirewallJson {

    private ArmFirewallJson() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = ArmFirewallJson.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classic firewall (an {@code azureFirewalls} GET example). */
    static FirewallRuleSet classic(String resource, Map<String, List<String>> ipGroups) {
        JsonNode fw = read(resource).path("responses").path("200").path("body");
        JsonNode p = fw.path("properties");
        List<FirewallRuleCollection> collections = new ArrayList<>();
        classic(p.path("applicationRuleCollections"), FirewallRuleKind.APPLICATION, collections);
        classic(p.path("networkRuleCollections"), FirewallRuleKind.NETWORK, collections);
        classic(p.path("natRuleCollections"), FirewallRuleKind.NAT, collections);
        boolean dnsProxy = "true".equalsIgnoreCase(p.path("additionalProperties").path("Network.DNS.EnableProxy").asText());
        return new FirewallRuleSet(fw.path("id").asText(), fw.path("name").asText(), collections, ipGroups, dnsProxy,
                false);
    }

    private static void classic(JsonNode collections, FirewallRuleKind kind, List<FirewallRuleCollection> out) {
        for (JsonNode c : collections) {
            JsonNode cp = c.path("properties");
            List<FirewallRule> rules = new ArrayList<>();
            for (JsonNode r : cp.path("rules")) {
                rules.add(rule(r, kind, "protocols"));
            }
            out.add(new FirewallRuleCollection(c.path("name").asText(), c.path("id").asText(), null, false, null, 0,
                    cp.path("priority").asInt(), FirewallAction.fromAzure(cp.path("action").path("type").asText()),
                    kind, rules));
        }
    }

    /** A firewall whose policy is the last one of the file, with the policies before it as its ancestors. */
    static FirewallRuleSet policy(String resource, String firewallName, Map<String, List<String>> ipGroups) {
        JsonNode policies = read(resource).path("policies");
        List<FirewallRuleCollection> collections = new ArrayList<>();
        boolean dnsProxy = false;
        boolean tls = false;
        for (int i = 0; i < policies.size(); i++) {
            JsonNode policy = policies.get(i);
            boolean inherited = i < policies.size() - 1;
            JsonNode pp = policy.path("properties");
            dnsProxy |= pp.path("dnsSettings").path("enableProxy").asBoolean(false);
            tls |= "Premium".equalsIgnoreCase(pp.path("sku").path("tier").asText())
                    && pp.path("transportSecurity").path("certificateAuthority").isObject();
            for (JsonNode group : policy.path("ruleCollectionGroups").path("value")) {
                JsonNode gp = group.path("properties");
                for (JsonNode c : gp.path("ruleCollections")) {
                    boolean nat = "FirewallPolicyNatRuleCollection".equals(c.path("ruleCollectionType").asText());
                    List<FirewallRule> rules = new ArrayList<>();
                    FirewallRuleKind kind = nat ? FirewallRuleKind.NAT : null;
                    for (JsonNode r : c.path("rules")) {
                        FirewallRuleKind rk = switchKind(r.path("ruleType").asText());
                        rules.add(rule(r, rk, "ipProtocols"));
                        kind = kind == null ? rk : kind;
                    }
                    collections.add(new FirewallRuleCollection(c.path("name").asText(), group.path("id").asText(),
                            policy.path("name").asText(), inherited, group.path("name").asText(),
                            gp.path("priority").asInt(), c.path("priority").asInt(),
                            FirewallAction.fromAzure(c.path("action").path("type").asText()),
                            kind == null ? FirewallRuleKind.APPLICATION : kind, rules));
                }
            }
        }
        return new FirewallRuleSet("/subscriptions/5e3c1b2a-0000-4d3e-9f10-aaaaaaaaaaaa/resourceGroups/rg-hub/providers/"
                + "Microsoft.Network/azureFirewalls/" + firewallName, firewallName, collections, ipGroups, dnsProxy, tls);
    }

    private static FirewallRuleKind switchKind(String ruleType) {
        if ("NetworkRule".equals(ruleType)) {
            return FirewallRuleKind.NETWORK;
        }
        return "NatRule".equals(ruleType) ? FirewallRuleKind.NAT : FirewallRuleKind.APPLICATION;
    }

    private static FirewallRule rule(JsonNode r, FirewallRuleKind kind, String ipProtocolsField) {
        if (kind == FirewallRuleKind.APPLICATION) {
            List<String> protocols = new ArrayList<>();
            for (JsonNode p : r.path("protocols")) {
                protocols.add(p.path("protocolType").asText() + ":" + p.path("port").asInt());
            }
            return new FirewallRule(r.path("name").asText(), kind, strings(r, "sourceAddresses"),
                    strings(r, "sourceIpGroups"), protocols, strings(r, "targetFqdns"), strings(r, "fqdnTags"),
                    strings(r, "targetUrls"), strings(r, "webCategories"), null, null, null, null, null,
                    r.path("terminateTLS").asBoolean(false));
        }
        return new FirewallRule(r.path("name").asText(), kind, strings(r, "sourceAddresses"),
                strings(r, "sourceIpGroups"), null, null, null, null, null, strings(r, ipProtocolsField),
                strings(r, "destinationAddresses"), strings(r, "destinationIpGroups"), strings(r, "destinationFqdns"),
                strings(r, "destinationPorts"), false);
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
