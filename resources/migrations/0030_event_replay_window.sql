-- The live stream's replay (issue 3) also looks back a little before the client's `since`:
-- event ids are taken when a transaction inserts, not when it commits, so an event with a lower
-- id can become visible after a client already saw a higher one. The look-back reads the org's
-- events by time.
CREATE INDEX events_org_created ON events (org_id, created_at);
