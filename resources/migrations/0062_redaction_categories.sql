-- Which kinds of patient data redaction removes from the clinic's free text (transcripts,
-- summaries, the call's messages, live lines, patients' text messages, kept webhook payloads,
-- CSV exports): core/pii.h names them. redact_pii stays the clinic's master switch.
--
-- Every clinic, existing ones too, gets all seven: free text never needs them, what the clinic
-- needs to call back or book stays in structured columns that redaction does not touch, and the
-- choice only changes what is stored from now on (nothing stored is rewritten).
ALTER TABLE org_settings
    ADD COLUMN redact_categories text[] NOT NULL
        DEFAULT ARRAY['ssn', 'card', 'dob', 'phone', 'email', 'address', 'medical_id']
        CHECK (redact_categories <@ ARRAY['ssn', 'card', 'dob', 'phone', 'email', 'address',
                                          'medical_id']);
