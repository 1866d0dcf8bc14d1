"""The team server's schema (PostgreSQL), its versioned migrations and the reviewers' rights.

Everything lives in the schema ``fazhi`` of the project's database. Rights are the server's, not
the window's: row-level security lets a reviewer write decisions only for reports assigned to
them (or for reports nobody is assigned), lets only a lead assign reports and set verdicts, and
lets everyone on the project read everything. Decisions, verdicts and history are append-only:
no role but the owner may change or delete a row. History rows of decisions and verdicts are
written by the server itself (a trigger), so a client can neither forge nor forget them, and two
reviewers changing the same item at once are serialised (an advisory lock per item).
"""

from __future__ import annotations

import hashlib

from reviewer.server_rights import V4, V5, V6, V7, V8

SCHEMA = "fazhi"

_V1 = r"""
CREATE SCHEMA IF NOT EXISTS fazhi;
SET LOCAL search_path = fazhi, pg_temp;
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE members (
    login name PRIMARY KEY, display text NOT NULL UNIQUE, lead boolean NOT NULL DEFAULT false,
    added timestamptz NOT NULL DEFAULT now());
CREATE TABLE reports (
    seq bigserial NOT NULL, sha256 text PRIMARY KEY, path text NOT NULL, path_raw bytea,
    issuer text, year integer, level text, changed_from text, name text NOT NULL DEFAULT '',
    name_raw bytea, format text NOT NULL DEFAULT '', size bigint NOT NULL DEFAULT 0,
    mtime double precision, added timestamptz NOT NULL DEFAULT now(), removed timestamptz);
CREATE INDEX reports_path ON reports (path);
CREATE TABLE texts (sha256 text PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE analyses (sha256 text NOT NULL, version text NOT NULL, data bytea NOT NULL,
    PRIMARY KEY (sha256, version));
CREATE TABLE checklists (version text PRIMARY KEY, name text NOT NULL, data bytea NOT NULL,
    added timestamptz NOT NULL DEFAULT now());
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE decision_log (
    id bigserial PRIMARY KEY, report text NOT NULL, item text NOT NULL,
    decision text NOT NULL CHECK (decision IN ('符合', '不符合', '不适用', '未定')),
    comment text NOT NULL, reviewer text NOT NULL, time text NOT NULL, at timestamptz NOT NULL,
    stale boolean NOT NULL DEFAULT false, login name NOT NULL DEFAULT session_user,
    written timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE INDEX decision_current ON decision_log (report, item, at DESC, id DESC);
CREATE TABLE verdict_log (
    id bigserial PRIMARY KEY, report text NOT NULL,
    verdict text NOT NULL CHECK (verdict IN ('通过', '需修改', '未审')),
    comment text NOT NULL, reviewer text NOT NULL, time text NOT NULL, at timestamptz NOT NULL,
    login name NOT NULL DEFAULT session_user, written timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE INDEX verdict_current ON verdict_log (report, at DESC, id DESC);
CREATE TABLE history (
    id bigserial PRIMARY KEY, time text NOT NULL, reviewer text NOT NULL, report text NOT NULL,
    item text, field text NOT NULL, old text, new text, login name NOT NULL DEFAULT session_user);
CREATE INDEX history_report ON history (report);
CREATE TABLE assignments (
    report text NOT NULL, login name NOT NULL REFERENCES members ON DELETE CASCADE,
    assigned_by name NOT NULL DEFAULT session_user, time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report, login));

CREATE FUNCTION is_member() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM members WHERE login = session_user) $$;
CREATE FUNCTION is_lead() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM members WHERE login = session_user AND lead) $$;
CREATE FUNCTION my_name() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT display FROM members WHERE login = session_user $$;
CREATE FUNCTION is_owner() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'fazhi.reports'::regclass),
                             'MEMBER') $$;
CREATE FUNCTION may_decide(report_sha text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT is_lead()
              OR NOT EXISTS (SELECT 1 FROM assignments a WHERE a.report = report_sha)
              OR EXISTS (SELECT 1 FROM assignments a WHERE a.report = report_sha AND a.login = session_user) $$;

-- A whole project being copied in brings its own history (only the owner or a lead may copy).
CREATE FUNCTION copying() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = fazhi, pg_temp
    AS $$ SELECT coalesce(current_setting('fazhi.copying', true), '') = 'on' AND (is_owner() OR is_lead()) $$;

-- History of a decision or verdict: written here, under a lock per item, so that the "old" value is
-- the one current when this row arrived even when two reviewers write at once.
CREATE FUNCTION decision_logged() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
DECLARE prev record;
BEGIN
    IF NEW.stale OR copying() THEN RETURN NULL; END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(NEW.report || chr(31) || NEW.item, 0));
    SELECT decision, comment INTO prev FROM decision_log
        WHERE report = NEW.report AND item = NEW.item AND id <> NEW.id ORDER BY at DESC, id DESC LIMIT 1;
    IF prev.decision IS DISTINCT FROM NEW.decision THEN
        INSERT INTO history(time, reviewer, report, item, field, old, new, login)
        VALUES (NEW.time, NEW.reviewer, NEW.report, NEW.item, 'decision', prev.decision, NEW.decision, NEW.login);
    END IF;
    IF prev.comment IS DISTINCT FROM NEW.comment THEN
        INSERT INTO history(time, reviewer, report, item, field, old, new, login)
        VALUES (NEW.time, NEW.reviewer, NEW.report, NEW.item, 'comment', prev.comment, NEW.comment, NEW.login);
    END IF;
    PERFORM pg_notify('fazhi_changes', 'd:' || NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER decision_logged AFTER INSERT ON decision_log FOR EACH ROW EXECUTE FUNCTION decision_logged();

CREATE FUNCTION verdict_logged() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
DECLARE prev record;
BEGIN
    IF copying() THEN RETURN NULL; END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(NEW.report || chr(30), 0));
    SELECT verdict, comment INTO prev FROM verdict_log
        WHERE report = NEW.report AND id <> NEW.id ORDER BY at DESC, id DESC LIMIT 1;
    IF prev.verdict IS DISTINCT FROM NEW.verdict THEN
        INSERT INTO history(time, reviewer, report, item, field, old, new, login)
        VALUES (NEW.time, NEW.reviewer, NEW.report, NULL, 'verdict', prev.verdict, NEW.verdict, NEW.login);
    END IF;
    IF prev.comment IS DISTINCT FROM NEW.comment THEN
        INSERT INTO history(time, reviewer, report, item, field, old, new, login)
        VALUES (NEW.time, NEW.reviewer, NEW.report, NULL, 'verdict_comment', prev.comment, NEW.comment, NEW.login);
    END IF;
    PERFORM pg_notify('fazhi_changes', 'v:' || NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER verdict_logged AFTER INSERT ON verdict_log FOR EACH ROW EXECUTE FUNCTION verdict_logged();

CREATE FUNCTION assignment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('fazhi_changes', 'a:'); RETURN NULL; END $$;
CREATE TRIGGER assignment_changed AFTER INSERT OR DELETE ON assignments
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_changed();

-- New content at a known path: the old version's decisions follow it, marked stale. Run by the
-- server for any reviewer (the rows carry their original reviewers), only along a recorded change.
CREATE FUNCTION carry_decisions(new_sha text, old_sha text) RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
    INSERT INTO decision_log(report, item, decision, comment, reviewer, time, at, stale, login)
    SELECT DISTINCT ON (d.item) new_sha, d.item, d.decision, d.comment, d.reviewer, d.time, d.at, true, d.login
    FROM decision_log d
    WHERE d.report = old_sha AND (is_member() OR is_owner())
      AND EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = new_sha AND r.changed_from = old_sha)
      AND NOT EXISTS (SELECT 1 FROM decision_log n WHERE n.report = new_sha AND n.item = d.item)
    ORDER BY d.item, d.at DESC, d.id DESC $$;

-- Removing a report from the shared project is the lead's, or follows new content replacing it.
CREATE FUNCTION report_removal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
BEGIN
    IF NEW.removed IS NOT NULL AND OLD.removed IS NULL AND is_member() AND NOT is_lead()
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.changed_from = OLD.sha256 AND r.removed IS NULL) THEN
        RAISE EXCEPTION 'only a lead removes reports' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER report_removal BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION report_removal();

ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE texts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analyses ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklists ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE decision_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE verdict_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE members ENABLE ROW LEVEL SECURITY;

CREATE POLICY read ON members FOR SELECT USING (is_member());
CREATE POLICY read ON reports FOR SELECT USING (is_member());
CREATE POLICY add ON reports FOR INSERT WITH CHECK (is_member());
CREATE POLICY change ON reports FOR UPDATE USING (is_member()) WITH CHECK (is_member());
CREATE POLICY read ON texts FOR SELECT USING (is_member());
CREATE POLICY add ON texts FOR INSERT WITH CHECK (is_member());
CREATE POLICY change ON texts FOR UPDATE USING (is_member()) WITH CHECK (is_member());
CREATE POLICY read ON analyses FOR SELECT USING (is_member());
CREATE POLICY add ON analyses FOR INSERT WITH CHECK (is_member());
CREATE POLICY change ON analyses FOR UPDATE USING (is_member()) WITH CHECK (is_member());
CREATE POLICY drop_stale ON analyses FOR DELETE USING (is_member());
CREATE POLICY read ON checklists FOR SELECT USING (is_member());
CREATE POLICY add ON checklists FOR INSERT WITH CHECK (is_member());
CREATE POLICY read ON settings FOR SELECT USING (is_member());
CREATE POLICY add ON settings FOR INSERT WITH CHECK (is_member());
CREATE POLICY change ON settings FOR UPDATE USING (is_member()) WITH CHECK (is_member());
CREATE POLICY read ON decision_log FOR SELECT USING (is_member());
CREATE POLICY decide ON decision_log FOR INSERT WITH CHECK (
    is_member() AND login = session_user AND (NOT stale OR is_lead()) AND may_decide(report)
    AND (reviewer = my_name() OR is_lead()));
CREATE POLICY read ON verdict_log FOR SELECT USING (is_member());
CREATE POLICY judge ON verdict_log FOR INSERT WITH CHECK (is_lead() AND login = session_user);
CREATE POLICY read ON history FOR SELECT USING (is_member());
CREATE POLICY note ON history FOR INSERT WITH CHECK (
    is_member() AND login = session_user
    AND (is_lead() OR (field IN ('removed', 'imported') AND reviewer = my_name())));
CREATE POLICY read ON assignments FOR SELECT USING (is_member());
CREATE POLICY assign ON assignments FOR INSERT WITH CHECK (is_lead());
CREATE POLICY unassign ON assignments FOR DELETE USING (is_lead());
"""

# Version 2: last year beside this year — the reviewer's pairings with last year's reports and their
# word on last year's plan items (``reviewer.store_lastyear``). Review work, so the same right as a
# decision: the report's reviewer (or anyone while it is unassigned) and the lead.
_V2 = r"""
SET LOCAL search_path = fazhi, pg_temp;
CREATE TABLE pairings (report text PRIMARY KEY, previous text NOT NULL, reviewer text NOT NULL,
    time text NOT NULL);
CREATE TABLE promises (report text NOT NULL, item text NOT NULL, kept boolean NOT NULL, reviewer text NOT NULL,
    time text NOT NULL, PRIMARY KEY (report, item));
ALTER TABLE pairings ENABLE ROW LEVEL SECURITY;
ALTER TABLE promises ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON pairings FOR SELECT USING (is_member());
CREATE POLICY pair ON pairings FOR INSERT WITH CHECK (is_member() AND may_decide(report));
CREATE POLICY repair ON pairings FOR UPDATE USING (is_member() AND may_decide(report))
    WITH CHECK (is_member() AND may_decide(report));
CREATE POLICY unpair ON pairings FOR DELETE USING (is_member() AND may_decide(report));
CREATE POLICY read ON promises FOR SELECT USING (is_member());
CREATE POLICY tick ON promises FOR INSERT WITH CHECK (is_member() AND may_decide(report));
CREATE POLICY retick ON promises FOR UPDATE USING (is_member() AND may_decide(report))
    WITH CHECK (is_member() AND may_decide(report));
CREATE POLICY untick ON promises FOR DELETE USING (is_member() AND may_decide(report));
CREATE POLICY forget ON settings FOR DELETE USING (is_member());
DROP POLICY note ON history;
CREATE POLICY note ON history FOR INSERT WITH CHECK (
    is_member() AND login = session_user
    AND (is_lead() OR (field IN ('removed', 'imported', 'pairing', 'promise') AND reviewer = my_name())));
"""

# New content at a known path: the overall comment follows the decisions, the verdict itself does not
# (a report found 通过 as it was is to be judged again as it is: its decisions are to re-check).
_V3 = r"""
SET LOCAL search_path = fazhi, pg_temp;
CREATE FUNCTION carry_verdict(new_sha text, old_sha text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
BEGIN
    -- carried, not decided: no history and no notice of a change (as carried decisions, marked stale)
    PERFORM set_config('fazhi.carrying', 'on', true);
    INSERT INTO verdict_log(report, verdict, comment, reviewer, time, at, login)
    SELECT new_sha, '未审', v.comment, v.reviewer, v.time, v.at, v.login
    FROM (SELECT * FROM verdict_log WHERE report = old_sha ORDER BY at DESC, id DESC LIMIT 1) v
    WHERE v.comment <> '' AND (is_member() OR is_owner())
      AND EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = new_sha AND r.changed_from = old_sha)
      AND NOT EXISTS (SELECT 1 FROM verdict_log n WHERE n.report = new_sha);
    PERFORM set_config('fazhi.carrying', 'off', true);
END $$;
CREATE OR REPLACE FUNCTION verdict_logged() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = fazhi, pg_temp AS $$
DECLARE prev record;
BEGIN
    IF copying() OR coalesce(current_setting('fazhi.carrying', true), '') = 'on' THEN RETURN NULL; END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(NEW.report || chr(30), 0));
    SELECT verdict, comment INTO prev FROM verdict_log
        WHERE report = NEW.report AND id <> NEW.id ORDER BY at DESC, id DESC LIMIT 1;
    IF prev.verdict IS DISTINCT FROM NEW.verdict THEN
        INSERT INTO history(time, reviewer, report, item, field, old, new, login)
        VALUES (NEW.time, NEW.reviewer, NEW.report, NULL, 'verdict', prev.verdict, NEW.verdict, NEW.login);
    END IF;
    IF prev.comment IS DISTINCT FROM NEW.comment THEN
        INSERT INTO history(time, reviewer, report, item, field, old, new, login)
        VALUES (NEW.time, NEW.reviewer, NEW.report, NULL, 'verdict_comment', prev.comment, NEW.comment, NEW.login);
    END IF;
    PERFORM pg_notify('fazhi_changes', 'v:' || NEW.id);
    RETURN NULL;
END $$;
"""

#: Migrations from version N-1 to N, applied in order, each in one transaction.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, V4, V5, V6, V7, V8)
SCHEMA_VERSION = len(MIGRATIONS)

_TABLES = ("members", "reports", "texts", "analyses", "checklists", "settings", "decision_log", "verdict_log",
           "history", "assignments", "meta")
#: What the project's reviewers may do at all; the policies above narrow it row by row.
GRANTS = (
    "GRANT USAGE ON SCHEMA fazhi TO {role}",
    "GRANT SELECT ON ALL TABLES IN SCHEMA fazhi TO {role}",
    "GRANT INSERT, UPDATE ON fazhi.reports, fazhi.texts, fazhi.analyses, fazhi.settings TO {role}",
    "GRANT DELETE ON fazhi.analyses TO {role}",
    "GRANT INSERT ON fazhi.checklists, fazhi.decision_log, fazhi.verdict_log, fazhi.history TO {role}",
    "GRANT INSERT, DELETE ON fazhi.assignments TO {role}",
    "GRANT INSERT, UPDATE, DELETE ON fazhi.pairings, fazhi.promises TO {role}",
    "GRANT DELETE ON fazhi.settings TO {role}",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA fazhi TO {role}",
    "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA fazhi TO {role}",
)


def group_role(database: str) -> str:
    """The role every reviewer of one project belongs to (roles are the whole server's, so each
    project database has its own: a reviewer of one project reaches no other)."""
    return "fazhi_" + hashlib.sha256(database.encode("utf-8")).hexdigest()[:12]
