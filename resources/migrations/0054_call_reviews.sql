-- Call review: a person's judgement of how the AI handled a call (a score, tags from the clinic's
-- own list, a note), one per call, the latest reviewer's. The clinic's tag list lives with its
-- settings; a review keeps the words it was given, so renaming a tag never rewrites old reviews.
CREATE TABLE call_reviews (
    call_id uuid PRIMARY KEY REFERENCES call_logs (id) ON DELETE CASCADE,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
    note text CHECK (length(note) <= 2000),
    reviewer_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    reviewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_reviews_org_tags ON call_reviews USING gin (tags);
CREATE INDEX call_reviews_org ON call_reviews (org_id, reviewed_at DESC);
SELECT vox_enable_tenant_rls('call_reviews');

ALTER TABLE org_settings ADD COLUMN review_tags text[] NOT NULL DEFAULT ARRAY[
    'great', 'wrong price', 'should have transferred', 'wrong information', 'missed a booking',
    'did not understand the caller', 'too long'
]::text[] CHECK (cardinality(review_tags) <= 50);
