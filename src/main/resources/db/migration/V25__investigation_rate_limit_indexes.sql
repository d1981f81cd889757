-- The per-user and per-channel investigation limits count the last minute's rows on the ack path: with these, each
-- count reads only that requester's or that channel's recent rows, not everybody's.
CREATE INDEX investigation_requester_created ON investigation (requester, created_at);
CREATE INDEX investigation_channel_created ON investigation (channel, created_at);
