package dev.aksdoctor.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A next step with what it needs, e.g. {@code ADD_AUTHORIZED_RANGE {cidr=20.1.2.3/32}} or
 * {@code RECONCILE_NODE_POOL {pool=nodepool1}}. Parameter names are the constants below.
 */
public record SuggestedAction(NextAction action, Map<String, String> parameters) {

    public static final String CIDR = "cidr";
    public static final String POOL = "pool";
    public static final String SCALE_SET = "scaleSet";
    public static final String INSTANCE_ID = "instanceId";
    public static final String RESOURCE_ID = "resourceId";
    /** The AKS detector category of {@link NextAction#RUN_DETECTORS}: {@code connectivity}, {@code node-health}, {@code crud}. */
    public static final String CATEGORY = "category";
    /**
     * The moment the failure happened, UTC to the second ({@code 2026-03-02T07:12:09Z}): the AKS detectors' window
     * of {@link NextAction#RUN_DETECTORS} is placed around it ({@link DetectorWindow#around}).
     */
    public static final String AT = "at";

    public SuggestedAction {
        Objects.requireNonNull(action, "action");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static SuggestedAction of(NextAction action) {
        return new SuggestedAction(action, Map.of());
    }

    public static SuggestedAction of(NextAction action, String key, String value) {
        return new SuggestedAction(action, Map.of(key, value));
    }

    /** Run the AKS detectors of {@code category} over the 24 hours around {@code at}. */
    public static SuggestedAction runDetectors(DetectorCategory category, Instant at) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CATEGORY, category.parameter());
        p.put(AT, at.truncatedTo(ChronoUnit.SECONDS).toString());
        return new SuggestedAction(NextAction.RUN_DETECTORS, p);
    }

    public static SuggestedAction addRange(String cidr) {
        return of(NextAction.ADD_AUTHORIZED_RANGE, CIDR, cidr);
    }

    public static SuggestedAction reconcilePool(String pool) {
        return of(NextAction.RECONCILE_NODE_POOL, POOL, pool);
    }

    public static SuggestedAction updateInstance(String scaleSet, String instanceId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(SCALE_SET, scaleSet);
        p.put(INSTANCE_ID, instanceId);
        return new SuggestedAction(NextAction.UPDATE_INSTANCE, p);
    }

    public static SuggestedAction startPool(String pool) {
        return of(NextAction.START_NODE_POOL, POOL, pool);
    }

    public static SuggestedAction reimage(String scaleSet, String instanceId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(SCALE_SET, scaleSet);
        p.put(INSTANCE_ID, instanceId);
        return new SuggestedAction(NextAction.REIMAGE_INSTANCE, p);
    }
}
