-- SPDX-License-Identifier: GPL-3.0-or-later
-- Witness Support schema, version 2: protective measures and hearing readiness.
-- Version 1 has shipped: it is never edited; everything new goes here.

-- What was considered instead when the court refused a measure (the
-- "refused without an alternative considered" rule reads it).
ALTER TABLE measure ADD COLUMN alternative TEXT NOT NULL DEFAULT '';

-- Readiness is computed per hearing from measures, sessions and history;
-- these keep it set-based and fast on a large unit.
CREATE INDEX measure_hearing ON measure (hearing_id);
-- A case's next hearing, looked up for every whole-proceedings measure.
CREATE INDEX hearing_case_start ON hearing (case_id, starts_at);
CREATE INDEX measure_history_measure ON measure_history (measure_id, changed_at);
CREATE INDEX session_hearing ON session (hearing_id, person_id);
CREATE INDEX screening_person ON screening (person_id, case_id);
CREATE INDEX reflection_period_person ON reflection_period (person_id, starts_on);
