-- A "Run node connectivity test" re-run must survive the queue: the durable job carries only the id.
ALTER TABLE investigation ADD COLUMN run_node_probes BOOLEAN DEFAULT FALSE NOT NULL;
