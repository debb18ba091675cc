-- Texts from patients. A patient's text is a message like the clinic's own, so it is a row of
-- `messages` (direction 'inbound', status 'received'): one thread per patient reads from one table.
-- For an inbound row `sender` is the patient's number and `recipient` the clinic's. `read_at`
-- stays empty until someone at the clinic has read it; `reply_kind` is what the text was taken
-- to mean (confirm, cancel, ...), so staff see why an appointment changed.
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
    CHECK (status IN ('queued', 'sending', 'unknown', 'sent', 'delivered', 'failed', 'received'));
ALTER TABLE messages
    ADD COLUMN read_at timestamptz,
    ADD COLUMN reply_kind text CHECK (reply_kind IN ('confirm', 'cancel', 'reschedule', 'opt_out',
                                                     'opt_in', 'help', 'free_text'));
-- Twilio delivers a webhook again when it got no answer: its MessageSid makes that a no-op.
CREATE UNIQUE INDEX messages_inbound_sid ON messages (org_id, external_message_id)
    WHERE direction = 'inbound';
CREATE INDEX messages_unread ON messages (org_id, created_at DESC, id DESC)
    WHERE direction = 'inbound' AND read_at IS NULL;

-- The clinic is found by the number a text was sent to: the number of its Twilio connection.
CREATE INDEX org_credentials_twilio_number ON org_credentials ((metadata ->> 'phone_number'))
    WHERE provider = 'twilio';

-- Numbers that opted out of the clinic's texts (STOP and the other carrier keywords), per clinic.
-- Kept apart from contacts: the opt-out is the number's, carriers require it to hold whatever
-- happens to the contact, and only the patient lifts it (START). Staff's own "do not text" on a
-- contact is another rule (contacts.do_not_text).
CREATE TABLE sms_opt_outs (
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    phone e164 NOT NULL,
    keyword text NOT NULL,
    opted_out_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, phone)
);
SELECT vox_enable_tenant_rls('sms_opt_outs');

-- What the patient answered to a reminder: confirmed by text, or asked to move it (a task for the
-- front desk until the appointment is moved or the marker cleared).
ALTER TABLE appointments
    ADD COLUMN patient_confirmed_at timestamptz,
    ADD COLUMN reschedule_requested_at timestamptz;
