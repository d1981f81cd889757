-- One row per Slack delivery or trigger we acted on: the unique key makes a retried or duplicated
-- delivery fail to insert, on any replica, so it never starts a second investigation or action.
CREATE TABLE slack_delivery (
    delivery_key    VARCHAR(200) NOT NULL PRIMARY KEY,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_delivery_received ON slack_delivery (received_at);
