CREATE TABLE investigation (
    id              BIGINT       NOT NULL PRIMARY KEY,
    requester       VARCHAR(64)  NOT NULL,
    channel         VARCHAR(64)  NOT NULL,
    thread_ts       VARCHAR(32),
    source          VARCHAR(32)  NOT NULL,
    text_redacted   TEXT         NOT NULL,
    error_code      VARCHAR(128),
    status          VARCHAR(32)  NOT NULL,
    outcome         VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE SEQUENCE investigation_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX investigation_channel_thread ON investigation (channel, thread_ts);
CREATE INDEX investigation_created ON investigation (created_at);
