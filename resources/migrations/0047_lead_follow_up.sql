-- Who should be called back (core/leadstatus.h holds the rules; the functions below are their
-- read-time copy, so lists, filters and counts agree with them without a job that has to run).
--
-- A lead is lost when the clinic's follow-up window passes without a booking or any contact, or
-- when a person says so; a call without a booking no longer makes it lost at once. Calls that show
-- urgency or a clinical concern flag the lead until a person clears the flag.

ALTER TABLE org_settings ADD COLUMN lead_follow_up_days integer NOT NULL DEFAULT 14
    CHECK (lead_follow_up_days BETWEEN 1 AND 365);

ALTER TABLE contacts
    ADD COLUMN needs_attention boolean NOT NULL DEFAULT false,
    -- When a person last set the status: it restarts the follow-up window.
    ADD COLUMN lead_status_set_at timestamptz;

-- Until now every call without a booking stored 'lost' at once (beating 'contacted'), so a stored
-- 'lost' carries no decision: such leads are open again, contacted if the clinic had called them.
-- The read-time rule makes the ones whose window has passed lost again.
UPDATE contacts ct SET lead_status = CASE WHEN EXISTS (
        SELECT 1 FROM call_logs c WHERE c.org_id = ct.org_id AND c.contact_id = ct.id
        AND c.direction = 'outbound') THEN 'contacted' ELSE 'new' END
    WHERE ct.lead_status = 'lost';

-- leads::statusAt: an open lead (new, contacted) without activity for the window is lost, unless
-- it needs attention. The window is held to 1-365 days and counted in whole 24-hour days.
CREATE FUNCTION vox_lead_status_at(status text, last_activity timestamptz, needs_attention boolean,
                                   follow_up_days integer, at timestamptz) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN status IN ('new', 'contacted') AND NOT needs_attention
                     AND last_activity IS NOT NULL
                     AND last_activity + make_interval(
                         secs => least(greatest(follow_up_days, 1), 365) * 86400) <= at
                THEN 'lost' ELSE status END
$$;

-- A contact's status now, against its clinic's window: what lists, filters and counts show.
CREATE FUNCTION vox_lead_status_now(ct contacts) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT vox_lead_status_at(ct.lead_status,
                              greatest(coalesce(ct.last_contacted_at, ct.created_at),
                                       ct.lead_status_set_at),
                              ct.needs_attention,
                              coalesce((SELECT s.lead_follow_up_days FROM org_settings s
                                        WHERE s.org_id = ct.org_id), 14),
                              now())
$$;

-- leads::priorityAt, from the status at read time: off the list (none) unless open; needs
-- attention first, then by temperature.
CREATE FUNCTION vox_lead_priority(status_now text, score integer, needs_attention boolean)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN status_now NOT IN ('new', 'contacted') THEN 'none'
                WHEN needs_attention THEN 'urgent'
                WHEN score >= 70 THEN 'high'
                WHEN score >= 40 THEN 'normal'
                ELSE 'low' END
$$;
