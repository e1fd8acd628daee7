-- Plans of the foreign-key indexes of migration 0008 on the 1,000,000-visit data set (docs/benchmarks.md,
-- "Plans of the foreign-key indexes"). With the app's connection settings; every write is rolled back:
--   psql postgres://postgres@127.0.0.1:PORT/obs1m -f bench/fk-index-plans.sql
\set ON_ERROR_STOP on
\timing off
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SELECT catalogue_step_id AS used_step FROM action_steps GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 \gset
SELECT o.focus_step_id AS focus_step FROM observations o WHERE o.focus_step_id IS NOT NULL ORDER BY md5(o.id::text) LIMIT 1 \gset
SELECT f.observer_id AS observer, f.school_id AS school FROM feedback_meetings f ORDER BY md5(f.id::text) LIMIT 1 \gset
SELECT organization_id AS org FROM schools LIMIT 1 \gset
\echo '### A1 getCatalogueStep: uses of a catalogue step (the most used one)'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM action_steps WHERE catalogue_step_id = :'used_step';
\echo '### A2 FK check when a catalogue step is deleted (RI query form, the most used step; stops at the first row)'
EXPLAIN (ANALYZE, BUFFERS) SELECT 1 FROM ONLY action_steps x WHERE :'used_step' = catalogue_step_id LIMIT 1 FOR KEY SHARE OF x;
BEGIN;
INSERT INTO catalogue_steps (id, organization_id, category, title, mastery, position)
  VALUES ('00000000-0000-4000-8000-00000000ca7a', :'org', 'routines', 'bench', 'bench', 9999);
\echo '### A3 DELETE of an unused catalogue step: the RI triggers (action_steps.catalogue_step_id, observations.proposed_catalogue_step_id)'
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM catalogue_steps WHERE id = '00000000-0000-4000-8000-00000000ca7a';
ROLLBACK;

\echo '### D1 FK check when an action step is deleted: observations.focus_step_id (RI query form, a step that is some visit''s focus)'
EXPLAIN (ANALYZE, BUFFERS) SELECT 1 FROM ONLY observations x WHERE :'focus_step' = focus_step_id LIMIT 1 FOR KEY SHARE OF x;
BEGIN;
-- every seeded step is named by a meeting: a copy of one, which nothing refers to
INSERT INTO action_steps (id, organization_id, school_id, teacher_id, catalogue_step_id, category, title, mastery, status, opened_at)
SELECT '00000000-0000-4000-8000-00000000a57e', organization_id, school_id, teacher_id, catalogue_step_id, category, title, mastery, 'closed', opened_at
FROM action_steps WHERE id = :'focus_step';
\echo '### D2 DELETE of an action step no visit or meeting refers to: the RI triggers (observations.focus_step_id, feedback_meetings.action_step_id…)'
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM action_steps WHERE id = '00000000-0000-4000-8000-00000000a57e';
ROLLBACK;

\echo '### C1 school dashboard, meetings held by one observer at the school in a period (correlated subquery, dashboards.ts)'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int FROM feedback_meetings f WHERE f.observer_id = :'observer' AND f.school_id = :'school'
  AND f.held_at >= now() - interval '90 days' AND f.held_at < now();
\echo '### C1b the same over the whole school year (1 March on)'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int FROM feedback_meetings f WHERE f.observer_id = :'observer' AND f.school_id = :'school'
  AND f.held_at >= date_trunc('year', now()) + interval '2 months' AND f.held_at < now();
BEGIN;
\echo '### C2 anonymizing a person: their meetings texts (privacy/requests.ts)'
EXPLAIN (ANALYZE, BUFFERS) UPDATE feedback_meetings SET praise = '[anon]' WHERE observer_id = :'observer';
ROLLBACK;

BEGIN;
-- calibrations are not in the seed: 300 closed calibrations, 20 observers each, 10 indicators (60,000 scores)
INSERT INTO calibrations (id, organization_id, title, instrument_version_id, reference_scorer_id, status)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, :'org', 'bench ' || g,
  (SELECT id FROM instrument_versions ORDER BY id LIMIT 1),
  (SELECT person_id FROM coordinator_schools ORDER BY person_id LIMIT 1), 'closed'
FROM generate_series(1, 300) g;
CREATE TEMP TABLE observers_ AS SELECT person_id, row_number() OVER (ORDER BY md5(person_id::text)) AS n
  FROM memberships WHERE role IN ('leader', 'mentor');
INSERT INTO calibration_participants (calibration_id, person_id, submitted_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, o.person_id, now()
FROM generate_series(1, 300) g JOIN observers_ o ON o.n BETWEEN (g - 1) * 10 + 1 AND (g - 1) * 10 + 20;
INSERT INTO calibration_scores (calibration_id, person_id, indicator_key, level)
SELECT p.calibration_id, p.person_id, 'i' || k, 1 + (k % 4) FROM calibration_participants p, generate_series(1, 10) k;
ANALYZE calibrations, calibration_participants, calibration_scores;
SELECT count(*) AS calibration_scores FROM calibration_scores;
SELECT person_id AS participant FROM calibration_participants ORDER BY md5(person_id::text) LIMIT 1 \gset
\echo '### B1 a person''s data export: their calibration scores (privacy/export.ts)'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM calibration_scores WHERE person_id = :'participant' ORDER BY indicator_key;
\echo '### B2 a participant removed from a calibration: their scores (calibration.ts, primary key prefix)'
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM calibration_scores
  WHERE calibration_id = (SELECT calibration_id FROM calibration_participants WHERE person_id = :'participant' LIMIT 1)
    AND person_id = ANY (ARRAY[:'participant']::uuid[]);
ROLLBACK;

BEGIN;
INSERT INTO persons (id, organization_id, given_names, family_names, email, search_text)
  VALUES ('00000000-0000-4000-8000-00000000de1e', :'org', 'Bench', 'Delete', 'bench-delete@example.invalid', 'bench delete');
\echo '### P1 DELETE of a person nothing refers to: every RI trigger on persons (calibration_scores.person_id, feedback_meetings.observer_id…)'
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM persons WHERE id = '00000000-0000-4000-8000-00000000de1e';
ROLLBACK;
\echo '### P2 FK check when a person is deleted: feedback_meetings.observer_id (RI query form, an observer with meetings)'
EXPLAIN (ANALYZE, BUFFERS) SELECT 1 FROM ONLY feedback_meetings x WHERE :'observer' = observer_id LIMIT 1 FOR KEY SHARE OF x;
