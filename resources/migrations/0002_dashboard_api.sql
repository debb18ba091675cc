-- Version 2: what the console's REST API reads most.
--
-- The leads list shows the most recently active contact first: contacted ones by their last
-- contact, never-contacted ones by when they were added. One expression index serves that order
-- and its keyset pages (the id breaks ties), so a page is an index range, not a sort.
CREATE INDEX contacts_org_activity
    ON contacts (org_id, (coalesce(last_contacted_at, created_at)) DESC, id DESC);

-- Searching leads by e-mail or by a fragment of the number ("4567").
CREATE INDEX contacts_phone_trgm ON contacts USING gin (phone gin_trgm_ops);
CREATE INDEX contacts_email_trgm ON contacts USING gin (email gin_trgm_ops);
