package dev.aksdoctor.diagnosis;

import java.util.List;

/**
 * Builds a {@link Diagnosis} for tests by naming only what matters to the test, instead of the record's
 * 18-argument constructor full of nulls: {@code DiagnosisBuilder.diagnosis().errorCode("QuotaExceeded").plan(…).build()}.
 */
public final class DiagnosisBuilder {

    private String errorCode;
    private Integer exitCode;
    private OsType os;
    private Subcategory subcategory;
    private String nodeIp;
    private String apiServerIp;
    private String apiServerFqdn;
    private String region;
    private Boolean privateCluster;
    private ClusterRef cluster;
    private String nodeName;
    private String vmss;
    private String instanceId;
    private String correlationId;
    private List<RecognizedError> errors;
    private String summary;
    private List<DocLink> docs;
    private List<CheckId> plan;

    private DiagnosisBuilder() {
    }

    public static DiagnosisBuilder diagnosis() {
        return new DiagnosisBuilder();
    }

    /** A copy of {@code d} to change, e.g. {@code from(parsed).plan(…)}. */
    public static DiagnosisBuilder from(Diagnosis d) {
        return diagnosis().errorCode(d.errorCode()).exitCode(d.exitCode()).os(d.os()).subcategory(d.subcategory())
                .nodeIp(d.nodeIp()).apiServerIp(d.apiServerIp()).apiServerFqdn(d.apiServerFqdn()).region(d.region())
                .privateCluster(d.privateCluster()).cluster(d.cluster()).nodeName(d.nodeName()).vmss(d.vmss())
                .instanceId(d.instanceId()).correlationId(d.correlationId()).errors(d.errors()).summary(d.summary())
                .docs(d.docs()).plan(d.plan());
    }

    /** An API-server connection failure: error code, exit code and OS together. */
    public DiagnosisBuilder error(String errorCode, Integer exitCode, OsType os) {
        return errorCode(errorCode).exitCode(exitCode).os(os);
    }

    public DiagnosisBuilder errorCode(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    public DiagnosisBuilder exitCode(Integer exitCode) {
        this.exitCode = exitCode;
        return this;
    }

    public DiagnosisBuilder os(OsType os) {
        this.os = os;
        return this;
    }

    public DiagnosisBuilder subcategory(Subcategory subcategory) {
        this.subcategory = subcategory;
        return this;
    }

    public DiagnosisBuilder nodeIp(String nodeIp) {
        this.nodeIp = nodeIp;
        return this;
    }

    public DiagnosisBuilder apiServerIp(String apiServerIp) {
        this.apiServerIp = apiServerIp;
        return this;
    }

    public DiagnosisBuilder apiServerFqdn(String apiServerFqdn) {
        this.apiServerFqdn = apiServerFqdn;
        return this;
    }

    public DiagnosisBuilder region(String region) {
        this.region = region;
        return this;
    }

    public DiagnosisBuilder privateCluster(Boolean privateCluster) {
        this.privateCluster = privateCluster;
        return this;
    }

    public DiagnosisBuilder cluster(ClusterRef cluster) {
        this.cluster = cluster;
        return this;
    }

    public DiagnosisBuilder nodeName(String nodeName) {
        this.nodeName = nodeName;
        return this;
    }

    /** The scale set and instance a node name resolves to. */
    public DiagnosisBuilder node(String nodeName, String vmss, String instanceId) {
        this.nodeName = nodeName;
        this.vmss = vmss;
        this.instanceId = instanceId;
        return this;
    }

    public DiagnosisBuilder vmss(String vmss) {
        this.vmss = vmss;
        return this;
    }

    public DiagnosisBuilder instanceId(String instanceId) {
        this.instanceId = instanceId;
        return this;
    }

    public DiagnosisBuilder correlationId(String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    public DiagnosisBuilder errors(List<RecognizedError> errors) {
        this.errors = errors;
        return this;
    }

    public DiagnosisBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    public DiagnosisBuilder docs(List<DocLink> docs) {
        this.docs = docs;
        return this;
    }

    public DiagnosisBuilder plan(List<CheckId> plan) {
        this.plan = plan;
        return this;
    }

    public DiagnosisBuilder plan(CheckId... plan) {
        return plan(List.of(plan));
    }

    public Diagnosis build() {
        return new Diagnosis(errorCode, exitCode, os, subcategory, nodeIp, apiServerIp, apiServerFqdn, region,
                privateCluster, cluster, nodeName, vmss, instanceId, correlationId, errors, summary, docs, plan);
    }
}
