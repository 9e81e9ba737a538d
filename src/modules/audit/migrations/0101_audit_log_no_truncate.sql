-- TRUNCATE skips row triggers, so the append-only rule needs a statement-level trigger as well: emptying the log
-- must be as impossible as deleting one row. (Signed anchors, audit.anchor.ts, still detect it if someone drops
-- the trigger first.)
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
