package dev.aksdoctor.azure;

import java.util.List;

/**
 * How a managed cluster lets kubectl in, as {@code properties} of the managedClusters GET say it.
 *
 * @param localAccountsDisabled {@code disableLocalAccounts}: admin and other certificate kubeconfigs are refused
 * @param entraId {@code aadProfile.managed}: AKS-managed Microsoft Entra ID integration, tokens come from kubelogin
 * @param azureRbac {@code aadProfile.enableAzureRBAC}: Azure role assignments, not only Kubernetes RBAC, authorize
 * @param adminGroupObjectIds {@code aadProfile.adminGroupObjectIDs}: Entra groups bound to cluster-admin
 */
public record ClusterAuthFacts(boolean localAccountsDisabled, boolean entraId, boolean azureRbac,
        List<String> adminGroupObjectIds) {

    /** Certificates and local accounts only, which is what ARM reports for a cluster without these properties. */
    public static final ClusterAuthFacts LOCAL = new ClusterAuthFacts(false, false, false, List.of());

    public ClusterAuthFacts {
        adminGroupObjectIds = adminGroupObjectIds == null ? List.of() : List.copyOf(adminGroupObjectIds);
    }
}
