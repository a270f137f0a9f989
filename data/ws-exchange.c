/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ws-access.h"
#include "ws-case.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-exchange.h"
#include "ws-identity-private.h"
#include "ws-person.h"
#include "ws-text.h"
#include "ws-time.h"

/* The whole database as one JSON document (see docs-exchange.md).
 *
 * Every table is described once, below, as a list of fields; one walker
 * exports any table, validates it and writes it, so the format cannot
 * drift between export and import. Records refer to each other by
 * natural keys (pseudonym, case reference, names), never by row ids, so
 * a file can be merged into another database.
 *
 * Import runs in four passes inside one transaction: collect the keys the
 * file defines (so a reference may point forward), validate everything in
 * document order (so the first problem reported is the first in the
 * file), write in dependency order, then write what had to wait for
 * later records (compensation claims name cases). */

G_DEFINE_QUARK (ws-exchange-error-quark, ws_exchange_error)

typedef enum {
  K_TEXT,      /* text; "" when absent unless F_REQUIRED */
  K_NAME,      /* required text that is not blank */
  K_DATE,      /* YYYY-MM-DD */
  K_INSTANT,   /* YYYY-MM-DDTHH:MM:SSZ */
  K_ZONE,      /* an IANA zone name */
  K_CLOCK,     /* HH:MM */
  K_CURRENCY,  /* three capital letters */
  K_ENUM,      /* one nick of field->nicks */
  K_FLAGS,     /* a list of vulnerability nicks, stored as bits */
  K_DAYS,      /* a list of weekday names, stored as bits */
  K_INT,
  K_BOOL,
  K_REF,       /* the natural key of another record */
  K_KEY,       /* the record's own key in the file; not stored */
} Kind;

enum {
  F_REQUIRED = 1 << 0,
  F_NULLABLE = 1 << 1,  /* SQL NULL when absent, left out when exported */
  F_UNIQUE   = 1 << 2,  /* names the record: defines field->ref */
  F_SCOPE    = 1 << 3,  /* its value scopes the keys of the record's parts */
};

enum {
  T_SCALAR     = 1 << 0,  /* a list of plain values, not of objects */
  T_SINGLE     = 1 << 1,  /* one object, not a list */
  T_DEFERRED   = 1 << 2,  /* written after every other record */
  T_CATALOGUE  = 1 << 3,  /* an identical record already present is fine */
};

typedef enum {
  MODE_COLLECT,
  MODE_VALIDATE,
  MODE_WRITE,
  MODE_WRITE_DEFERRED,
} Mode;

typedef struct {
  const char *what;      /* how messages call such a record */
  const char *name_sql;  /* SQL giving the natural key of the row whose id stands for %s */
  const char *id_sql;    /* SQL giving the id of key ?1 (in scope ?2); NULL: only in the file */
  gboolean    nocase;    /* keys compare like SQLite's NOCASE */
  gboolean    scoped;    /* keys are unique within the owning record only */
  gboolean    by_key;    /* the column holds the key itself, not an id */
} Ref;

typedef struct {
  const char         *member;
  const char         *column;      /* NULL: not stored */
  Kind                kind;
  guint               flags;
  const char         *text_default;
  gint64              int_default;
  gint64              min;
  gint64              max;         /* 0: no maximum */
  const char * const *nicks;
  const Ref          *ref;
  const char         *export_sql;  /* when the value is not simply the column */
} Field;

typedef struct {
  gboolean    present;  /* FALSE: SQL NULL, left out of the file */
  const char *text;
  gint64      number;
} Value;

typedef struct _Table Table;
typedef struct _Exchange Exchange;
typedef struct _Record Record;

typedef gboolean (*RecordFunc) (Exchange  *x,
                                Record    *rec,
                                GError   **error);
typedef void     (*ExportFunc) (Exchange    *x,
                                JsonBuilder *builder,
                                gint64       id);

struct _Table {
  const char          *member;
  const char          *table;
  const char          *owner_column;
  const char          *position_column;
  const char          *order_by;
  const char          *stamp_columns;
  const Field         *fields;
  guint                n_fields;
  const Table * const *children;
  guint                flags;
  const char * const  *unique;          /* member lists ("a,b") unique among siblings */
  RecordFunc           check;
  const char          *extra_member;    /* handled by the hooks below */
  RecordFunc           validate_hook;
  RecordFunc           write_hook;
  ExportFunc           export_hook;
};

struct _Record {
  const Table *table;
  JsonNode    *node;
  JsonObject  *object;     /* NULL for the values of a scalar list */
  char        *path;
  const char  *scope;      /* folded key of the owner, for scoped keys */
  char        *own_scope;
  gint64       owner_id;
  guint        position;
  gint64       id;
  Value       *values;
};

typedef struct {
  char     *path;      /* where the file first names it */
  gint64    id;        /* its row once written or found */
  gboolean  existing;  /* an identical record is already in the database */
} Entry;

struct _Exchange {
  WsDatabase *db;
  Mode        mode;
  GHashTable *index;       /* "what\x1fscope\x1fkey" → Entry */
  GHashTable *statements;  /* tag → sqlite3_stmt */
  GHashTable *identities;  /* export: person id → WsIdentity */
  GHashTable *zones;       /* zone names already found valid */
  char       *now;
  guint       n_persons;
  guint       n_cases;
};

/* ------------------------------------------------------------------ */
/* Enumerations, as in the CHECK constraints of ws-schema.sql */

static const char * const role_nicks[] = { "officer", "prosecutor", "interpreter", "administrator", NULL };
static const char * const gender_nicks[] = {
  "unspecified", "female", "male", "non-binary", "self-described", "prefer-not-to-say", NULL };
static const char * const interpreter_gender_nicks[] = { "any", "female", "male", NULL };
static const char * const age_status_nicks[] = { "adult", "presumed-child", "child", NULL };
static const char * const risk_level_nicks[] = { "unknown", "low", "medium", "high", NULL };
static const char * const assessed_level_nicks[] = { "low", "medium", "high", NULL };
static const char * const phase_nicks[] = { "initial", "investigation", "trial", "post-trial", "sustainable", NULL };
static const char * const person_status_nicks[] = { "active", "closed", NULL };
static const char * const stage_nicks[] = {
  "investigation", "pre-trial", "trial", "verdict", "appeal", "closed", NULL };
static const char * const exploitation_nicks[] = {
  "sexual", "labour", "domestic-servitude", "forced-begging", "forced-criminality",
  "forced-marriage", "organ-removal", "other", NULL };
static const char * const party_role_nicks[] = { "victim-witness", "witness", "victim", NULL };
static const char * const impact_nicks[] = { "not-offered", "offered", "declined", "made", NULL };
static const char * const consent_nicks[] = { "not-asked", "accepted", "declined", NULL };
static const char * const item_status_nicks[] = { "planned", "in-progress", "done", "cancelled", NULL };
static const char * const checklist_nicks[] = { "open", "done", "not-applicable", NULL };
static const char * const visa_nicks[] = { "none", "applied", "granted", "refused", "expired", NULL };
static const char * const mode_nicks[] = { "oral", "written", "oral-and-written", NULL };
static const char * const claim_nicks[] = { "planned", "filed", "awarded", "refused", "paid", NULL };
static const char * const site_kind_nicks[] = { "court-room", "remote-suite", "site-abroad", NULL };
static const char * const hearing_kind_nicks[] = { "preliminary", "trial", "sentencing", "appeal", "other", NULL };
static const char * const measure_nicks[] = {
  "proposed", "applied-for", "granted", "refused", "withdrawn", "arranged", NULL };
static const char * const modality_nicks[] = { "spoken", "sign", NULL };
static const char * const session_nicks[] = { "planned", "confirmed", "cancelled", NULL };
/* Bit 0 is Monday, so the default 31 is Monday to Friday. */
static const char * const day_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL };

/* ------------------------------------------------------------------ */
/* References between records */

/* A record's key in the file when it has no natural name: its date or
 * start, with " #2", " #3" … for later ones on the same instant. */
#define SEQUENCE_KEY_OF(table, scope, column, id) \
  "(SELECT k." column " || iif (count (p.rowid) > 0, ' #' || (count (p.rowid) + 1), '')" \
  " FROM " table " k LEFT JOIN " table " p ON p." scope " = k." scope " AND p." column " = k." column \
  " AND p.rowid < k.rowid WHERE k.rowid = " id ")"
#define SEQUENCE_KEY(table, scope, column) SEQUENCE_KEY_OF (table, scope, column, "%s")

static const Ref person_ref = {
  N_("witness"), "(SELECT pseudonym FROM person WHERE id = %s)",
  "SELECT id FROM person WHERE pseudonym = ?1", TRUE, FALSE, FALSE };
static const Ref case_ref = {
  N_("case"), "(SELECT reference FROM court_case WHERE id = %s)",
  "SELECT id FROM court_case WHERE reference = ?1", TRUE, FALSE, FALSE };
static const Ref agency_ref = {
  N_("agency"), "(SELECT name FROM agency WHERE id = %s)",
  "SELECT id FROM agency WHERE name = ?1", TRUE, FALSE, FALSE };
static const Ref site_ref = {
  N_("site"), "(SELECT name FROM site WHERE id = %s)",
  "SELECT id FROM site WHERE name = ?1", TRUE, FALSE, FALSE };
static const Ref profile_ref = {
  N_("user profile"), "(SELECT name FROM user_profile WHERE id = %s)",
  "SELECT id FROM user_profile WHERE name = ?1", TRUE, FALSE, FALSE };
static const Ref interpreter_ref = {
  N_("interpreter"), "(SELECT name FROM interpreter WHERE id = %s)",
  "SELECT id FROM interpreter WHERE name = ?1", TRUE, FALSE, FALSE };
static const Ref need_ref = {
  N_("need"), "%s", "SELECT rowid FROM need WHERE code = ?1", FALSE, FALSE, TRUE };
static const Ref session_ref = {
  N_("session"), "(SELECT uid FROM session WHERE id = %s)",
  "SELECT id FROM session WHERE uid = ?1", FALSE, FALSE, FALSE };
static const Ref accused_ref = {
  N_("accused"), "(SELECT label FROM accused WHERE id = %s)", NULL, FALSE, TRUE, FALSE };
static const Ref consent_ref = {
  N_("consent"), SEQUENCE_KEY ("consent", "person_id", "given_on"), NULL, FALSE, TRUE, FALSE };
static const Ref hearing_ref = {
  N_("hearing"), SEQUENCE_KEY ("hearing", "case_id", "starts_at"),
  "SELECT h.id FROM hearing h JOIN court_case c ON c.id = h.case_id WHERE c.reference = ?2"
  " AND " SEQUENCE_KEY_OF ("hearing", "case_id", "starts_at", "h.id") " = ?1", FALSE, TRUE, FALSE };

/* ------------------------------------------------------------------ */
/* The tables. Children are listed in the order they are written: a part
 * that names another part of the same owner comes after it. */

#define N(list) .fields = list, .n_fields = G_N_ELEMENTS (list)
#define TEXT(m) { .member = m, .column = m, .kind = K_TEXT }
#define STRING(m) { .member = m, .column = m, .kind = K_TEXT, .flags = F_REQUIRED }
#define NAME(m) { .member = m, .column = m, .kind = K_NAME, .flags = F_REQUIRED }
#define DATE(m) { .member = m, .column = m, .kind = K_DATE, .flags = F_NULLABLE }
#define DATE_REQ(m) { .member = m, .column = m, .kind = K_DATE, .flags = F_REQUIRED }
#define INSTANT(m) { .member = m, .column = m, .kind = K_INSTANT, .flags = F_NULLABLE }
#define INSTANT_REQ(m) { .member = m, .column = m, .kind = K_INSTANT, .flags = F_REQUIRED }
#define ENUM(m, n, d) { .member = m, .column = m, .kind = K_ENUM, .nicks = n, .text_default = d }
#define ENUM_REQ(m, n) { .member = m, .column = m, .kind = K_ENUM, .nicks = n, .flags = F_REQUIRED }
#define AMOUNT(m) { .member = m, .column = m, .kind = K_INT, .min = 0 }
#define REF(m, c, r) { .member = m, .column = c, .kind = K_REF, .ref = &r, .flags = F_NULLABLE }
#define REF_REQ(m, c, r) { .member = m, .column = c, .kind = K_REF, .ref = &r, .flags = F_REQUIRED }
#define KEY(r) { .member = "key", .kind = K_KEY, .ref = &r, .flags = F_UNIQUE }

static gboolean check_site (Exchange *x, Record *rec, GError **error);
static gboolean check_span (Exchange *x, Record *rec, GError **error);
static gboolean check_checklist (Exchange *x, Record *rec, GError **error);
static gboolean check_consent (Exchange *x, Record *rec, GError **error);
static gboolean check_referral (Exchange *x, Record *rec, GError **error);
static gboolean check_risk (Exchange *x, Record *rec, GError **error);
static gboolean check_exclusion (Exchange *x, Record *rec, GError **error);
static gboolean check_session (Exchange *x, Record *rec, GError **error);
static gboolean validate_person (Exchange *x, Record *rec, GError **error);
static gboolean write_person (Exchange *x, Record *rec, GError **error);
static void     export_person (Exchange *x, JsonBuilder *builder, gint64 id);
static gboolean validate_case (Exchange *x, Record *rec, GError **error);
static gboolean write_case (Exchange *x, Record *rec, GError **error);

/* profiles, agencies, needs */

static const Field profile_fields[] = {
  { .member = "name", .column = "name", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &profile_ref },
  ENUM_REQ ("role", role_nicks),
};
static const Table profiles_table = {
  .member = "profiles", .table = "user_profile", .order_by = "t.name COLLATE NOCASE",
  .stamp_columns = "created_at", N (profile_fields), .flags = T_CATALOGUE,
};

static const Field agency_fields[] = {
  { .member = "name", .column = "name", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &agency_ref },
  TEXT ("kind"),
  TEXT ("contact"),
};
static const Table agencies_table = {
  .member = "agencies", .table = "agency", .order_by = "t.name COLLATE NOCASE",
  N (agency_fields), .flags = T_CATALOGUE,
};

static const Field need_fields[] = {
  { .member = "code", .column = "code", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &need_ref },
  STRING ("category"),
  STRING ("title"),
  { .member = "builtin", .column = "builtin", .kind = K_BOOL },
};
static const Table needs_table = {
  .member = "needs", .table = "need", .order_by = "t.code", N (need_fields), .flags = T_CATALOGUE,
};

/* sites */

static const Field closure_fields[] = {
  INSTANT_REQ ("starts_at"),
  INSTANT_REQ ("ends_at"),
  TEXT ("reason"),
};
static const Table closures_table = {
  .member = "closures", .table = "site_closure", .owner_column = "site_id",
  .order_by = "t.starts_at, t.id", N (closure_fields), .check = check_span,
};
static const Table * const site_children[] = { &closures_table, NULL };

static const Field site_fields[] = {
  { .member = "name", .column = "name", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &site_ref },
  ENUM_REQ ("kind", site_kind_nicks),
  { .member = "zone", .column = "zone", .kind = K_ZONE, .flags = F_REQUIRED },
  { .member = "opens_at", .column = "opens_at", .kind = K_CLOCK, .text_default = "09:00" },
  { .member = "closes_at", .column = "closes_at", .kind = K_CLOCK, .text_default = "17:00" },
  { .member = "working_days", .column = "working_days", .kind = K_DAYS, .int_default = 31 },
  TEXT ("contact"),
  TEXT ("technical_contact"),
};
static const Table sites_table = {
  .member = "sites", .table = "site", .order_by = "t.name COLLATE NOCASE",
  N (site_fields), .children = site_children, .flags = T_CATALOGUE, .check = check_site,
};

/* interpreters */

static const Field interpreter_language_fields[] = {
  NAME ("language"),
  TEXT ("dialect"),
  ENUM ("modality", modality_nicks, "spoken"),
  TEXT ("accreditation"),
};
static const char * const interpreter_language_unique[] = { "language,dialect", NULL };
static const Table interpreter_languages_table = {
  .member = "languages", .table = "interpreter_language", .owner_column = "interpreter_id",
  .order_by = "t.rowid", N (interpreter_language_fields), .unique = interpreter_language_unique,
};

static const Field unavailability_fields[] = {
  INSTANT_REQ ("starts_at"),
  INSTANT_REQ ("ends_at"),
  TEXT ("reason"),
};
static const Table unavailability_table = {
  .member = "unavailability", .table = "interpreter_unavailability", .owner_column = "interpreter_id",
  .order_by = "t.starts_at, t.id", N (unavailability_fields), .check = check_span,
};

static const Field exclusion_fields[] = {
  REF ("case", "case_id", case_ref),
  REF ("person", "person_id", person_ref),
  TEXT ("reason"),
};
static const Table exclusions_table = {
  .member = "exclusions", .table = "interpreter_exclusion", .owner_column = "interpreter_id",
  .order_by = "t.id", N (exclusion_fields), .check = check_exclusion,
};
static const Table * const interpreter_children[] = {
  &interpreter_languages_table, &unavailability_table, &exclusions_table, NULL };

static const Field interpreter_fields[] = {
  { .member = "name", .column = "name", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &interpreter_ref },
  ENUM ("gender", gender_nicks, "unspecified"),
  { .member = "zone", .column = "zone", .kind = K_ZONE, .text_default = "UTC" },
  TEXT ("contact"),
  REF ("profile", "profile_id", profile_ref),
};
static const Table interpreters_table = {
  .member = "interpreters", .table = "interpreter", .order_by = "t.name COLLATE NOCASE",
  N (interpreter_fields), .children = interpreter_children, .flags = T_CATALOGUE,
};

/* persons */

static const Field person_language_fields[] = {
  NAME ("language"),
  TEXT ("dialect"),
};
static const Table person_languages_table = {
  .member = "languages", .table = "person_language", .owner_column = "person_id",
  .position_column = "position", .order_by = "t.position", N (person_language_fields),
};

static const Field phase_change_fields[] = {
  ENUM_REQ ("phase", phase_nicks),
  INSTANT_REQ ("began_at"),
  STRING ("moved_by"),
  TEXT ("note"),
};
static const Table phase_changes_table = {
  .member = "phase_changes", .table = "phase_change", .owner_column = "person_id",
  .order_by = "t.began_at, t.id", N (phase_change_fields),
};

static const Field support_item_fields[] = {
  REF_REQ ("need", "need_code", need_ref),
  ENUM_REQ ("phase", phase_nicks),
  DATE ("offered_on"),
  ENUM ("consent", consent_nicks, "not-asked"),
  REF ("agency", "agency_id", agency_ref),
  TEXT ("owner"),
  DATE ("due_on"),
  ENUM ("status", item_status_nicks, "planned"),
  TEXT ("notes"),
};
static const Table support_items_table = {
  .member = "support_items", .table = "support_item", .owner_column = "person_id",
  .order_by = "t.id", N (support_item_fields),
};

static const Field checklist_fields[] = {
  STRING ("track"),
  STRING ("code"),
  STRING ("title"),
  ENUM ("state", checklist_nicks, "open"),
  DATE ("done_on"),
  TEXT ("done_by"),
  TEXT ("reason"),
};
static const char * const checklist_unique[] = { "track,code", NULL };
static const Table checklist_table = {
  .member = "checklist", .table = "checklist_item", .owner_column = "person_id",
  .order_by = "t.track, t.code", N (checklist_fields), .unique = checklist_unique,
  .check = check_checklist,
};

static const Field consent_fields[] = {
  KEY (consent_ref),
  NAME ("recipient"),
  NAME ("purpose"),
  DATE_REQ ("given_on"),
  DATE ("expires_on"),
  DATE ("withdrawn_on"),
  TEXT ("notes"),
};
static const Table consents_table = {
  .member = "consents", .table = "consent", .owner_column = "person_id",
  .order_by = "t.given_on, t.id", N (consent_fields), .check = check_consent,
};

static const Field referral_fields[] = {
  REF_REQ ("agency", "agency_id", agency_ref),
  STRING ("purpose"),
  DATE_REQ ("referred_on"),
  REF ("consent", "consent_id", consent_ref),
  TEXT ("override"),
};
static const Table referrals_table = {
  .member = "referrals", .table = "referral", .owner_column = "person_id",
  .order_by = "t.referred_on, t.id", N (referral_fields), .check = check_referral,
};

static const Field risk_fields[] = {
  DATE_REQ ("assessed_on"),
  ENUM_REQ ("level", assessed_level_nicks),
  TEXT ("threats"),
  TEXT ("assessed_by"),
  DATE ("next_review"),
};
static const Table risks_table = {
  .member = "risk_assessments", .table = "risk_assessment", .owner_column = "person_id",
  .order_by = "t.assessed_on, t.id", N (risk_fields), .check = check_risk,
};

static const Field reflection_fields[] = {
  DATE_REQ ("starts_on"),
  { .member = "days", .column = "days", .kind = K_INT, .flags = F_REQUIRED, .min = 1, .max = 3650 },
  ENUM ("visa_status", visa_nicks, "none"),
};
static const Table reflections_table = {
  .member = "reflection_periods", .table = "reflection_period", .owner_column = "person_id",
  .order_by = "t.starts_on, t.id", N (reflection_fields),
};

static const Field information_fields[] = {
  DATE_REQ ("given_on"),
  NAME ("topic"),
  TEXT ("language"),
  ENUM ("mode", mode_nicks, "oral"),
  TEXT ("notes"),
};
static const Table information_table = {
  .member = "information_given", .table = "information_given", .owner_column = "person_id",
  .order_by = "t.given_on, t.id", N (information_fields),
};

static const Field benefit_fields[] = {
  DATE_REQ ("given_on"),
  NAME ("kind"),
  AMOUNT ("amount_minor"),
  { .member = "currency", .column = "currency", .kind = K_CURRENCY, .text_default = "EUR" },
  TEXT ("reason"),
  { .member = "disclosable", .column = "disclosable", .kind = K_BOOL, .int_default = 1 },
};
static const Table benefits_table = {
  .member = "benefits", .table = "benefit", .owner_column = "person_id",
  .order_by = "t.given_on, t.id", N (benefit_fields),
};

static const Field claim_fields[] = {
  REF ("case", "case_id", case_ref),
  STRING ("head"),
  STRING ("route"),
  AMOUNT ("claimed_minor"),
  { .member = "awarded_minor", .column = "awarded_minor", .kind = K_INT, .flags = F_NULLABLE },
  { .member = "currency", .column = "currency", .kind = K_CURRENCY, .text_default = "EUR" },
  ENUM ("status", claim_nicks, "planned"),
};
static const Table claims_table = {
  .member = "compensation_claims", .table = "compensation_claim", .owner_column = "person_id",
  .order_by = "t.id", N (claim_fields), .flags = T_DEFERRED,
};

static const Table * const person_children[] = {
  &person_languages_table, &phase_changes_table, &support_items_table, &checklist_table,
  &consents_table, &referrals_table, &risks_table, &reflections_table, &information_table,
  &benefits_table, &claims_table, NULL };

static const Field person_fields[] = {
  { .member = "pseudonym", .column = "pseudonym", .kind = K_NAME,
    .flags = F_REQUIRED | F_UNIQUE | F_SCOPE, .ref = &person_ref },
  ENUM ("gender", gender_nicks, "unspecified"),
  { .member = "gender_in_summary", .column = "gender_in_summary", .kind = K_BOOL },
  ENUM ("interpreter_gender", interpreter_gender_nicks, "any"),
  { .member = "vulnerability", .column = "vulnerability", .kind = K_FLAGS },
  ENUM ("age_status", age_status_nicks, "adult"),
  DATE ("age_assessed_on"),
  ENUM ("risk_level", risk_level_nicks, "unknown"),
  ENUM ("phase", phase_nicks, "initial"),
  ENUM ("status", person_status_nicks, "active"),
  DATE ("first_contact_on"),
  { .member = "zone", .column = "zone", .kind = K_ZONE, .text_default = "UTC" },
  TEXT ("notes"),
};
static const Table persons_table = {
  .member = "persons", .table = "person", .order_by = "t.pseudonym COLLATE NOCASE",
  .stamp_columns = "created_at, updated_at", N (person_fields), .children = person_children,
  .extra_member = "identity", .validate_hook = validate_person, .write_hook = write_person,
  .export_hook = export_person,
};

/* cases */

static const Field offence_fields[] = { NAME ("offence") };
static const Table offences_table = {
  .member = "offences", .table = "case_offence", .owner_column = "case_id",
  .position_column = "position", .order_by = "t.position", N (offence_fields), .flags = T_SCALAR,
};

static const Field exploitation_fields[] = { ENUM_REQ ("form", exploitation_nicks) };
static const char * const exploitation_unique[] = { "form", NULL };
static const Table exploitation_table = {
  .member = "exploitation", .table = "case_exploitation", .owner_column = "case_id",
  .order_by = "t.form", N (exploitation_fields), .flags = T_SCALAR, .unique = exploitation_unique,
};

static const Field accused_fields[] = {
  { .member = "label", .column = "label", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &accused_ref },
};
static const Table accused_table = {
  .member = "accused", .table = "accused", .owner_column = "case_id",
  .position_column = "position", .order_by = "t.position", N (accused_fields), .flags = T_SCALAR,
};

static const Field party_fields[] = {
  REF_REQ ("person", "person_id", person_ref),
  ENUM ("role", party_role_nicks, "victim-witness"),
  NAME ("label"),
  DATE ("outcome_told_on"),
  ENUM ("impact_statement", impact_nicks, "not-offered"),
};
static const char * const party_unique[] = { "person", "label", NULL };
static const Table parties_table = {
  .member = "parties", .table = "case_party", .owner_column = "case_id",
  .order_by = "t.label, t.id", N (party_fields), .unique = party_unique,
};

static const Field verdict_fields[] = {
  DATE_REQ ("given_on"),
  STRING ("outcome"),
  TEXT ("sentence"),
  { .member = "sentence_months", .column = "sentence_months", .kind = K_INT, .flags = F_NULLABLE },
  DATE ("release_on"),
  DATE ("appeal_by"),
};
static const Table verdict_table = {
  .member = "verdict", .table = "verdict", .owner_column = "case_id",
  .order_by = "t.rowid", N (verdict_fields), .flags = T_SINGLE,
};

static const Field hearing_fields[] = {
  KEY (hearing_ref),
  REF ("site", "site_id", site_ref),
  ENUM ("kind", hearing_kind_nicks, "trial"),
  INSTANT_REQ ("starts_at"),
  INSTANT_REQ ("ends_at"),
  { .member = "zone", .column = "zone", .kind = K_ZONE, .flags = F_REQUIRED },
  TEXT ("notes"),
};
static const Table hearings_table = {
  .member = "hearings", .table = "hearing", .owner_column = "case_id",
  .order_by = "t.starts_at, t.id", N (hearing_fields), .check = check_span,
};

static const Field measure_history_fields[] = {
  INSTANT_REQ ("changed_at"),
  NAME ("status"),
  STRING ("changed_by"),
  TEXT ("note"),
};
static const Table measure_history_table = {
  .member = "history", .table = "measure_history", .owner_column = "measure_id",
  .order_by = "t.changed_at, t.id", N (measure_history_fields),
};
static const Table * const measure_children[] = { &measure_history_table, NULL };

static const Field measure_fields[] = {
  REF ("person", "person_id", person_ref),
  REF ("hearing", "hearing_id", hearing_ref),
  STRING ("type"),
  ENUM ("status", measure_nicks, "proposed"),
  TEXT ("requested_by"),
  DATE ("applied_on"),
  TEXT ("decided_by"),
  DATE ("decided_on"),
  TEXT ("legal_basis"),
  TEXT ("refusal_reason"),
  TEXT ("defence_position"),
  TEXT ("booking_reference"),
  TEXT ("notes"),
  TEXT ("alternative"),
};
static const Table measures_table = {
  .member = "measures", .table = "measure", .owner_column = "case_id",
  .order_by = "t.id", N (measure_fields), .children = measure_children,
};

static const Field screening_fields[] = {
  REF_REQ ("person", "person_id", person_ref),
  REF ("accused", "accused_id", accused_ref),
};
static const char * const screening_unique[] = { "person,accused", NULL };
static const Table screenings_table = {
  .member = "screenings", .table = "screening", .owner_column = "case_id",
  .order_by = "t.id", N (screening_fields), .unique = screening_unique,
};

static const Table * const case_children[] = {
  &offences_table, &exploitation_table, &accused_table, &parties_table, &verdict_table,
  &hearings_table, &measures_table, &screenings_table, NULL };

static const Field case_fields[] = {
  { .member = "reference", .column = "reference", .kind = K_NAME,
    .flags = F_REQUIRED | F_UNIQUE | F_SCOPE, .ref = &case_ref },
  NAME ("court"),
  TEXT ("prosecutor"),
  ENUM ("stage", stage_nicks, "investigation"),
  DATE ("opened_on"),
  TEXT ("notes"),
};
static const Table cases_table = {
  .member = "cases", .table = "court_case", .order_by = "t.reference COLLATE NOCASE",
  .stamp_columns = "created_at, updated_at", N (case_fields), .children = case_children,
  .validate_hook = validate_case, .write_hook = write_case,
};

/* sessions */

static const Field session_interpreter_fields[] = {
  REF_REQ ("interpreter", "interpreter_id", interpreter_ref),
  STRING ("language"),
};
static const char * const session_interpreter_unique[] = { "interpreter", NULL };
static const Table session_interpreters_table = {
  .member = "interpreters", .table = "session_interpreter", .owner_column = "session_id",
  .order_by = "t.rowid", N (session_interpreter_fields), .unique = session_interpreter_unique,
};

static const Field session_history_fields[] = {
  INSTANT_REQ ("changed_at"),
  STRING ("changed_by"),
  STRING ("change"),
};
static const Table session_history_table = {
  .member = "history", .table = "session_history", .owner_column = "session_id",
  .order_by = "t.changed_at, t.id", N (session_history_fields),
};
static const Table * const session_children[] = { &session_interpreters_table, &session_history_table, NULL };

static const Field session_fields[] = {
  { .member = "uid", .column = "uid", .kind = K_NAME, .flags = F_REQUIRED | F_UNIQUE, .ref = &session_ref },
  { .member = "sequence", .column = "sequence", .kind = K_INT, .min = 0 },
  { .member = "case", .kind = K_REF, .flags = F_REQUIRED | F_SCOPE, .ref = &case_ref,
    .export_sql = "(SELECT c.reference FROM hearing h JOIN court_case c ON c.id = h.case_id WHERE h.id = t.hearing_id)" },
  REF_REQ ("hearing", "hearing_id", hearing_ref),
  REF_REQ ("person", "person_id", person_ref),
  REF ("court_site", "court_site_id", site_ref),
  REF ("remote_site", "remote_site_id", site_ref),
  INSTANT_REQ ("starts_at"),
  INSTANT_REQ ("ends_at"),
  INSTANT ("test_call_at"),
  TEXT ("platform_ref"),
  TEXT ("link_address"),
  TEXT ("link_pin"),
  TEXT ("technical_contact"),
  TEXT ("support_person"),
  ENUM ("status", session_nicks, "planned"),
  TEXT ("cancel_reason"),
};
static const Table sessions_table = {
  .member = "sessions", .table = "session", .order_by = "t.starts_at, t.uid",
  N (session_fields), .children = session_children, .check = check_session,
};

/* In the file's order … */
static const Table * const document_tables[] = {
  &profiles_table, &agencies_table, &needs_table, &sites_table, &interpreters_table,
  &persons_table, &cases_table, &sessions_table, NULL };

/* … and in the order records can be written: interpreters name cases and
 * persons (exclusions), sessions name nearly everything. */
static const Table * const write_tables[] = {
  &profiles_table, &agencies_table, &needs_table, &sites_table, &persons_table,
  &cases_table, &interpreters_table, &sessions_table, NULL };

/* ------------------------------------------------------------------ */
/* Small helpers */

static gboolean fail (GError     **error,
                      int          code,
                      const char  *where,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Every message says where in the document the problem is, so a person
 * fixing a file by hand can find it. */
static gboolean
fail (GError     **error,
      int          code,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where == NULL || *where == '\0')
    g_set_error_literal (error, WS_EXCHANGE_ERROR, code, message);
  else
    /* Translators: the first %s is a place in the file such as persons[3].pseudonym, the second what is wrong there */
    g_set_error (error, WS_EXCHANGE_ERROR, code, _("%s: %s"), where, message);
  return FALSE;
}

static char *
member_path (const char *path,
             const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  return g_strconcat (path, ".", member, NULL);
}

static const Field *
find_field (const Table *t,
            const char  *member,
            guint       *index)
{
  for (guint i = 0; i < t->n_fields; i++)
    if (g_strcmp0 (t->fields[i].member, member) == 0)
      {
        if (index != NULL)
          *index = i;
        return &t->fields[i];
      }
  return NULL;
}

static const Value *
record_value (Record     *rec,
              const char *member)
{
  guint i = 0;

  if (find_field (rec->table, member, &i) == NULL)
    g_assert_not_reached ();
  return &rec->values[i];
}

static const char *
record_text (Record     *rec,
             const char *member)
{
  const Value *v = record_value (rec, member);

  return v->present ? v->text : NULL;
}

static char *
fold_key (const Ref  *ref,
          const char *key)
{
  /* SQLite's NOCASE folds ASCII letters only; so do we. */
  return ref->nocase ? g_ascii_strdown (key, -1) : g_strdup (key);
}

static char *
index_key (const Ref  *ref,
           const char *scope,
           const char *key)
{
  g_autofree char *folded = fold_key (ref, key);

  return g_strdup_printf ("%s\x1f%s\x1f%s", ref->what,
                          ref->scoped && scope != NULL ? scope : "", folded);
}

static Entry *
find_entry (Exchange   *x,
            const Ref  *ref,
            const char *scope,
            const char *key)
{
  g_autofree char *k = index_key (ref, scope, key);

  return g_hash_table_lookup (x->index, k);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);
  g_free (entry);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
exchange_init (Exchange   *x,
               WsDatabase *db)
{
  memset (x, 0, sizeof *x);
  x->db = db;
  x->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  x->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  x->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x->now = ws_time_now_iso ();
}

/* Statements must all be finalized before the transaction ends, or
 * closing the database could not fold the WAL back into the file. */
static void
exchange_clear (Exchange *x)
{
  g_clear_pointer (&x->index, g_hash_table_unref);
  g_clear_pointer (&x->statements, g_hash_table_unref);
  g_clear_pointer (&x->identities, g_hash_table_unref);
  g_clear_pointer (&x->zones, g_hash_table_unref);
  g_clear_pointer (&x->now, g_free);
}

static sqlite3_stmt *
cached_statement (Exchange    *x,
                  const void  *owner,
                  const char  *purpose,
                  char      *(*build) (const void *owner,
                                       gboolean    variant),
                  gboolean     variant,
                  GError     **error)
{
  g_autofree char *tag = g_strdup_printf ("%s %p %d", purpose, owner, variant);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = g_hash_table_lookup (x->statements, tag);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  sql = build (owner, variant);
  stmt = _ws_database_prepare (x->db, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (x->statements, g_steal_pointer (&tag), stmt);
  return stmt;
}

static char *
build_lookup_sql (const void *owner,
                  gboolean    variant)
{
  return g_strdup (((const Ref *) owner)->id_sql);
}

/* Returns: the row id of @key in the database, 0 if there is none */
static gint64
lookup_id (Exchange   *x,
           const Ref  *ref,
           const char *key,
           const char *scope)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (ref->id_sql == NULL || (ref->scoped && scope == NULL))
    return 0;
  stmt = cached_statement (x, ref, "lookup", build_lookup_sql, FALSE, NULL);
  if (stmt == NULL)
    return 0;
  _ws_bind_text (stmt, 1, key);
  if (ref->scoped)
    _ws_bind_text (stmt, 2, scope);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return id;
}

static char *
join_nicks (const char * const *nicks)
{
  return g_strjoinv (", ", (char **) nicks);
}

static int
nick_index (const char * const *nicks,
            const char         *nick)
{
  for (int i = 0; nicks[i] != NULL; i++)
    if (strcmp (nicks[i], nick) == 0)
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Values: reading one member of the file */

static gboolean
is_clock (const char *text)
{
  return strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':' &&
         g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]) &&
         (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

static gboolean
is_currency (const char *text)
{
  return strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}

static gboolean
check_enum (const Field  *f,
            const char   *text,
            const char   *where,
            GError      **error)
{
  g_autofree char *allowed = NULL;

  if (nick_index (f->nicks, text) >= 0)
    return TRUE;
  allowed = join_nicks (f->nicks);
  /* Translators: the first %s is the value found, the second the list of allowed values */
  return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("“%s” is not one of: %s"), text, allowed);
}

/* Reading a zone costs a file read and expanding its rules, so each name
 * is looked up once per import. */
static gboolean
zone_is_valid (Exchange   *x,
               const char *zone)
{
  if (g_hash_table_contains (x->zones, zone))
    return TRUE;
  if (!ws_time_zone_is_valid (zone))
    return FALSE;
  g_hash_table_add (x->zones, g_strdup (zone));
  return TRUE;
}

static gboolean
check_text (Exchange     *x,
            const Field  *f,
            const char   *text,
            const char   *where,
            GError      **error)
{
  GDate date;
  g_autoptr(GDateTime) instant = NULL;

  switch (f->kind)
    {
    case K_NAME:
    case K_REF:
    case K_KEY:
      if (ws_text_is_blank (text))
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must not be empty"));
      return TRUE;
    case K_DATE:
      if (!ws_time_parse_date (text, &date))
        /* Translators: %s is the value found in the file */
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("%s is not a date (use YYYY-MM-DD)"), text);
      return TRUE;
    case K_INSTANT:
      instant = ws_time_parse_instant (text);
      if (instant == NULL)
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where,
                     /* Translators: %s is the value found in the file */
                     _("%s is not an instant (use YYYY-MM-DDTHH:MM:SSZ, in UTC)"), text);
      return TRUE;
    case K_ZONE:
      if (!zone_is_valid (x, text))
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where,
                     /* Translators: %s is the value found in the file */
                     _("%s is not a known time zone (e.g. Europe/Vienna)"), text);
      return TRUE;
    case K_CLOCK:
      if (!is_clock (text))
        /* Translators: %s is the value found in the file */
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("%s is not a time of day (use HH:MM)"), text);
      return TRUE;
    case K_CURRENCY:
      if (!is_currency (text))
        /* Translators: %s is the value found in the file */
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("%s is not a currency code (e.g. EUR)"), text);
      return TRUE;
    case K_ENUM:
      return check_enum (f, text, where, error);
    case K_TEXT:
    case K_FLAGS:
    case K_DAYS:
    case K_INT:
    case K_BOOL:
    default:
      return TRUE;
    }
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
parse_int (const Field  *f,
           JsonNode     *node,
           const char   *where,
           Value        *v,
           GError      **error)
{
  if (!holds_type (node, G_TYPE_INT64))
    return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must be a whole number"));
  v->number = json_node_get_int (node);
  if (v->number < f->min)
    return f->min == 0 ? fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must not be negative"))
                       : fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must be at least %d"), (int) f->min);
  if (f->max > 0 && v->number > f->max)
    return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must be at most %d"), (int) f->max);
  return TRUE;
}

static gboolean
flag_bit (const char *nick,
          gboolean    days,
          gint64     *bit)
{
  int index;

  if (days)
    {
      index = nick_index (day_names, nick);
      *bit = index >= 0 ? 1 << index : 0;
      return index >= 0;
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (WS_TYPE_VULNERABILITY);
      GFlagsValue *flag = g_flags_get_value_by_nick (klass, nick);

      *bit = flag != NULL ? flag->value : 0;
      return flag != NULL && flag->value != 0;
    }
}

static char *
allowed_flags (gboolean days)
{
  g_autoptr(GFlagsClass) klass = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) nicks = NULL;

  if (days)
    return join_nicks (day_names);
  klass = g_type_class_ref (WS_TYPE_VULNERABILITY);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0)
      g_strv_builder_add (builder, klass->values[i].value_nick);
  nicks = g_strv_builder_end (builder);
  return join_nicks ((const char * const *) nicks);
}

static gboolean
parse_flags (const Field  *f,
             JsonNode     *node,
             const char   *where,
             Value        *v,
             GError      **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must be a list"));
  array = json_node_get_array (node);
  v->number = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *item_where = g_strdup_printf ("%s[%u]", where, i);
      g_autofree char *allowed = NULL;
      gint64 bit = 0;

      if (!holds_type (item, G_TYPE_STRING))
        return fail (error, WS_EXCHANGE_ERROR_INVALID, item_where, _("must be a text"));
      if (flag_bit (json_node_get_string (item), f->kind == K_DAYS, &bit))
        {
          v->number |= bit;
          continue;
        }
      allowed = allowed_flags (f->kind == K_DAYS);
      return fail (error, WS_EXCHANGE_ERROR_INVALID, item_where, _("“%s” is not one of: %s"),
                   json_node_get_string (item), allowed);
    }
  return TRUE;
}

static gboolean
parse_default (const Field  *f,
               const char   *where,
               Value        *v,
               GError      **error)
{
  if (f->flags & F_REQUIRED)
    return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("is required"));
  v->present = !(f->flags & F_NULLABLE) && f->kind != K_KEY;
  v->text = f->text_default != NULL ? f->text_default : "";
  v->number = f->int_default;
  return TRUE;
}

/* Reads @node (NULL when the member is absent) as the value of @f. */
static gboolean
parse_present_value (Exchange     *x,
             const Field  *f,
             JsonNode     *node,
             const char   *where,
             Value        *v,
             GError      **error)
{
  memset (v, 0, sizeof *v);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return parse_default (f, where, v, error);

  v->present = TRUE;
  switch (f->kind)
    {
    case K_INT:
      return parse_int (f, node, where, v, error);
    case K_BOOL:
      if (!holds_type (node, G_TYPE_BOOLEAN))
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must be true or false"));
      v->number = json_node_get_boolean (node);
      return TRUE;
    case K_FLAGS:
    case K_DAYS:
      return parse_flags (f, node, where, v, error);
    default:
      if (!holds_type (node, G_TYPE_STRING))
        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("must be a text"));
      v->text = json_node_get_string (node);
      return check_text (x, f, v->text, where, error);
    }
}

/* As above; a value that does not parse counts as absent, so that no
 * pass that goes on after a problem (collecting keys, scopes) sees a
 * "present" value without its text. */
static gboolean
parse_value (Exchange     *x,
             const Field  *f,
             JsonNode     *node,
             const char   *where,
             Value        *v,
             GError      **error)
{
  if (parse_present_value (x, f, node, where, v, error))
    return TRUE;
  memset (v, 0, sizeof *v);
  return FALSE;
}

static gboolean
parse_record_values (Exchange  *x,
                     Record    *rec,
                     GError   **error)
{
  const Table *t = rec->table;

  for (guint i = 0; i < t->n_fields; i++)
    {
      const Field *f = &t->fields[i];
      g_autofree char *where = NULL;
      JsonNode *node;

      if (t->flags & T_SCALAR)
        {
          node = rec->node;
          where = g_strdup (rec->path);
        }
      else
        {
          node = json_object_get_member (rec->object, f->member);
          where = member_path (rec->path, f->member);
        }
      if (!parse_value (x, f, node, where, &rec->values[i], error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Rules across the fields of one record (the CHECK constraints) */

static gboolean
require_order (Record      *rec,
               const char  *later,
               const char  *earlier,
               gboolean     strict,
               GError     **error)
{
  const char *a = record_text (rec, later);
  const char *b = record_text (rec, earlier);
  g_autofree char *where = NULL;
  int cmp;

  if (a == NULL || b == NULL)
    return TRUE;
  cmp = strcmp (a, b);
  if (strict ? cmp > 0 : cmp >= 0)
    return TRUE;
  where = member_path (rec->path, later);
  if (strict)
    /* Translators: e.g. "2024-01-01T10:00:00Z must be after starts_at (2024-01-01T11:00:00Z)" */
    return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("%s must be after %s (%s)"), a, earlier, b);
  /* Translators: e.g. "2023-01-01 must not be before given_on (2024-01-01)" */
  return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("%s must not be before %s (%s)"), a, earlier, b);
}

static gboolean
require_text (Record      *rec,
              const char  *member,
              const char  *message,
              GError     **error)
{
  g_autofree char *where = NULL;

  if (!ws_text_is_blank (record_text (rec, member)))
    return TRUE;
  where = member_path (rec->path, member);
  return fail (error, WS_EXCHANGE_ERROR_INVALID, where, "%s", message);
}

static gboolean
check_span (Exchange  *x,
            Record    *rec,
            GError   **error)
{
  return require_order (rec, "ends_at", "starts_at", TRUE, error);
}

static gboolean
check_site (Exchange  *x,
            Record    *rec,
            GError   **error)
{
  return require_order (rec, "closes_at", "opens_at", TRUE, error);
}

static gboolean
check_checklist (Exchange  *x,
                 Record    *rec,
                 GError   **error)
{
  if (g_strcmp0 (record_text (rec, "state"), "not-applicable") != 0)
    return TRUE;
  return require_text (rec, "reason", _("a reason is required when an item does not apply"), error);
}

static gboolean
check_consent (Exchange  *x,
               Record    *rec,
               GError   **error)
{
  return require_order (rec, "expires_on", "given_on", FALSE, error) &&
         require_order (rec, "withdrawn_on", "given_on", FALSE, error);
}

static gboolean
check_referral (Exchange  *x,
                Record    *rec,
                GError   **error)
{
  if (record_text (rec, "consent") != NULL)
    return TRUE;
  return require_text (rec, "override",
                       _("a referral without a consent needs the reason it was made anyway"), error);
}

static gboolean
check_risk (Exchange  *x,
            Record    *rec,
            GError   **error)
{
  return require_order (rec, "next_review", "assessed_on", FALSE, error);
}

static gboolean
check_exclusion (Exchange  *x,
                 Record    *rec,
                 GError   **error)
{
  if (record_text (rec, "case") != NULL || record_text (rec, "person") != NULL)
    return TRUE;
  return fail (error, WS_EXCHANGE_ERROR_INVALID, rec->path, _("an exclusion needs a case or a witness"));
}

static gboolean
check_session (Exchange  *x,
               Record    *rec,
               GError   **error)
{
  if (!require_order (rec, "ends_at", "starts_at", TRUE, error))
    return FALSE;
  if (g_strcmp0 (record_text (rec, "status"), "cancelled") != 0)
    return TRUE;
  return require_text (rec, "cancel_reason", _("a cancelled session needs the reason"), error);
}

/* ------------------------------------------------------------------ */
/* Export */

/* Puts @id where the template says %s (not printf: the template is SQL). */
static char *
expand (const char *template,
        const char *id)
{
  const char *at = strstr (template, "%s");

  g_assert (at != NULL);
  return g_strdup_printf ("%.*s%s%s", (int) (at - template), template, id, at + 2);
}

static char *
field_expression (const Field *f)
{
  g_autofree char *column = NULL;

  if (f->export_sql != NULL)
    return g_strdup (f->export_sql);
  if (f->kind == K_KEY)
    return expand (f->ref->name_sql, "t.rowid");
  column = g_strconcat ("t.", f->column, NULL);
  if (f->kind == K_REF)
    return expand (f->ref->name_sql, column);
  return g_steal_pointer (&column);
}

/* @by_key: select one top-level record by its name rather than the parts
 * of one owner. */
static char *
build_select_sql (const void *owner,
                  gboolean    by_key)
{
  const Table *t = owner;
  g_autoptr(GString) sql = g_string_new ("SELECT t.rowid");

  for (guint i = 0; i < t->n_fields; i++)
    {
      g_autofree char *expression = field_expression (&t->fields[i]);

      g_string_append_printf (sql, ", %s", expression);
    }
  g_string_append_printf (sql, " FROM %s t", t->table);
  if (t->owner_column != NULL)
    g_string_append_printf (sql, " WHERE t.%s = ?1", t->owner_column);
  else if (by_key)
    for (guint i = 0; i < t->n_fields; i++)
      if (t->fields[i].flags & F_UNIQUE)
        g_string_append_printf (sql, " WHERE t.%s = ?1", t->fields[i].column);
  g_string_append_printf (sql, " ORDER BY %s, t.rowid", t->order_by);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
read_column (sqlite3_stmt *stmt,
             int           column,
             Value        *v)
{
  v->present = sqlite3_column_type (stmt, column) != SQLITE_NULL;
  v->text = (const char *) sqlite3_column_text (stmt, column);
  v->number = sqlite3_column_int64 (stmt, column);
}

static void
emit_flags (JsonBuilder *builder,
            const Field *f,
            gint64       bits)
{
  json_builder_begin_array (builder);
  if (f->kind == K_DAYS)
    {
      for (guint i = 0; day_names[i] != NULL; i++)
        if (bits & (1 << i))
          json_builder_add_string_value (builder, day_names[i]);
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (WS_TYPE_VULNERABILITY);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 && (bits & klass->values[i].value) == klass->values[i].value)
          json_builder_add_string_value (builder, klass->values[i].value_nick);
    }
  json_builder_end_array (builder);
}

/* Optional values are left out when absent, so a file shows only what
 * was recorded. */
static void
emit_value (JsonBuilder *builder,
            const Field *f,
            const Value *v,
            gboolean     named)
{
  if (!v->present)
    return;
  if (f->kind == K_TEXT && !(f->flags & F_REQUIRED) && (v->text == NULL || *v->text == '\0'))
    return;
  if (f->kind == K_FLAGS && v->number == 0)
    return;

  if (named)
    json_builder_set_member_name (builder, f->member);
  switch (f->kind)
    {
    case K_INT:
      json_builder_add_int_value (builder, v->number);
      break;
    case K_BOOL:
      json_builder_add_boolean_value (builder, v->number != 0);
      break;
    case K_FLAGS:
    case K_DAYS:
      emit_flags (builder, f, v->number);
      break;
    default:
      json_builder_add_string_value (builder, v->text != NULL ? v->text : "");
      break;
    }
}

static gboolean export_children (Exchange     *x,
                                 JsonBuilder  *builder,
                                 const Table  *t,
                                 gint64        id,
                                 GError      **error);

/* Emits the record on the current row of @stmt. */
static gboolean
export_row (Exchange      *x,
            JsonBuilder   *builder,
            const Table   *t,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (t->flags & T_SCALAR)
    {
      Value v;

      read_column (stmt, 1, &v);
      emit_value (builder, &t->fields[0], &v, FALSE);
      return TRUE;
    }

  json_builder_begin_object (builder);
  for (guint i = 0; i < t->n_fields; i++)
    {
      Value v;

      read_column (stmt, i + 1, &v);
      emit_value (builder, &t->fields[i], &v, TRUE);
    }
  if (t->export_hook != NULL)
    t->export_hook (x, builder, id);
  if (!export_children (x, builder, t, id, error))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
step_rows (Exchange      *x,
           sqlite3_stmt  *stmt,
           int           *rc,
           GError       **error)
{
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
    return TRUE;
  _ws_database_set_error (x->db, error, _("Reading the database"));
  return FALSE;
}

/* Emits the rows of @stmt as a list, or as one object for T_SINGLE.
 * Nothing at all is emitted when there are no rows and @always is FALSE. */
static gboolean
export_rows (Exchange      *x,
             JsonBuilder   *builder,
             const Table   *t,
             sqlite3_stmt  *stmt,
             gboolean       always,
             GError       **error)
{
  int rc;

  if (!step_rows (x, stmt, &rc, error))
    return FALSE;
  if (rc == SQLITE_DONE && !always)
    return TRUE;

  json_builder_set_member_name (builder, t->member);
  if (t->flags & T_SINGLE)
    return export_row (x, builder, t, stmt, error);

  json_builder_begin_array (builder);
  for (; rc == SQLITE_ROW; )
    if (!export_row (x, builder, t, stmt, error) || !step_rows (x, stmt, &rc, error))
      return FALSE;
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
export_children (Exchange     *x,
                 JsonBuilder  *builder,
                 const Table  *t,
                 gint64        id,
                 GError      **error)
{
  for (guint i = 0; t->children != NULL && t->children[i] != NULL; i++)
    {
      const Table *child = t->children[i];
      sqlite3_stmt *stmt = cached_statement (x, child, "select", build_select_sql, FALSE, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!export_rows (x, builder, child, stmt, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static void
export_person (Exchange    *x,
               JsonBuilder *builder,
               gint64       id)
{
  WsIdentity *identity;

  if (x->identities == NULL)
    return;
  identity = g_hash_table_lookup (x->identities, &id);
  if (identity == NULL || ws_identity_is_empty (identity))
    return;
  json_builder_set_member_name (builder, "identity");
  json_builder_add_value (builder, ws_identity_to_json (identity));
}

static gboolean
export_document (Exchange     *x,
                 JsonBuilder  *builder,
                 GError      **error)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, WS_EXCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, WS_EXCHANGE_VERSION);

  for (guint i = 0; document_tables[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = cached_statement (x, document_tables[i], "select", build_select_sql, FALSE, error);

      if (stmt == NULL || !export_rows (x, builder, document_tables[i], stmt, TRUE, error))
        return FALSE;
    }
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
audit_counts (Exchange    *x,
              const char  *action,
              guint        persons,
              guint        cases,
              GError     **error)
{
  g_autofree char *detail = g_strdup_printf ("%u people, %u cases", persons, cases);

  return _ws_database_audit (x->db, action, NULL, detail, error);
}

static gboolean
audit_export (Exchange  *x,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint persons, cases;

  stmt = _ws_database_prepare (x->db, "SELECT (SELECT count (*) FROM person), (SELECT count (*) FROM court_case)", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        _ws_database_set_error (x->db, error, _("Reading the database"));
      return FALSE;
    }
  persons = sqlite3_column_int (stmt, 0);
  cases = sqlite3_column_int (stmt, 1);
  return audit_counts (x, "export", persons, cases, error);
}

static char *
generate (JsonNode *root,
          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* A final newline, as text files have. */
  return g_strconcat (text, "\n", NULL);
}

/**
 * ws_exchange_export_to_data:
 * @length: (out) (optional): the length of the document
 *
 * Writes the whole database, identity included, as one exchange
 * document. The same database always gives the same bytes. Only roles
 * that may read identity may export; the export and the identity read
 * are recorded in the audit trail.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
char *
ws_exchange_export_to_data (WsDatabase  *db,
                            gsize       *length,
                            GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  Exchange x;
  gboolean ok;
  char *text;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_BACKUP, error))
    return NULL;

  if (!_ws_database_begin (db, error))
    return NULL;
  exchange_init (&x, db);
  x.identities = _ws_identity_load_all (db, "export", error);
  ok = x.identities != NULL && export_document (&x, builder, error) && audit_export (&x, error);
  exchange_clear (&x);
  if (!ok)
    {
      _ws_database_rollback (db);
      return NULL;
    }
  if (!_ws_database_commit (db, error))
    return NULL;

  root = json_builder_get_root (builder);
  text = generate (root, NULL);
  if (length != NULL)
    *length = strlen (text);
  return text;
}

/**
 * ws_exchange_export_to_file:
 *
 * Exports to @path, replacing it atomically. The file is readable by its
 * owner only, as it holds identifying details.
 */
gboolean
ws_exchange_export_to_file (WsDatabase  *db,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = ws_exchange_export_to_data (db, &length, error);
  if (data == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      /* The identity was read; the trail says the file never came to be. */
      if (!ws_database_audit_event (db, "export-failed", NULL, "the file could not be written", NULL))
        g_debug ("Could not record the failed export");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Import: walking the file */

static gboolean walk_member (Exchange     *x,
                             const Table  *t,
                             JsonObject   *parent,
                             const char   *parent_path,
                             const char   *scope,
                             gint64        owner_id,
                             GError      **error);

static void
record_clear (Record *rec)
{
  g_clear_pointer (&rec->path, g_free);
  g_clear_pointer (&rec->own_scope, g_free);
  g_clear_pointer (&rec->values, g_free);
}

static const Field *
unique_field (const Table *t,
              guint       *index)
{
  for (guint i = 0; i < t->n_fields; i++)
    if (t->fields[i].flags & F_UNIQUE)
      {
        *index = i;
        return &t->fields[i];
      }
  return NULL;
}

/* The scope of a record's parts: its own key (persons, cases) or the
 * case it names (sessions). */
static void
settle_scope (Record *rec)
{
  const Table *t = rec->table;

  for (guint i = 0; i < t->n_fields; i++)
    if ((t->fields[i].flags & F_SCOPE) && rec->values[i].present)
      {
        rec->own_scope = fold_key (t->fields[i].ref, rec->values[i].text);
        rec->scope = rec->own_scope;
      }
}

static gboolean
is_known_member (const Table *t,
                 const char  *member)
{
  if (find_field (t, member, NULL) != NULL || g_strcmp0 (t->extra_member, member) == 0)
    return TRUE;
  for (guint i = 0; t->children != NULL && t->children[i] != NULL; i++)
    if (strcmp (t->children[i]->member, member) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_members (Record  *rec,
               GError **error)
{
  g_autoptr(GList) members = json_object_get_members (rec->object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_known_member (rec->table, l->data))
      {
        g_autofree char *where = member_path (rec->path, l->data);

        return fail (error, WS_EXCHANGE_ERROR_INVALID, where, _("is not part of the format"));
      }
  return TRUE;
}

static gboolean
check_refs (Exchange  *x,
            Record    *rec,
            GError   **error)
{
  const Table *t = rec->table;

  for (guint i = 0; i < t->n_fields; i++)
    {
      const Field *f = &t->fields[i];
      const Value *v = &rec->values[i];
      g_autofree char *where = NULL;

      if (f->kind != K_REF || !v->present)
        continue;
      if (find_entry (x, f->ref, rec->scope, v->text) != NULL || lookup_id (x, f->ref, v->text, rec->scope) > 0)
        continue;
      where = (t->flags & T_SCALAR) ? g_strdup (rec->path) : member_path (rec->path, f->member);
      return fail (error, WS_EXCHANGE_ERROR_INVALID, where,
                   /* Translators: the first %s is a kind of record such as “site”, the second its name */
                   _("there is no %s “%s” in the file or the database"), _(f->ref->what), v->text);
    }
  return TRUE;
}

static char *
sibling_key (Record     *rec,
             const char *members)
{
  g_auto(GStrv) names = g_strsplit (members, ",", -1);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint index = 0;
      const Field *f = find_field (rec->table, names[i], &index);
      const Value *v = &rec->values[index];
      g_autofree char *part = NULL;

      part = !v->present ? g_strdup ("")
           : f->ref != NULL ? fold_key (f->ref, v->text) : g_strdup (v->text);
      g_string_append_printf (key, "%s\x1f%s\x1f", members, part);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Parts that the database keeps unique within their owner, such as a
 * label within a case. */
static gboolean
check_siblings (Record      *rec,
                GHashTable  *siblings,
                GError     **error)
{
  for (guint i = 0; rec->table->unique != NULL && rec->table->unique[i] != NULL; i++)
    {
      const char *members = rec->table->unique[i];
      g_autofree char *key = sibling_key (rec, members);
      g_auto(GStrv) names = g_strsplit (members, ",", 2);
      const char *first = g_hash_table_lookup (siblings, key);
      g_autofree char *where = NULL;
      const char *shown;

      if (first == NULL)
        {
          g_hash_table_insert (siblings, g_steal_pointer (&key), g_strdup (rec->path));
          continue;
        }
      where = (rec->table->flags & T_SCALAR) ? g_strdup (rec->path) : member_path (rec->path, names[0]);
      shown = record_text (rec, names[0]);
      return fail (error, WS_EXCHANGE_ERROR_CONFLICT, where,
                   /* Translators: the first %s is a value, the second a place in the file */
                   _("“%s” appears twice (see %s)"), shown != NULL ? shown : "", first);
    }
  return TRUE;
}

static void canonical_record (Exchange     *x,
                              JsonBuilder  *builder,
                              const Table  *t,
                              JsonNode     *node);

static void
canonical_children (Exchange    *x,
                    JsonBuilder *builder,
                    const Table *t,
                    JsonObject  *object)
{
  for (guint i = 0; t->children != NULL && t->children[i] != NULL; i++)
    {
      const Table *child = t->children[i];
      JsonNode *node = json_object_get_member (object, child->member);
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      if (json_array_get_length (array) == 0)
        continue;
      json_builder_set_member_name (builder, child->member);
      json_builder_begin_array (builder);
      for (guint j = 0; j < json_array_get_length (array); j++)
        canonical_record (x, builder, child, json_array_get_element (array, j));
      json_builder_end_array (builder);
    }
}

/* A validated record of the file, written the way export writes it, so it
 * can be compared with what the database holds. */
static void
canonical_record (Exchange     *x,
                  JsonBuilder  *builder,
                  const Table  *t,
                  JsonNode     *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (!(t->flags & T_SCALAR))
    json_builder_begin_object (builder);
  for (guint i = 0; i < t->n_fields; i++)
    {
      const Field *f = &t->fields[i];
      JsonNode *member = (t->flags & T_SCALAR) ? node
                       : object != NULL ? json_object_get_member (object, f->member) : NULL;
      Value v;

      if (parse_value (x, f, member, NULL, &v, NULL))
        emit_value (builder, f, &v, !(t->flags & T_SCALAR));
    }
  if (object != NULL)
    canonical_children (x, builder, t, object);
  if (!(t->flags & T_SCALAR))
    json_builder_end_object (builder);
}

static gboolean
is_shipped_need (Exchange *x,
                 gint64    rowid)
{
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (x->db, "SELECT builtin FROM need WHERE rowid = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
}

static gboolean
same_as_database (Exchange    *x,
                  Record      *rec,
                  const char  *key,
                  gboolean    *same,
                  GError     **error)
{
  g_autoptr(JsonBuilder) stored = json_builder_new ();
  g_autoptr(JsonBuilder) given = json_builder_new ();
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  sqlite3_stmt *stmt = cached_statement (x, rec->table, "select", build_select_sql, TRUE, error);

  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, key);
  json_builder_begin_object (stored);
  if (!export_rows (x, stored, rec->table, stmt, TRUE, error))
    return FALSE;
  json_builder_end_object (stored);

  json_builder_begin_object (given);
  json_builder_set_member_name (given, rec->table->member);
  json_builder_begin_array (given);
  canonical_record (x, given, rec->table, rec->node);
  json_builder_end_array (given);
  json_builder_end_object (given);

  a = json_builder_get_root (stored);
  b = json_builder_get_root (given);
  *same = json_node_equal (a, b);
  return TRUE;
}

/* A name already in the database: a catalogue record (site, agency,
 * need …) that is exactly the same is fine and reused; anything else
 * clashes. */
static gboolean
check_against_database (Exchange     *x,
                        Record       *rec,
                        const Field  *f,
                        const Value  *v,
                        Entry        *entry,
                        GError      **error)
{
  g_autofree char *where = member_path (rec->path, f->member);
  gint64 id = lookup_id (x, f->ref, v->text, NULL);
  gboolean same = FALSE;

  if (id == 0)
    return TRUE;
  if (!(rec->table->flags & T_CATALOGUE))
    return fail (error, WS_EXCHANGE_ERROR_CONFLICT, where,
                 /* Translators: the first %s is a kind of record such as “witness”, the second its name */
                 _("the database already has a %s “%s”"), _(f->ref->what), v->text);
  if (!same_as_database (x, rec, v->text, &same, error))
    return FALSE;
  /* The shipped needs are the program's: a file from an older version
   * that wrote them differently takes this version's. */
  if (!same && g_str_equal (rec->table->table, "need") && is_shipped_need (x, id))
    same = TRUE;
  if (!same)
    return fail (error, WS_EXCHANGE_ERROR_CONFLICT, where,
                 /* Translators: the first %s is a kind of record such as “site”, the second its name */
                 _("the database already has a %s “%s” with different details"), _(f->ref->what), v->text);
  entry->existing = TRUE;
  entry->id = id;
  return TRUE;
}

static gboolean
check_own_key (Exchange  *x,
               Record    *rec,
               GError   **error)
{
  guint index = 0;
  const Field *f = unique_field (rec->table, &index);
  const Value *v;
  g_autofree char *where = NULL;
  Entry *entry;

  if (f == NULL || !rec->values[index].present)
    return TRUE;
  v = &rec->values[index];
  entry = find_entry (x, f->ref, rec->scope, v->text);
  g_assert (entry != NULL);
  if (strcmp (entry->path, rec->path) != 0)
    {
      where = (rec->table->flags & T_SCALAR) ? g_strdup (rec->path) : member_path (rec->path, f->member);
      return fail (error, WS_EXCHANGE_ERROR_CONFLICT, where,
                   /* Translators: the first %s is a name, the second a place in the file */
                   _("“%s” is already used at %s"), v->text, entry->path);
    }
  if (f->ref->scoped)
    return TRUE;
  return check_against_database (x, rec, f, v, entry, error);
}

/* Pass 1: note every key the file defines, so that references may point
 * to records further on. Problems are left for pass 2 to report in order. */
static void
collect_record (Exchange *x,
                Record   *rec)
{
  guint index = 0;
  const Field *f = unique_field (rec->table, &index);
  JsonNode *node;
  Value v;
  g_autofree char *key = NULL;

  if (f == NULL)
    return;
  node = (rec->table->flags & T_SCALAR) ? rec->node
       : rec->object != NULL ? json_object_get_member (rec->object, f->member) : NULL;
  if (node == NULL || !parse_value (x, f, node, NULL, &v, NULL) || !v.present)
    return;
  key = index_key (f->ref, rec->scope, v.text);
  if (!g_hash_table_contains (x->index, key))
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->path = g_strdup (rec->path);
      g_hash_table_insert (x->index, g_steal_pointer (&key), entry);
    }
}

static gboolean
validate_record (Exchange    *x,
                 Record      *rec,
                 GHashTable  *siblings,
                 GError     **error)
{
  const Table *t = rec->table;

  if (!(t->flags & T_SCALAR) && !check_members (rec, error))
    return FALSE;
  if (!parse_record_values (x, rec, error))
    return FALSE;
  settle_scope (rec);
  return (t->check == NULL || t->check (x, rec, error)) &&
         check_refs (x, rec, error) &&
         check_siblings (rec, siblings, error) &&
         check_own_key (x, rec, error) &&
         (t->validate_hook == NULL || t->validate_hook (x, rec, error));
}

/* ------------------------------------------------------------------ */
/* Import: writing */

static char *
build_insert_sql (const void *owner,
                  gboolean    variant)
{
  const Table *t = owner;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  guint n = 0;

  /* The same order as insert_record() binds. */
  if (t->owner_column != NULL)
    g_string_append_printf (columns, ", %s", t->owner_column);
  if (t->position_column != NULL)
    g_string_append_printf (columns, ", %s", t->position_column);
  for (guint i = 0; i < t->n_fields; i++)
    if (t->fields[i].column != NULL)
      g_string_append_printf (columns, ", %s", t->fields[i].column);
  for (const char *c = columns->str; *c != '\0'; c++)
    if (*c == ',')
      g_string_append_printf (values, ", ?%u", ++n);
  if (t->stamp_columns != NULL)
    {
      g_auto(GStrv) stamps = g_strsplit (t->stamp_columns, ", ", -1);

      /* Every stamp is the one instant of the import. */
      for (guint i = 0; stamps[i] != NULL; i++)
        {
          g_string_append_printf (columns, ", %s", stamps[i]);
          g_string_append_printf (values, ", ?%u", n + 1);
        }
    }
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", t->table, columns->str + 2, values->str + 2);
}

static gint64
resolve (Exchange   *x,
         const Ref  *ref,
         const char *scope,
         const char *key)
{
  Entry *entry = find_entry (x, ref, scope, key);

  if (entry != NULL && entry->id > 0)
    return entry->id;
  return lookup_id (x, ref, key, scope);
}

static void
bind_field (Exchange     *x,
            Record       *rec,
            sqlite3_stmt *stmt,
            int           column,
            const Field  *f,
            const Value  *v)
{
  if (!v->present)
    sqlite3_bind_null (stmt, column);
  else if (f->kind == K_REF && f->ref->by_key)
    _ws_bind_text (stmt, column, v->text);
  else if (f->kind == K_REF)
    sqlite3_bind_int64 (stmt, column, resolve (x, f->ref, rec->scope, v->text));
  else if (f->kind == K_INT || f->kind == K_BOOL || f->kind == K_FLAGS || f->kind == K_DAYS)
    sqlite3_bind_int64 (stmt, column, v->number);
  else
    _ws_bind_text (stmt, column, v->text);
}

static gboolean
insert_record (Exchange  *x,
               Record    *rec,
               GError   **error)
{
  const Table *t = rec->table;
  sqlite3_stmt *stmt = cached_statement (x, t, "insert", build_insert_sql, FALSE, error);
  int column = 1;

  if (stmt == NULL)
    return FALSE;
  if (t->owner_column != NULL)
    sqlite3_bind_int64 (stmt, column++, rec->owner_id);
  if (t->position_column != NULL)
    sqlite3_bind_int (stmt, column++, rec->position);
  for (guint i = 0; i < t->n_fields; i++)
    if (t->fields[i].column != NULL)
      bind_field (x, rec, stmt, column++, &t->fields[i], &rec->values[i]);
  if (t->stamp_columns != NULL)
    _ws_bind_text (stmt, column, x->now);
  if (!_ws_database_step_done (x->db, stmt, error))
    return FALSE;
  rec->id = _ws_database_last_insert_id (x->db);
  return TRUE;
}

static Entry *
own_entry (Exchange *x,
           Record   *rec)
{
  guint index = 0;
  const Field *f = unique_field (rec->table, &index);

  if (f == NULL || !rec->values[index].present)
    return NULL;
  return find_entry (x, f->ref, rec->scope, rec->values[index].text);
}

static gboolean
write_children (Exchange  *x,
                Record    *rec,
                gboolean   deferred,
                GError   **error)
{
  const Table *t = rec->table;
  Mode saved = x->mode;
  gboolean ok = TRUE;

  for (guint i = 0; ok && t->children != NULL && t->children[i] != NULL; i++)
    {
      const Table *child = t->children[i];

      if (!!(child->flags & T_DEFERRED) != deferred)
        continue;
      x->mode = MODE_WRITE;
      ok = walk_member (x, child, rec->object, rec->path, rec->scope, rec->id, error);
      x->mode = saved;
    }
  return ok;
}

static gboolean
write_record (Exchange  *x,
              Record    *rec,
              GError   **error)
{
  Entry *entry;

  if (!parse_record_values (x, rec, error))
    return FALSE;
  settle_scope (rec);
  entry = own_entry (x, rec);

  if (x->mode == MODE_WRITE_DEFERRED)
    {
      rec->id = entry != NULL ? entry->id : 0;
      return rec->id == 0 || rec->object == NULL || write_children (x, rec, TRUE, error);
    }
  if (entry != NULL && entry->existing)
    return TRUE;
  if (!insert_record (x, rec, error))
    return FALSE;
  if (entry != NULL)
    entry->id = rec->id;
  if (rec->table->write_hook != NULL && !rec->table->write_hook (x, rec, error))
    return FALSE;
  return rec->object == NULL || write_children (x, rec, FALSE, error);
}

/* ------------------------------------------------------------------ */
/* Import: one record, one member */

static gboolean
walk_record (Exchange    *x,
             Record      *rec,
             GHashTable  *siblings,
             GError     **error)
{
  const Table *t = rec->table;

  rec->object = JSON_NODE_HOLDS_OBJECT (rec->node) ? json_node_get_object (rec->node) : NULL;
  if (!(t->flags & T_SCALAR) && rec->object == NULL)
    {
      if (x->mode == MODE_COLLECT)
        return TRUE;
      return fail (error, WS_EXCHANGE_ERROR_INVALID, rec->path, _("must be an object"));
    }
  rec->values = g_new0 (Value, t->n_fields);

  switch (x->mode)
    {
    case MODE_COLLECT:
      collect_record (x, rec);
      if (rec->object != NULL)
        {
          /* Only the scope matters here; a bad value is reported later. */
          for (guint i = 0; i < t->n_fields; i++)
            if (t->fields[i].flags & F_SCOPE)
              parse_value (x, &t->fields[i], json_object_get_member (rec->object, t->fields[i].member),
                           NULL, &rec->values[i], NULL);
          settle_scope (rec);
        }
      break;
    case MODE_VALIDATE:
      if (!validate_record (x, rec, siblings, error))
        return FALSE;
      break;
    case MODE_WRITE:
    case MODE_WRITE_DEFERRED:
    default:
      return write_record (x, rec, error);
    }

  for (guint i = 0; rec->object != NULL && t->children != NULL && t->children[i] != NULL; i++)
    if (!walk_member (x, t->children[i], rec->object, rec->path, rec->scope, 0, error))
      return FALSE;
  return TRUE;
}

static gboolean
walk_element (Exchange     *x,
              const Table  *t,
              JsonNode     *node,
              char         *path,
              const char   *scope,
              gint64        owner_id,
              guint         position,
              GHashTable   *siblings,
              GError      **error)
{
  Record rec = { 0 };
  gboolean ok;

  rec.table = t;
  rec.node = node;
  rec.path = path;
  rec.scope = scope;
  rec.owner_id = owner_id;
  rec.position = position;
  ok = walk_record (x, &rec, siblings, error);
  record_clear (&rec);
  return ok;
}

static gboolean
walk_member (Exchange     *x,
             const Table  *t,
             JsonObject   *parent,
             const char   *parent_path,
             const char   *scope,
             gint64        owner_id,
             GError      **error)
{
  JsonNode *node = json_object_get_member (parent, t->member);
  g_autofree char *path = member_path (parent_path, t->member);
  g_autoptr(GHashTable) siblings = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (t->flags & T_SINGLE)
    {
      if (JSON_NODE_HOLDS_OBJECT (node) || x->mode != MODE_VALIDATE)
        return walk_element (x, t, node, g_steal_pointer (&path), scope, owner_id, 0, NULL, error);
      return fail (error, WS_EXCHANGE_ERROR_INVALID, path, _("must be an object"));
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return x->mode != MODE_VALIDATE || fail (error, WS_EXCHANGE_ERROR_INVALID, path, _("must be a list"));

  siblings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!walk_element (x, t, json_array_get_element (array, i), g_strdup_printf ("%s[%u]", path, i),
                       scope, owner_id, i, siblings, error))
      return FALSE;
  return TRUE;
}

static gboolean
run_pass (Exchange            *x,
          Mode                 mode,
          const Table * const *tables,
          JsonObject          *root,
          GError             **error)
{
  x->mode = mode;
  for (guint i = 0; tables[i] != NULL; i++)
    if (!walk_member (x, tables[i], root, NULL, NULL, 0, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Persons and cases: the rules their own modules know */

static gboolean
fail_with_problems (GPtrArray   *problems,
                    const char  *path,
                    const char  *prefix,
                    GError     **error)
{
  WsProblem *first;
  g_autofree char *where = NULL;

  if (problems->len == 0)
    return TRUE;
  first = g_ptr_array_index (problems, 0);
  if (first->field == NULL || *first->field == '\0')
    where = prefix != NULL ? member_path (path, prefix) : g_strdup (path);
  else
    {
      g_autofree char *field = prefix != NULL ? g_strconcat (prefix, ".", first->field, NULL)
                                              : g_strdup (first->field);
      where = member_path (path, field);
    }
  return fail (error, WS_EXCHANGE_ERROR_INVALID, where, "%s", first->message);
}

static gboolean
validate_identity (Exchange  *x,
                   Record    *rec,
                   GError   **error)
{
  JsonNode *node = json_object_get_member (rec->object, "identity");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsIdentity) identity = NULL;
  g_autofree char *where = NULL;

  if (node == NULL)
    return TRUE;
  if (!_ws_identity_check_role (x->db, error))
    {
      where = member_path (rec->path, "identity");
      /* Translators: %s is a place in the file such as persons[3].identity */
      g_prefix_error (error, _("%s: "), where);
      return FALSE;
    }
  identity = ws_identity_from_json (node, problems);
  return fail_with_problems (problems, rec->path, "identity", error);
}

static gboolean
validate_person (Exchange  *x,
                 Record    *rec,
                 GError   **error)
{
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  /* The rules of ws_person_validate() beyond the checks above. The zone
   * was checked already, through the cache (see zone_is_valid()). */
  ws_person_set_pseudonym (person, record_text (rec, "pseudonym"));
  ws_person_set_zone (person, "UTC");
  ws_person_set_first_contact_on (person, record_text (rec, "first_contact_on"));
  ws_person_set_age_assessed_on (person, record_text (rec, "age_assessed_on"));
  ws_person_validate (person, problems);
  return fail_with_problems (problems, rec->path, NULL, error) && validate_identity (x, rec, error);
}

static GStrv
scalar_list (JsonObject *object,
             const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (holds_type (json_array_get_element (array, i), G_TYPE_STRING))
      g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static gboolean
validate_case (Exchange  *x,
               Record    *rec,
               GError   **error)
{
  g_autoptr(WsCase) court_case = ws_case_new ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_auto(GStrv) forms = scalar_list (rec->object, "exploitation");
  g_auto(GStrv) accused = scalar_list (rec->object, "accused");

  ws_case_set_reference (court_case, record_text (rec, "reference"));
  ws_case_set_court (court_case, record_text (rec, "court"));
  ws_case_set_opened_on (court_case, record_text (rec, "opened_on"));
  ws_case_set_exploitation (court_case, (const char * const *) forms);
  ws_case_set_accused (court_case, (const char * const *) accused);
  ws_case_validate (court_case, problems);
  return fail_with_problems (problems, rec->path, NULL, error);
}

static gboolean
write_person (Exchange  *x,
              Record    *rec,
              GError   **error)
{
  JsonNode *node = json_object_get_member (rec->object, "identity");

  x->n_persons++;
  if (node != NULL)
    {
      g_autoptr(GPtrArray) problems = ws_problems_new ();
      g_autoptr(WsIdentity) identity = ws_identity_from_json (node, problems);

      if (identity == NULL)
        return fail_with_problems (problems, rec->path, "identity", error);
      if (!_ws_identity_write (x->db, rec->id, identity, error))
        return FALSE;
    }
  return _ws_database_record_change (x->db, "person", rec->id, "imported", error);
}

static gboolean
write_case (Exchange  *x,
            Record    *rec,
            GError   **error)
{
  x->n_cases++;
  return _ws_database_record_change (x->db, "case", rec->id, "imported", error);
}

/* ------------------------------------------------------------------ */
/* Import: the document */

static gboolean
parse_document (JsonParser  *parser,
                const char  *data,
                gssize       length,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  unsigned line = 0, column = 0;
  int skip = 0;

  if (json_parser_load_from_data (parser, data, length, &local))
    return TRUE;
  if (sscanf (local->message, "<data>:%u:%u: %n", &line, &column, &skip) == 2 && skip > 0)
    g_set_error (error, WS_EXCHANGE_ERROR, WS_EXCHANGE_ERROR_MALFORMED,
                 /* Translators: the numbers say where the parser stopped, %s is its message */
                 _("The file is not valid JSON (line %u, column %u): %s"), line, column, local->message + skip);
  else
    g_set_error (error, WS_EXCHANGE_ERROR, WS_EXCHANGE_ERROR_MALFORMED,
                 /* Translators: %s is the parser's message */
                 _("The file is not valid JSON: %s"), local->message);
  return FALSE;
}

static gboolean
check_version (JsonObject  *root,
               GError     **error)
{
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number;

  if (version == NULL || !holds_type (version, G_TYPE_INT64))
    return fail (error, WS_EXCHANGE_ERROR_MALFORMED, "version", _("must be the format's version number"));
  number = json_node_get_int (version);
  if (number > WS_EXCHANGE_VERSION)
    {
      g_set_error (error, WS_EXCHANGE_ERROR, WS_EXCHANGE_ERROR_VERSION,
                   /* Translators: the numbers are versions of the exchange format */
                   _("The file was made by a newer version of Witness Support (exchange version %d; "
                     "this program reads up to version %d); please update the program"),
                   (int) MIN (number, G_MAXINT), WS_EXCHANGE_VERSION);
      return FALSE;
    }
  if (number < 1)
    return fail (error, WS_EXCHANGE_ERROR_INVALID, "version", _("must be at least %d"), 1);
  return TRUE;
}

static gboolean
is_document_member (const char *member)
{
  if (strcmp (member, "format") == 0 || strcmp (member, "version") == 0)
    return TRUE;
  for (guint i = 0; document_tables[i] != NULL; i++)
    if (strcmp (document_tables[i]->member, member) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_header (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *format;
  g_autoptr(GList) members = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, WS_EXCHANGE_ERROR_MALFORMED, NULL, _("The file is not a Witness Support exchange file"));
  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !holds_type (format, G_TYPE_STRING) ||
      strcmp (json_node_get_string (format), WS_EXCHANGE_FORMAT) != 0)
    return fail (error, WS_EXCHANGE_ERROR_MALFORMED, NULL,
                 /* Translators: %s is the name of the format, which is not translated */
                 _("The file is not a Witness Support exchange file (its “format” is not “%s”)"),
                 WS_EXCHANGE_FORMAT);
  if (!check_version (object, error))
    return FALSE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!is_document_member (l->data))
      return fail (error, WS_EXCHANGE_ERROR_INVALID, l->data, _("is not part of the format"));
  return TRUE;
}

static gboolean
import_root (Exchange    *x,
             JsonObject  *root,
             GError     **error)
{
  return run_pass (x, MODE_COLLECT, document_tables, root, error) &&
         run_pass (x, MODE_VALIDATE, document_tables, root, error) &&
         run_pass (x, MODE_WRITE, write_tables, root, error) &&
         run_pass (x, MODE_WRITE_DEFERRED, document_tables, root, error) &&
         audit_counts (x, "import", x->n_persons, x->n_cases, error);
}

/**
 * ws_exchange_import_data:
 * @length: the length of @data, or -1 if it ends with a nul byte
 *
 * Adds the records of an exchange document to the database: all of them,
 * or, when anything is wrong, none. The error names the first problem and
 * where in the document it is. Records whose name is already in the
 * database clash, except catalogue records (profiles, agencies, needs,
 * sites, interpreters) that are exactly the same, which are kept as they
 * are. Views are not told: the caller emits #WsDatabase::changed.
 */
gboolean
ws_exchange_import_data (WsDatabase  *db,
                         const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  Exchange x;
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_BACKUP, error))
    return FALSE;

  if (!parse_document (parser, data, length, error) || !check_header (json_parser_get_root (parser), error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));

  if (!_ws_database_begin (db, error))
    return FALSE;
  exchange_init (&x, db);
  ok = import_root (&x, root, error);
  exchange_clear (&x);
  if (!ok)
    {
      _ws_database_rollback (db);
      return FALSE;
    }
  return _ws_database_commit (db, error);
}

gboolean
ws_exchange_import_file (WsDatabase  *db,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  return ws_exchange_import_data (db, data, length, error);
}

/* ------------------------------------------------------------------ */
/* Asynchronous variants: the same work on a worker thread */

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Exports can only be saved to a folder on this computer"));
  else if (!ws_exchange_export_to_file (source, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!g_file_load_contents (task_data, cancellable, &data, &length, NULL, &error) ||
      !ws_exchange_import_data (source, data, length, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_file_task (WsDatabase          *db,
               GFile               *file,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag,
               GTaskThreadFunc      thread)
{
  g_autoptr(GTask) task = g_task_new (db, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, thread);
}

/**
 * ws_exchange_export_file_async:
 *
 * Exports to @file on a worker thread.
 */
void
ws_exchange_export_file_async (WsDatabase          *db,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  run_file_task (db, file, cancellable, callback, user_data, ws_exchange_export_file_async, export_thread);
}

gboolean
ws_exchange_export_file_finish (WsDatabase    *db,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ws_exchange_import_file_async:
 *
 * Imports @file on a worker thread. When it succeeds the caller should
 * emit #WsDatabase::changed on the main thread.
 */
void
ws_exchange_import_file_async (WsDatabase          *db,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  run_file_task (db, file, cancellable, callback, user_data, ws_exchange_import_file_async, import_thread);
}

gboolean
ws_exchange_import_file_finish (WsDatabase    *db,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
