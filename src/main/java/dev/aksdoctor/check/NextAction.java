package dev.aksdoctor.check;

/** The next steps a reply can offer as buttons. */
public enum NextAction {
    RERUN_CHECKS,
    RUN_NODE_PROBE,
    SHOW_NSG_RULES,
    SHOW_ROUTES,
    START_CLUSTER,
    RECONCILE_CLUSTER,
    RECONCILE_NODE_POOL,
    ADD_AUTHORIZED_RANGE,
    ROTATE_CERTIFICATES,
    REIMAGE_INSTANCE,
    WATCH_CLUSTER,
    MARK_RESOLVED
}
