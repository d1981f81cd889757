package dev.aksdoctor.diagnosis;


/** The values a paste names: where the API server is, which cluster and node, the correlation ID. */
record ExtractedValues(
        String nodeIp,
        String apiServerIp,
        String apiServerFqdn,
        String region,
        Boolean privateCluster,
        ClusterRef cluster,
        String nodeName,
        String vmss,
        String instanceId,
        String correlationId) {
}
