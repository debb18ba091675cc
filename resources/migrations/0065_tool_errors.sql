-- What went wrong when the AI used a tool during a call: a booking the rules refused, a service the
-- clinic does not offer, a taken time, an appointment it could not find, a tool it does not have,
-- arguments it could not read, or trouble on our side. One row per failed tool call, so the
-- quality report counts them by kind and day; the words said to the caller are not kept (they may
-- carry patient data).
CREATE TABLE tool_errors (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    vapi_call_id text,
    tool text NOT NULL CHECK (length(tool) <= 100),
    kind text NOT NULL CHECK (kind IN ('booking_refused', 'unknown_service', 'slot_taken',
                                       'appointment_not_found', 'unknown_tool', 'bad_arguments',
                                       'system_error')),
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tool_errors_org_occurred ON tool_errors (org_id, occurred_at);
SELECT vox_enable_tenant_rls('tool_errors');
