-- Vapi webhooks, tool calls and booking (issue 4).
--
-- Vapi delivers server messages at least once and in no guaranteed order. The columns and the
-- function below let every delivery be applied so that the final row is the same whatever the
-- order: a call's status only moves forward, report values win over status values, and a
-- contact's score comes from its latest call.

-- Where a call status sits in its lifecycle; a delivery never moves a call back.
CREATE FUNCTION vox_call_status_rank(status text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE status
        WHEN 'pending' THEN 0
        WHEN 'initiated' THEN 1
        WHEN 'queued' THEN 2
        WHEN 'ringing' THEN 3
        WHEN 'in-progress' THEN 4
        WHEN 'forwarding' THEN 5
        WHEN 'ended' THEN 6
        WHEN 'failed' THEN 6
        ELSE 0
    END
$$;

-- How far a lead has come; automatic updates only move it forward (booked beats lost beats
-- contacted), so a later call without a booking does not undo a booking.
CREATE FUNCTION vox_lead_status_rank(status text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE status WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'lost' THEN 2
                       WHEN 'booked' THEN 3 ELSE 0 END
$$;

ALTER TABLE call_logs
    ADD COLUMN vapi_assistant_id text,
    ADD COLUMN vapi_phone_number_id text,
    -- Ids of the booking tool calls seen in the call's messages (booking detection).
    ADD COLUMN booking_tool_call_ids text[] NOT NULL DEFAULT '{}',
    -- When the call's hot-lead alert went out: one per call, however often it is recomputed.
    ADD COLUMN hot_lead_alerted_at timestamptz;

-- Caller context for lookupCaller and assistant-request: this number's calls, newest first.
CREATE INDEX call_logs_org_phone ON call_logs (org_id, phone_number, occurred_at DESC);

-- The time of the call the contact's current lead score comes from.
ALTER TABLE contacts ADD COLUMN lead_scored_at timestamptz;

-- The Vapi call an AI booking was made in, so the end-of-call report finds it (and a report
-- that arrives before the booking is completed when the booking lands).
ALTER TABLE appointments ADD COLUMN vapi_call_id text;
CREATE INDEX appointments_vapi_call ON appointments (org_id, vapi_call_id)
    WHERE vapi_call_id IS NOT NULL;

-- Deliveries kept for inspection because no clinic could be found for them.
CREATE INDEX webhook_deliveries_unresolved ON webhook_deliveries (received_at DESC)
    WHERE status = 'unresolved';

-- A call's duration follows its start and end, whichever delivery set them last.
CREATE FUNCTION vox_call_duration() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.started_at IS NOT NULL AND NEW.ended_at IS NOT NULL THEN
        NEW.duration_seconds := greatest(0, round(extract(epoch FROM NEW.ended_at - NEW.started_at)))::integer;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER call_logs_duration BEFORE INSERT OR UPDATE OF started_at, ended_at ON call_logs
    FOR EACH ROW EXECUTE FUNCTION vox_call_duration();
