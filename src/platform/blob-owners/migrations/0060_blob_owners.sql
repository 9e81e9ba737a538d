-- Who owns each stored file. A blob is readable only through its owner (the unit, and the person when it is about
-- one person), never through whatever record happens to mention its key: keys are created by the server, and a
-- key a client sends is never trusted as proof of access.
CREATE TABLE blob_owners (
  key         text PRIMARY KEY,
  kind        text NOT NULL,
  unit_id     uuid,
  person_id   uuid,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX blob_owners_unit ON blob_owners (unit_id);
