-- Transfer destinations get a description for the people choosing one ("Dr Lee's mobile,
-- surgeries only") and an explicit order: the AI puts a caller through to the first open one in
-- this order, so the order an admin chose must not depend on ties broken by name. Existing rows
-- keep the order they were shown in (position, then name), numbered from 0 per clinic.
ALTER TABLE transfer_destinations
    ADD COLUMN description text NOT NULL DEFAULT '' CHECK (length(description) <= 200);

UPDATE transfer_destinations t
SET position = o.n
FROM (SELECT id, row_number() OVER (PARTITION BY org_id ORDER BY position, name) - 1 AS n
      FROM transfer_destinations) o
WHERE o.id = t.id;
