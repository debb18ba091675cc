-- Texting back callers who reached nobody. Off until the clinic turns it on: a text the clinic
-- did not choose to send is worse than none. The template may name the clinic as {clinic}; an
-- empty one uses the default wording. A number is texted back at most once per
-- `missed_call_textback_hours`, however often it calls.
ALTER TABLE org_settings
    ADD COLUMN missed_call_textback boolean NOT NULL DEFAULT false,
    ADD COLUMN missed_call_textback_template text
        CHECK (char_length(missed_call_textback_template) <= 480),
    ADD COLUMN missed_call_textback_hours integer NOT NULL DEFAULT 24
        CHECK (missed_call_textback_hours BETWEEN 1 AND 720);

-- The "texted back lately?" question reads the clinic's sent texts to a number by purpose.
CREATE INDEX messages_textback_recent ON messages (org_id, recipient, created_at DESC)
    WHERE purpose = 'missed_call_textback';
