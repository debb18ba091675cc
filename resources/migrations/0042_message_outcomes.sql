-- An SMS is written down before Twilio is asked ('sending') and keeps an honest outcome when
-- Twilio's answer never came ('unknown'), until the message is found, or not, in Twilio's own
-- list. `sender` is the number it went from, which that lookup needs.
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
    CHECK (status IN ('queued', 'sending', 'unknown', 'sent', 'delivered', 'failed'));
ALTER TABLE messages ADD COLUMN sender text;

-- The outcomes still being settled, for the reconciliation that settles them.
CREATE INDEX messages_unsettled ON messages (created_at) WHERE status IN ('sending', 'unknown');
