-- Privacy a clinic can prove: how long content is kept, legal holds, erasure records and the
-- recording disclosure (core/retention.h and core/recordingconsent.h hold the rules).
--
-- Retention keeps the facts of a call or message (it happened, when, how long, its outcome and
-- value) and removes its content once it is older than the clinic's window. NULL keeps it
-- forever. New clinics start with the defaults below; clinics that exist when this runs keep
-- everything until an admin chooses, so an upgrade never removes anything by itself.
-- Added without a default (existing clinics read NULL, forever), then given one for new clinics:
-- no row is rewritten.
ALTER TABLE org_settings
    ADD COLUMN keep_recordings_days integer CHECK (keep_recordings_days BETWEEN 1 AND 36500),
    ADD COLUMN keep_transcripts_days integer CHECK (keep_transcripts_days BETWEEN 1 AND 36500),
    ADD COLUMN keep_message_content_days integer
        CHECK (keep_message_content_days BETWEEN 1 AND 36500),
    -- Whether the agent's first message starts with the recording disclosure. NULL follows the
    -- clinic's time zone (on where an all-party-consent state may be the caller's).
    ADD COLUMN recording_disclosure boolean;
ALTER TABLE org_settings
    ALTER COLUMN keep_recordings_days SET DEFAULT 365,
    ALTER COLUMN keep_transcripts_days SET DEFAULT 2190,
    ALTER COLUMN keep_message_content_days SET DEFAULT 2190;

-- A contact on legal hold keeps everything: the retention job skips it and erasure refuses it.
ALTER TABLE contacts ADD COLUMN legal_hold boolean NOT NULL DEFAULT false;

-- When retention or an erasure removed the content, so lists can say "removed" rather than
-- "never had one".
ALTER TABLE call_logs
    ADD COLUMN recording_removed_at timestamptz,
    ADD COLUMN transcript_removed_at timestamptz;
ALTER TABLE messages ADD COLUMN content_removed_at timestamptz;

CREATE INDEX call_logs_recording_kept ON call_logs (org_id, occurred_at)
    WHERE recording_url IS NOT NULL OR stereo_recording_url IS NOT NULL;
CREATE INDEX call_logs_transcript_kept ON call_logs (org_id, occurred_at)
    WHERE transcript_removed_at IS NULL;
CREATE INDEX messages_content_kept ON messages (org_id, created_at)
    WHERE content_removed_at IS NULL;

-- That a patient was erased, by whom and what was removed: no name, number or address of theirs.
CREATE TABLE patient_erasures (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    erased_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    erased_at timestamptz NOT NULL DEFAULT now(),
    -- Counts of what was removed or anonymised (calls, messages, appointments, recordings).
    removed jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX patient_erasures_org ON patient_erasures (org_id, erased_at DESC);
SELECT vox_enable_tenant_rls('patient_erasures');
