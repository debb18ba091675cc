-- The front desk's Today queue: what a person set on someone who needs a call back today. Who is
-- on the list is computed when read (core/todayqueue.h, from today's calls); a row here exists
-- only once someone marked, took or annotated an entry. The person is a contact, or a call that
-- has no contact.
CREATE TABLE today_queue (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id uuid REFERENCES contacts (id) ON DELETE CASCADE,
    call_id uuid REFERENCES call_logs (id) ON DELETE CASCADE,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'called', 'done', 'booked')),
    -- A mark covers the calls up to this moment: a later call with a reason reopens the entry.
    state_set_at timestamptz NOT NULL DEFAULT now(),
    owner_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    note text CHECK (length(note) <= 2000),
    updated_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((contact_id IS NULL) <> (call_id IS NULL))
);
CREATE UNIQUE INDEX today_queue_contact ON today_queue (org_id, contact_id)
    WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX today_queue_call ON today_queue (org_id, call_id) WHERE call_id IS NOT NULL;
SELECT vox_enable_tenant_rls('today_queue');
CREATE TRIGGER today_queue_touch BEFORE UPDATE ON today_queue FOR EACH ROW
    EXECUTE FUNCTION vox_touch_updated_at();
