package dev.aksdoctor.diagnosis;

/** What a paste says about the API server and the node that tried to reach it. */
record ApiServerEndpoint(String fqdn, String region, Boolean privateCluster, String apiServerIp, String nodeIp) {
}
