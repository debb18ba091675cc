-- One viewing, one row: a person who opens the same record again within the same ten minutes (a
-- live update reloading the open call, a click back and forth) has looked at it once. The server
-- claims the viewing's key here first and writes the access-log row only when the key is new.
-- The keys live apart from the log because claiming one needs reading it (ON CONFLICT), and staff
-- must not read the log; each person sees only their own keys.
CREATE TABLE phi_access_viewings (
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    -- what, which record and which ten-minute period of the clock
    repeat_key text NOT NULL CHECK (length(repeat_key) <= 200),
    viewed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id, repeat_key)
);
CREATE INDEX phi_access_viewings_age ON phi_access_viewings (viewed_at);
ALTER TABLE phi_access_viewings ENABLE ROW LEVEL SECURITY;
ALTER TABLE phi_access_viewings FORCE ROW LEVEL SECURITY;
CREATE POLICY phi_access_viewings_own ON phi_access_viewings FOR ALL TO authenticated
    USING (org_id = (SELECT auth_org_id()) AND user_id = (SELECT auth_uid()))
    WITH CHECK (org_id = (SELECT auth_org_id()) AND user_id = (SELECT auth_uid()));
CREATE POLICY phi_access_viewings_service_role ON phi_access_viewings FOR ALL TO service_role
    USING (true) WITH CHECK (true);
REVOKE ALL ON phi_access_viewings FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON phi_access_viewings TO authenticated, service_role;
