-- Integrations (issue 5): lookups the messaging and telephony modules make on every request.

-- "One SMS per caller per hour": the follow-up action looks for the last SMS sent to a number.
CREATE INDEX messages_org_recipient_sent ON messages (org_id, recipient, sent_at DESC)
    WHERE method = 'sms' AND status = 'sent';

-- Twilio's validation status callback names the verification call; the daily cleanup scans by
-- status and age.
CREATE INDEX verified_caller_ids_call_sid ON verified_caller_ids (twilio_call_sid)
    WHERE twilio_call_sid IS NOT NULL;
CREATE INDEX verified_caller_ids_status_updated ON verified_caller_ids (status, updated_at)
    WHERE status IN ('pending', 'failed', 'expired');
