package dev.aksdoctor.check;

import dev.aksdoctor.diagnosis.DocLink;

/** Documentation links that findings point to; each is an article of {@link dev.aksdoctor.diagnosis.Articles}. */
final class Docs {

    static final DocLink API_SERVER_CONN_FAIL = new DocLink("Troubleshoot VMExtensionError_K8SAPIServerConnFail",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/error-code-k8sapiserverconnfailvmextensionerror");
    static final DocLink FAILED_STATE = new DocLink("AKS cluster or node is in a failed state",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/availability-performance/cluster-node-virtual-machine-failed-state");
    static final DocLink START_STOP = new DocLink("Stop and start an AKS cluster",
            "https://learn.microsoft.com/azure/aks/start-stop-cluster");
    static final DocLink AUTHORIZED_RANGES = new DocLink("Secure access to the API server using authorized IP address ranges",
            "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges");
    static final DocLink NSG = new DocLink("Network security groups",
            "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview");
    static final DocLink UDR = new DocLink("Virtual network traffic routing",
            "https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview");
    static final DocLink OUTBOUND_RULES = new DocLink("Outbound network and FQDN rules for AKS clusters",
            "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress");
    static final DocLink EGRESS = new DocLink("Control egress traffic for cluster nodes in AKS",
            "https://learn.microsoft.com/azure/aks/limit-egress-traffic");
    static final DocLink PRIVATE_CLUSTER = new DocLink("Create a private AKS cluster",
            "https://learn.microsoft.com/azure/aks/private-clusters");
    static final DocLink AZURE_DNS = new DocLink("What is IP address 168.63.129.16?",
            "https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16");
    static final DocLink PROVISIONING_TIMEOUT = new DocLink("Troubleshoot the VMExtensionProvisioningTimeout error",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/vmextensionprovisioningtimeout-error");
    static final DocLink HTTP_PROXY = new DocLink("HTTP proxy support in AKS",
            "https://learn.microsoft.com/azure/aks/http-proxy");
    static final DocLink CSE_ERRORS = new DocLink("Node not ready failures caused by CSE errors",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/availability-performance/node-not-ready-custom-script-extension-errors");
    // Seed 004 sends the reader to the failed operation's error details in the Activity Log from here.
    static final DocLink ACTIVITY_LOG = new DocLink("Troubleshoot common AKS cluster creation issues",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/"
                    + "troubleshoot-aks-cluster-creation-issues#view-error-details-in-the-azure-portal");
    static final DocLink SUBNET_FULL = new DocLink("Troubleshoot the SubnetIsFull error",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/error-code-subnetisfull");
    static final DocLink QUOTA = new DocLink("Troubleshoot the QuotaExceeded error",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/error-code-quotaexceeded");
    static final DocLink PUBLIC_IP_LIMIT = new DocLink("Public IP address limits",
            "https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#publicip-address");
    static final DocLink SKU_NOT_AVAILABLE = new DocLink("Resolve errors for SKU not available",
            "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-sku-not-available");
    static final DocLink POLICY = new DocLink("Troubleshoot the RequestDisallowedByPolicy error",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/error-code-requestdisallowedbypolicy");
    static final DocLink LOCKS = new DocLink("Lock your resources to protect your infrastructure",
            "https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources");
    static final DocLink PROVIDERS = new DocLink("Azure resource providers and types",
            "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-providers-and-types");
    static final DocLink SUBSCRIPTION_DISABLED = new DocLink("Reactivate a disabled Azure subscription",
            "https://learn.microsoft.com/azure/cost-management-billing/manage/subscription-disabled");
    static final DocLink POD_DRAIN = new DocLink("Troubleshoot the PodDrainFailure error",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/error-code-poddrainfailure");
    static final DocLink WINDOWS_CONNECTIVITY = new DocLink("Troubleshoot WINDOWS_CSE_ERROR_CHECK_API_SERVER_CONNECTIVITY (5)",
            "https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/windows-cse-error-check-api-server-connectivity");
    static final DocLink RBAC = new DocLink("Azure built-in roles and permissions",
            "https://learn.microsoft.com/azure/role-based-access-control/overview");
    static final DocLink CERT_ROTATION = new DocLink("Certificate rotation in AKS",
            "https://learn.microsoft.com/azure/aks/certificate-rotation");
    static final DocLink LOCAL_ACCOUNTS = new DocLink(
            "Manage local accounts with AKS-managed Microsoft Entra integration",
            "https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad");
    static final DocLink ENTRA_ID = new DocLink("AKS-managed Microsoft Entra integration",
            "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id");

    private Docs() {
    }
    static final DocLink FIREWALL_RULES = new DocLink("Configure Azure Firewall rules (rule processing)",
            "https://learn.microsoft.com/azure/firewall/rule-processing");
    static final DocLink FIREWALL_TLS = new DocLink("Azure Firewall Premium: TLS inspection",
            "https://learn.microsoft.com/azure/firewall/premium-features#tls-inspection");
    static final DocLink CLUSTER_IDENTITY = new DocLink("AKS cluster identity permissions",
            "https://learn.microsoft.com/azure/aks/concepts-identity#aks-cluster-identity-permissions");
}
