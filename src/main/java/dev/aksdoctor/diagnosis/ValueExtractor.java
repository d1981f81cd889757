package dev.aksdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts every value of the parser contract from a normalised paste. */
final class ValueExtractor {

    private static final int MAX_TRIES = 64;
    private static final Pattern CORRELATION = Pattern.compile(
            "correlation[ _-]?(?:request[ _-]?)?id[^0-9a-f]{0,6}"
                    + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f])");

    private final EndpointExtractor endpoints = new EndpointExtractor();
    private final ClusterNameExtractor clusters = new ClusterNameExtractor();
    private final NodeNameExtractor nodes = new NodeNameExtractor();

    ExtractedValues extract(NormalizedPaste paste) {
        ApiServerEndpoint endpoint = endpoints.extract(paste);
        ClusterNameExtractor.Location location = clusters.locate(paste);
        NodeNameExtractor.NodeRef node = nodes.extract(paste.lower());
        String region = endpoint.region() != null ? endpoint.region() : location.region();
        return new ExtractedValues(endpoint.nodeIp(), endpoint.apiServerIp(), endpoint.fqdn(), region,
                endpoint.privateCluster(), location.cluster(), node.nodeName(), node.vmss(), node.instanceId(),
                correlationId(paste.lower()));
    }

    private static String correlationId(String lower) {
        Matcher m = CORRELATION.matcher(lower);
        int from = 0;
        for (int n = 0; n < MAX_TRIES; n++) {
            int at = lower.indexOf("correlation", from);
            if (at < 0) {
                return null;
            }
            m.region(at, Math.min(lower.length(), at + 80));
            if (m.lookingAt()) {
                return m.group(1);
            }
            from = at + 1;
        }
        return null;
    }
}
