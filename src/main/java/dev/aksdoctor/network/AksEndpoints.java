package dev.aksdoctor.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts AKS nodes must reach, per cloud and cluster option, and the patterns a TLS-inspecting proxy or firewall
 * must not inspect. From "Outbound network and FQDN rules for AKS clusters" (learn.microsoft.com and
 * docs.azure.cn); each endpoint carries the table it comes from.
 */
public final class AksEndpoints {

    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{1,39}");
    private static final Pattern API_SERVER_FQDN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
                    + "\\.(?<kind>hcp|privatelink)\\.(?<region>[a-z0-9]+)\\."
                    + "(?<domain>azmk8s\\.io|cx\\.prod\\.service\\.azk8s\\.cn|cx\\.aks\\.containerservice\\.azure\\.us)");

    private static final List<String> AKS_TAG = List.of(RequiredEndpoint.AKS_FQDN_TAG);

    private static final String GLOBAL_FQDN = Cloud.PUBLIC.outboundDoc() + "#azure-global-required-fqdn--application-rules";
    private static final String CHINA_FQDN = Cloud.CHINA.outboundDoc()
            + "#microsoft-azure-operated-by-21vianet-required-fqdn--application-rules";
    private static final String CHINA_NETWORK = Cloud.CHINA.outboundDoc()
            + "#microsoft-azure-operated-by-21vianet-required-network-rules";
    private static final String GOV_FQDN = Cloud.US_GOVERNMENT.outboundDoc()
            + "#azure-us-government-required-fqdn--application-rules";
    private static final String GOV_NETWORK = Cloud.US_GOVERNMENT.outboundDoc()
            + "#azure-us-government-required-network-rules";
    private static final String WINDOWS = Cloud.PUBLIC.outboundDoc()
            + "#windows-server-based-node-pools-required-fqdn--application-rules";
    private static final String GPU = Cloud.PUBLIC.outboundDoc()
            + "#gpu-enabled-aks-clusters-required-fqdn--application-rules";
    private static final String MONITOR = "#azure-monitor-for-containers";
    private static final String POLICY = "#azure-policy";
    private static final String KEY_VAULT = "#csi-secret-store";
    private static final String DEFENDER = "#microsoft-defender-for-containers";
    private static final String EXTENSIONS = "#cluster-extensions";

    private static final Map<Cloud, List<RequiredEndpoint>> CORE = core();

    private AksEndpoints() {
    }

    /**
     * {@code *.hcp.<region>.azmk8s.io} (public clusters) and {@code *.privatelink.<region>.azmk8s.io} (private
     * clusters). When the region is unknown or not a region name, {@code *.azmk8s.io}, which covers both.
     */
    public static List<String> tlsBypassPatterns(String region) {
        return tlsBypassPatterns(Cloud.PUBLIC, region);
    }

    public static List<String> tlsBypassPatterns(Cloud cloud, String region) {
        Optional<String> r = normaliseRegion(region);
        if (r.isEmpty()) {
            return List.of("*." + cloud.apiServerDomain());
        }
        return List.of("*.hcp." + r.get() + "." + cloud.apiServerDomain(),
                "*.privatelink." + r.get() + "." + cloud.apiServerDomain());
    }

    /** The required outbound endpoints; the region is read from the API server FQDN (null when unknown). */
    public static List<RequiredEndpoint> requiredOutbound(String apiServerFqdn) {
        return requiredOutbound(regionOf(apiServerFqdn).orElse(null), apiServerFqdn);
    }

    /** Azure public cloud, Linux pools, no add-ons; a privatelink FQDN makes it a private cluster. */
    public static List<RequiredEndpoint> requiredOutbound(String region, String apiServerFqdn) {
        Cloud cloud = cloudOf(apiServerFqdn).orElse(Cloud.PUBLIC);
        return requiredOutbound(ClusterOptions.basic(cloud, region, apiServerFqdn, isPrivateFqdn(apiServerFqdn)));
    }

    /**
     * The endpoints a cluster with these options needs, in the order to test them: the API server (the FQDN
     * when known, otherwise the region's pattern; a private cluster's through its private endpoint), the core
     * list of its cloud, then what its pools and add-ons add.
     */
    public static List<RequiredEndpoint> requiredOutbound(ClusterOptions o) {
        Cloud cloud = o.cloud();
        Optional<String> region = normaliseRegion(o.region()).or(() -> regionOf(o.apiServerFqdn()));
        List<RequiredEndpoint> endpoints = new ArrayList<>();
        String fqdnDoc = cloud == Cloud.CHINA ? CHINA_FQDN : cloud == Cloud.US_GOVERNMENT ? GOV_FQDN : GLOBAL_FQDN;
        String regionTag = region.map(r -> "AzureCloud." + r).orElse("AzureCloud");
        Matcher m = o.apiServerFqdn() == null ? null : API_SERVER_FQDN.matcher(o.apiServerFqdn());
        boolean knownFqdn = m != null && m.matches();
        if (o.privateCluster()) {
            if (knownFqdn && "privatelink".equals(m.group("kind"))) {
                endpoints.add(new RequiredEndpoint(o.apiServerFqdn(), 443, "HTTPS",
                        "API server of this private cluster, through its private endpoint (not the firewall)", null,
                        List.of(), cloud.outboundDoc() + "#azure-global-required-network-rules-for-priavate-clusters-with-network-security-groups-nsg",
                        true));
            }
        } else {
            String host = knownFqdn ? o.apiServerFqdn()
                    : "*.hcp." + region.orElse("<region>") + "." + cloud.apiServerDomain();
            endpoints.add(new RequiredEndpoint(host, 443, "HTTPS", knownFqdn
                    ? "API server of this cluster: node to control plane"
                    : "API servers of public clusters in the region: node to control plane", regionTag, AKS_TAG,
                    fqdnDoc, false));
            if (cloud == Cloud.CHINA) {
                endpoints.add(new RequiredEndpoint("*.tun." + region.orElse("<region>") + "." + cloud.apiServerDomain(),
                        443, "HTTPS", "Tunnel between the nodes and the control plane", regionTag, AKS_TAG, fqdnDoc,
                        false));
            }
        }
        endpoints.addAll(CORE.get(cloud));
        if (o.windowsPools()) {
            endpoints.add(https("onegetcdn.azureedge.net", "Windows node pools: Windows-related binaries", null, WINDOWS));
            endpoints.add(https("go.microsoft.com", "Windows node pools: Windows-related binaries", null, WINDOWS));
            endpoints.add(http("*.mp.microsoft.com", "Windows node pools: Windows-related binaries", WINDOWS));
            endpoints.add(http("www.msftconnecttest.com", "Windows node pools: Windows-related binaries", WINDOWS));
            endpoints.add(http("ctldl.windowsupdate.com", "Windows node pools: Windows-related binaries", WINDOWS));
        }
        if (o.gpuPools()) {
            endpoints.add(https("nvidia.github.io", "GPU node pools: driver installation", null, GPU));
            endpoints.add(https("us.download.nvidia.com", "GPU node pools: driver installation", null, GPU));
            endpoints.add(https("download.docker.com", "GPU node pools: driver installation", null, GPU));
        }
        String doc = cloud.outboundDoc();
        String suffix = cloud == Cloud.CHINA ? "cn" : cloud == Cloud.US_GOVERNMENT ? "us" : "com";
        String r = region.orElse("<region>");
        if (o.monitoring()) {
            String monitor = doc + MONITOR;
            endpoints.add(https("dc.services.visualstudio." + suffix, "Azure Monitor: agent telemetry", "AzureMonitor", monitor));
            endpoints.add(https("*.ods.opinsights.azure." + suffix, "Azure Monitor: Log Analytics ingestion", "AzureMonitor", monitor));
            endpoints.add(https("*.oms.opinsights.azure." + suffix, "Azure Monitor: Log Analytics authentication", "AzureMonitor", monitor));
            if (cloud == Cloud.PUBLIC) {
                endpoints.add(https("*.monitoring.azure.com", "Azure Monitor: metrics", "AzureMonitor", monitor));
                endpoints.add(https(r + ".ingest.monitor.azure.com", "Azure Monitor: Prometheus metrics ingestion", "AzureMonitor", monitor));
            } else {
                endpoints.add(https("global.handler.control.monitor.azure." + suffix, "Azure Monitor: control service", "AzureMonitor", monitor));
            }
            endpoints.add(https(r + ".handler.control.monitor.azure." + suffix, "Azure Monitor: data collection rules", "AzureMonitor", monitor));
        }
        if (o.azurePolicy()) {
            String policyDomain = cloud == Cloud.PUBLIC ? "core.windows.net" : "azure." + suffix;
            endpoints.add(https("data.policy." + policyDomain, "Azure Policy add-on: policies and compliance", null, doc + POLICY));
            endpoints.add(https("store.policy." + policyDomain, "Azure Policy add-on: Gatekeeper artifacts", null, doc + POLICY));
            if (cloud == Cloud.PUBLIC) {
                endpoints.add(https("dc.services.visualstudio.com", "Azure Policy add-on: telemetry", "AzureMonitor", doc + POLICY));
            }
        }
        if (o.keyVaultSecrets() && cloud != Cloud.CHINA) {
            endpoints.add(https(cloud == Cloud.PUBLIC ? "*.vault.azure.net" : "*.vault.usgovcloudapi.net",
                    "CSI Secret Store add-on: Azure Key Vault", "AzureKeyVault", doc + KEY_VAULT));
        }
        if (o.defender()) {
            endpoints.add(https("*.ods.opinsights.azure." + suffix, "Defender for Containers: security events", null, doc + DEFENDER));
            endpoints.add(https("*.oms.opinsights.azure." + suffix, "Defender for Containers: Log Analytics authentication", null, doc + DEFENDER));
        }
        if (o.clusterExtensions() && cloud != Cloud.CHINA) {
            endpoints.add(https(r + ".dp.kubernetesconfiguration.azure." + (cloud == Cloud.PUBLIC ? "com" : "us"),
                    "Cluster extensions: configuration and status", null, doc + EXTENSIONS));
            if (cloud == Cloud.PUBLIC) {
                endpoints.add(https("arcmktplaceprod.azurecr.io", "Cluster extensions: marketplace extension images",
                        null, doc + EXTENSIONS));
            }
        }
        return dedupe(endpoints);
    }

    /** The region in an API server FQDN ({@code *.hcp.<region>.azmk8s.io}, {@code *.privatelink.<region>.…}). */
    public static Optional<String> regionOf(String apiServerFqdn) {
        Optional<Matcher> m = match(apiServerFqdn);
        return m.isPresent() ? normaliseRegion(m.get().group("region")) : Optional.empty();
    }

    /** The cloud an API server FQDN belongs to, from its domain. */
    public static Optional<Cloud> cloudOf(String apiServerFqdn) {
        Optional<Matcher> m = match(apiServerFqdn);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        String domain = m.get().group("domain");
        for (Cloud c : Cloud.values()) {
            if (c.apiServerDomain().equals(domain)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isPrivateFqdn(String apiServerFqdn) {
        return match(apiServerFqdn).map(m -> "privatelink".equals(m.group("kind"))).orElse(false);
    }

    private static Optional<Matcher> match(String apiServerFqdn) {
        if (apiServerFqdn == null) {
            return Optional.empty();
        }
        Matcher m = API_SERVER_FQDN.matcher(apiServerFqdn.trim().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private static Optional<String> normaliseRegion(String region) {
        if (region == null) {
            return Optional.empty();
        }
        String r = region.replace(" ", "").toLowerCase(Locale.ROOT);
        return REGION.matcher(r).matches() ? Optional.of(r) : Optional.empty();
    }

    private static Map<Cloud, List<RequiredEndpoint>> core() {
        Map<Cloud, List<RequiredEndpoint>> core = new LinkedHashMap<>();
        String mcr = "Microsoft Container Registry: system images (CoreDNS, konnectivity, CNI)";
        String mcrData = "MCR storage behind its CDN: image layers";
        String apt = "Microsoft packages repository: cached apt-get operations (Moby, PowerShell, Azure CLI)";
        String binaries = "Binaries for kubenet and Azure CNI";
        core.put(Cloud.PUBLIC, List.of(
                aks("mcr.microsoft.com", mcr, "MicrosoftContainerRegistry", GLOBAL_FQDN),
                aks("*.data.mcr.microsoft.com", mcrData, "AzureFrontDoor.FirstParty", GLOBAL_FQDN),
                aks("mcr-0001.mcr-msedge.net", mcrData, "AzureFrontDoor.FirstParty", GLOBAL_FQDN),
                aks("management.azure.com", "Azure Resource Manager: Kubernetes operations against the Azure API",
                        "AzureResourceManager", GLOBAL_FQDN),
                aks("login.microsoftonline.com", "Microsoft Entra ID authentication", "AzureActiveDirectory", GLOBAL_FQDN),
                aks("packages.microsoft.com", apt, null, GLOBAL_FQDN),
                aks("acs-mirror.azureedge.net", binaries, null, GLOBAL_FQDN),
                aks("packages.aks.azure.com", binaries + " (replaces acs-mirror.azureedge.net)", null, GLOBAL_FQDN)));
        core.put(Cloud.CHINA, List.of(
                aks("mcr.microsoft.com", mcr, "MicrosoftContainerRegistry", CHINA_FQDN),
                aks("*.data.mcr.microsoft.com", mcrData, "AzureFrontDoor.FirstParty", CHINA_FQDN),
                aks("management.chinacloudapi.cn", "Azure Resource Manager: Kubernetes operations against the Azure API",
                        "AzureResourceManager", CHINA_FQDN),
                aks("login.chinacloudapi.cn", "Microsoft Entra ID authentication", "AzureActiveDirectory", CHINA_FQDN),
                aks("packages.microsoft.com", apt, null, CHINA_FQDN),
                aks("*.azk8s.cn", binaries, null, CHINA_FQDN),
                ntp(CHINA_NETWORK)));
        core.put(Cloud.US_GOVERNMENT, List.of(
                aks("mcr.microsoft.com", mcr, "MicrosoftContainerRegistry", GOV_FQDN),
                aks("*.data.mcr.microsoft.com", mcrData, "AzureFrontDoor.FirstParty", GOV_FQDN),
                aks("management.usgovcloudapi.net", "Azure Resource Manager: Kubernetes operations against the Azure API",
                        "AzureResourceManager", GOV_FQDN),
                aks("login.microsoftonline.us", "Microsoft Entra ID authentication", "AzureActiveDirectory", GOV_FQDN),
                aks("packages.microsoft.com", apt, null, GOV_FQDN),
                aks("acs-mirror.azureedge.net", binaries, null, GOV_FQDN),
                ntp(GOV_NETWORK)));
        return core;
    }

    private static List<RequiredEndpoint> dedupe(List<RequiredEndpoint> endpoints) {
        Map<String, RequiredEndpoint> byKey = new LinkedHashMap<>();
        for (RequiredEndpoint e : endpoints) {
            byKey.putIfAbsent(e.label(), e);
        }
        return List.copyOf(byKey.values());
    }

    /** In the AKS core list, which the {@code AzureKubernetesService} FQDN tag covers. */
    private static RequiredEndpoint aks(String host, String purpose, String serviceTag, String doc) {
        return new RequiredEndpoint(host, 443, "HTTPS", purpose, serviceTag, AKS_TAG, doc, false);
    }

    private static RequiredEndpoint https(String host, String purpose, String serviceTag, String doc) {
        return new RequiredEndpoint(host, 443, "HTTPS", purpose, serviceTag, List.of(), doc, false);
    }

    private static RequiredEndpoint http(String host, String purpose, String doc) {
        return new RequiredEndpoint(host, 80, "HTTP", purpose, null, List.of(), doc, false);
    }

    private static RequiredEndpoint ntp(String doc) {
        return new RequiredEndpoint("ntp.ubuntu.com", 123, "UDP", "Time synchronisation on Linux nodes", null,
                List.of(), doc, false);
    }
}
