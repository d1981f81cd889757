-- /aks-doctor digest detectors on|off: the channel's digest adds the AKS detectors' critical insights (default off).
ALTER TABLE channel_settings ADD COLUMN digest_detectors BOOLEAN DEFAULT FALSE NOT NULL;
