package dev.aksdoctor.network;

import java.util.Locale;
import java.util.Objects;

/**
 * What decides which outbound endpoints a cluster needs (the optional tables of "Outbound network and FQDN
 * rules for AKS clusters").
 *
 * @param region            lower-case, no spaces; null when unknown
 * @param apiServerFqdn     the cluster's FQDN (public) or private FQDN; null when unknown
 * @param windowsPools      a Windows Server node pool exists
 * @param gpuPools          a GPU node pool exists (driver install from NVIDIA and Docker)
 * @param monitoring        Container insights / Azure Monitor add-on
 * @param azurePolicy       Azure Policy add-on
 * @param keyVaultSecrets   the CSI Secret Store (Key Vault secrets provider) add-on
 * @param defender          Microsoft Defender for Containers
 * @param clusterExtensions cluster extensions (Flux, Dapr, marketplace…) are installed
 */
public record ClusterOptions(Cloud cloud, String region, String apiServerFqdn, boolean privateCluster,
        boolean windowsPools, boolean gpuPools, boolean monitoring, boolean azurePolicy, boolean keyVaultSecrets,
        boolean defender, boolean clusterExtensions) {

    public ClusterOptions {
        Objects.requireNonNull(cloud, "cloud");
        region = region == null ? null : region.replace(" ", "").toLowerCase(Locale.ROOT);
        apiServerFqdn = apiServerFqdn == null || apiServerFqdn.isBlank() ? null
                : apiServerFqdn.trim().toLowerCase(Locale.ROOT);
    }

    /** A Linux cluster in {@code cloud} without add-ons. */
    public static ClusterOptions basic(Cloud cloud, String region, String apiServerFqdn, boolean privateCluster) {
        return new ClusterOptions(cloud, region, apiServerFqdn, privateCluster, false, false, false, false, false,
                false, false);
    }

    public ClusterOptions withWindowsPools() {
        return new ClusterOptions(cloud, region, apiServerFqdn, privateCluster, true, gpuPools, monitoring,
                azurePolicy, keyVaultSecrets, defender, clusterExtensions);
    }

    public ClusterOptions withGpuPools() {
        return new ClusterOptions(cloud, region, apiServerFqdn, privateCluster, windowsPools, true, monitoring,
                azurePolicy, keyVaultSecrets, defender, clusterExtensions);
    }

    public ClusterOptions withAddons(boolean monitoring, boolean azurePolicy, boolean keyVaultSecrets,
            boolean defender, boolean clusterExtensions) {
        return new ClusterOptions(cloud, region, apiServerFqdn, privateCluster, windowsPools, gpuPools, monitoring,
                azurePolicy, keyVaultSecrets, defender, clusterExtensions);
    }
}
