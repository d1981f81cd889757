-- Every write a Slack user asked for (and every refusal), kept for the operators' audit.
CREATE TABLE action_audit (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    actor               VARCHAR(64)  NOT NULL,
    action              VARCHAR(64)  NOT NULL,
    target              VARCHAR(600) NOT NULL,
    parameters          VARCHAR(1000),
    investigation_id    BIGINT,
    channel             VARCHAR(64),
    thread_ts           VARCHAR(32),
    result              VARCHAR(32)  NOT NULL,
    detail              VARCHAR(2000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE
);
CREATE SEQUENCE action_audit_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX action_audit_target ON action_audit (target);
CREATE INDEX action_audit_created ON action_audit (created_at);

CREATE TABLE investigation_resolution (
    investigation_id    BIGINT       NOT NULL PRIMARY KEY,
    resolved_by         VARCHAR(64)  NOT NULL,
    resolved_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
