-- A job waiting out a failure (queued again after an attempt, with its back-off doubling up to
-- many minutes) used to absorb a new request unchanged: an admin who saved the agent again after
-- Vapi recovered waited for the rest of the back-off, and the save counted against the attempts
-- the outage had used. A new request now re-arms such a job: it runs as soon as the request asks
-- (never later than it would have), with its payload and a full set of attempts. A queued job that
-- was never tried still absorbs the request as before: it will see the change when it runs.
CREATE OR REPLACE FUNCTION vox_queue_job(job_kind text, job_org uuid, job_payload jsonb,
                                         job_key text, job_run_at timestamptz,
                                         job_max_attempts integer, dedupe text)
    RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    caller_org uuid := auth_org_id();
    queued bigint;
BEGIN
    IF dedupe NOT IN ('once', 'rearm', 'follow') THEN
        RAISE EXCEPTION 'unknown dedupe mode %', dedupe USING ERRCODE = '22023';
    END IF;
    -- A signed-in user's transaction (the authenticated role: this function runs as its owner,
    -- but the role setting stays the caller's) carries their clinic in its claims, and queues
    -- only that clinic's work. The service role may queue platform work or any clinic's.
    IF current_setting('role') = 'authenticated'
       AND (caller_org IS NULL OR job_org IS DISTINCT FROM caller_org) THEN
        RAISE EXCEPTION 'a clinic''s user may queue work only for their own clinic'
            USING ERRCODE = '42501';
    END IF;
    IF job_key IS NULL OR dedupe = 'once' THEN
        INSERT INTO jobs (kind, org_id, payload, unique_key, run_at, max_attempts)
        VALUES (job_kind, job_org, job_payload, job_key, job_run_at, job_max_attempts)
        ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
        RETURNING id INTO queued;
        RETURN queued;
    END IF;
    INSERT INTO jobs (kind, org_id, payload, unique_key, run_at, max_attempts)
    VALUES (job_kind, job_org, job_payload, job_key, job_run_at, job_max_attempts)
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO UPDATE SET
        status = 'queued', payload = EXCLUDED.payload,
        run_at = CASE WHEN jobs.status = 'queued' THEN least(jobs.run_at, EXCLUDED.run_at)
                      ELSE EXCLUDED.run_at END,
        attempts = 0, max_attempts = EXCLUDED.max_attempts, last_error = NULL, locked_by = NULL,
        locked_at = NULL, finished_at = NULL
    WHERE (jobs.status IN ('done', 'failed') OR (jobs.status = 'queued' AND jobs.attempts > 0))
          AND jobs.org_id IS NOT DISTINCT FROM EXCLUDED.org_id
    RETURNING id INTO queued;
    IF queued IS NOT NULL OR dedupe <> 'follow' THEN
        RETURN queued;
    END IF;
    -- Absorbed: by a queued job, which will see the change, or by a running one, which may not.
    IF NOT EXISTS (SELECT 1 FROM jobs WHERE unique_key = job_key AND status = 'running'
                   AND org_id IS NOT DISTINCT FROM job_org) THEN
        RETURN NULL;
    END IF;
    RETURN vox_queue_job(job_kind, job_org, job_payload, job_key || ':next', job_run_at,
                         job_max_attempts, 'rearm');
END
$$;
