-- The live call desk: what is said during a call, the call's monitor addresses, and where the AI
-- may transfer a caller.

-- Final transcript lines as they are spoken (partials are only relayed, never stored), redacted
-- like the end-of-call transcript. The end-of-call report's transcript stays the call's record;
-- these lines let a console that opens a call in progress show what was said so far.
CREATE TABLE call_live_lines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    call_id uuid NOT NULL REFERENCES call_logs (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('assistant', 'user')),
    text text NOT NULL,
    spoken_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_live_lines_call ON call_live_lines (call_id, id);
SELECT vox_enable_tenant_rls('call_live_lines');

-- Vapi's listen and control addresses of a call in progress. They let anyone holding them hear
-- and steer the call, so they are sealed with the server's key (associated data: org and call)
-- and dropped when the call ends. Keyed by Vapi's call id: assistant-request brings them before
-- the call has a row here.
CREATE TABLE call_monitors (
    vapi_call_id text PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    key_id text NOT NULL,
    listen_url bytea,
    control_url bytea,
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT vox_enable_tenant_rls('call_monitors');

-- Where the AI may transfer a caller: the front desk, a named person, an on-call number. `hours`
-- are the times it takes calls in the clinic's time zone: [{"day": 1-7 (Monday 1), "open":
-- "HH:MM", "close": "HH:MM"}]; none means it never takes calls. An emergency destination is
-- offered only when the AI asks for one.
CREATE TABLE transfer_destinations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    number e164 NOT NULL,
    hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(hours) = 'array'),
    emergency boolean NOT NULL DEFAULT false,
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, name)
);
CREATE INDEX transfer_destinations_org ON transfer_destinations (org_id, position, name);
SELECT vox_enable_tenant_rls('transfer_destinations');
