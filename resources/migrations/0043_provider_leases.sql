-- One writer at a time of a thing we keep at a provider (a clinic's Vapi assistant, one of the
-- platform's Vapi tools), on this instance or another. A provider call never runs inside a
-- database transaction, which can be re-run after a serialization failure or fail to commit
-- after the call went out: the claim is this row, committed before the call, and given back in
-- the transaction that records the call's outcome. A lease whose holder's database session is
-- gone (the instance crashed or was killed) is free at once; one whose holder hangs expires.
CREATE TABLE provider_leases (
    key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    token uuid NOT NULL,
    holder_pid int NOT NULL,
    expires_at timestamptz NOT NULL
);
SELECT vox_enable_service_only_rls('provider_leases');
