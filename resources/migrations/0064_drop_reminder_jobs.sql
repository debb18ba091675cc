-- A reminder job still waiting for its moment is deleted as soon as it is no longer wanted (its
-- appointment moved, was cancelled or completed, or the clinic changed its plan), rather than
-- left in the queue to find that out when it runs. Deleted, not marked done: a reminder whose
-- appointment moves back to the time it had is planned again under the same key.
--
-- `keep` names the jobs (by key) the appointment still wants: a key mapped to a moment keeps its
-- job only while the job runs at that moment (the quiet hours may have moved it); a key mapped to
-- null keeps its job whenever it runs (a confirmation held back until the morning). Jobs already
-- running or finished are never touched. As vox_queue_job, this is a user transaction's door to
-- the queue, for their own clinic only. Returns how many jobs were dropped.
CREATE FUNCTION vox_drop_reminder_jobs(job_org uuid, appointment uuid, keep jsonb)
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    caller_org uuid := auth_org_id();
    dropped integer;
BEGIN
    IF current_setting('role') = 'authenticated'
       AND (caller_org IS NULL OR job_org IS DISTINCT FROM caller_org) THEN
        RAISE EXCEPTION 'a clinic''s user may drop work only for their own clinic'
            USING ERRCODE = '42501';
    END IF;
    DELETE FROM jobs
    WHERE kind = 'reminders.send' AND org_id = job_org AND status = 'queued'
      AND payload ->> 'appointment_id' = appointment::text
      AND NOT (unique_key IS NOT NULL AND keep ? unique_key
               AND (jsonb_typeof(keep -> unique_key) = 'null'
                    OR (keep ->> unique_key)::timestamptz = run_at));
    GET DIAGNOSTICS dropped = ROW_COUNT;
    RETURN dropped;
END
$$;
REVOKE ALL ON FUNCTION vox_drop_reminder_jobs(uuid, uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vox_drop_reminder_jobs(uuid, uuid, jsonb) TO authenticated, service_role;

-- The queued reminders of one appointment are found by its id.
CREATE INDEX jobs_queued_reminders ON jobs ((payload ->> 'appointment_id'))
    WHERE kind = 'reminders.send' AND status = 'queued';
