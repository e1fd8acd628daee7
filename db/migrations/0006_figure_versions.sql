CREATE TABLE "school_figure_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"n" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "school_figure_versions_school_idx" ON "school_figure_versions" USING btree ("school_id","n");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
-- Counts a change in each of the given schools (those that exist): one row per school, inserted,
-- never updated, so writers take no shared lock and cannot deadlock on it. A school's fingerprint is
-- the sum of its rows' n, which grows with every committed change whatever the order of commits;
-- housekeeping folds a school's rows into one with the same sum. A bulk load or a restore sets
-- impulso.skip_figure_versions = 'on' to copy rows as they are.
CREATE FUNCTION figure_versions_skipped() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('impulso.skip_figure_versions', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE FUNCTION bump_school_figures(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO school_figure_versions (school_id, n)
  SELECT s.id, 1 FROM schools s WHERE s.id = ANY(ids);
END $$;
--> statement-breakpoint
-- Tables with a school_id column whose every change counts: meetings, memberships, cadence settings.
CREATE FUNCTION school_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT school_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT school_id FROM old_rows));
  ELSE
    PERFORM bump_school_figures(ARRAY(SELECT school_id FROM new_rows UNION SELECT school_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Action steps: the step's school, and every school where its teacher is a member (a teacher's open
-- step is shown wherever they teach).
CREATE FUNCTION action_step_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  teachers uuid[];
  schools_of_steps uuid[];
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    teachers := ARRAY(SELECT DISTINCT teacher_id FROM new_rows);
    schools_of_steps := ARRAY(SELECT DISTINCT school_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    teachers := ARRAY(SELECT DISTINCT teacher_id FROM old_rows);
    schools_of_steps := ARRAY(SELECT DISTINCT school_id FROM old_rows);
  ELSE
    teachers := ARRAY(SELECT teacher_id FROM new_rows UNION SELECT teacher_id FROM old_rows);
    schools_of_steps := ARRAY(SELECT school_id FROM new_rows UNION SELECT school_id FROM old_rows);
  END IF;
  PERFORM bump_school_figures(ARRAY(
    SELECT unnest(schools_of_steps)
    UNION
    SELECT m.school_id FROM memberships m WHERE m.person_id = ANY(teachers) AND m.school_id IS NOT NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Visits: a new or deleted one (drafts are counted per observer), and a change of what the figures
-- read; a draft's autosave (notes, course, subject…) leaves the counter alone.
CREATE FUNCTION observation_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT school_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT school_id FROM old_rows));
  ELSE
    PERFORM bump_school_figures(ARRAY(
      SELECT x.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n.school_id), (o.school_id)) AS x(school_id)
      WHERE n.status = 'submitted' OR o.status = 'submitted'
        OR (n.school_id, n.teacher_id, n.observer_id, n.status, n.started_at)
          IS DISTINCT FROM (o.school_id, o.teacher_id, o.observer_id, o.status, o.started_at)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A visit's levels and snapshots count once it is submitted.
CREATE FUNCTION observation_part_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT observation_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted' AND o.id IN (SELECT observation_id FROM old_rows)));
  ELSE
    PERFORM bump_school_figures(ARRAY(SELECT DISTINCT o.school_id FROM observations o
      WHERE o.status = 'submitted'
        AND o.id IN (SELECT observation_id FROM new_rows UNION SELECT observation_id FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- People: a new name or status shows in the schools where they are members, have observed or were
-- observed.
CREATE FUNCTION person_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.given_names, n.family_names, n.status) IS DISTINCT FROM (o.given_names, o.family_names, o.status));
  IF cardinality(changed) > 0 THEN
    PERFORM bump_school_figures(ARRAY(
      SELECT m.school_id FROM memberships m WHERE m.person_id = ANY(changed) AND m.school_id IS NOT NULL
      UNION
      SELECT DISTINCT v.school_id FROM observations v WHERE v.observer_id = ANY(changed)
      UNION
      SELECT DISTINCT v.school_id FROM observations v WHERE v.teacher_id = ANY(changed)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A school's own name and IVE.
CREATE FUNCTION school_row_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  PERFORM bump_school_figures(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.name, n.ive, n.organization_id) IS DISTINCT FROM (o.name, o.ive, o.organization_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Instruments and their versions (names and indicator titles): every school of the organization.
CREATE FUNCTION instrument_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF figure_versions_skipped() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM bump_school_figures(ARRAY(SELECT s.id FROM schools s
      WHERE s.organization_id IN (SELECT organization_id FROM old_rows)));
  ELSE
    PERFORM bump_school_figures(ARRAY(SELECT s.id FROM schools s
      WHERE s.organization_id IN (SELECT organization_id FROM new_rows)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observations_figures_insert AFTER INSERT ON "observations" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observations_figures_update AFTER UPDATE ON "observations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observations_figures_delete AFTER DELETE ON "observations" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_levels_figures_insert AFTER INSERT ON "observation_levels" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_part_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_levels_figures_update AFTER UPDATE ON "observation_levels" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_part_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_levels_figures_delete AFTER DELETE ON "observation_levels" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_part_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_snapshots_figures_insert AFTER INSERT ON "observation_snapshots" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_part_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_snapshots_figures_update AFTER UPDATE ON "observation_snapshots" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_part_figures_changed();
--> statement-breakpoint
CREATE TRIGGER observation_snapshots_figures_delete AFTER DELETE ON "observation_snapshots" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION observation_part_figures_changed();
--> statement-breakpoint
CREATE TRIGGER feedback_meetings_figures_insert AFTER INSERT ON "feedback_meetings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER feedback_meetings_figures_update AFTER UPDATE ON "feedback_meetings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER feedback_meetings_figures_delete AFTER DELETE ON "feedback_meetings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER action_steps_figures_insert AFTER INSERT ON "action_steps" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_step_figures_changed();
--> statement-breakpoint
CREATE TRIGGER action_steps_figures_update AFTER UPDATE ON "action_steps" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_step_figures_changed();
--> statement-breakpoint
CREATE TRIGGER action_steps_figures_delete AFTER DELETE ON "action_steps" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_step_figures_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_figures_insert AFTER INSERT ON "memberships" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_figures_update AFTER UPDATE ON "memberships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_figures_delete AFTER DELETE ON "memberships" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER school_observation_settings_figures_insert AFTER INSERT ON "school_observation_settings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER school_observation_settings_figures_update AFTER UPDATE ON "school_observation_settings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER school_observation_settings_figures_delete AFTER DELETE ON "school_observation_settings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_figures_changed();
--> statement-breakpoint
CREATE TRIGGER persons_figures_update AFTER UPDATE ON "persons" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_figures_changed();
--> statement-breakpoint
CREATE TRIGGER schools_figures_update AFTER UPDATE ON "schools" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_row_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instruments_figures_insert AFTER INSERT ON "instruments" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instruments_figures_update AFTER UPDATE ON "instruments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instruments_figures_delete AFTER DELETE ON "instruments" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instrument_versions_figures_insert AFTER INSERT ON "instrument_versions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instrument_versions_figures_update AFTER UPDATE ON "instrument_versions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_figures_changed();
--> statement-breakpoint
CREATE TRIGGER instrument_versions_figures_delete AFTER DELETE ON "instrument_versions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instrument_figures_changed();
