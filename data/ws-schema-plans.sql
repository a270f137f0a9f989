-- SPDX-License-Identifier: GPL-3.0-or-later
-- Witness Support schema, version 3: support plans.
-- Versions 1 and 2 have shipped: they are never edited; everything new goes here.

-- The catalogue of needs and services (DOMAIN.md), shipped as data. Codes are
-- stable (support items and the exchange format name them); titles are the
-- English msgids that ws-plan.c lists for translation, so a test keeps the two
-- in step. An administrator adds their own rows with builtin = 0. A version-2
-- database filled by the demonstration already holds these codes (with the
-- category's label instead of its code): they become the shipped rows.
INSERT INTO need (code, category, title, builtin) VALUES
  ('basic.safety', 'basic', 'Safety and security of the witness and family', 1),
  ('basic.food-clothing', 'basic', 'Food and clothing', 1),
  ('basic.accommodation', 'basic', 'Safe accommodation (shelter or other placement, never locked)', 1),
  ('basic.shelter-security', 'basic', 'Security measures at the shelter', 1),
  ('health.urgent', 'health', 'Urgent medical care', 1),
  ('health.ongoing', 'health', 'Ongoing health care', 1),
  ('health.dental', 'health', 'Dental care', 1),
  ('health.sexual-reproductive', 'health', 'Sexual and reproductive health', 1),
  ('health.counselling', 'health', 'Psychological counselling and treatment', 1),
  ('health.child-psychosocial', 'health', 'Psycho-social support for children', 1),
  ('information.rights', 'information', 'Information on rights', 1),
  ('information.programme', 'information', 'Information on the assistance programme', 1),
  ('information.proceedings', 'information', 'Information on the proceedings and their timeline', 1),
  ('information.belongings', 'information', 'Information on seized belongings', 1),
  ('information.outcome', 'information', 'Outcome, sentence and release date', 1),
  ('information.consular', 'information', 'Consular access', 1),
  ('language.interpreter', 'language', 'Interpreter', 1),
  ('language.translation', 'language', 'Translated documents', 1),
  ('language.classes', 'language', 'Language classes', 1),
  ('legal.counsel', 'legal', 'Independent legal counsel', 1),
  ('legal.aid', 'legal', 'Legal aid', 1),
  ('legal.complaints', 'legal', 'Help with complaints and remedies', 1),
  ('legal.reflection-visa', 'legal', 'Reflection-period visa', 1),
  ('legal.residence', 'legal', 'Temporary or permanent residence', 1),
  ('legal.documents', 'legal', 'Replacement documents that do not identify the person as a victim', 1),
  ('legal.non-punishment', 'legal', 'Non-punishment representation', 1),
  ('legal.consular', 'legal', 'Consular assistance', 1),
  ('legal.asylum', 'legal', 'Asylum information', 1),
  ('justice.preparation', 'justice', 'Trial preparation', 1),
  ('justice.familiarisation', 'justice', 'Court familiarisation visit', 1),
  ('justice.accompaniment', 'justice', 'Court accompaniment', 1),
  ('justice.support-person', 'justice', 'Support person', 1),
  ('justice.impact-statement', 'justice', 'Victim impact statement support', 1),
  ('justice.allowances', 'justice', 'Court allowances (travel, food, lodging)', 1),
  ('justice.access', 'justice', 'Child care and disability access at court', 1),
  ('family.contact', 'family', 'Contact with family', 1),
  ('family.tracing', 'family', 'Family tracing (only if the family is not suspected and it is safe)', 1),
  ('family.reunion', 'family', 'Family reunion', 1),
  ('economic.education', 'economic', 'Education', 1),
  ('economic.training', 'economic', 'Vocational training', 1),
  ('economic.job', 'economic', 'Job placement', 1),
  ('economic.grant', 'economic', 'Livelihood grant', 1),
  ('economic.start-up', 'economic', 'Start-up capital', 1),
  ('children.age-assessment', 'children', 'Age assessment', 1),
  ('children.guardian', 'children', 'Guardian', 1),
  ('children.best-interests', 'children', 'Best-interest determination', 1),
  ('children.interim-care', 'children', 'Interim care', 1),
  ('children.child-care', 'children', 'Child care', 1),
  ('durable.return', 'durable', 'Voluntary return (pre-departure and post-return help)', 1),
  ('durable.integration', 'durable', 'Local integration', 1),
  ('durable.relocation', 'durable', 'Third-country relocation', 1),
  ('compensation.criminal-order', 'compensation', 'Compensation order in the criminal case', 1),
  ('compensation.civil-or-labour', 'compensation', 'Civil action or labour claim for unpaid wages', 1),
  ('compensation.state-scheme', 'compensation', 'State scheme or victims'' fund', 1)
ON CONFLICT (code) DO UPDATE SET category = excluded.category, title = excluded.title, builtin = 1;

-- The rules engine reads the whole unit at once; these keep each rule one
-- indexed pass on a large unit.
CREATE INDEX support_item_due ON support_item (due_on) WHERE status IN ('planned', 'in-progress');
CREATE INDEX consent_expiry ON consent (expires_on) WHERE withdrawn_on IS NULL;
CREATE INDEX referral_person ON referral (person_id, referred_on);
CREATE INDEX information_given_person ON information_given (person_id, given_on);
CREATE INDEX benefit_person ON benefit (person_id, given_on);
CREATE INDEX compensation_claim_person ON compensation_claim (person_id);
