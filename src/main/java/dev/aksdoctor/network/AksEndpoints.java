package dev.aksdoctor.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts AKS nodes must reach in Azure public cloud, and the patterns a TLS-inspecting proxy or firewall must
 * not inspect. From "Outbound network and FQDN rules for AKS clusters" (global Azure, required rules only).
 */
public final class AksEndpoints {

    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{1,39}");
    private static final Pattern API_SERVER_FQDN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
                    + "\\.(?<kind>hcp|privatelink)\\.(?<region>[a-z0-9]+)\\.azmk8s\\.io");

    private static final List<RequiredEndpoint> FIXED = List.of(
            https("mcr.microsoft.com", "Microsoft Container Registry: system images (CoreDNS, konnectivity, CNI)"),
            https("*.data.mcr.microsoft.com", "MCR storage behind its CDN: image layers"),
            https("mcr-0001.mcr-msedge.net", "MCR storage behind its CDN: image layers"),
            https("management.azure.com", "Azure Resource Manager: Kubernetes operations against the Azure API"),
            https("login.microsoftonline.com", "Microsoft Entra ID authentication"),
            https("packages.microsoft.com", "Microsoft packages repository: cached apt-get operations (Moby, PowerShell, Azure CLI)"),
            https("acs-mirror.azureedge.net", "Binaries for kubenet and Azure CNI"),
            https("packages.aks.azure.com", "Binaries for kubenet and Azure CNI (replaces acs-mirror.azureedge.net)"),
            new RequiredEndpoint("ntp.ubuntu.com", 123, "UDP", "Time synchronisation on Linux nodes"));

    private AksEndpoints() {
    }

    /**
     * {@code *.hcp.<region>.azmk8s.io} (public clusters) and {@code *.privatelink.<region>.azmk8s.io} (private
     * clusters). When the region is unknown or not a region name, {@code *.azmk8s.io}, which covers both.
     */
    public static List<String> tlsBypassPatterns(String region) {
        Optional<String> r = normaliseRegion(region);
        if (r.isEmpty()) {
            return List.of("*.azmk8s.io");
        }
        return List.of("*.hcp." + r.get() + ".azmk8s.io", "*.privatelink." + r.get() + ".azmk8s.io");
    }

    /** The required outbound endpoints; the region is read from the API server FQDN (null when unknown). */
    public static List<RequiredEndpoint> requiredOutbound(String apiServerFqdn) {
        return requiredOutbound(regionOf(apiServerFqdn).orElse(null), apiServerFqdn);
    }

    /**
     * The required outbound endpoints for a cluster: its API server (the FQDN when known, otherwise the
     * region's pattern) and the fixed list. A private cluster's API server is reached through its private
     * endpoint, so it is listed as such rather than as a firewall rule.
     */
    public static List<RequiredEndpoint> requiredOutbound(String region, String apiServerFqdn) {
        List<RequiredEndpoint> endpoints = new ArrayList<>();
        String fqdn = apiServerFqdn == null ? null : apiServerFqdn.trim().toLowerCase(Locale.ROOT);
        Matcher m = fqdn == null ? null : API_SERVER_FQDN.matcher(fqdn);
        if (m != null && m.matches()) {
            boolean privateCluster = "privatelink".equals(m.group("kind"));
            endpoints.add(https(fqdn, privateCluster
                    ? "API server of this private cluster, through its private endpoint (not the firewall)"
                    : "API server of this cluster: node to control plane"));
        } else {
            Optional<String> r = normaliseRegion(region);
            endpoints.add(https(r.map(x -> "*.hcp." + x + ".azmk8s.io").orElse("*.hcp.<region>.azmk8s.io"),
                    "API servers of public clusters in the region: node to control plane"));
        }
        endpoints.addAll(FIXED);
        return List.copyOf(endpoints);
    }

    /** The region in an API server FQDN ({@code *.hcp.<region>.azmk8s.io}, {@code *.privatelink.<region>.azmk8s.io}). */
    public static Optional<String> regionOf(String apiServerFqdn) {
        if (apiServerFqdn == null) {
            return Optional.empty();
        }
        Matcher m = API_SERVER_FQDN.matcher(apiServerFqdn.trim().toLowerCase(Locale.ROOT));
        return m.matches() ? normaliseRegion(m.group("region")) : Optional.empty();
    }

    private static Optional<String> normaliseRegion(String region) {
        if (region == null) {
            return Optional.empty();
        }
        String r = region.replace(" ", "").toLowerCase(Locale.ROOT);
        return REGION.matcher(r).matches() ? Optional.of(r) : Optional.empty();
    }

    private static RequiredEndpoint https(String host, String purpose) {
        return new RequiredEndpoint(host, 443, "HTTPS", purpose);
    }
}
