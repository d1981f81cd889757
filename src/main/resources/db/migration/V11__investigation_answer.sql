-- The thread message that carries the final answer, and when that answer was delivered: a resumed or
-- re-fired job updates answer_ts instead of posting again, and stops when answered_at is set.
ALTER TABLE investigation ADD COLUMN answer_ts VARCHAR(32);
ALTER TABLE investigation ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE investigation ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX investigation_status_updated ON investigation (status, updated_at);
