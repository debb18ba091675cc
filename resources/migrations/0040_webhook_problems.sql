-- Provider deliveries that can never be stored (an id no column can hold, a time that is not a
-- time): the webhook answers 200 so the provider stops redelivering them, and keeps them here
-- for an operator or the clinic's admins to look at. Only a masked excerpt is kept: no phone
-- numbers, e-mail addresses or transcript text in clear. Rows older than 30 days are pruned
-- daily.
CREATE TABLE webhook_problems (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Null when the delivery names no clinic known here (only the service role sees those).
    org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    provider text NOT NULL DEFAULT 'vapi',
    message_type text NOT NULL CHECK (length(message_type) <= 100),
    problem text NOT NULL CHECK (length(problem) <= 500),
    excerpt text NOT NULL CHECK (length(excerpt) <= 2000),
    -- The same body delivered twice is kept once.
    body_sha256 text NOT NULL UNIQUE CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_problems_org_received ON webhook_problems (org_id, received_at DESC);
CREATE INDEX webhook_problems_received ON webhook_problems (received_at);

-- Written by the service role only; a clinic's owners and admins read their own org's rows.
ALTER TABLE webhook_problems ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_problems FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_problems_admin_read ON webhook_problems FOR SELECT TO authenticated
    USING (org_id = (SELECT auth_org_id())
           AND (SELECT auth_claims() -> 'app_metadata' ->> 'role') IN ('owner', 'admin'));
CREATE POLICY webhook_problems_service_role_bypass ON webhook_problems FOR ALL TO service_role
    USING (true) WITH CHECK (true);
GRANT SELECT ON webhook_problems TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_problems TO service_role;
