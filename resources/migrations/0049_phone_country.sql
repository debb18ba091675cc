-- The country a clinic's staff and callers write phone numbers in: a number typed without its
-- '+' and country code ("(773) 555-0124", "020 7946 0958") is read as one of this country's.
-- ISO 3166 alpha-2; which countries can be read is the server's to say, the database keeps the
-- shape.
ALTER TABLE org_settings
    ADD COLUMN phone_country text NOT NULL DEFAULT 'US' CHECK (phone_country ~ '^[A-Z]{2}$');
