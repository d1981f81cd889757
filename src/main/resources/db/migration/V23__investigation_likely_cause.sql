-- The likely cause of an answered investigation, for App Home's recent investigations.
ALTER TABLE investigation ADD COLUMN likely_cause VARCHAR(300);
