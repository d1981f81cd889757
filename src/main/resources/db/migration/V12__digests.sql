-- Clusters a channel watches, its digest schedule, what the last digest reported (by fingerprint), and
-- one row per digest slot so that two replicas never post the same digest.
CREATE TABLE watched_cluster (
    id          BIGINT        NOT NULL PRIMARY KEY,
    channel     VARCHAR(64)   NOT NULL,
    cluster_id  VARCHAR(400)  NOT NULL,
    alerts      BOOLEAN       DEFAULT FALSE NOT NULL,
    last_state  VARCHAR(64),
    added_by    VARCHAR(64)   NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE SEQUENCE watched_cluster_seq START WITH 1 INCREMENT BY 50;
CREATE UNIQUE INDEX watched_cluster_channel_cluster ON watched_cluster (channel, cluster_id);

CREATE TABLE digest_schedule (
    channel         VARCHAR(64)  NOT NULL PRIMARY KEY,
    cron            VARCHAR(120) NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    last_digest_at  TIMESTAMP WITH TIME ZONE,
    updated_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE reported_finding (
    id           BIGINT        NOT NULL PRIMARY KEY,
    channel      VARCHAR(64)   NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    cluster_id   VARCHAR(400)  NOT NULL,
    code         VARCHAR(64)   NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE SEQUENCE reported_finding_seq START WITH 1 INCREMENT BY 50;
CREATE UNIQUE INDEX reported_finding_channel_fp ON reported_finding (channel, fingerprint);

CREATE TABLE digest_run (
    channel     VARCHAR(64)  NOT NULL,
    slot        BIGINT       NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel, slot)
);
