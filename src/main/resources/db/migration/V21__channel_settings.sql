CREATE TABLE channel_settings (
    channel             VARCHAR(64)  NOT NULL PRIMARY KEY,
    autodetect          BOOLEAN      NOT NULL,
    default_cluster_id  VARCHAR(400),
    updated_by          VARCHAR(64)  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
