-- Written by figureTriggersSql() in src/modules/observation/figure-triggers.ts: do not edit.
-- The triggers and functions of earlier migrations go first, whatever their names.
DO $$
DECLARE
  previous record;
BEGIN
  FOR previous IN
    SELECT t.tgname, t.tgrelid::regclass AS rel
    FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND p.proname LIKE '%\_figures\_changed'
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', previous.tgname, previous.rel);
  END LOOP;
  FOR previous IN
    SELECT p.oid::regprocedure AS fn
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.proname LIKE '%\_figures\_changed'
  LOOP
    EXECUTE format('DROP FUNCTION %s', previous.fn);
  END LOOP;
END $$;
--> statement-breakpoint
-- A bulk load or a restore sets impulso.skip_figure_versions = 'on' to copy rows as they are.
CREATE OR REPLACE FUNCTION figure_versions_skipped() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('impulso.skip_figure_versions', true), '') = 'on'
$$;
--> statement-breakpoint
-- Counts a change in each of the given schools (those that exist): one row per school, inserted,
-- never updated, so writers take no shared lock and cannot deadlock on it. A school's fingerprint is
-- the sum of its rows' n, which grows with every committed change whatever the order of commits;
-- housekeeping folds a school's rows into one with the same sum.
CREATE OR REPLACE FUNCTION bump_school_figures(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO school_figure_versions (school_id, n)
  SELECT s.id, 1 FROM schools s WHERE s.id = ANY(ids);
END $$;
--> statement-breakpoint
-- observations: visits; drafts count in their observer's load only, and a draft's autosave (course, subject, purpose, focus, proposed step) counts nothing
CREATE FUNCTION observations_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM new_rows r));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT id, organization_id, school_id, teacher_id, observer_id, instrument_version_id, status, started_at, submitted_at FROM new_rows),
        old_read AS (SELECT id, organization_id, school_id, teacher_id, observer_id, instrument_version_id, status, started_at, submitted_at FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT DISTINCT r.school_id FROM changed r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM old_rows r));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- observation_levels: a visit's levels, once the visit is submitted
CREATE FUNCTION observation_levels_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM new_rows r)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT observation_id, indicator_key, level FROM new_rows),
        old_read AS (SELECT observation_id, indicator_key, level FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM changed r)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM old_rows r)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- observation_snapshots: a visit's time-on-task snapshots, once the visit is submitted
CREATE FUNCTION observation_snapshots_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM new_rows r)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT observation_id, on_task, present FROM new_rows),
        old_read AS (SELECT observation_id, on_task, present FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM changed r)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM old_rows r)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- feedback_meetings: feedback meetings: held, late, per observer (their texts are no figure)
CREATE FUNCTION feedback_meetings_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM new_rows r));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT observation_id, school_id, observer_id, held_at FROM new_rows),
        old_read AS (SELECT observation_id, school_id, observer_id, held_at FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT DISTINCT r.school_id FROM changed r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM old_rows r));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- action_steps: action steps opened and mastered per category, and each teacher's open step
CREATE FUNCTION action_steps_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT r.school_id FROM new_rows r
      UNION
      SELECT m.school_id FROM memberships m
      WHERE m.person_id IN (SELECT r.teacher_id FROM new_rows r) AND m.school_id IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT school_id, teacher_id, category, title, status, opened_at, closed_at FROM new_rows),
        old_read AS (SELECT school_id, teacher_id, category, title, status, opened_at, closed_at FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT r.school_id FROM changed r
      UNION
      SELECT m.school_id FROM memberships m
      WHERE m.person_id IN (SELECT r.teacher_id FROM changed r) AND m.school_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT r.school_id FROM old_rows r
      UNION
      SELECT m.school_id FROM memberships m
      WHERE m.person_id IN (SELECT r.teacher_id FROM old_rows r) AND m.school_id IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- memberships: who teaches and observes in a school, and since when
CREATE FUNCTION memberships_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM new_rows r));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT organization_id, person_id, school_id, role, created_at FROM new_rows),
        old_read AS (SELECT organization_id, person_id, school_id, role, created_at FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT DISTINCT r.school_id FROM changed r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM old_rows r));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- school_observation_settings: a school's cadence targets
CREATE FUNCTION school_observation_settings_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM new_rows r));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT school_id, organization_id, visit_every_days, meeting_within_hours, default_purpose FROM new_rows),
        old_read AS (SELECT school_id, organization_id, visit_every_days, meeting_within_hours, default_purpose FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT DISTINCT r.school_id FROM changed r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT DISTINCT r.school_id FROM old_rows r));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- persons: people's names and status; a new person is in no school until a membership (counted) names them, and a deleted one takes their memberships along
CREATE FUNCTION persons_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT id, given_names, family_names, status FROM new_rows),
        old_read AS (SELECT id, given_names, family_names, status FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT m.school_id FROM memberships m
      WHERE m.person_id IN (SELECT r.id FROM changed r) AND m.school_id IS NOT NULL
      UNION
      SELECT v.school_id FROM observations v WHERE v.observer_id IN (SELECT r.id FROM changed r)
      UNION
      SELECT v.school_id FROM observations v WHERE v.teacher_id IN (SELECT r.id FROM changed r)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- schools: a school's own name and IVE; a new or deleted school changes its organization's count of schools, part of the network totals' key
CREATE FUNCTION schools_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT id, organization_id, name, ive FROM new_rows),
        old_read AS (SELECT id, organization_id, name, ive FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT r.id FROM changed r));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- instruments: instruments' names
CREATE FUNCTION instruments_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM new_rows r)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT id, organization_id, name FROM new_rows),
        old_read AS (SELECT id, organization_id, name FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM changed r)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM old_rows r)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- instrument_versions: which instrument a visit used, and the indicators' titles
CREATE FUNCTION instrument_versions_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM new_rows r)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_school_figures(ARRAY(
      WITH new_read AS (SELECT id, organization_id, instrument_id, version, status, content FROM new_rows),
        old_read AS (SELECT id, organization_id, instrument_id, version, status, content FROM old_rows),
        changed AS (
          (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)
          UNION ALL
          (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))
      SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM changed r)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM old_rows r)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observations_figures_insert AFTER INSERT ON "observations" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observations_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observations_figures_update AFTER UPDATE ON "observations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observations_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observations_figures_delete AFTER DELETE ON "observations" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observations_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_levels_figures_insert AFTER INSERT ON "observation_levels" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_levels_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_levels_figures_update AFTER UPDATE ON "observation_levels" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_levels_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_levels_figures_delete AFTER DELETE ON "observation_levels" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_levels_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_snapshots_figures_insert AFTER INSERT ON "observation_snapshots" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_snapshots_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_snapshots_figures_update AFTER UPDATE ON "observation_snapshots" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_snapshots_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_snapshots_figures_delete AFTER DELETE ON "observation_snapshots" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_snapshots_figures_changed();
--> statement-breakpoint
CREATE TRIGGER feedback_meetings_figures_insert AFTER INSERT ON "feedback_meetings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feedback_meetings_figures_changed();
--> statement-breakpoint
CREATE TRIGGER feedback_meetings_figures_update AFTER UPDATE ON "feedback_meetings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feedback_meetings_figures_changed();
--> statement-breakpoint
CREATE TRIGGER feedback_meetings_figures_delete AFTER DELETE ON "feedback_meetings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION feedback_meetings_figures_changed();
--> statement-breakpoint
CREATE TRIGGER action_steps_figures_insert AFTER INSERT ON "action_steps" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_steps_figures_changed();
--> statement-breakpoint
CREATE TRIGGER action_steps_figures_update AFTER UPDATE ON "action_steps" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_steps_figures_changed();
--> statement-breakpoint
CREATE TRIGGER action_steps_figures_delete AFTER DELETE ON "action_steps" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_steps_figures_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_figures_insert AFTER INSERT ON "memberships" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memberships_figures_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_figures_update AFTER UPDATE ON "memberships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memberships_figures_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_figures_delete AFTER DELETE ON "memberships" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION memberships_figures_changed();
--> statement-breakpoint
CREATE TRIGGER school_observation_settings_figures_insert AFTER INSERT ON "school_observation_settings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_observation_settings_figures_changed();
--> statement-breakpoint
CREATE TRIGGER school_observation_settings_figures_update AFTER UPDATE ON "school_observation_settings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_observation_settings_figures_changed();
--> statement-breakpoint
CREATE TRIGGER school_observation_settings_figures_delete AFTER DELETE ON "school_observation_settings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_observation_settings_figures_changed();
--> statement-breakpoint
CREATE TRIGGER persons_figures_update AFTER UPDATE ON "persons" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION persons_figures_changed();
--> statement-breakpoint
CREATE TRIGGER schools_figures_update AFTER UPDATE ON "schools" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION schools_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instruments_figures_insert AFTER INSERT ON "instruments" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instruments_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instruments_figures_update AFTER UPDATE ON "instruments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instruments_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instruments_figures_delete AFTER DELETE ON "instruments" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instruments_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instrument_versions_figures_insert AFTER INSERT ON "instrument_versions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_versions_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instrument_versions_figures_update AFTER UPDATE ON "instrument_versions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_versions_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instrument_versions_figures_delete AFTER DELETE ON "instrument_versions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_versions_figures_changed();
