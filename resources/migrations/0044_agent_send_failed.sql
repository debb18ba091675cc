-- Saving the agent stores the clinic's settings at once and sends them to Vapi from a job. When
-- that job gives up (Vapi refused the settings, or stayed unreachable through every attempt) the
-- agent is 'send_failed': Vapi does not hold what the clinic saved. It is kept apart from
-- 'failed' (the tools could not be linked), which a later tool sync may put right on its own;
-- a tool sync must never report an agent in sync whose settings Vapi refused.
ALTER TABLE agents DROP CONSTRAINT agents_sync_status_check;
ALTER TABLE agents ADD CONSTRAINT agents_sync_status_check CHECK (
    sync_status IN ('not_synced', 'pending', 'syncing', 'synced', 'failed', 'send_failed'));
-- 'pending' now means the clinic's settings still have to be sent to Vapi by the agent's push.
-- Before, a save had already sent them and 'pending' meant the tool sync queued with it, which
-- still runs and would leave such an agent waiting on a push that was never queued.
UPDATE agents SET sync_status = 'syncing' WHERE sync_status = 'pending';
