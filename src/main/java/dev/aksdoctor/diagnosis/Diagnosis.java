package dev.aksdoctor.diagnosis;

import java.util.List;

/**
 * What the parser found in a paste. Serialised as-is by {@code POST /api/diagnoses}: the component
 * names are the public JSON contract of DESIGN.md ("The parser contract"); keep them stable.
 */
public record Diagnosis(
        String errorCode,
        Integer exitCode,
        OsType os,
        Subcategory subcategory,
        String nodeIp,
        String apiServerIp,
        String apiServerFqdn,
        String region,
        Boolean privateCluster,
        ClusterRef cluster,
        String nodeName,
        String vmss,
        String instanceId,
        String correlationId,
        List<RecognizedError> errors,
        String summary,
        List<DocLink> docs,
        List<CheckId> plan) {

    public Diagnosis {
        errors = errors == null ? List.of() : List.copyOf(errors);
        docs = docs == null ? List.of() : List.copyOf(docs);
        plan = plan == null ? List.of() : List.copyOf(plan);
    }

    public boolean recognized() {
        return errorCode != null;
    }

    /** The same diagnosis with these errors (those the paste named plus those read in Azure). */
    public Diagnosis withErrors(List<RecognizedError> newErrors) {
        return new Diagnosis(errorCode, exitCode, os, subcategory, nodeIp, apiServerIp, apiServerFqdn, region,
                privateCluster, cluster, nodeName, vmss, instanceId, correlationId, newErrors, summary, docs, plan);
    }

    /** The same diagnosis with this plan of checks. */
    public Diagnosis withPlan(List<CheckId> newPlan) {
        return new Diagnosis(errorCode, exitCode, os, subcategory, nodeIp, apiServerIp, apiServerFqdn, region,
                privateCluster, cluster, nodeName, vmss, instanceId, correlationId, errors, summary, docs, newPlan);
    }
}
