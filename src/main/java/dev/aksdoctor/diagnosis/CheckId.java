package dev.aksdoctor.diagnosis;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable ids of the checks that playbooks order. The string id is public API (the parser contract's
 * {@code plan}, button values, stored findings): never rename one.
 */
public enum CheckId {
    // cluster and node state (seed 004)
    CLUSTER_STATE("cluster-state"),
    NODE_POOL_STATE("node-pool-state"),
    VMSS_INSTANCES("vmss-instances"),
    CSE_STATUS("cse-status"),
    ACTIVITY_LOG_FAILURES("activity-log-failures"),
    // network path from the nodes to the API server (seeds 000, 001, 002, 003)
    NODE_SUBNET("node-subnet"),
    AUTHORIZED_IP_RANGES("authorized-ip-ranges"),
    CLIENT_AUTHORIZED_RANGES("client-authorized-ranges"),
    NSG_OUTBOUND("nsg-outbound"),
    ROUTE_TABLE("route-table"),
    EGRESS_APPLIANCE("egress-appliance"),
    PRIVATE_ENDPOINT("private-endpoint"),
    PRIVATE_DNS_ZONE_LINK("private-dns-zone-link"),
    VNET_DNS_SERVERS("vnet-dns-servers"),
    HTTP_PROXY("http-proxy"),
    // run from a node through VMSS run-command; on demand only
    NODE_DNS_PROBE("node-dns-probe"),
    NODE_TCP_PROBE("node-tcp-probe"),
    NODE_TLS_PROBE("node-tls-probe"),
    NODE_OUTBOUND_PROBE("node-outbound-probe"),
    // subscription-level causes (seed 004)
    VCPU_QUOTA("vcpu-quota"),
    PUBLIC_IP_QUOTA("public-ip-quota"),
    SKU_AVAILABILITY("sku-availability"),
    POLICY_DENIAL("policy-denial"),
    RESOURCE_LOCKS("resource-locks"),
    PROVIDER_REGISTRATION("provider-registration"),
    SUBSCRIPTION_STATE("subscription-state"),
    SUBNET_CAPACITY("subnet-capacity"),
    PDB_DRAIN("pdb-drain"),
    IDENTITY_NETWORK_ROLES("identity-network-roles"),
    // what the API server accepts from kubectl: rotated certificates, local accounts, Entra ID
    CLUSTER_CREDENTIALS("cluster-credentials");

    private final String id;

    CheckId(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
