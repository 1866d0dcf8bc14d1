"""The team server's later migrations (versions 4 to 8): the reviewers' rights made the server's own,
each found by a helper session logging in with psql under a reviewer's account or racing two windows,
and what every window is told (``server_schema`` applies them in order, after versions 1 to 3)."""

from __future__ import annotations

# Version 4 (found by a helper session, logging in with psql under a reviewer's own account): a reviewer
# could rewrite any report's unit, year and text, remove or restore reports, poison the shared analyses,
# point the project at another checklist, and link someone else's report to their own to carry their
# decisions onto it. A reviewer still adds the reports they were sent (and a new version of a report
# they may review); everything else about reports, the analyses the program caches and the project's
# settings is the lead's, but the two settings an import or 往年报告库 writes.
V4 = r"""
SET LOCAL search_path = fazhi, pg_temp;
DROP POLICY add ON reports;
CREATE POLICY add ON reports FOR INSERT WITH CHECK (
    is_member() AND (changed_from IS NULL OR is_lead() OR may_decide(changed_from)));
DROP POLICY change ON texts;
CREATE POLICY change ON texts FOR UPDATE USING (is_lead()) WITH CHECK (is_lead());
DROP POLICY add ON analyses;
DROP POLICY change ON analyses;
DROP POLICY drop_stale ON analyses;
CREATE POLICY add ON analyses FOR INSERT WITH CHECK (is_lead());
CREATE POLICY change ON analyses FOR UPDATE USING (is_lead()) WITH CHECK (is_lead());
CREATE POLICY drop_stale ON analyses FOR DELETE USING (is_lead());
DROP POLICY add ON settings;
DROP POLICY change ON settings;
DROP POLICY forget ON settings;
CREATE POLICY add ON settings FOR INSERT WITH CHECK (
    is_lead() OR (is_member() AND key IN ('load_failures', 'lastyear.library')));
CREATE POLICY change ON settings FOR UPDATE USING (
    is_lead() OR (is_member() AND key IN ('load_failures', 'lastyear.library')))
    WITH CHECK (is_lead() OR (is_member() AND key IN ('load_failures', 'lastyear.library')));
CREATE POLICY forget ON settings FOR DELETE USING (
    is_lead() OR (is_member() AND key IN ('load_failures', 'lastyear.library')));
CREATE FUNCTION report_guarded() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
BEGIN
    IF NOT is_member() OR is_lead() OR copying() THEN RETURN NEW; END IF;
    -- a reviewer changes nothing of a report but its removal (by a new version replacing it)
    IF ROW(NEW.seq, NEW.sha256, NEW.path, NEW.path_raw, NEW.issuer, NEW.year, NEW.level, NEW.changed_from,
           NEW.name, NEW.name_raw, NEW.format, NEW.size, NEW.mtime, NEW.added)
       IS DISTINCT FROM ROW(OLD.seq, OLD.sha256, OLD.path, OLD.path_raw, OLD.issuer, OLD.year, OLD.level,
           OLD.changed_from, OLD.name, OLD.name_raw, OLD.format, OLD.size, OLD.mtime, OLD.added)
       OR (OLD.removed IS NOT NULL AND NEW.removed IS NULL) THEN
        RAISE EXCEPTION 'only a lead changes a report''s details' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER report_guarded BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION report_guarded();
-- A new version of a report keeps its reviewers (a reviewer re-reading their changed file left it
-- unassigned, for anyone to decide): run by the server, only along a recorded change.
CREATE FUNCTION carry_assignments(new_sha text, old_sha text) RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
    INSERT INTO assignments(report, login, assigned_by)
    SELECT new_sha, a.login, a.assigned_by FROM assignments a
    WHERE a.report = old_sha AND (is_member() OR is_owner())
      AND EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = new_sha AND r.changed_from = old_sha)
    ON CONFLICT DO NOTHING $$;
"""

# Version 5 (found by a helper session): the current decision is the latest by the time it was made,
# which is the reviewer's computer's: one whose clock ran ten minutes fast kept its 符合 over a later
# 不符合, and a row dated 2099 stayed current for ever. A time ahead of the server's is taken as the
# server's (a decision made offline keeps its earlier time).
V5 = r"""
SET LOCAL search_path = fazhi, pg_temp;
CREATE FUNCTION not_ahead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- to the second, as the program writes its times: a decision made just after it is not earlier
    IF NEW.at > clock_timestamp() THEN NEW.at := date_trunc('second', clock_timestamp()); END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER decision_not_ahead BEFORE INSERT ON decision_log FOR EACH ROW EXECUTE FUNCTION not_ahead();
CREATE TRIGGER verdict_not_ahead BEFORE INSERT ON verdict_log FOR EACH ROW EXECUTE FUNCTION not_ahead();
"""

# Version 6 (found by a helper session): a report the lead removed stayed in the other windows, and a
# reviewer's decision on it was taken without a word, to appear in no export. The removal is announced
# to every window ('r:'), and nothing more is decided on a removed report (a whole project being copied
# in brings its history all the same).
V6 = r"""
SET LOCAL search_path = fazhi, pg_temp;
CREATE OR REPLACE FUNCTION may_decide(report_sha text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT (copying() OR NOT EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = report_sha
                                                                      AND r.removed IS NOT NULL))
              AND (is_lead()
                   OR NOT EXISTS (SELECT 1 FROM assignments a WHERE a.report = report_sha)
                   OR EXISTS (SELECT 1 FROM assignments a WHERE a.report = report_sha AND a.login = session_user)) $$;
CREATE FUNCTION report_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.removed IS NOT NULL AND OLD.removed IS NULL THEN
        PERFORM pg_notify('fazhi_changes', 'r:' || NEW.sha256);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER report_removed AFTER UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION report_removed();
"""

# Version 7 (found by a helper session logging in with psql as a reviewer): a reviewer could sign a
# pairing or a word on last year's plan with another member's name, write a "removed" note on a report
# nobody removed, and plant a text for a report not imported yet, to be shown when the lead imports it.
# A reviewer's pairings, plan words and their notes are under their own name on a report they may
# review; a text comes with the report the reviewer adds (the program writes the report first). And
# a report added is announced to every window.
V7 = r"""
SET LOCAL search_path = fazhi, pg_temp;
DROP POLICY note ON history;
CREATE POLICY note ON history FOR INSERT WITH CHECK (
    is_member() AND login = session_user
    AND (is_lead() OR (field IN ('pairing', 'promise') AND reviewer = my_name() AND may_decide(report))));
DROP POLICY pair ON pairings;
DROP POLICY repair ON pairings;
CREATE POLICY pair ON pairings FOR INSERT WITH CHECK (
    is_member() AND may_decide(report) AND (is_lead() OR reviewer = my_name()));
CREATE POLICY repair ON pairings FOR UPDATE USING (is_member() AND may_decide(report))
    WITH CHECK (is_member() AND may_decide(report) AND (is_lead() OR reviewer = my_name()));
DROP POLICY tick ON promises;
DROP POLICY retick ON promises;
CREATE POLICY tick ON promises FOR INSERT WITH CHECK (
    is_member() AND may_decide(report) AND (is_lead() OR reviewer = my_name()));
CREATE POLICY retick ON promises FOR UPDATE USING (is_member() AND may_decide(report))
    WITH CHECK (is_member() AND may_decide(report) AND (is_lead() OR reviewer = my_name()));
DROP POLICY add ON texts;
CREATE POLICY add ON texts FOR INSERT WITH CHECK (
    is_lead() OR (is_member() AND EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = texts.sha256)));
-- A report a reviewer imports reached the lead's window only when the project was opened again: each
-- added report is announced ('n:'), once its text is there (at the end of the transaction).
CREATE FUNCTION report_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('fazhi_changes', 'n:' || NEW.sha256);
    RETURN NULL;
END $$;
CREATE TRIGGER report_added AFTER INSERT ON reports FOR EACH ROW EXECUTE FUNCTION report_added();
-- A reviewer's report comes with its text, by the end of the transaction (the program writes both in
-- one): a row without one made every window say 项目中没有保存这份报告的正文 at each reading.
CREATE FUNCTION report_has_text() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
BEGIN
    IF is_member() AND NOT is_lead() AND NOT copying()
       AND NOT EXISTS (SELECT 1 FROM texts t WHERE t.sha256 = NEW.sha256) THEN
        RAISE EXCEPTION 'a report comes with its text' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER report_has_text AFTER INSERT ON reports DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION report_has_text();
CREATE OR REPLACE FUNCTION report_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.removed IS NOT NULL AND OLD.removed IS NULL THEN
        PERFORM pg_notify('fazhi_changes', 'r:' || NEW.sha256);
    ELSIF NEW.removed IS NULL AND OLD.removed IS NOT NULL THEN  -- the lead read a removed report again
        PERFORM pg_notify('fazhi_changes', 'n:' || NEW.sha256);
    END IF;
    RETURN NULL;
END $$;
"""

# Version 8 (found by a helper session): any reviewer could set the project's 往年报告库, which pairs
# every reviewer's reports with last year's, to a folder on their own computer; the lead's export then
# lost its comparisons. The library is the lead's, as the project's other settings are; a reviewer
# still writes the list of files an import could not read. And changes to last year's work reach every
# window.
V8 = r"""
SET LOCAL search_path = fazhi, pg_temp;
DROP POLICY add ON settings;
DROP POLICY change ON settings;
DROP POLICY forget ON settings;
CREATE POLICY add ON settings FOR INSERT WITH CHECK (is_lead() OR (is_member() AND key = 'load_failures'));
CREATE POLICY change ON settings FOR UPDATE USING (is_lead() OR (is_member() AND key = 'load_failures'))
    WITH CHECK (is_lead() OR (is_member() AND key = 'load_failures'));
CREATE POLICY forget ON settings FOR DELETE USING (is_lead() OR (is_member() AND key = 'load_failures'));
-- A pairing, a tick on last year's plan or the library changed in one window stayed out of date in every
-- other until the project was opened again (a helper session): each is announced ('l:' and the report,
-- or 'l:' alone for the library), as decisions are.
CREATE FUNCTION lastyear_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    report text := CASE WHEN TG_OP = 'DELETE' THEN OLD.report ELSE NEW.report END;
BEGIN
    PERFORM pg_notify('fazhi_changes', 'l:' || report);
    RETURN NULL;
END $$;
CREATE TRIGGER pairing_changed AFTER INSERT OR UPDATE OR DELETE ON pairings
    FOR EACH ROW EXECUTE FUNCTION lastyear_changed();
CREATE TRIGGER promise_changed AFTER INSERT OR UPDATE OR DELETE ON promises
    FOR EACH ROW EXECUTE FUNCTION lastyear_changed();
CREATE FUNCTION library_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END) = 'lastyear.library' THEN
        PERFORM pg_notify('fazhi_changes', 'l:');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER library_changed AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH ROW EXECUTE FUNCTION library_changed();
"""
