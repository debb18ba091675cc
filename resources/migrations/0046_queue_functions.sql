-- The queue and the provider leases are the service role's tables: a clinic's users never read
-- them. Yet a user's change must queue its follow-up work in the same transaction (a booking and
-- its calendar copy commit together), and a console save gives back the lease it held while it
-- called Vapi. These two functions are the only doors a user's transaction has to those tables:
-- they run as their owner, so the transaction never changes its role, and they check what a user
-- may do there — queue work for their own clinic, give back a lease whose token they hold.

-- Queues one job and returns its id, or NULL when a job with the same key absorbed it.
--   once:   a job with the key, finished or not, blocks a new one (a daily run).
--   rearm:  a finished job with the key is queued again with the new payload; a pending one
--           absorbs the request.
--   follow: as rearm, but a running job (which may have read the data before the change that
--           queues this) gets one follow-up with the key '<key>:next', re-armed the same way.
-- A key belongs to one clinic: a key held by another clinic's job is never re-armed from here.
CREATE FUNCTION vox_queue_job(job_kind text, job_org uuid, job_payload jsonb, job_key text,
                              job_run_at timestamptz, job_max_attempts integer, dedupe text)
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
        status = 'queued', payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, attempts = 0,
        max_attempts = EXCLUDED.max_attempts, last_error = NULL, locked_by = NULL,
        locked_at = NULL, finished_at = NULL
    WHERE jobs.status IN ('done', 'failed') AND jobs.org_id IS NOT DISTINCT FROM EXCLUDED.org_id
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
REVOKE ALL ON FUNCTION vox_queue_job(text, uuid, jsonb, text, timestamptz, integer, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vox_queue_job(text, uuid, jsonb, text, timestamptz, integer, text)
    TO authenticated, service_role;

-- Gives a provider lease back in the caller's transaction, so the lease ends exactly when the
-- outcome it guarded commits. True when the caller still held it; false when it had expired and
-- another holder took it (the token is theirs now).
CREATE FUNCTION vox_release_provider_lease(lease_key text, lease_token uuid) RETURNS boolean
    LANGUAGE sql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH released AS (
        DELETE FROM provider_leases WHERE key = lease_key AND token = lease_token RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM released)
$$;
REVOKE ALL ON FUNCTION vox_release_provider_lease(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vox_release_provider_lease(text, uuid) TO authenticated, service_role;
