package dev.aksdoctor.check;

import dev.aksdoctor.azure.ArmException;
import dev.aksdoctor.azure.FirewallFacts;
import dev.aksdoctor.azure.NicFacts;
import dev.aksdoctor.azure.VnetFacts;
import dev.aksdoctor.network.AddressRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges one custom DNS server of a node VNet from what holds its address (seeds 003 and 004: "your custom DNS
 * server might be configured incorrectly"). Only what Azure proves is called broken: an address inside the VNets
 * the nodes reach that nothing holds, a stopped VM, an Azure Firewall whose DNS proxy is off (it does not listen on
 * port 53 then), a peering that is not connected. A running VM, an on-premises or a public server may be fine.
 */
final class DnsServerJudge {

    private final InvestigationFacts facts;

    DnsServerJudge(InvestigationFacts facts) {
        this.facts = facts;
    }

    DnsServerVerdict judge(VnetFacts vnet, String server) {
        if (VnetDnsServersCheck.AZURE_DNS.equals(server)) {
            return DnsServerVerdict.answers(server, server + " is Azure DNS", vnet.id());
        }
        if (!AddressRanges.isValidIp(server)) {
            return DnsServerVerdict.unverified(server, server + " is not an IP address", vnet.id());
        }
        String where;
        if (AddressRanges.firstContaining(vnet.addressPrefixes(), server).isPresent()) {
            where = "VNet " + vnet.name();
        } else {
            Optional<VnetFacts.Peering> peering = vnet.peerings().stream()
                    .filter(p -> AddressRanges.firstContaining(p.remoteAddressPrefixes(), server).isPresent()).findFirst();
            if (peering.isEmpty()) {
                return DnsServerVerdict.unverified(server, AddressRanges.isPrivate(server)
                        ? server + " is outside VNet " + vnet.name() + " and its peered VNets (on-premises, through a "
                                + "gateway?): Azure cannot show whether it answers"
                        : server + " is a public resolver: it must answer for the AKS endpoints and be reachable on "
                                + "port 53 through the egress path", vnet.id());
            }
            VnetFacts.Peering p = peering.get();
            if (!p.connected()) {
                return DnsServerVerdict.broken(server, server + " is in peered VNet " + name(p.remoteVnetId())
                        + ", but peering " + p.name() + " is " + p.state(), vnet.id(), "Reconnect peering " + p.name()
                        + " (re-create it on both VNets) so the nodes reach their DNS server, or point VNet "
                        + vnet.name() + " at a DNS server they reach.");
            }
            where = "peered VNet " + name(p.remoteVnetId());
        }
        ApplianceOwner owner = facts.applianceOwner(server);
        switch (owner.kind()) {
            case FIREWALL:
                return firewall(vnet, server, owner.firewall());
            case NIC:
                return vm(vnet, server, owner);
            case LOAD_BALANCER:
                return DnsServerVerdict.unverified(server, server + " is a frontend of internal load balancer "
                        + name(owner.loadBalancerId()) + ": the DNS servers behind it are not visible in Azure",
                        owner.loadBalancerId());
            case NOBODY:
                return nobody(vnet, server, where, owner);
            default:
                return DnsServerVerdict.unverified(server, "who holds " + server + " could not be read: "
                        + String.join("; ", owner.unreadable()), vnet.id());
        }
    }

    private DnsServerVerdict firewall(VnetFacts vnet, String server, FirewallFacts fw) {
        boolean proxy;
        try {
            proxy = facts.firewallRules(fw).dnsProxy();
        } catch (ArmException e) {
            return DnsServerVerdict.unverified(server, server + " is Azure Firewall " + fw.name() + ", whose DNS "
                    + "settings could not be read: " + e.getMessage(), fw.id());
        }
        if (proxy) {
            return DnsServerVerdict.answers(server, server + " is Azure Firewall " + fw.name() + " with its DNS proxy "
                    + "on", fw.id());
        }
        return DnsServerVerdict.broken(server, server + " is Azure Firewall " + fw.name() + ", whose DNS proxy is off",
                fw.policyId() != null ? fw.policyId() : fw.id(), "An Azure Firewall answers DNS on port 53 only "
                        + "with its DNS proxy on: enable it" + (fw.policyId() != null ? " in firewall policy "
                                + name(fw.policyId()) : " on " + fw.name()) + " (DNS settings), or point VNet "
                        + vnet.name() + " at another DNS server.");
    }

    private static DnsServerVerdict vm(VnetFacts vnet, String server, ApplianceOwner owner) {
        NicFacts nic = owner.nic();
        if (nic.vmId() == null) {
            return DnsServerVerdict.broken(server, server + " is held by NIC " + nic.name() + ", which is attached to "
                    + "no VM", nic.id(), "Attach " + nic.name() + " to the DNS server VM, or point VNet " + vnet.name()
                            + " at a DNS server that runs.");
        }
        String power = owner.powerState() == null ? "" : owner.powerState().toLowerCase(Locale.ROOT);
        if (!power.isEmpty() && !power.endsWith("/running")) {
            String state = owner.powerState().replace("PowerState/", "");
            return DnsServerVerdict.broken(server, server + " is VM " + name(nic.vmId()) + ", which is " + state,
                    nic.vmId(), "Start VM " + name(nic.vmId()) + ": while it is " + state + " every DNS query of the "
                            + "nodes times out. Or point VNet " + vnet.name() + " at a DNS server that runs.");
        }
        return DnsServerVerdict.unverified(server, server + " is VM " + name(nic.vmId()) + " ("
                + (owner.powerState() == null ? "power state unknown" : "running") + "): its forwarders are not visible "
                + "in Azure", nic.vmId());
    }

    /**
     * Nobody holds it among NICs, firewalls and load balancers: an Azure-managed DNS service (a DNS Private Resolver
     * inbound endpoint, Entra Domain Services' domain controllers), or a hole.
     */
    private DnsServerVerdict nobody(VnetFacts vnet, String server, String where, ApplianceOwner owner) {
        List<String> unreadable = new ArrayList<>();
        for (String sub : facts.pathSubscriptions()) {
            try {
                String service = facts.dnsServiceIps(sub).get(server);
                if (service != null) {
                    return DnsServerVerdict.answers(server, server + " is " + (service.toLowerCase(Locale.ROOT)
                            .contains("/microsoft.aad/") ? "a domain controller of Entra Domain Services "
                                    : "DNS Private Resolver inbound endpoint ") + name(service), service);
                }
            } catch (ArmException e) {
                unreadable.add(sub + " (DNS resolvers, domain services: " + e.getMessage() + ")");
            }
        }
        if (!unreadable.isEmpty()) {
            return DnsServerVerdict.unverified(server, "who holds " + server + " could not be read: "
                    + String.join("; ", unreadable), vnet.id());
        }
        return DnsServerVerdict.broken(server, server + " in " + where + " is held by no VM, Azure Firewall, load "
                + "balancer, DNS Private Resolver or Entra Domain Services in " + String.join(", ", owner.searched()), vnet.id(),
                "Every DNS query of the nodes goes to an address nothing answers on: point VNet " + vnet.name()
                        + "'s DNS servers at a working resolver (or back to Azure DNS, " + VnetDnsServersCheck.AZURE_DNS
                        + "), then restart the nodes: they read their DNS servers when they boot.");
    }

    private static String name(String resourceId) {
        return resourceId == null ? "(none)" : resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }
}
