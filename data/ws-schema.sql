-- SPDX-License-Identifier: GPL-3.0-or-later
-- Witness Support schema, version 1.
-- Conventions: instants are TEXT 'YYYY-MM-DDTHH:MM:SSZ' (UTC) beside the IANA
-- zone of the place they happen in; plain dates are TEXT 'YYYY-MM-DD';
-- enumerations are stored by nick; money as integer minor units.
-- The identity table holds one serialized document per person so that
-- encrypting it later changes one module only.

CREATE TABLE user_profile (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  role        TEXT NOT NULL CHECK (role IN ('officer', 'prosecutor', 'interpreter', 'administrator')),
  created_at  TEXT NOT NULL
);

CREATE TABLE person (
  id                  INTEGER PRIMARY KEY,
  pseudonym           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(pseudonym)) > 0),
  gender              TEXT NOT NULL DEFAULT 'unspecified'
                      CHECK (gender IN ('unspecified', 'female', 'male', 'non-binary', 'self-described', 'prefer-not-to-say')),
  gender_in_summary   INTEGER NOT NULL DEFAULT 0 CHECK (gender_in_summary IN (0, 1)),
  interpreter_gender  TEXT NOT NULL DEFAULT 'any' CHECK (interpreter_gender IN ('any', 'female', 'male')),
  vulnerability       INTEGER NOT NULL DEFAULT 0 CHECK (vulnerability >= 0),
  age_status          TEXT NOT NULL DEFAULT 'adult' CHECK (age_status IN ('adult', 'presumed-child', 'child')),
  age_assessed_on     TEXT,
  risk_level          TEXT NOT NULL DEFAULT 'unknown' CHECK (risk_level IN ('unknown', 'low', 'medium', 'high')),
  phase               TEXT NOT NULL DEFAULT 'initial'
                      CHECK (phase IN ('initial', 'investigation', 'trial', 'post-trial', 'sustainable')),
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  first_contact_on    TEXT,
  zone                TEXT NOT NULL DEFAULT 'UTC',
  notes               TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

CREATE TABLE person_language (
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  language   TEXT NOT NULL CHECK (length(trim(language)) > 0),
  dialect    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, position)
);

-- Read and written only by ws-identity.c, which audits every read.
CREATE TABLE identity (
  person_id   INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  document    BLOB NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE court_case (
  id           INTEGER PRIMARY KEY,
  reference    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(reference)) > 0),
  court        TEXT NOT NULL CHECK (length(trim(court)) > 0),
  prosecutor   TEXT NOT NULL DEFAULT '',
  stage        TEXT NOT NULL DEFAULT 'investigation'
               CHECK (stage IN ('investigation', 'pre-trial', 'trial', 'verdict', 'appeal', 'closed')),
  opened_on    TEXT,
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE case_offence (
  case_id   INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  offence   TEXT NOT NULL CHECK (length(trim(offence)) > 0),
  PRIMARY KEY (case_id, position)
);

CREATE TABLE case_exploitation (
  case_id  INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  form     TEXT NOT NULL CHECK (form IN ('sexual', 'labour', 'domestic-servitude', 'forced-begging',
                                         'forced-criminality', 'forced-marriage', 'organ-removal', 'other')),
  PRIMARY KEY (case_id, form)
);

CREATE TABLE accused (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  label     TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(label)) > 0),
  UNIQUE (case_id, label)
);

CREATE TABLE case_party (
  id                INTEGER PRIMARY KEY,
  case_id           INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role              TEXT NOT NULL DEFAULT 'victim-witness' CHECK (role IN ('victim-witness', 'witness', 'victim')),
  label             TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(label)) > 0),
  outcome_told_on   TEXT,
  impact_statement  TEXT NOT NULL DEFAULT 'not-offered' CHECK (impact_statement IN ('not-offered', 'offered', 'declined', 'made')),
  UNIQUE (case_id, person_id),
  UNIQUE (case_id, label)
);
CREATE INDEX case_party_person ON case_party (person_id);

CREATE TABLE verdict (
  case_id          INTEGER PRIMARY KEY REFERENCES court_case (id) ON DELETE CASCADE,
  given_on         TEXT NOT NULL,
  outcome          TEXT NOT NULL,
  sentence         TEXT NOT NULL DEFAULT '',
  sentence_months  INTEGER CHECK (sentence_months IS NULL OR sentence_months >= 0),
  release_on       TEXT,
  appeal_by        TEXT
);

CREATE TABLE phase_change (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  phase      TEXT NOT NULL CHECK (phase IN ('initial', 'investigation', 'trial', 'post-trial', 'sustainable')),
  began_at   TEXT NOT NULL,
  moved_by   TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX phase_change_person ON phase_change (person_id, began_at);

CREATE TABLE agency (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  kind     TEXT NOT NULL DEFAULT '',
  contact  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE need (
  code      TEXT PRIMARY KEY,
  category  TEXT NOT NULL,
  title     TEXT NOT NULL,
  builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);

CREATE TABLE support_item (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  need_code   TEXT NOT NULL REFERENCES need (code),
  phase       TEXT NOT NULL CHECK (phase IN ('initial', 'investigation', 'trial', 'post-trial', 'sustainable')),
  offered_on  TEXT,
  consent     TEXT NOT NULL DEFAULT 'not-asked' CHECK (consent IN ('not-asked', 'accepted', 'declined')),
  agency_id   INTEGER REFERENCES agency (id) ON DELETE SET NULL,
  owner       TEXT NOT NULL DEFAULT '',
  due_on      TEXT,
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled')),
  notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX support_item_person ON support_item (person_id);

CREATE TABLE checklist_item (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  track      TEXT NOT NULL,
  code       TEXT NOT NULL,
  title      TEXT NOT NULL,
  state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'not-applicable')),
  done_on    TEXT,
  done_by    TEXT NOT NULL DEFAULT '',
  reason     TEXT NOT NULL DEFAULT '',
  UNIQUE (person_id, track, code),
  CHECK (state <> 'not-applicable' OR length(trim(reason)) > 0)
);

CREATE TABLE consent (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  recipient     TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
  purpose       TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
  given_on      TEXT NOT NULL,
  expires_on    TEXT,
  withdrawn_on  TEXT,
  notes         TEXT NOT NULL DEFAULT '',
  CHECK (expires_on IS NULL OR expires_on >= given_on),
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
);
CREATE INDEX consent_person ON consent (person_id);

CREATE TABLE referral (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  agency_id    INTEGER NOT NULL REFERENCES agency (id),
  purpose      TEXT NOT NULL,
  referred_on  TEXT NOT NULL,
  consent_id   INTEGER REFERENCES consent (id) ON DELETE SET NULL,
  override     TEXT NOT NULL DEFAULT '',
  CHECK (consent_id IS NOT NULL OR length(trim(override)) > 0)
);

CREATE TABLE risk_assessment (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  assessed_on  TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  threats      TEXT NOT NULL DEFAULT '',
  assessed_by  TEXT NOT NULL DEFAULT '',
  next_review  TEXT,
  CHECK (next_review IS NULL OR next_review >= assessed_on)
);
CREATE INDEX risk_assessment_person ON risk_assessment (person_id, assessed_on);

CREATE TABLE reflection_period (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  starts_on    TEXT NOT NULL,
  days         INTEGER NOT NULL CHECK (days > 0 AND days <= 3650),
  visa_status  TEXT NOT NULL DEFAULT 'none' CHECK (visa_status IN ('none', 'applied', 'granted', 'refused', 'expired'))
);

CREATE TABLE information_given (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  given_on   TEXT NOT NULL,
  topic      TEXT NOT NULL CHECK (length(trim(topic)) > 0),
  language   TEXT NOT NULL DEFAULT '',
  mode       TEXT NOT NULL DEFAULT 'oral' CHECK (mode IN ('oral', 'written', 'oral-and-written')),
  notes      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE benefit (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  given_on      TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (length(trim(kind)) > 0),
  amount_minor  INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency      TEXT NOT NULL DEFAULT 'EUR',
  reason        TEXT NOT NULL DEFAULT '',
  disclosable   INTEGER NOT NULL DEFAULT 1 CHECK (disclosable IN (0, 1))
);

CREATE TABLE compensation_claim (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  case_id        INTEGER REFERENCES court_case (id) ON DELETE SET NULL,
  head           TEXT NOT NULL,
  route          TEXT NOT NULL,
  claimed_minor  INTEGER NOT NULL DEFAULT 0 CHECK (claimed_minor >= 0),
  awarded_minor  INTEGER CHECK (awarded_minor IS NULL OR awarded_minor >= 0),
  currency       TEXT NOT NULL DEFAULT 'EUR',
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'filed', 'awarded', 'refused', 'paid'))
);

CREATE TABLE site (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  kind               TEXT NOT NULL CHECK (kind IN ('court-room', 'remote-suite', 'site-abroad')),
  zone               TEXT NOT NULL,
  opens_at           TEXT NOT NULL DEFAULT '09:00',
  closes_at          TEXT NOT NULL DEFAULT '17:00',
  working_days       INTEGER NOT NULL DEFAULT 31 CHECK (working_days BETWEEN 0 AND 127),
  contact            TEXT NOT NULL DEFAULT '',
  technical_contact  TEXT NOT NULL DEFAULT '',
  CHECK (closes_at > opens_at)
);

CREATE TABLE site_closure (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  starts_at  TEXT NOT NULL,
  ends_at    TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  CHECK (ends_at > starts_at)
);

CREATE TABLE hearing (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  site_id    INTEGER REFERENCES site (id) ON DELETE SET NULL,
  kind       TEXT NOT NULL DEFAULT 'trial' CHECK (kind IN ('preliminary', 'trial', 'sentencing', 'appeal', 'other')),
  starts_at  TEXT NOT NULL,
  ends_at    TEXT NOT NULL,
  zone       TEXT NOT NULL,
  notes      TEXT NOT NULL DEFAULT '',
  CHECK (ends_at > starts_at)
);
CREATE INDEX hearing_case ON hearing (case_id);
CREATE INDEX hearing_start ON hearing (starts_at);

CREATE TABLE measure (
  id                 INTEGER PRIMARY KEY,
  case_id            INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  person_id          INTEGER REFERENCES person (id) ON DELETE CASCADE,
  hearing_id         INTEGER REFERENCES hearing (id) ON DELETE CASCADE,
  type               TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'proposed'
                     CHECK (status IN ('proposed', 'applied-for', 'granted', 'refused', 'withdrawn', 'arranged')),
  requested_by       TEXT NOT NULL DEFAULT '',
  applied_on         TEXT,
  decided_by         TEXT NOT NULL DEFAULT '',
  decided_on         TEXT,
  legal_basis        TEXT NOT NULL DEFAULT '',
  refusal_reason     TEXT NOT NULL DEFAULT '',
  defence_position   TEXT NOT NULL DEFAULT '',
  booking_reference  TEXT NOT NULL DEFAULT '',
  notes              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX measure_case ON measure (case_id);
CREATE INDEX measure_person ON measure (person_id);

CREATE TABLE measure_history (
  id          INTEGER PRIMARY KEY,
  measure_id  INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  status      TEXT NOT NULL,
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);

-- Whom a witness must not see or meet; accused_id NULL means every accused.
CREATE TABLE screening (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  case_id     INTEGER NOT NULL REFERENCES court_case (id) ON DELETE CASCADE,
  accused_id  INTEGER REFERENCES accused (id) ON DELETE CASCADE,
  UNIQUE (person_id, case_id, accused_id)
);

CREATE TABLE interpreter (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  gender   TEXT NOT NULL DEFAULT 'unspecified'
           CHECK (gender IN ('unspecified', 'female', 'male', 'non-binary', 'self-described', 'prefer-not-to-say')),
  zone     TEXT NOT NULL DEFAULT 'UTC',
  contact  TEXT NOT NULL DEFAULT '',
  profile_id INTEGER REFERENCES user_profile (id) ON DELETE SET NULL
);

CREATE TABLE interpreter_language (
  interpreter_id  INTEGER NOT NULL REFERENCES interpreter (id) ON DELETE CASCADE,
  language        TEXT NOT NULL CHECK (length(trim(language)) > 0),
  dialect         TEXT NOT NULL DEFAULT '',
  modality        TEXT NOT NULL DEFAULT 'spoken' CHECK (modality IN ('spoken', 'sign')),
  accreditation   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (interpreter_id, language, dialect)
);

CREATE TABLE interpreter_unavailability (
  id              INTEGER PRIMARY KEY,
  interpreter_id  INTEGER NOT NULL REFERENCES interpreter (id) ON DELETE CASCADE,
  starts_at       TEXT NOT NULL,
  ends_at         TEXT NOT NULL,
  reason          TEXT NOT NULL DEFAULT '',
  CHECK (ends_at > starts_at)
);

CREATE TABLE interpreter_exclusion (
  id              INTEGER PRIMARY KEY,
  interpreter_id  INTEGER NOT NULL REFERENCES interpreter (id) ON DELETE CASCADE,
  case_id         INTEGER REFERENCES court_case (id) ON DELETE CASCADE,
  person_id       INTEGER REFERENCES person (id) ON DELETE CASCADE,
  reason          TEXT NOT NULL DEFAULT '',
  CHECK (case_id IS NOT NULL OR person_id IS NOT NULL)
);

CREATE TABLE session (
  id                 INTEGER PRIMARY KEY,
  uid                TEXT NOT NULL UNIQUE,
  sequence           INTEGER NOT NULL DEFAULT 0,
  hearing_id         INTEGER NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
  person_id          INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  court_site_id      INTEGER REFERENCES site (id) ON DELETE SET NULL,
  remote_site_id     INTEGER REFERENCES site (id) ON DELETE SET NULL,
  starts_at          TEXT NOT NULL,
  ends_at            TEXT NOT NULL,
  test_call_at       TEXT,
  platform_ref       TEXT NOT NULL DEFAULT '',
  link_address       TEXT NOT NULL DEFAULT '',
  link_pin           TEXT NOT NULL DEFAULT '',
  technical_contact  TEXT NOT NULL DEFAULT '',
  support_person     TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'confirmed', 'cancelled')),
  cancel_reason      TEXT NOT NULL DEFAULT '',
  CHECK (ends_at > starts_at),
  CHECK (status <> 'cancelled' OR length(trim(cancel_reason)) > 0)
);
CREATE INDEX session_start ON session (starts_at);
CREATE INDEX session_person ON session (person_id);

CREATE TABLE session_interpreter (
  session_id      INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  interpreter_id  INTEGER NOT NULL REFERENCES interpreter (id) ON DELETE CASCADE,
  language        TEXT NOT NULL,
  PRIMARY KEY (session_id, interpreter_id)
);

CREATE TABLE session_history (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL,
  change      TEXT NOT NULL
);

-- Append-only: the triggers below refuse to rewrite the record.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  role       TEXT NOT NULL,
  action     TEXT NOT NULL,
  pseudonym  TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;

-- What changed, by whom and when, for every edit made through the program.
CREATE TABLE change_history (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  subject     TEXT NOT NULL,
  subject_id  INTEGER NOT NULL,
  change      TEXT NOT NULL
);
CREATE INDEX change_history_subject ON change_history (subject, subject_id);
