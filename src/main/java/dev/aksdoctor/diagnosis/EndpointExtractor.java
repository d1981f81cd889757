package dev.aksdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the API server FQDN, the API server IP and the node IP. An IP counts as the API server's only when the text
 * says so ({@code API server at 1.2.3.4}, {@code API server IP: …}, {@code dial tcp 1.2.3.4:443}) or when it is a
 * connection line whose nearest named host is the {@code *.azmk8s.io} FQDN: an IP that curl or nc reached for
 * {@code mcr.microsoft.com} or a download mirror in the CSE log tail is not the API server.
 */
final class EndpointExtractor {

    private static final int MAX_FQDNS = 1000;
    private static final int MAX_IPS = 5000;
    private static final int HOST_REACH = 600;
    private static final String AZMK8S = ".azmk8s.io";
    private static final Pattern FQDN = Pattern.compile(
            "[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,6}\\.(hcp|privatelink)\\.([a-z0-9]{2,30})\\.azmk8s\\.io");
    /** The zone part of an API server FQDN whose cluster label was redacted ({@code ****-e65c432b.hcp.centralus…}). */
    private static final Pattern ZONE = Pattern.compile("\\.(hcp|privatelink)\\.([a-z0-9]{2,30})\\.azmk8s\\.io$");
    /**
     * The first address of the usual service CIDRs (AKS 10.0.0.0/16, kubeadm 10.96.0.0/12, k3s, EKS, kubespray): the
     * in-cluster {@code kubernetes} service a pod dials, not an address of the API server that ARM can check.
     */
    private static final java.util.Set<String> SERVICE_CLUSTER_IPS = java.util.Set.of("10.0.0.1", "10.96.0.1",
            "10.32.0.1", "10.43.0.1", "10.100.0.1", "172.20.0.1", "10.233.0.1");
    private static final Pattern API_LABEL = Pattern.compile(
            "(?:api ?server(?: ip| endpoint| address)?(?: is)?(?: at)?|dial tcp|masterip|kubernetes endpoint)"
                    + " {0,2}[:=]? {0,2}['\"]?$");
    private static final Pattern NODE_LABEL = Pattern.compile(
            "(?:\\bnode(?: ip| address)?|source ip|local ip|port \\d{1,5} from) {0,2}[:=]? {0,2}['\"]?$");
    private static final String KUBELET_PORT = ":10250";
    private static final String[] CONNECTION_LINE = {
        "trying ", "connect to ", "connected to ", "connecting to ", "ipv4:", "address:", "has address",
        "failed to connect to ",
    };

    ApiServerEndpoint extract(NormalizedPaste paste) {
        String lower = paste.lower();
        String fqdn = null;
        String region = null;
        Boolean privateCluster = null;
        int from = 0;
        for (int n = 0; n < MAX_FQDNS && fqdn == null; n++) {
            int at = lower.indexOf(AZMK8S, from);
            if (at < 0) {
                break;
            }
            from = at + AZMK8S.length();
            int start = at;
            int limit = Math.max(0, at - 253);
            while (start > limit && hostChar(lower.charAt(start - 1))) {
                start--;
            }
            Matcher m = FQDN.matcher(lower.substring(start, from));
            if (m.matches() && !redacted(m.group())) {
                fqdn = m.group();
                region = m.group(2);
                privateCluster = "privatelink".equals(m.group(1));
            } else if (region == null) {
                Matcher zone = ZONE.matcher(lower.substring(start, from));
                if (zone.find()) {
                    region = zone.group(2);
                    privateCluster = "privatelink".equals(zone.group(1));
                }
            }
        }
        if (privateCluster == null && paste.squeezed().text().contains("enableprivatecluster:true")) {
            privateCluster = Boolean.TRUE;
        }
        String labelledApi = null;
        String contextApi = null;
        String node = null;
        Ipv4Scanner ip = new Ipv4Scanner(lower);
        for (int n = 0; n < MAX_IPS && ip.next(); n++) {
            String address = ip.address();
            if (!validAddress(address)) {
                continue;
            }
            String before = NonApiHosts.lineBefore(lower, ip.start(), 120);
            String after = lower.substring(ip.end(), Math.min(lower.length(), ip.end() + 7));
            if (after.startsWith("#53") || after.startsWith(":53") || SERVICE_CLUSTER_IPS.contains(address)) {
                continue;
            }
            if (after.startsWith(KUBELET_PORT) && (after.length() == KUBELET_PORT.length()
                    || !Character.isDigit(after.charAt(KUBELET_PORT.length())))) {
                // "error dialing backend: dial tcp 10.1.0.4:10250": the API server dialling a node's kubelet.
                node = node == null ? address : node;
                continue;
            }
            if (node == null && NODE_LABEL.matcher(before).find()) {
                node = address;
            } else if (labelledApi == null && API_LABEL.matcher(before).find()) {
                labelledApi = address;
            } else if (contextApi == null && fqdn != null && isConnectionLine(before)
                    && nearestHostIsApiServer(lower, ip.start(), address)) {
                contextApi = address;
            }
            if (node != null && labelledApi != null) {
                break;
            }
        }
        return new ApiServerEndpoint(fqdn, region, privateCluster, labelledApi != null ? labelledApi : contextApi,
                node);
    }

    /** {@code XXXXXXX.hcp.westeurope.azmk8s.io}: the cluster's label was blanked out; only the zone is real. */
    private static boolean redacted(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot >= 3 && fqdn.substring(0, dot).chars().allMatch(c -> c == 'x');
    }

    private static boolean hostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private static boolean validAddress(String address) {
        String[] octets = address.split("\\.");
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            v[i] = Integer.parseInt(octets[i]);
            if (v[i] > 255) {
                return false;
            }
        }
        boolean platform = "168.63.129.16".equals(address) || "169.254.169.254".equals(address);
        return !platform && v[0] != 0 && v[0] != 127 && v[0] < 224;
    }

    private static boolean isConnectionLine(String before) {
        for (String marker : CONNECTION_LINE) {
            if (before.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the nearest host named before this IP is the API server's and no other mention of the same IP nearby
     * ties it to another host (curl prints {@code Trying <ip>} before {@code Connected to <host> (<ip>)}).
     */
    private static boolean nearestHostIsApiServer(String lower, int at, String address) {
        int start = Math.max(0, at - HOST_REACH);
        String window = lower.substring(start, at);
        int api = window.lastIndexOf(AZMK8S);
        if (api < 0) {
            return false;
        }
        String sinceApi = window.substring(api);
        if (NonApiHosts.mentionedIn(sinceApi)) {
            return false;
        }
        String around = lower.substring(start, Math.min(lower.length(), at + HOST_REACH));
        int from = 0;
        while (true) {
            int other = around.indexOf(address, from);
            if (other < 0) {
                return true;
            }
            if (NonApiHosts.mentionedIn(NonApiHosts.lineBefore(around, other, 120))) {
                return false;
            }
            from = other + address.length();
        }
    }
}
