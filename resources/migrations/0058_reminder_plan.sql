-- Each clinic's automatic reminders (core/reminderschedule.h, core/remindermessage.h): which are
-- sent, by SMS and/or e-mail, their words, and the quiet hours in the clinic's time zone. No row
-- means the defaults, switched off: an upgrade never starts texting patients by itself.
CREATE TABLE reminder_plans (
    org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    enabled boolean NOT NULL DEFAULT false,
    at_booking boolean NOT NULL DEFAULT true,
    day_before boolean NOT NULL DEFAULT true,
    two_hours_before boolean NOT NULL DEFAULT true,
    by_sms boolean NOT NULL DEFAULT true,
    by_email boolean NOT NULL DEFAULT false,
    -- NULL: the default words (English), so a better default reaches clinics that never chose.
    sms_template text CHECK (length(sms_template) BETWEEN 1 AND 1500),
    email_subject text CHECK (length(email_subject) BETWEEN 1 AND 1500),
    email_template text CHECK (length(email_template) BETWEEN 1 AND 1500),
    -- Clinic time; equal means no quiet hours, start after end spans midnight.
    quiet_start time NOT NULL DEFAULT '21:00',
    quiet_end time NOT NULL DEFAULT '08:00',
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid REFERENCES profiles (id) ON DELETE SET NULL
);
SELECT vox_enable_tenant_rls('reminder_plans');
