-- Every server instance caches whether a user may act (disabled, deleted) and must hear at once
-- when that changes, whichever instance changed it: a NOTIFY per affected user, sent on commit.
CREATE FUNCTION vox_notify_profile_state() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('voxanne_profile_state', OLD.id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER profiles_state_changed
    AFTER UPDATE OF disabled, org_id ON profiles
    FOR EACH ROW WHEN (OLD.disabled IS DISTINCT FROM NEW.disabled
                       OR OLD.org_id IS DISTINCT FROM NEW.org_id)
    EXECUTE FUNCTION vox_notify_profile_state();

CREATE TRIGGER profiles_deleted
    AFTER DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION vox_notify_profile_state();
