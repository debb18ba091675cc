-- Voxanne schema, version 1: tenancy, auth, calls, contacts, appointments, services, audit,
-- credentials, tools, hybrid telephony, knowledge, live events, jobs and rate limits.
--
-- Tenancy: every tenant table has org_id, row-level security enabled AND forced (the owner is
-- subject to it too), a policy for `authenticated` keyed on auth_org_id() (the org carried in the
-- request's JWT claims), and a bypass for `service_role` (webhooks, jobs; they still filter by org
-- in every query). Money is integer cents.

-- Roles the server switches to inside each transaction. In the embedded cluster they are created
-- by the bootstrap; on a managed server the migrating user needs CREATEROLE the first time.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
        CREATE ROLE authenticated NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
        CREATE ROLE service_role NOLOGIN;
    END IF;
    IF NOT pg_has_role(current_user, 'authenticated', 'MEMBER') THEN
        EXECUTE format('GRANT authenticated TO %I', current_user);
    END IF;
    IF NOT pg_has_role(current_user, 'service_role', 'MEMBER') THEN
        EXECUTE format('GRANT service_role TO %I', current_user);
    END IF;
END
$$;

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- ---------------------------------------------------------------------------------------------
-- Claims helpers (the PRD's auth.jwt() -> 'app_metadata' ->> 'org_id')
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION auth_claims() RETURNS jsonb
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;

CREATE FUNCTION auth_org_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(auth_claims() -> 'app_metadata' ->> 'org_id', '')::uuid $$;

CREATE FUNCTION auth_uid() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(auth_claims() ->> 'sub', '')::uuid $$;

-- Enables and forces RLS on a tenant table and adds its two policies. Later migrations call it
-- for every new tenant table, so the rule lives in one place.
CREATE FUNCTION vox_enable_tenant_rls(target regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = target);
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY %I ON %s FOR ALL TO authenticated '
                   'USING (org_id = (SELECT auth_org_id())) '
                   'WITH CHECK (org_id = (SELECT auth_org_id()))', name || '_org_policy', target);
    EXECUTE format('CREATE POLICY %I ON %s FOR ALL TO service_role USING (true) WITH CHECK (true)',
                   name || '_service_role_bypass', target);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO authenticated, service_role',
                   target);
END
$$;

-- Platform tables (no org): only the service role reads or writes them.
CREATE FUNCTION vox_enable_service_only_rls(target regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = target);
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY %I ON %s FOR ALL TO service_role USING (true) WITH CHECK (true)',
                   name || '_service_role_only', target);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO service_role', target);
END
$$;

-- The blocked interval of an appointment: its time widened by the service's buffers. Minute
-- intervals do not depend on the session time zone, so the function is truly immutable and can
-- back the exclusion constraint.
CREATE FUNCTION vox_blocked_range(starts timestamptz, ends timestamptz, before_min integer,
                                  after_min integer) RETURNS tstzrange
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT tstzrange(starts - make_interval(mins => before_min),
                       ends + make_interval(mins => after_min), '[)') $$;

CREATE FUNCTION vox_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;

CREATE FUNCTION vox_is_time_zone(name text) RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE pg_timezone_names.name = $1) $$;

CREATE DOMAIN e164 AS text CHECK (VALUE ~ '^\+[1-9]\d{6,14}$');

-- ---------------------------------------------------------------------------------------------
-- Organizations, users, sessions, settings
-- ---------------------------------------------------------------------------------------------
CREATE TABLE organizations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- organizations is its own tenant: the policy compares id, not org_id.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY organizations_org_policy ON organizations FOR ALL TO authenticated
    USING (id = (SELECT auth_org_id())) WITH CHECK (id = (SELECT auth_org_id()));
CREATE POLICY organizations_service_role_bypass ON organizations FOR ALL TO service_role
    USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE ON organizations TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations TO service_role;

CREATE TABLE org_settings (
    org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    time_zone text NOT NULL DEFAULT 'America/New_York' CHECK (vox_is_time_zone(time_zone)),
    currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    redact_pii boolean NOT NULL DEFAULT true,
    alert_phone e164,
    email_from text,
    slot_minutes integer NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT vox_enable_tenant_rls('org_settings');

-- Opening hours per ISO weekday (1 = Monday ... 7 = Sunday) in the org's time zone; several rows
-- a day allow a lunch break. A day without rows is closed.
CREATE TABLE business_hours (
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_at time NOT NULL,
    closes_at time NOT NULL,
    PRIMARY KEY (org_id, weekday, opens_at),
    CHECK (closes_at > opens_at)
);
SELECT vox_enable_tenant_rls('business_hours');

CREATE TABLE profiles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(email) <= 254),
    full_name text,
    password_hash text NOT NULL,
    role text NOT NULL DEFAULT 'staff' CHECK (role IN ('owner', 'admin', 'staff')),
    disabled boolean NOT NULL DEFAULT false,
    invited_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    last_login_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- One account per e-mail address across the platform: login does not ask for the clinic.
CREATE UNIQUE INDEX profiles_email_unique ON profiles (lower(email));
CREATE INDEX profiles_org ON profiles (org_id);
SELECT vox_enable_tenant_rls('profiles');

-- Refresh tokens are stored as SHA-256 hashes. Rotation links each token to the next in its
-- family; presenting a used token revokes the whole family.
CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    family_id uuid NOT NULL,
    token_hash text NOT NULL UNIQUE,
    issued_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    revoked_at timestamptz,
    replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    user_agent text,
    ip_address text
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
SELECT vox_enable_tenant_rls('refresh_tokens');
REVOKE ALL ON refresh_tokens FROM authenticated;

-- ---------------------------------------------------------------------------------------------
-- Agent, numbers, services
-- ---------------------------------------------------------------------------------------------
CREATE TABLE agents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    direction text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
    name text NOT NULL DEFAULT 'Voxanne' CHECK (length(name) BETWEEN 1 AND 100),
    voice text NOT NULL DEFAULT 'jennifer',
    voice_provider text NOT NULL DEFAULT 'playht',
    first_message text NOT NULL DEFAULT 'Thank you for calling. How can I help you today?',
    system_prompt text NOT NULL DEFAULT '',
    vapi_assistant_id text UNIQUE,
    vapi_phone_number_id text,
    sync_status text NOT NULL DEFAULT 'not_synced'
        CHECK (sync_status IN ('not_synced', 'pending', 'syncing', 'synced', 'failed')),
    sync_error text,
    synced_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, direction)
);
SELECT vox_enable_tenant_rls('agents');

CREATE TABLE phone_numbers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    number e164 NOT NULL,
    provider text NOT NULL DEFAULT 'twilio' CHECK (provider IN ('twilio', 'vapi')),
    twilio_sid text,
    vapi_phone_number_id text UNIQUE,
    agent_id uuid REFERENCES agents (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, number)
);
SELECT vox_enable_tenant_rls('phone_numbers');

CREATE TABLE services (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    price_cents bigint NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    keywords text[] NOT NULL DEFAULT '{}',
    duration_minutes integer NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 5 AND 1440),
    buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 480),
    buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 480),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX services_org_name_unique ON services (org_id, lower(btrim(name)));
CREATE INDEX services_keywords ON services USING gin (keywords);
SELECT vox_enable_tenant_rls('services');

-- ---------------------------------------------------------------------------------------------
-- Contacts, calls, appointments
-- ---------------------------------------------------------------------------------------------
CREATE TABLE contacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text CHECK (length(name) <= 200),
    phone e164 NOT NULL,
    email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    lead_status text NOT NULL DEFAULT 'new'
        CHECK (lead_status IN ('new', 'contacted', 'booked', 'lost')),
    lead_score integer NOT NULL DEFAULT 0 CHECK (lead_score BETWEEN 0 AND 100),
    lead_temperature text NOT NULL DEFAULT 'cold'
        CHECK (lead_temperature IN ('hot', 'warm', 'cold')),
    service_interests text[] NOT NULL DEFAULT '{}',
    notes text,
    last_contacted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, phone)
);
CREATE INDEX contacts_org_temperature ON contacts (org_id, lead_temperature, lead_score DESC);
CREATE INDEX contacts_org_last_contacted ON contacts (org_id, last_contacted_at DESC NULLS LAST, id);
CREATE INDEX contacts_name_trgm ON contacts USING gin (name gin_trgm_ops);
SELECT vox_enable_tenant_rls('contacts');

CREATE TABLE call_logs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    vapi_call_id text UNIQUE,
    contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
    direction text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
    status text NOT NULL DEFAULT 'ringing'
        CHECK (status IN ('pending', 'initiated', 'queued', 'ringing', 'in-progress',
                          'forwarding', 'ended', 'failed')),
    from_number text,
    to_number text,
    -- The other party's number: the caller for inbound calls, the callee for outbound ones.
    phone_number text,
    caller_name text,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    ended_at timestamptz,
    duration_seconds integer CHECK (duration_seconds >= 0),
    ended_reason text,
    transcript text,
    messages jsonb,
    summary text,
    sentiment_score numeric(4, 3) CHECK (sentiment_score BETWEEN -1 AND 1),
    sentiment_label text CHECK (sentiment_label IN ('positive', 'neutral', 'negative')),
    sentiment_urgency text CHECK (sentiment_urgency IN ('low', 'medium', 'high')),
    success_evaluation text,
    booking_confirmed boolean NOT NULL DEFAULT false,
    appointment_id uuid,
    financial_value_cents bigint NOT NULL DEFAULT 0 CHECK (financial_value_cents >= 0),
    matched_services text[] NOT NULL DEFAULT '{}',
    lead_score integer CHECK (lead_score BETWEEN 0 AND 100),
    recording_url text,
    stereo_recording_url text,
    recording_status text CHECK (recording_status IN ('pending', 'processing', 'completed', 'failed')),
    transfer_to text,
    transfer_time timestamptz,
    transfer_reason text,
    failure_reason text,
    report_received_at timestamptz,
    has_recording boolean GENERATED ALWAYS AS (recording_url IS NOT NULL) STORED,
    has_transcript boolean GENERATED ALWAYS AS (coalesce(length(transcript), 0) > 0) STORED,
    search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(caller_name, '') || ' ' || coalesce(phone_number, '') || ' '
                              || coalesce(transcript, ''))) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- Keyset pagination: newest first, id breaks ties, org first so each clinic's list is a range.
CREATE INDEX call_logs_org_time ON call_logs (org_id, occurred_at DESC, id DESC);
CREATE INDEX call_logs_contact ON call_logs (contact_id, occurred_at DESC);
CREATE INDEX call_logs_search ON call_logs USING gin (search_vector);
CREATE INDEX call_logs_phone_trgm ON call_logs USING gin (phone_number gin_trgm_ops);
SELECT vox_enable_tenant_rls('call_logs');

CREATE TABLE appointments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
    service_id uuid REFERENCES services (id) ON DELETE SET NULL,
    service_name text,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
    buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
    status text NOT NULL DEFAULT 'confirmed'
        CHECK (status IN ('held', 'confirmed', 'cancelled', 'completed')),
    confirmation_sent boolean NOT NULL DEFAULT false,
    notes text,
    source text NOT NULL DEFAULT 'console' CHECK (source IN ('ai', 'console', 'import')),
    source_tool_call_id text,
    call_id uuid REFERENCES call_logs (id) ON DELETE SET NULL,
    calendar_event_id text,
    cancelled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    -- No double booking, ever: held and confirmed appointments of one org may not overlap once
    -- each is widened by its buffers. The database decides, whichever instance asks.
    CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        org_id WITH =,
        vox_blocked_range(starts_at, ends_at, buffer_before_minutes, buffer_after_minutes) WITH &&
    ) WHERE (status IN ('held', 'confirmed'))
);
CREATE UNIQUE INDEX appointments_tool_call ON appointments (org_id, source_tool_call_id)
    WHERE source_tool_call_id IS NOT NULL;
CREATE INDEX appointments_org_start ON appointments (org_id, starts_at);
CREATE INDEX appointments_contact ON appointments (contact_id, starts_at);
SELECT vox_enable_tenant_rls('appointments');

ALTER TABLE call_logs ADD CONSTRAINT call_logs_appointment_fk
    FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE SET NULL;

-- ---------------------------------------------------------------------------------------------
-- Audit trail of outbound communication (PRD "messages") and of other sensitive actions
-- ---------------------------------------------------------------------------------------------
CREATE TABLE messages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
    call_id uuid REFERENCES call_logs (id) ON DELETE SET NULL,
    appointment_id uuid REFERENCES appointments (id) ON DELETE SET NULL,
    direction text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('inbound', 'outbound')),
    method text NOT NULL CHECK (method IN ('sms', 'email')),
    purpose text,
    recipient text NOT NULL,
    content text NOT NULL,
    status text NOT NULL DEFAULT 'sent' CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
    service_provider text,
    external_message_id text,
    error text,
    sent_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_org_created ON messages (org_id, created_at DESC, id DESC);
CREATE INDEX messages_org_method ON messages (org_id, method);
CREATE INDEX messages_org_status ON messages (org_id, status);
CREATE INDEX messages_org_sent ON messages (org_id, sent_at);
CREATE INDEX messages_contact ON messages (contact_id, created_at DESC);
SELECT vox_enable_tenant_rls('messages');

CREATE TABLE audit_log (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    actor_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid,
    details jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_org_created ON audit_log (org_id, created_at DESC);
SELECT vox_enable_tenant_rls('audit_log');

-- ---------------------------------------------------------------------------------------------
-- Third-party credentials: the single store (AES-256-GCM, key id next to each ciphertext)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE org_credentials (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    provider text NOT NULL CHECK (provider IN ('twilio', 'google', 'resend')),
    key_id text NOT NULL,
    ciphertext bytea NOT NULL,
    -- Only what may be shown: last four characters, connected e-mail, ids at the provider.
    metadata jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'broken', 'syncing')),
    status_detail text,
    created_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, provider)
);
SELECT vox_enable_tenant_rls('org_credentials');

-- ---------------------------------------------------------------------------------------------
-- Vapi tools: registered once globally, linked to each org's assistant (PRD §4, §12)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE vapi_tools (
    tool_name text PRIMARY KEY,
    vapi_tool_id text NOT NULL UNIQUE,
    definition_hash text NOT NULL,
    definition jsonb NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now()
);
SELECT vox_enable_service_only_rls('vapi_tools');

CREATE TABLE org_tools (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    tool_name text NOT NULL,
    vapi_tool_id text NOT NULL,
    definition_hash text NOT NULL,
    linked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, tool_name)
);
SELECT vox_enable_tenant_rls('org_tools');

-- ---------------------------------------------------------------------------------------------
-- Hybrid telephony, exactly as PRD §17.3
-- ---------------------------------------------------------------------------------------------
CREATE TABLE verified_caller_ids (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    phone_number text NOT NULL,
    friendly_name text,
    twilio_caller_id_sid text,
    twilio_call_sid text,
    status text NOT NULL DEFAULT 'pending' CHECK (
        status IN ('pending', 'verified', 'failed', 'expired')
    ),
    verification_code_hash text,
    verification_code_expires_at timestamptz,
    verification_attempts integer DEFAULT 0,
    verified_at timestamptz,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now(),
    CONSTRAINT unique_org_phone UNIQUE (org_id, phone_number),
    CONSTRAINT valid_phone_e164 CHECK (phone_number ~ '^\+[1-9]\d{6,14}$'),
    CONSTRAINT max_verification_attempts CHECK (verification_attempts <= 5)
);
CREATE INDEX idx_verified_caller_ids_org_status
    ON verified_caller_ids (org_id, status)
    WHERE status = 'verified';
SELECT vox_enable_tenant_rls('verified_caller_ids');

CREATE TABLE hybrid_forwarding_configs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    verified_caller_id uuid NOT NULL REFERENCES verified_caller_ids (id) ON DELETE CASCADE,
    sim_phone_number text NOT NULL,
    forwarding_type text NOT NULL CHECK (
        forwarding_type IN ('total_ai', 'safety_net')
    ),
    carrier text NOT NULL CHECK (
        carrier IN ('att', 'tmobile', 'verizon', 'sprint', 'other_gsm', 'other_cdma', 'international')
    ),
    carrier_country_code text DEFAULT 'US',
    twilio_forwarding_number text NOT NULL,
    ring_time_seconds integer DEFAULT 25,
    generated_activation_code text,
    generated_deactivation_code text,
    status text NOT NULL DEFAULT 'pending_setup' CHECK (
        status IN ('pending_setup', 'active', 'disabled')
    ),
    user_confirmed_setup boolean DEFAULT false,
    confirmed_at timestamptz,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now(),
    CONSTRAINT unique_org_sim UNIQUE (org_id, sim_phone_number),
    CONSTRAINT valid_sim_phone_e164 CHECK (sim_phone_number ~ '^\+[1-9]\d{6,14}$'),
    CONSTRAINT valid_twilio_phone_e164 CHECK (twilio_forwarding_number ~ '^\+[1-9]\d{6,14}$'),
    CONSTRAINT valid_ring_time CHECK (ring_time_seconds >= 5 AND ring_time_seconds <= 60)
);
SELECT vox_enable_tenant_rls('hybrid_forwarding_configs');

-- ---------------------------------------------------------------------------------------------
-- Knowledge base
-- ---------------------------------------------------------------------------------------------
CREATE TABLE knowledge_documents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    mime_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    sha256 text NOT NULL,
    status text NOT NULL DEFAULT 'ready' CHECK (status IN ('processing', 'ready', 'failed')),
    status_detail text,
    chunk_count integer NOT NULL DEFAULT 0,
    uploaded_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, sha256)
);
SELECT vox_enable_tenant_rls('knowledge_documents');

CREATE TABLE knowledge_chunks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    document_id uuid NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    ordinal integer NOT NULL,
    content text NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search_vector);
CREATE INDEX knowledge_chunks_org ON knowledge_chunks (org_id);
SELECT vox_enable_tenant_rls('knowledge_chunks');

-- ---------------------------------------------------------------------------------------------
-- Webhook deliveries (idempotency), live events, jobs, rate limits
-- ---------------------------------------------------------------------------------------------
CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    provider text NOT NULL DEFAULT 'vapi',
    delivery_key text NOT NULL UNIQUE,
    message_type text NOT NULL,
    provider_call_id text,
    status text NOT NULL DEFAULT 'processed'
        CHECK (status IN ('processed', 'ignored', 'unresolved', 'failed')),
    detail text,
    -- Kept only when a delivery cannot be placed (unknown assistant), already redacted.
    payload jsonb,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_call ON webhook_deliveries (provider_call_id);
-- org_id may be null (not yet resolved): only the service role sees such rows.
SELECT vox_enable_tenant_rls('webhook_deliveries');

CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    type text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid,
    payload jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_org_id ON events (org_id, id);
SELECT vox_enable_tenant_rls('events');

CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    payload jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'done', 'failed')),
    -- Work that must exist once (a tool sync per org, a daily cleanup per day) carries a key.
    unique_key text,
    attempts integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    run_at timestamptz NOT NULL DEFAULT now(),
    locked_by text,
    locked_at timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX jobs_ready ON jobs (run_at) WHERE status = 'queued';
SELECT vox_enable_service_only_rls('jobs');

CREATE TABLE rate_limit_buckets (
    bucket text PRIMARY KEY,
    window_started_at timestamptz NOT NULL DEFAULT now(),
    hits integer NOT NULL DEFAULT 0,
    locked_until timestamptz
);
SELECT vox_enable_service_only_rls('rate_limit_buckets');

-- updated_at maintenance
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organizations', 'org_settings', 'profiles', 'agents', 'services',
                             'contacts', 'call_logs', 'appointments', 'org_credentials',
                             'org_tools', 'verified_caller_ids', 'hybrid_forwarding_configs']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION vox_touch_updated_at()', t || '_touch', t);
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO authenticated, service_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
