-- SPDX-License-Identifier: GPL-3.0-or-later
-- Profiles that unlock, identity encrypted at rest, a chained audit trail.

-- Each profile keeps what is needed to check its passphrase and, for
-- officers and administrators, the identity key wrapped under a key
-- derived from it (Argon2id with this profile's salt and cost). The
-- passphrase itself is never stored.
ALTER TABLE user_profile ADD COLUMN salt BLOB;
ALTER TABLE user_profile ADD COLUMN opslimit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_profile ADD COLUMN memlimit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_profile ADD COLUMN verifier BLOB;
ALTER TABLE user_profile ADD COLUMN wrapped_key BLOB;

-- The profile actually unlocked (the actor name alone can be narrowed
-- or claimed), and the hash chain: hash covers this record's content and
-- prev_hash, the previous record's hash. Records written before this
-- version carry no hash; the first chained record links to a hash
-- computed over them, so they are covered too.
ALTER TABLE audit ADD COLUMN profile TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_at ON audit (at);
