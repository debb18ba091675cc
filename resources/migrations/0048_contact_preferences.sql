-- What the front desk knows about how a lead wants to be reached: the language to speak and write
-- in, and whether they asked not to get text messages (no SMS is sent to them while it is set).
ALTER TABLE contacts
    ADD COLUMN preferred_language text CHECK (preferred_language IN ('en', 'es')),
    ADD COLUMN do_not_text boolean NOT NULL DEFAULT false;
