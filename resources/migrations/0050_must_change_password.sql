-- A password the server made up (an invitation without one, an admin's reset) is known to
-- someone besides its owner: the console asks its owner for a new one at the next sign-in, and
-- the flag clears when they change it.
ALTER TABLE profiles ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
