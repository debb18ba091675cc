-- Connecting Twilio finishes in a background job. When it fails for a clinic that had no working
-- connection before, the row stays behind as 'failed' with the reason in status_detail, so the
-- console can say what went wrong after the request that started it has long returned.
ALTER TABLE org_credentials DROP CONSTRAINT org_credentials_status_check;
ALTER TABLE org_credentials ADD CONSTRAINT org_credentials_status_check
    CHECK (status IN ('active', 'broken', 'syncing', 'failed'));
