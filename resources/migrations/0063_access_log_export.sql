-- Exporting the access log is itself an access an auditor must see: its row names the log as
-- what was taken (entity type access_log).
ALTER TABLE phi_access_log DROP CONSTRAINT phi_access_log_entity_type_check;
ALTER TABLE phi_access_log ADD CONSTRAINT phi_access_log_entity_type_check
    CHECK (entity_type IN ('call', 'contact', 'inbox', 'recording_share', 'calls', 'contacts',
                           'appointments', 'messages', 'access_log'));
