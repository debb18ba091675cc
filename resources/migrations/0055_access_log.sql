-- Who looked at what: one row for every access to patients' protected content (a call's
-- transcript, a recording, an export, a contact's history, the inbox, a shared link). An
-- auditor's evidence, so the database keeps it append-only whatever the application does: the
-- runtime roles may only INSERT and SELECT, a trigger refuses UPDATE, DELETE and TRUNCATE from
-- anyone (the owner included), and only the clinic's owners and admins read their clinic's rows.
CREATE TABLE phi_access_log (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- No cascade: a clinic with an access history cannot vanish with it.
    org_id uuid NOT NULL REFERENCES organizations (id),
    -- Null for someone without an account (a shared link's recipient). No reference either: the
    -- row outlives the account, and user_name keeps who it was at the time.
    user_id uuid,
    user_name text NOT NULL CHECK (length(user_name) <= 300),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    -- One record (a call, a contact, a share), the inbox, or a whole list exported to CSV.
    entity_type text NOT NULL CHECK (entity_type IN ('call', 'contact', 'inbox', 'recording_share',
                                                     'calls', 'contacts', 'appointments',
                                                     'messages')),
    entity_id uuid,
    -- The patient the content is about, when there is one, so an auditor can ask "who looked at
    -- this patient".
    contact_id uuid,
    action text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$' AND length(action) <= 60),
    client_address text NOT NULL DEFAULT '' CHECK (length(client_address) <= 100),
    result text NOT NULL CHECK (result IN ('allowed', 'refused')),
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX phi_access_log_org_time ON phi_access_log (org_id, occurred_at DESC, id DESC);
CREATE INDEX phi_access_log_org_contact ON phi_access_log (org_id, contact_id, occurred_at DESC);
CREATE INDEX phi_access_log_org_user ON phi_access_log (org_id, user_id, occurred_at DESC);

CREATE FUNCTION phi_access_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'The access log is append-only: % is not allowed.', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER phi_access_log_append_only BEFORE UPDATE OR DELETE ON phi_access_log
    FOR EACH ROW EXECUTE FUNCTION phi_access_log_refuse_change();
CREATE TRIGGER phi_access_log_no_truncate BEFORE TRUNCATE ON phi_access_log
    FOR EACH STATEMENT EXECUTE FUNCTION phi_access_log_refuse_change();

ALTER TABLE phi_access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE phi_access_log FORCE ROW LEVEL SECURITY;
-- Anyone signed in writes the rows of their own accesses; only owners and admins read them.
CREATE POLICY phi_access_log_insert_own ON phi_access_log FOR INSERT TO authenticated
    WITH CHECK (org_id = (SELECT auth_org_id()) AND user_id = (SELECT auth_uid()));
CREATE POLICY phi_access_log_admin_read ON phi_access_log FOR SELECT TO authenticated
    USING (org_id = (SELECT auth_org_id())
           AND (SELECT auth_claims() -> 'app_metadata' ->> 'role') IN ('owner', 'admin'));
CREATE POLICY phi_access_log_service_insert ON phi_access_log FOR INSERT TO service_role
    WITH CHECK (true);
CREATE POLICY phi_access_log_service_read ON phi_access_log FOR SELECT TO service_role
    USING (true);
REVOKE ALL ON phi_access_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON phi_access_log FROM authenticated, service_role;
GRANT SELECT, INSERT ON phi_access_log TO authenticated, service_role;
-- The owner (the role the server logs in as and migrates with) gives up its own rights too; the
-- trigger above still refuses a superuser or an owner that grants them back.
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON phi_access_log FROM %I', current_user);
END
$$;

-- A recording shared by e-mail: the link names this row, so the server serves the recording only
-- while the row is neither expired nor revoked.
CREATE TABLE recording_shares (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    call_id uuid NOT NULL REFERENCES call_logs (id) ON DELETE CASCADE,
    email text NOT NULL CHECK (length(email) <= 254),
    created_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by uuid REFERENCES profiles (id) ON DELETE SET NULL
);
CREATE INDEX recording_shares_org_call ON recording_shares (org_id, call_id, created_at DESC);
SELECT vox_enable_tenant_rls('recording_shares');
