-- The language the clinic works in, so what the server seeds for a new clinic (the review tags it
-- starts with) reads in the words its staff use. A clinic that existed before has no known language
-- and keeps English, which is what it was given.
ALTER TABLE org_settings
    ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'));

-- The tags a clinic starts with, in its language. Kept here so the seed and the switch below
-- compare against the very same words.
CREATE FUNCTION vox_default_review_tags(lang text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE lang
        WHEN 'es' THEN ARRAY['excelente', 'precio equivocado', 'debió transferir',
                             'información equivocada', 'perdió una cita',
                             'no entendió a quien llamaba', 'demasiado larga']
        ELSE ARRAY['great', 'wrong price', 'should have transferred', 'wrong information',
                   'missed a booking', 'did not understand the caller', 'too long']
    END::text[]
$$;

-- The tags are the clinic's own data: once edited they are its words and no language change
-- touches them. Only a list still exactly as seeded follows the clinic's language, on sign-up
-- and when an admin changes the language later.
CREATE FUNCTION vox_review_tags_follow_language() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.review_tags = vox_default_review_tags('en') THEN
            NEW.review_tags := vox_default_review_tags(NEW.language);
        END IF;
    ELSIF NEW.review_tags = OLD.review_tags
          AND OLD.review_tags = vox_default_review_tags(OLD.language) THEN
        NEW.review_tags := vox_default_review_tags(NEW.language);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER org_settings_review_tags_language
    BEFORE INSERT OR UPDATE OF language ON org_settings
    FOR EACH ROW EXECUTE FUNCTION vox_review_tags_follow_language();
