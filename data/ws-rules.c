/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-identity-private.h"
#include "ws-measure-private.h"
#include "ws-plan-private.h"
#include "ws-rules.h"
#include "ws-settings.h"
#include "ws-schedule-private.h"
#include "ws-time.h"

/* "What needs attention": every rule is one function in the table at the
 * bottom, reading the database with one set-based query and adding
 * findings. Rules see time only through the context's `now` and
 * `today`, never the wall clock, so tests evaluate them at a fixed
 * instant. */

const char *
ws_finding_severity_get_label (WsFindingSeverity severity)
{
  switch (severity)
    {
    case WS_FINDING_SEVERITY_URGENT: return _("Urgent");
    case WS_FINDING_SEVERITY_WARNING: return _("Warning");
    case WS_FINDING_SEVERITY_INFO:
    default: return _("Information");
    }
}

/* ------------------------------------------------------------------ */
/* WsFinding                                                           */

struct _WsFinding
{
  GObject            parent_instance;

  WsFindingSeverity  severity;
  char              *rule;
  char              *pseudonym;
  gint64             person_id;
  char              *message;
  char              *action;
  GDate              date;
  char              *subject_kind;
  gint64             subject_id;
};

G_DEFINE_FINAL_TYPE (WsFinding, ws_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_PSEUDONYM,
  PROP_PERSON_ID,
  PROP_MESSAGE,
  PROP_ACTION,
  PROP_DATE,
  PROP_SUBJECT_KIND,
  PROP_SUBJECT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ws_finding_finalize (GObject *object)
{
  WsFinding *self = (WsFinding *)object;

  g_free (self->rule);
  g_free (self->pseudonym);
  g_free (self->message);
  g_free (self->action);
  g_free (self->subject_kind);

  G_OBJECT_CLASS (ws_finding_parent_class)->finalize (object);
}

static void
ws_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WsFinding *self = WS_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_RULE: g_value_set_string (value, self->rule); break;
    case PROP_PSEUDONYM: g_value_set_string (value, self->pseudonym); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_DATE: g_value_set_boxed (value, g_date_valid (&self->date) ? &self->date : NULL); break;
    case PROP_SUBJECT_KIND: g_value_set_string (value, self->subject_kind); break;
    case PROP_SUBJECT_ID: g_value_set_int64 (value, self->subject_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_finding_class_init (WsFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_finding_finalize;
  object_class->get_property = ws_finding_get_property;

  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, WS_TYPE_FINDING_SEVERITY,
                                                 WS_FINDING_SEVERITY_INFO, ro);
  properties[PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, NULL, ro);
  properties[PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, ro);
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, ro);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, ro);
  properties[PROP_SUBJECT_KIND] = g_param_spec_string ("subject-kind", NULL, NULL, NULL, ro);
  properties[PROP_SUBJECT_ID] = g_param_spec_int64 ("subject-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ws_finding_init (WsFinding *self)
{
  g_date_clear (&self->date, 1);
}

WsFindingSeverity
ws_finding_get_severity (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), WS_FINDING_SEVERITY_INFO);
  return self->severity;
}

/**
 * ws_finding_get_rule:
 *
 * Returns: the id of the rule that found it, e.g. "measure-undecided"
 */
const char *
ws_finding_get_rule (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), NULL);
  return self->rule;
}

/**
 * ws_finding_get_pseudonym:
 *
 * Returns: (nullable): the witness it is about, if one
 */
const char *
ws_finding_get_pseudonym (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), NULL);
  return self->pseudonym;
}

/**
 * ws_finding_get_person_id:
 *
 * Returns: the witness it is about, or 0
 */
gint64
ws_finding_get_person_id (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), 0);
  return self->person_id;
}

const char *
ws_finding_get_message (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), NULL);
  return self->message;
}

/**
 * ws_finding_get_action:
 *
 * Returns: what to do about it
 */
const char *
ws_finding_get_action (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), NULL);
  return self->action;
}

/**
 * ws_finding_get_date:
 *
 * Returns: (nullable): the day it concerns (a hearing, a deadline), or
 *   %NULL when none
 */
const GDate *
ws_finding_get_date (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), NULL);
  return g_date_valid (&self->date) ? &self->date : NULL;
}

/**
 * ws_finding_get_subject_kind:
 *
 * Returns: what ws_finding_get_subject_id() names: "person", "measure",
 *   "hearing" …, so a view can open it
 */
const char *
ws_finding_get_subject_kind (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), NULL);
  return self->subject_kind;
}

gint64
ws_finding_get_subject_id (WsFinding *self)
{
  g_return_val_if_fail (WS_IS_FINDING (self), 0);
  return self->subject_id;
}

/**
 * ws_finding_to_line:
 *
 * Returns: (transfer full): severity, pseudonym, rule and message on one
 *   line, tab-separated, as `--attention` prints them
 */
char *
ws_finding_to_line (WsFinding *self)
{
  g_autofree char *pseudonym = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (WS_IS_FINDING (self), NULL);

  /* Messages quote what officers typed (agencies, purposes): a tab or a
   * line break there must not split the line a script reads. */
  pseudonym = g_strdelimit (g_strdup (self->pseudonym != NULL ? self->pseudonym : "-"), "\t\r\n", ' ');
  message = g_strdelimit (g_strdup (self->message), "\t\r\n", ' ');
  return g_strdup_printf ("%s\t%s\t%s\t%s", ws_enum_to_nick (WS_TYPE_FINDING_SEVERITY, self->severity),
                          pseudonym, self->rule, message);
}

/* ------------------------------------------------------------------ */
/* Evaluation context                                                  */

typedef struct {
  WsDatabase      *db;
  GDateTime       *now;
  char            *now_text;
  GDate            today;
  char            *today_text;
  WsRulesSettings  settings;
  char            *urgent_limit;  /* now + urgent_days, as stored */
  GHashTable      *zones;         /* name → GTimeZone: loading one reads a file */
  GPtrArray       *findings;
  gint64           person_id;     /* only this witness's findings; 0 = everyone's */
  GHashTable      *days;          /* julian day → formatted date */
  GHashTable      *sites;         /* site id → WsSite, while the hours rule runs */
} Rules;

typedef struct {
  const char *rule;
  WsFindingSeverity severity;
  gint64 person_id;
  const char *pseudonym;
  const char *subject_kind;
  gint64 subject_id;
  const GDate *date;
} FindingHead;

/* Takes @message. */
static void
add_finding (Rules             *r,
             const FindingHead *head,
             char              *message,
             const char        *action)
{
  WsFinding *finding = g_object_new (WS_TYPE_FINDING, NULL);

  finding->severity = head->severity;
  finding->rule = g_strdup (head->rule);
  finding->person_id = head->person_id;
  finding->pseudonym = g_strdup (head->pseudonym);
  finding->subject_kind = g_strdup (head->subject_kind);
  finding->subject_id = head->subject_id;
  if (head->date != NULL && g_date_valid (head->date))
    finding->date = *head->date;
  finding->message = message;
  finding->action = g_strdup (action);
  g_ptr_array_add (r->findings, finding);
}

static const char *
column (sqlite3_stmt *stmt,
        int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

/* The instant @days days after now, as stored. */
static char *
after_now (Rules *r,
           guint  days)
{
  g_autoptr(GDateTime) later = g_date_time_add_days (r->now, (int) MIN (days, 36500));

  return ws_time_format_instant (later);
}

static char *
after_today (Rules *r,
             guint  days)
{
  GDate later = r->today;

  g_date_add_days (&later, MIN (days, 36500));
  return ws_time_format_date (&later);
}

static GTimeZone *
lookup_zone (Rules      *r,
             const char *zone)
{
  GTimeZone *tz;

  if (zone == NULL)
    return NULL;
  tz = g_hash_table_lookup (r->zones, zone);
  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (zone);
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (r->zones, g_strdup (zone), tz);
    }
  return tz;
}

/* The calendar day of a stored instant in @zone (the court's). */
static void
day_in_zone (Rules      *r,
             const char *instant,
             const char *zone,
             GDate      *date)
{
  g_autoptr(GDateTime) utc = ws_time_parse_instant (instant);
  GTimeZone *tz = lookup_zone (r, zone);
  g_autoptr(GDateTime) local = NULL;

  g_date_clear (date, 1);
  if (utc == NULL)
    return;
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* Thousands of findings share a few hundred days: each is formatted once. */
static char *
format_day (Rules       *r,
            const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *known;
  char *text;

  if (!g_date_valid (date))
    return g_strdup ("?");
  known = g_hash_table_lookup (r->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (known != NULL)
    return g_strdup (known);
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  /* Translators: a g_date_time_format() string for dates in findings */
  text = g_date_time_format (dt, _("%-d %b %Y"));
  g_hash_table_insert (r->days, GUINT_TO_POINTER (g_date_get_julian (date)), g_strdup (text));
  return text;
}

/* Urgent when the hearing is within the urgent threshold. */
static WsFindingSeverity
hearing_severity (Rules      *r,
                  const char *starts_at)
{
  return g_strcmp0 (starts_at, r->urgent_limit) <= 0 ? WS_FINDING_SEVERITY_URGENT : WS_FINDING_SEVERITY_WARNING;
}

typedef void (*RowFunc) (Rules        *r,
                         sqlite3_stmt *stmt);

/* Runs @sql with :now, :today, :limit (the threshold) and :person (the
 * one witness asked about, or 0) bound, calling @row for each result. */
static gboolean
each_row (Rules        *r,
          const char   *sql,
          const char   *limit,
          RowFunc       row,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) one = NULL;
  int index;
  int rc;

  /* For one witness, "(:person = 0 OR x = :person)" becomes "(x = :person)"
   * so the query starts from that witness's rows by index instead of
   * reading the unit and filtering. */
  if (r->person_id != 0)
    {
      one = g_string_new (sql);
      g_string_replace (one, ":person = 0 OR ", "", 0);
      sql = one->str;
    }
  stmt = _ws_database_prepare (r->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  if ((index = sqlite3_bind_parameter_index (stmt, ":now")) > 0)
    _ws_bind_text (stmt, index, r->now_text);
  if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    _ws_bind_text (stmt, index, r->today_text);
  if ((index = sqlite3_bind_parameter_index (stmt, ":limit")) > 0)
    _ws_bind_text (stmt, index, limit);
  if ((index = sqlite3_bind_parameter_index (stmt, ":person")) > 0)
    sqlite3_bind_int64 (stmt, index, r->person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (r, stmt);
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (r->db, error, _("Checking what needs attention"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Measures and hearings (issue 4)                                     */

/* A measure's target hearing: its own, or for the whole proceedings the
 * case's next one; rows carry th (the hearing) as `m.th`. */
/* Materialized: flattened into the join, the correlated subquery would
 * run once per measure and hearing instead of once per measure. */
#define MEASURE_SOURCE(condition) \
  "WITH m AS MATERIALIZED (SELECT mm.*, COALESCE (mm.hearing_id, (SELECT h2.id FROM hearing h2" \
  " WHERE h2.case_id = mm.case_id AND h2.starts_at > :now ORDER BY h2.starts_at, h2.id LIMIT 1)) AS th" \
  " FROM measure mm WHERE (" condition ") AND (:person = 0 OR mm.person_id = :person)) "

/* Columns 0–8 every measure rule reads. */
#define MEASURE_ROW \
  "SELECT m.id, m.type, m.status, p.id, p.pseudonym, c.reference, h.id, h.starts_at, h.zone"
#define MEASURE_JOINS \
  " JOIN hearing h ON h.id = m.th JOIN court_case c ON c.id = m.case_id" \
  " LEFT JOIN person p ON p.id = m.person_id"
#define HEARING_AHEAD " WHERE h.starts_at > :now AND h.starts_at <= :limit"

static void
measure_head (Rules        *r,
              sqlite3_stmt *stmt,
              const char   *rule,
              FindingHead  *head,
              GDate        *day)
{
  day_in_zone (r, column (stmt, 7), column (stmt, 8), day);
  head->rule = rule;
  head->severity = hearing_severity (r, column (stmt, 7));
  head->person_id = sqlite3_column_int64 (stmt, 3);
  head->pseudonym = column (stmt, 4);
  head->subject_kind = "measure";
  head->subject_id = sqlite3_column_int64 (stmt, 0);
  head->date = day;
}

static void
undecided_row (Rules        *r,
               sqlite3_stmt *stmt)
{
  FindingHead head;
  GDate day;
  g_autofree char *when = NULL;
  gboolean applied = g_strcmp0 (column (stmt, 2), "applied-for") == 0;

  measure_head (r, stmt, "measure-undecided", &head, &day);
  when = format_day (r, &day);
  add_finding (r, &head,
               /* Translators: a measure, a case reference, a date */
               g_strdup_printf (_("“%s” is still undecided; case %s has a hearing on %s"),
                                ws_measure_type_get_label (column (stmt, 1)), column (stmt, 5), when),
               applied ? _("Ask the court for its decision before the hearing")
                       : _("Apply to the court for the measure, or withdraw it"));
}

static gboolean
rule_measure_undecided (Rules   *r,
                        GError **error)
{
  g_autofree char *limit = after_now (r, r->settings.undecided_days);

  return each_row (r, MEASURE_SOURCE ("mm.status IN ('proposed', 'applied-for')")
                      MEASURE_ROW " FROM m" MEASURE_JOINS HEARING_AHEAD,
                   limit, undecided_row, error);
}

static void
unarranged_row (Rules        *r,
                sqlite3_stmt *stmt)
{
  FindingHead head;
  GDate day;
  g_autofree char *when = NULL;

  measure_head (r, stmt, "measure-not-arranged", &head, &day);
  when = format_day (r, &day);
  add_finding (r, &head,
               /* Translators: a measure, then the date of the hearing */
               g_strdup_printf (_("“%s” was granted but is not arranged for the hearing on %s"),
                                ws_measure_type_get_label (column (stmt, 1)), when),
               ws_measure_type_get_needs (column (stmt, 1)));
}

/* A video link with no session at all is the "video-link-no-session"
 * rule's; this one keeps to what that rule does not say. */
static char *
unarranged_sql (void)
{
  g_autoptr(GString) sessions = g_string_new ("");
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (types[i].arrangement == WS_ARRANGEMENT_SESSION)
      g_string_append_printf (sessions, "%s'%s'", sessions->len > 0 ? ", " : "", types[i].code);
  return g_strdup_printf (MEASURE_SOURCE ("mm.status IN ('granted', 'arranged')")
                          MEASURE_ROW " FROM m" MEASURE_JOINS HEARING_AHEAD " AND %s = %d"
                          " AND NOT (m.type IN (%s) AND trim (m.booking_reference) = '' AND NOT EXISTS"
                          " (SELECT 1 FROM session s WHERE s.hearing_id = m.th AND s.person_id = m.person_id"
                          " AND s.status <> 'cancelled'))",
                          _ws_measure_arranged_by_sql (), WS_ARRANGED_BY_NOTHING, sessions->str);
}

static gboolean
rule_measure_not_arranged (Rules   *r,
                           GError **error)
{
  g_autofree char *limit = after_now (r, r->settings.unarranged_days);
  g_autofree char *sql = unarranged_sql ();

  return each_row (r, sql, limit, unarranged_row, error);
}

static void
refused_row (Rules        *r,
             sqlite3_stmt *stmt)
{
  FindingHead head = { "refused-no-alternative", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 2),
                       column (stmt, 3), "measure", sqlite3_column_int64 (stmt, 0), NULL };
  GDate decided;

  if (ws_time_parse_date (column (stmt, 5), &decided))
    head.date = &decided;
  add_finding (r, &head,
               /* Translators: a measure, then a case reference */
               g_strdup_printf (_("“%s” was refused in case %s and no alternative is recorded"),
                                ws_measure_type_get_label (column (stmt, 1)), column (stmt, 4)),
               _("Record what was considered instead: another measure, or why none is needed"));
}

static gboolean
rule_refused_no_alternative (Rules   *r,
                             GError **error)
{
  return each_row (r, "SELECT m.id, m.type, p.id, p.pseudonym, c.reference, m.decided_on FROM measure m"
                      " JOIN court_case c ON c.id = m.case_id LEFT JOIN person p ON p.id = m.person_id"
                      " WHERE m.status = 'refused' AND trim (m.alternative) = '' AND c.stage <> 'closed'"
                      " AND (:person = 0 OR m.person_id = :person)",
                   NULL, refused_row, error);
}

static void
child_row (Rules        *r,
           sqlite3_stmt *stmt)
{
  FindingHead head = { "child-no-testimonial-aid", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "person", sqlite3_column_int64 (stmt, 0), &r->today };
  GDate day;

  if (column (stmt, 4) != NULL)
    {
      day_in_zone (r, column (stmt, 4), column (stmt, 5), &day);
      head.date = &day;
    }
  add_finding (r, &head,
               /* Translators: a label such as "Witness A", then a case reference */
               g_strdup_printf (_("%s in case %s is a child and no testimonial aid has been considered"),
                                column (stmt, 2), column (stmt, 3)),
               _("Propose testimonial aids such as a video link, screens or a support person"));
}

/* Witnesses who testify (not victims who do not) in cases with
 * testimony still ahead. */
static char *
child_sql (void)
{
  g_autoptr(GString) aids = g_string_new ("");
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (types[i].testimonial_aid)
      g_string_append_printf (aids, "%s'%s'", aids->len > 0 ? ", " : "", types[i].code);
  /* Considered means recorded in any status, even refused or withdrawn. */
  return g_strdup_printf ("SELECT p.id, p.pseudonym, cp.label, c.reference, nh.starts_at, nh.zone"
                          " FROM case_party cp JOIN person p ON p.id = cp.person_id"
                          " JOIN court_case c ON c.id = cp.case_id"
                          " LEFT JOIN hearing nh ON nh.id = (SELECT h2.id FROM hearing h2 WHERE h2.case_id = c.id"
                          " AND h2.starts_at > :now ORDER BY h2.starts_at, h2.id LIMIT 1)"
                          " WHERE p.age_status IN ('presumed-child', 'child') AND p.status = 'active'"
                          " AND (:person = 0 OR p.id = :person)"
                          " AND cp.role <> 'victim' AND c.stage NOT IN ('verdict', 'closed')"
                          " AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.case_id = c.id"
                          " AND (m.person_id = p.id OR m.person_id IS NULL) AND m.type IN (%s))",
                          aids->str);
}

static gboolean
rule_child_no_testimonial_aid (Rules   *r,
                               GError **error)
{
  g_autofree char *sql = child_sql ();

  return each_row (r, sql, NULL, child_row, error);
}

static void
no_session_row (Rules        *r,
                sqlite3_stmt *stmt)
{
  FindingHead head;
  GDate day;
  g_autofree char *when = NULL;

  measure_head (r, stmt, "video-link-no-session", &head, &day);
  when = format_day (r, &day);
  add_finding (r, &head,
               /* Translators: a measure, then the date of the hearing */
               g_strdup_printf (_("“%s” was granted but no video-link session is booked for the hearing on %s"),
                                ws_measure_type_get_label (column (stmt, 1)), when),
               _("Book a video-link session for the witness at this hearing"));
}

static char *
no_session_sql (void)
{
  g_autoptr(GString) sessions = g_string_new ("");
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (types[i].arrangement == WS_ARRANGEMENT_SESSION)
      g_string_append_printf (sessions, "%s'%s'", sessions->len > 0 ? ", " : "", types[i].code);
  /* A booking reference is a link booked outside the program: silent. */
  return g_strdup_printf (MEASURE_SOURCE ("mm.status IN ('granted', 'arranged')"
                                          " AND mm.person_id IS NOT NULL AND mm.type IN (%s)")
                          MEASURE_ROW " FROM m" MEASURE_JOINS HEARING_AHEAD " AND trim (m.booking_reference) = ''"
                          " AND NOT EXISTS (SELECT 1 FROM session s WHERE s.hearing_id = m.th"
                          " AND s.person_id = m.person_id AND s.status <> 'cancelled')",
                          sessions->str);
}

static gboolean
rule_video_link_no_session (Rules   *r,
                            GError **error)
{
  g_autofree char *limit = after_now (r, r->settings.session_days);
  g_autofree char *sql = no_session_sql ();

  return each_row (r, sql, limit, no_session_row, error);
}

/* ------------------------------------------------------------------ */
/* Support plans (issue 3)                                             */

static void
risk_row (Rules        *r,
          sqlite3_stmt *stmt)
{
  gboolean high = g_strcmp0 (column (stmt, 3), "high") == 0;
  FindingHead head = { "risk-review-overdue", high ? WS_FINDING_SEVERITY_URGENT : WS_FINDING_SEVERITY_WARNING,
                       sqlite3_column_int64 (stmt, 0), column (stmt, 1), "person",
                       sqlite3_column_int64 (stmt, 0), NULL };
  GDate due;
  g_autofree char *when = NULL;

  g_date_clear (&due, 1);
  if (ws_time_parse_date (column (stmt, 2), &due))
    head.date = &due;
  when = format_day (r, &due);
  add_finding (r, &head,
               /* Translators: %s is a date */
               g_strdup_printf (_("The risk review was due on %s"), when),
               _("Re-assess the risk with the witness"));
}

/* Only the latest assessment counts: an older one's review date was met
 * by the assessments after it. */
static gboolean
rule_risk_review_overdue (Rules   *r,
                          GError **error)
{
  return each_row (r, "SELECT p.id, p.pseudonym, ra.next_review, ra.level FROM person p"
                      " JOIN risk_assessment ra ON ra.id = (SELECT r2.id FROM risk_assessment r2"
                      " WHERE r2.person_id = p.id ORDER BY r2.assessed_on DESC, r2.id DESC LIMIT 1)"
                      " WHERE p.status = 'active' AND ra.next_review IS NOT NULL AND ra.next_review < :today"
                      " AND (:person = 0 OR p.id = :person)",
                   NULL, risk_row, error);
}

static void
reflection_row (Rules        *r,
                sqlite3_stmt *stmt)
{
  FindingHead head = { "reflection-ending", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "person", sqlite3_column_int64 (stmt, 0), NULL };
  GDate last;
  g_autofree char *when = NULL;
  int left = 0;

  g_date_clear (&last, 1);
  if (ws_time_parse_date (column (stmt, 2), &last))
    {
      head.date = &last;
      left = g_date_days_between (&r->today, &last);
    }
  if (left <= (int) r->settings.urgent_days)
    head.severity = WS_FINDING_SEVERITY_URGENT;
  when = format_day (r, &last);
  add_finding (r, &head,
               /* Translators: %s is the period's last day, %d the days left until it */
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The reflection period ends on %s (%d day left)",
                                             "The reflection period ends on %s (%d days left)", left),
                                when, left),
               _("Talk with the witness about their decision and any visa or residence application"));
}

/* The last day of a period is starts_on + days − 1; the latest period of
 * an active witness counts. */
static gboolean
rule_reflection_ending (Rules   *r,
                        GError **error)
{
  g_autofree char *limit = after_today (r, r->settings.reflection_days);

  return each_row (r, "SELECT p.id, p.pseudonym, rp.last_day FROM person p"
                      " JOIN (SELECT person_id, date (starts_on, '+' || (days - 1) || ' days') AS last_day,"
                      " row_number () OVER (PARTITION BY person_id ORDER BY starts_on DESC, id DESC) AS n"
                      " FROM reflection_period) rp ON rp.person_id = p.id AND rp.n = 1"
                      " WHERE p.status = 'active' AND rp.last_day >= :today AND rp.last_day <= :limit"
                      " AND (:person = 0 OR p.id = :person)",
                   limit, reflection_row, error);
}

#define ACTIVE_PERSON " p.status = 'active' AND (:person = 0 OR p.id = :person)"

static void
item_row (Rules        *r,
          sqlite3_stmt *stmt)
{
  FindingHead head = { "support-item-overdue", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "support-item", sqlite3_column_int64 (stmt, 2), NULL };
  GDate due;
  g_autofree char *when = NULL;

  g_date_clear (&due, 1);
  if (ws_time_parse_date (column (stmt, 5), &due))
    head.date = &due;
  when = format_day (r, &due);
  add_finding (r, &head,
               /* Translators: a need or service from the catalogue, then a date */
               g_strdup_printf (_("“%s” was due on %s"),
                                _ws_need_translate (column (stmt, 3), column (stmt, 4)), when),
               _("Follow it up with the provider, or agree a new date with the witness"));
}

static gboolean
rule_support_item_overdue (Rules   *r,
                           GError **error)
{
  return each_row (r, "SELECT p.id, p.pseudonym, s.id, s.need_code, COALESCE (n.title, s.need_code), s.due_on"
                      " FROM support_item s JOIN person p ON p.id = s.person_id"
                      " LEFT JOIN need n ON n.code = s.need_code"
                      " WHERE s.status IN ('planned', 'in-progress') AND s.due_on < :today AND" ACTIVE_PERSON,
                   NULL, item_row, error);
}

static void
phase_risk_row (Rules        *r,
                sqlite3_stmt *stmt)
{
  FindingHead head = { "risk-after-phase-change", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "person", sqlite3_column_int64 (stmt, 0), NULL };
  GDate day;
  g_autofree char *when = NULL;
  int phase = 0;

  g_date_clear (&day, 1);
  if (ws_time_parse_date (column (stmt, 3), &day))
    head.date = &day;
  ws_enum_from_nick (WS_TYPE_PHASE, column (stmt, 2), &phase);
  when = format_day (r, &day);
  add_finding (r, &head,
               /* Translators: a phase of the plan, then a date */
               g_strdup_printf (_("The plan moved to “%s” on %s and the risk has not been assessed since"),
                                ws_phase_get_label (phase), when),
               _("Re-assess the risk: it is due at every change of phase"));
}

/* The latest move of an active plan with no assessment dated on or after
 * its day. */
static gboolean
rule_risk_after_phase_change (Rules   *r,
                              GError **error)
{
  return each_row (r, "SELECT p.id, p.pseudonym, pc.phase, substr (pc.began_at, 1, 10) FROM person p"
                      " JOIN phase_change pc ON pc.id = (SELECT p2.id FROM phase_change p2 WHERE p2.person_id = p.id"
                      " ORDER BY p2.began_at DESC, p2.id DESC LIMIT 1)"
                      " WHERE" ACTIVE_PERSON " AND NOT EXISTS (SELECT 1 FROM risk_assessment ra"
                      " WHERE ra.person_id = p.id AND ra.assessed_on >= substr (pc.began_at, 1, 10))",
                   NULL, phase_risk_row, error);
}

static void
hearing_risk_row (Rules        *r,
                  sqlite3_stmt *stmt)
{
  FindingHead head = { "risk-before-hearing", hearing_severity (r, column (stmt, 3)), sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "hearing", sqlite3_column_int64 (stmt, 2), NULL };
  GDate day;
  g_autofree char *when = NULL;

  day_in_zone (r, column (stmt, 3), column (stmt, 4), &day);
  head.date = &day;
  when = format_day (r, &day);
  add_finding (r, &head,
               /* Translators: a case reference, then the date of its hearing */
               g_strdup_printf (_("Case %s has a hearing on %s and the risk has not been assessed in the weeks before it"),
                                column (stmt, 5), when),
               _("Re-assess the risk before the hearing"));
}

/* Witnesses who testify, in hearings within the threshold, with no
 * assessment dated within as many days before the hearing. */
static gboolean
rule_risk_before_hearing (Rules   *r,
                          GError **error)
{
  g_autofree char *limit = after_now (r, r->settings.hearing_risk_days);
  g_autofree char *sql = g_strdup_printf (
    "SELECT p.id, p.pseudonym, h.id, h.starts_at, h.zone, c.reference FROM hearing h"
    " JOIN court_case c ON c.id = h.case_id JOIN case_party cp ON cp.case_id = h.case_id AND cp.role <> 'victim'"
    " JOIN person p ON p.id = cp.person_id"
    " WHERE h.starts_at > :now AND h.starts_at <= :limit AND c.stage <> 'closed' AND" ACTIVE_PERSON
    " AND NOT EXISTS (SELECT 1 FROM risk_assessment ra WHERE ra.person_id = p.id"
    " AND ra.assessed_on >= date (substr (h.starts_at, 1, 10), '-%u days'))",
    MIN (r->settings.hearing_risk_days, 36500));

  return each_row (r, sql, limit, hearing_risk_row, error);
}

static void
guardian_row (Rules        *r,
              sqlite3_stmt *stmt)
{
  FindingHead head = { "child-no-guardian", WS_FINDING_SEVERITY_URGENT, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "person", sqlite3_column_int64 (stmt, 0), NULL };
  gboolean has_guardian;
  GDate adult_on;
  GDate since;

  if (!_ws_identity_get_facts (r->db, head.person_id, &has_guardian, &adult_on) || has_guardian)
    return;
  if (ws_time_parse_date (column (stmt, 2), &since))
    head.date = &since;
  add_finding (r, &head,
               g_strdup (_("A child, or presumed to be one, with no guardian recorded")),
               _("Ask for a guardian to be appointed and check they are not involved in the crime"));
}

/* The guardian is part of identity: the query finds the children and
 * the identity module answers, from the index built at unlock, whether
 * each has one. */
static gboolean
rule_child_no_guardian (Rules   *r,
                        GError **error)
{
  return each_row (r,
                   "SELECT p.id, p.pseudonym, p.first_contact_on FROM person p"
                   " WHERE p.age_status IN ('presumed-child', 'child') AND" ACTIVE_PERSON,
                   NULL, guardian_row, error);
}

static void
age_row (Rules        *r,
         sqlite3_stmt *stmt)
{
  FindingHead head = { "child-no-age-assessment", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "person", sqlite3_column_int64 (stmt, 0), NULL };
  GDate since;

  if (ws_time_parse_date (column (stmt, 2), &since))
    head.date = &since;
  add_finding (r, &head,
               g_strdup (_("Presumed to be a child and the age has not been assessed")),
               _("Arrange an age assessment; until then the witness is treated as a child"));
}

static gboolean
rule_child_no_age_assessment (Rules   *r,
                              GError **error)
{
  return each_row (r, "SELECT p.id, p.pseudonym, p.first_contact_on FROM person p"
                      " WHERE p.age_status = 'presumed-child' AND p.age_assessed_on IS NULL AND" ACTIVE_PERSON,
                   NULL, age_row, error);
}

static void
referral_row (Rules        *r,
              sqlite3_stmt *stmt)
{
  FindingHead head = { "referral-without-consent", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "referral", sqlite3_column_int64 (stmt, 2), NULL };
  GDate on;
  g_autofree char *when = NULL;

  g_date_clear (&on, 1);
  if (ws_time_parse_date (column (stmt, 5), &on))
    head.date = &on;
  when = format_day (r, &on);
  add_finding (r, &head,
               /* Translators: an agency, the purpose of a referral, then a date */
               g_strdup_printf (_("Referred to %s for “%s” on %s without a valid consent"),
                                column (stmt, 3), column (stmt, 4), when),
               _("Ask the witness for consent to this sharing, and record it"));
}

/* A consent of the referral's person naming the agency and purpose,
 * valid on the day @day (an SQL expression). */
#define COVERS(day) \
  "EXISTS (SELECT 1 FROM consent k WHERE k.person_id = f.person_id" \
  " AND trim (k.recipient) = a.name COLLATE NOCASE AND trim (k.purpose) = trim (f.purpose) COLLATE NOCASE" \
  " AND k.given_on <= " day " AND (k.expires_on IS NULL OR k.expires_on >= " day ")" \
  " AND (k.withdrawn_on IS NULL OR k.withdrawn_on > " day "))"

/* Silent once consent covers the referral, then or now (sought after an
 * urgent referral). */
static gboolean
rule_referral_without_consent (Rules   *r,
                               GError **error)
{
  return each_row (r, "SELECT p.id, p.pseudonym, f.id, a.name, f.purpose, f.referred_on FROM referral f"
                      " JOIN person p ON p.id = f.person_id JOIN agency a ON a.id = f.agency_id"
                      " WHERE" ACTIVE_PERSON " AND NOT " COVERS ("f.referred_on") " AND NOT " COVERS (":today"),
                   NULL, referral_row, error);
}

static void
add_working_days (GDate *date,
                  guint  days)
{
  while (days > 0)
    {
      GDateWeekday weekday;

      g_date_add_days (date, 1);
      weekday = g_date_get_weekday (date);
      if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
        days--;
    }
}

static void
outcome_row (Rules        *r,
             sqlite3_stmt *stmt)
{
  FindingHead head = { "outcome-not-told", WS_FINDING_SEVERITY_URGENT, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "case-party", sqlite3_column_int64 (stmt, 2), NULL };
  GDate verdict;
  GDate deadline;
  g_autofree char *when = NULL;

  if (!ws_time_parse_date (column (stmt, 5), &verdict))
    return;
  deadline = verdict;
  add_working_days (&deadline, MIN (r->settings.outcome_working_days, 3650));
  if (g_date_compare (&r->today, &deadline) <= 0)
    return;
  head.date = &deadline;
  when = format_day (r, &verdict);
  add_finding (r, &head,
               /* Translators: a label such as "Witness A", a case reference, then the verdict's date */
               g_strdup_printf (_("%s in case %s has not been told the outcome of the verdict of %s"),
                                column (stmt, 3), column (stmt, 4), when),
               _("Tell the witness the outcome, the sentence, the release date and the appeal options"));
}

/* Working days are counted in C; the query only narrows to the untold. */
static gboolean
rule_outcome_not_told (Rules   *r,
                       GError **error)
{
  return each_row (r, "SELECT p.id, p.pseudonym, cp.id, cp.label, c.reference, v.given_on FROM case_party cp"
                      " JOIN verdict v ON v.case_id = cp.case_id JOIN court_case c ON c.id = cp.case_id"
                      " JOIN person p ON p.id = cp.person_id"
                      " WHERE cp.outcome_told_on IS NULL AND v.given_on < :today AND" ACTIVE_PERSON,
                   NULL, outcome_row, error);
}

static void
adult_row (Rules        *r,
           sqlite3_stmt *stmt)
{
  FindingHead head = { "turns-18-before-trial", WS_FINDING_SEVERITY_WARNING, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "hearing", sqlite3_column_int64 (stmt, 2), NULL };
  gboolean has_guardian;
  GDate adult_on;
  GDate trial_day;
  GDate day;
  g_autofree char *trial_ymd = g_strndup (column (stmt, 3), 10);
  g_autofree char *when = NULL;

  if (!_ws_identity_get_facts (r->db, head.person_id, &has_guardian, &adult_on) ||
      !g_date_valid (&adult_on) || !ws_time_parse_date (trial_ymd, &trial_day))
    return;
  /* Of age after today and on or before the (UTC) day of the trial. */
  if (g_date_compare (&adult_on, &r->today) <= 0 || g_date_compare (&adult_on, &trial_day) > 0)
    return;
  day_in_zone (r, column (stmt, 3), column (stmt, 4), &day);
  head.date = &day;
  when = format_day (r, &day);
  /* The birthday itself is never shown: it would give away the date of birth. */
  add_finding (r, &head,
               /* Translators: a case reference, then the date of the trial */
               g_strdup_printf (_("Turns 18 before the trial in case %s on %s"), column (stmt, 5), when),
               _("Check which child measures and aids still apply at the trial, and plan with the witness"));
}

/* The next trial hearing of each case a child testifies in, against the
 * day they come of age, which the identity module answers without
 * giving out the date of birth. */
static gboolean
rule_turns_18_before_trial (Rules   *r,
                            GError **error)
{
  return each_row (r,
    "SELECT p.id, p.pseudonym, h.id, h.starts_at, h.zone, c.reference FROM person p"
    " JOIN case_party cp ON cp.person_id = p.id AND cp.role <> 'victim'"
    " JOIN court_case c ON c.id = cp.case_id AND c.stage NOT IN ('verdict', 'closed')"
    " JOIN hearing h ON h.id = (SELECT h2.id FROM hearing h2 WHERE h2.case_id = cp.case_id AND h2.kind = 'trial'"
    " AND h2.starts_at > :now ORDER BY h2.starts_at, h2.id LIMIT 1)"
    " WHERE p.age_status IN ('presumed-child', 'child') AND" ACTIVE_PERSON,
    NULL, adult_row, error);
}

static void
consent_row (Rules        *r,
             sqlite3_stmt *stmt)
{
  FindingHead head = { "consent-expiring", WS_FINDING_SEVERITY_INFO, sqlite3_column_int64 (stmt, 0),
                       column (stmt, 1), "consent", sqlite3_column_int64 (stmt, 2), NULL };
  GDate last;
  g_autofree char *when = NULL;

  g_date_clear (&last, 1);
  if (ws_time_parse_date (column (stmt, 5), &last))
    {
      head.date = &last;
      if (g_date_days_between (&r->today, &last) <= (int) r->settings.urgent_days)
        head.severity = WS_FINDING_SEVERITY_WARNING;
    }
  when = format_day (r, &last);
  add_finding (r, &head,
               /* Translators: who may receive details, what for, then a date */
               g_strdup_printf (_("Consent to share with %s for “%s” expires on %s"),
                                column (stmt, 3), column (stmt, 4), when),
               _("Ask the witness whether they want to renew it, and record the answer"));
}

/* Silent when a later consent for the same recipient and purpose takes
 * over. */
static gboolean
rule_consent_expiring (Rules   *r,
                       GError **error)
{
  g_autofree char *limit = after_today (r, r->settings.consent_days);

  return each_row (r, "SELECT p.id, p.pseudonym, k.id, k.recipient, k.purpose, k.expires_on FROM consent k"
                      " JOIN person p ON p.id = k.person_id"
                      " WHERE k.withdrawn_on IS NULL AND k.expires_on >= :today AND k.expires_on <= :limit AND"
                      ACTIVE_PERSON
                      " AND NOT EXISTS (SELECT 1 FROM consent k2 WHERE k2.person_id = k.person_id AND k2.id <> k.id"
                      " AND trim (k2.recipient) = trim (k.recipient) COLLATE NOCASE"
                      " AND trim (k2.purpose) = trim (k.purpose) COLLATE NOCASE AND k2.withdrawn_on IS NULL"
                      " AND (k2.expires_on IS NULL OR k2.expires_on > k.expires_on))",
                   limit, consent_row, error);
}

/* ------------------------------------------------------------------ */
/* Video-link sessions (issue 5)                                       */

/* Sessions not cancelled and not over, starting within this many days,
 * are checked; further out the schedule is still being made. */
#define SCHEDULE_DAYS 60

/* Sessions last at most WS_SESSION_MAX_HOURS, so those not over yet
 * started no earlier than that before now: the index on starts_at then
 * reads only the coming weeks, not the unit's whole history. */
#define SESSION_FLOOR(alias) \
  " AND " alias ".starts_at >= strftime ('%Y-%m-%dT%H:%M:%SZ', :now, '-" G_STRINGIFY (WS_SESSION_MAX_HOURS) " hours')"

/* Every session still to come (up to the limit and a session's length
 * beyond, for the last ones' partners); @tail ends the query. */
#define BOOKED_SQL(tail) \
  "SELECT s.id, s.person_id, s.court_site_id, s.remote_site_id, p.pseudonym, s.starts_at, s.ends_at," \
  " COALESCE (cs.zone, rs.zone), cs.name, rs.name" \
  " FROM session s JOIN person p ON p.id = s.person_id" \
  " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id" \
  " WHERE s.status <> 'cancelled' AND s.ends_at > :now" \
  " AND s.starts_at < strftime ('%Y-%m-%dT%H:%M:%SZ', :limit, '+" G_STRINGIFY (WS_SESSION_MAX_HOURS) " hours')" \
  SESSION_FLOOR ("s") tail

/* Sessions overlapping the span of :person's own (none: no rows). */
#define PERSON_SPAN \
  " AND s.ends_at > (SELECT min (o.starts_at) FROM session o WHERE o.person_id = :person" \
  " AND o.status <> 'cancelled' AND o.ends_at > :now)" \
  " AND s.starts_at < (SELECT max (o.ends_at) FROM session o WHERE o.person_id = :person" \
  " AND o.status <> 'cancelled' AND o.ends_at > :now)"

/* "10 Mar 2026 14:00" on the clock of @zone (the court's or the site's). */
static char *
format_instant_in (Rules      *r,
                   const char *instant,
                   const char *zone)
{
  g_autoptr(GDateTime) utc = ws_time_parse_instant (instant);
  GTimeZone *tz = lookup_zone (r, zone);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("?");
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  /* Translators: a g_date_time_format() string for a session's start in findings */
  return g_date_time_format (local, _("%-d %b %Y %H:%M"));
}

static void
session_head (Rules         *r,
              sqlite3_stmt  *stmt,
              const char    *rule,
              FindingHead   *head,
              GDate         *date)
{
  head->rule = rule;
  head->severity = hearing_severity (r, column (stmt, 3));
  head->person_id = sqlite3_column_int64 (stmt, 1);
  head->pseudonym = column (stmt, 2);
  head->subject_kind = "session";
  head->subject_id = sqlite3_column_int64 (stmt, 0);
  day_in_zone (r, column (stmt, 3), column (stmt, 4), date);
  head->date = date;
}

typedef struct {
  gint64  id;
  gint64  person_id;
  gint64  court_site_id;
  gint64  remote_site_id;
  char   *pseudonym;
  char   *starts_at;
  char   *ends_at;
  char   *zone;
  char   *court_name;
  char   *remote_name;
  GArray *interpreters;  /* gint64 */
} Booked;

static void
booked_clear (gpointer data)
{
  Booked *b = data;

  g_free (b->pseudonym);
  g_free (b->starts_at);
  g_free (b->ends_at);
  g_free (b->zone);
  g_free (b->court_name);
  g_free (b->remote_name);
  g_clear_pointer (&b->interpreters, g_array_unref);
}

static gboolean
shares_site (Booked *b,
             gint64  site)
{
  return site > 0 && (b->court_site_id == site || b->remote_site_id == site);
}

static void
report_double_booking (Rules      *r,
                       Booked     *a,
                       Booked     *b,
                       GHashTable *interpreter_names)
{
  FindingHead head = { "session-double-booked", WS_FINDING_SEVERITY_URGENT, a->person_id, a->pseudonym,
                       "session", a->id, NULL };
  g_autofree char *when = NULL;
  const char *name = NULL;
  gboolean interpreter = FALSE;
  char *message;
  GDate date;

  if (a->person_id != b->person_id)
    {
      if (shares_site (b, a->court_site_id))
        name = a->court_name;
      else if (shares_site (b, a->remote_site_id))
        name = a->remote_name;
      else
        for (guint i = 0; i < a->interpreters->len && name == NULL; i++)
          for (guint k = 0; k < b->interpreters->len && name == NULL; k++)
            if (g_array_index (a->interpreters, gint64, i) == g_array_index (b->interpreters, gint64, k))
              {
                gint64 id = g_array_index (a->interpreters, gint64, i);

                name = g_hash_table_lookup (interpreter_names, &id);
                interpreter = TRUE;
              }
      if (name == NULL)
        return;
    }
  when = format_instant_in (r, a->starts_at, a->zone);
  day_in_zone (r, a->starts_at, a->zone, &date);
  head.date = &date;
  if (name == NULL)
    /* Translators: a pseudonym and a day with a time */
    message = g_strdup_printf (_("%s has two sessions at the same time on %s"), a->pseudonym, when);
  else if (interpreter)
    /* Translators: an interpreter, two pseudonyms, a day with a time */
    message = g_strdup_printf (_("%s is booked to interpret for %s and %s at the same time on %s"),
                               name, a->pseudonym, b->pseudonym, when);
  else
    /* Translators: a room, two pseudonyms, a day with a time */
    message = g_strdup_printf (_("%s is booked for %s and %s at the same time on %s"),
                               name, a->pseudonym, b->pseudonym, when);
  add_finding (r, &head, message, _("Move one of the sessions, or choose another room or interpreter"));
}

/* The coming sessions are read once, in order of start, and each is
 * compared with those starting before it ends: a sweep, so a busy unit
 * costs a few comparisons per session rather than a join per pair.
 * Instants compare as stored text. */
static gboolean
rule_session_double_booked (Rules   *r,
                            GError **error)
{
  g_autofree char *limit = after_now (r, SCHEDULE_DAYS);
  g_autoptr(GArray) sessions = g_array_new (FALSE, TRUE, sizeof (Booked));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (sessions, booked_clear);
  /* Up to the limit and a session's length beyond, for the last ones' partners. */
  /* For one witness's page, only the stretch of time their own sessions
   * span can hold a clash that concerns them. */
  stmt = _ws_database_prepare (r->db, r->person_id == 0 ? BOOKED_SQL (" ORDER BY s.starts_at, s.id")
                                      : BOOKED_SQL (PERSON_SPAN " ORDER BY s.starts_at, s.id"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":now"), r->now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit, -1, SQLITE_TRANSIENT);
  if (r->person_id != 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":person"), r->person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Booked b = { 0 };

      b.id = sqlite3_column_int64 (stmt, 0);
      b.person_id = sqlite3_column_int64 (stmt, 1);
      b.court_site_id = sqlite3_column_int64 (stmt, 2);
      b.remote_site_id = sqlite3_column_int64 (stmt, 3);
      b.pseudonym = _ws_column_dup (stmt, 4);
      b.starts_at = _ws_column_dup (stmt, 5);
      b.ends_at = _ws_column_dup (stmt, 6);
      b.zone = _ws_column_dup (stmt, 7);
      b.court_name = _ws_column_dup (stmt, 8);
      b.remote_name = _ws_column_dup (stmt, 9);
      b.interpreters = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (sessions, b);
    }
  if (rc != SQLITE_DONE)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < sessions->len; i++)
    g_hash_table_insert (index, &g_array_index (sessions, Booked, i).id, &g_array_index (sessions, Booked, i));

  stmt = _ws_database_prepare (r->db,
    "SELECT si.session_id, si.interpreter_id, i.name"
    " FROM session s CROSS JOIN session_interpreter si ON si.session_id = s.id"
    " JOIN interpreter i ON i.id = si.interpreter_id"
    " WHERE s.status <> 'cancelled' AND s.ends_at > :now"
    " AND s.starts_at < strftime ('%Y-%m-%dT%H:%M:%SZ', :limit, '+" G_STRINGIFY (WS_SESSION_MAX_HOURS) " hours')"
    SESSION_FLOOR ("s"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":now"), r->now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 interpreter = sqlite3_column_int64 (stmt, 1);
      Booked *b = g_hash_table_lookup (index, &id);

      if (b != NULL)
        g_array_append_val (b->interpreters, interpreter);
      if (!g_hash_table_contains (names, &interpreter))
        g_hash_table_insert (names, g_memdup2 (&interpreter, sizeof interpreter), _ws_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < sessions->len; i++)
    {
      Booked *a = &g_array_index (sessions, Booked, i);

      if (strcmp (a->starts_at, limit) >= 0)
        break;
      for (guint k = i + 1; k < sessions->len; k++)
        {
          Booked *b = &g_array_index (sessions, Booked, k);

          if (strcmp (b->starts_at, a->ends_at) >= 0)
            break;
          report_double_booking (r, a, b, names);
        }
    }
  return TRUE;

fail:
  _ws_database_set_error (r->db, error, _("Checking what needs attention"));
  return FALSE;
}

/* Columns: 0 session, 1 person, 2 pseudonym, 3 starts_at, 4 zone,
 * 5 the place, 6 the case. */
static void
screened_row (Rules        *r,
              sqlite3_stmt *stmt)
{
  FindingHead head = { 0 };
  GDate date;
  g_autofree char *when = format_instant_in (r, column (stmt, 3), column (stmt, 4));

  session_head (r, stmt, "session-screened-accused", &head, &date);
  head.severity = WS_FINDING_SEVERITY_URGENT;
  add_finding (r, &head,
               /* Translators: a pseudonym, a room, a day with a time, a case reference */
               g_strdup_printf (_("%s would be in %s on %s while the accused of case %s are there"),
                                column (stmt, 2), column (stmt, 5), when, column (stmt, 6)),
               _("Move the session or let the witness testify from another site"));
}

/* The witness is at the remote site (or the court room without one); the
 * accused of a screened case are wherever its hearing sits and in the
 * court room of each of its sessions (see ws-scheduler.c). */
static gboolean
rule_session_screened_accused (Rules   *r,
                               GError **error)
{
  g_autofree char *limit = after_now (r, SCHEDULE_DAYS);

  return each_row (r,
    "SELECT s.id, s.person_id, p.pseudonym, s.starts_at, COALESCE (rs.zone, cs.zone),"
    " COALESCE (rs.name, cs.name), c.reference"
    " FROM session s JOIN person p ON p.id = s.person_id"
    " JOIN screening sc ON sc.person_id = s.person_id JOIN court_case c ON c.id = sc.case_id"
    " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id"
    " WHERE s.status <> 'cancelled' AND s.ends_at > :now AND s.starts_at < :limit" SESSION_FLOOR ("s")
    " AND (:person = 0 OR s.person_id = :person)"
    " AND (EXISTS (SELECT 1 FROM hearing h WHERE h.case_id = sc.case_id"
    "              AND h.site_id = COALESCE (s.remote_site_id, s.court_site_id)"
    "              AND h.starts_at < s.ends_at AND h.ends_at > s.starts_at)"
    "      OR EXISTS (SELECT 1 FROM hearing h2 JOIN session s2 ON s2.hearing_id = h2.id"
    "                 WHERE h2.case_id = sc.case_id AND s2.id <> s.id AND s2.status <> 'cancelled'"
    "                 AND s2.court_site_id = COALESCE (s.remote_site_id, s.court_site_id)"
    "                 AND s2.starts_at < s.ends_at AND s2.ends_at > s.starts_at))"
    " GROUP BY s.id, sc.case_id ORDER BY s.starts_at, s.id",
    limit, screened_row, error);
}

/* Columns: 0 session, 1 person, 2 pseudonym, 3 starts_at, 4 zone,
 * 5 ends_at, 6 remote site. */
static void
hours_row (Rules        *r,
           sqlite3_stmt *stmt)
{
  gint64 site_id = sqlite3_column_int64 (stmt, 6);
  WsSite *site = g_hash_table_lookup (r->sites, &site_id);
  g_autoptr(GDateTime) from = ws_time_parse_instant (column (stmt, 3));
  g_autoptr(GDateTime) to = ws_time_parse_instant (column (stmt, 5));
  g_autofree char *local_from = NULL;
  g_autofree char *local_to = NULL;
  g_autofree char *days = NULL;
  g_autofree char *when = NULL;
  FindingHead head = { 0 };
  GDate date;

  if (site == NULL || from == NULL || to == NULL || ws_site_is_working_between (site, from, to))
    return;
  session_head (r, stmt, "session-outside-hours", &head, &date);
  local_from = ws_site_format_local_time (site, from);
  local_to = ws_site_format_local_time (site, to);
  days = ws_weekdays_format (ws_site_get_working_days (site));
  when = format_instant_in (r, column (stmt, 3), ws_site_get_zone (site));
  add_finding (r, &head,
               /* Translators: pseudonym, site, local day and time, local start, local end, opening, closing, days */
               g_strdup_printf (_("%s's session at %s on %s runs %s–%s there, outside its hours %s–%s (%s)"),
                                column (stmt, 2), ws_site_get_name (site), when, local_from, local_to,
                                ws_site_get_opens_at (site), ws_site_get_closes_at (site), days),
               _("Agree the time with the remote site or move the session"));
}

/* Judged on the remote site's own clock on the session's date. */
static gboolean
rule_session_outside_hours (Rules   *r,
                            GError **error)
{
  g_autofree char *limit = after_now (r, SCHEDULE_DAYS);
  g_autoptr(GPtrArray) sites = _ws_load_sites (r->db, error);
  gboolean ok;

  if (sites == NULL)
    return FALSE;
  r->sites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < sites->len; i++)
    {
      WsSite *site = g_ptr_array_index (sites, i);
      gint64 id = ws_site_get_id (site);

      g_hash_table_insert (r->sites, g_memdup2 (&id, sizeof id), g_object_ref (site));
    }
  ok = each_row (r,
    "SELECT s.id, s.person_id, p.pseudonym, s.starts_at, rs.zone, s.ends_at, s.remote_site_id"
    " FROM session s JOIN person p ON p.id = s.person_id JOIN site rs ON rs.id = s.remote_site_id"
    " WHERE s.status <> 'cancelled' AND s.ends_at > :now AND s.starts_at < :limit" SESSION_FLOOR ("s")
    " AND (:person = 0 OR s.person_id = :person)"
    " ORDER BY s.starts_at, s.id",
    limit, hours_row, error);
  g_clear_pointer (&r->sites, g_hash_table_unref);
  return ok;
}

/* Columns: 0 session, 1 person, 2 pseudonym, 3 starts_at, 4 zone,
 * 5 interpreter (NULL: none booked), 6 preferred gender. */
static void
interpreter_row (Rules        *r,
                 sqlite3_stmt *stmt)
{
  FindingHead head = { 0 };
  GDate date;
  g_autofree char *when = format_instant_in (r, column (stmt, 3), column (stmt, 4));

  session_head (r, stmt, "session-interpreter", &head, &date);
  if (column (stmt, 5) == NULL)
    add_finding (r, &head,
                 /* Translators: a pseudonym and a day with a time */
                 g_strdup_printf (_("%s needs an interpreter and none is booked for the session on %s"),
                                  column (stmt, 2), when),
                 _("Book an interpreter in the witness's language"));
  else
    {
      head.severity = WS_FINDING_SEVERITY_WARNING;
      add_finding (r, &head,
                   g_strcmp0 (column (stmt, 6), "female") == 0
                   /* Translators: a pseudonym, an interpreter, a day with a time */
                   ? g_strdup_printf (_("%s asked for a woman interpreter; %s is booked on %s"),
                                      column (stmt, 2), column (stmt, 5), when)
                   : g_strdup_printf (_("%s asked for a man interpreter; %s is booked on %s"),
                                      column (stmt, 2), column (stmt, 5), when),
                   _("Book an interpreter of the gender the witness asked for, or record why not"));
    }
}

/* Needed: the witness's plan has an interpreter (need
 * "language.interpreter") that is not cancelled. Wrong gender: the
 * interpreter is not recorded as of the gender the witness asked for. */
static gboolean
rule_session_interpreter (Rules   *r,
                          GError **error)
{
  g_autofree char *limit = after_now (r, SCHEDULE_DAYS);

  return each_row (r,
    "SELECT s.id, s.person_id, p.pseudonym, s.starts_at, COALESCE (cs.zone, rs.zone), NULL, p.interpreter_gender"
    " FROM session s JOIN person p ON p.id = s.person_id"
    " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id"
    " WHERE s.status <> 'cancelled' AND s.ends_at > :now AND s.starts_at < :limit" SESSION_FLOOR ("s")
    " AND (:person = 0 OR s.person_id = :person)"
    " AND NOT EXISTS (SELECT 1 FROM session_interpreter si WHERE si.session_id = s.id)"
    " AND EXISTS (SELECT 1 FROM support_item it WHERE it.person_id = s.person_id"
    "             AND it.need_code = 'language.interpreter' AND it.status <> 'cancelled')"
    " UNION ALL"
    " SELECT s.id, s.person_id, p.pseudonym, s.starts_at, COALESCE (cs.zone, rs.zone), i.name, p.interpreter_gender"
    " FROM session s JOIN person p ON p.id = s.person_id"
    " JOIN session_interpreter si ON si.session_id = s.id JOIN interpreter i ON i.id = si.interpreter_id"
    " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id"
    " WHERE s.status <> 'cancelled' AND s.ends_at > :now AND s.starts_at < :limit" SESSION_FLOOR ("s")
    " AND (:person = 0 OR s.person_id = :person)"
    " AND p.interpreter_gender IN ('female', 'male') AND i.gender <> p.interpreter_gender",
    limit, interpreter_row, error);
}

/* ------------------------------------------------------------------ */
/* The table of rules                                                  */

typedef gboolean (*RuleFunc) (Rules   *r,
                              GError **error);

/* Each rule reads what its permission allows: a prosecutor sees the
 * findings about measures, risk and proceedings, not those that would
 * tell them about a witness's services, consent or shelter. */
typedef struct {
  const char   *id;
  const char   *title;
  RuleFunc      run;
  WsPermission  needs;
} Rule;

static const Rule rules[] = {
  { "measure-undecided", N_("Measure undecided close to its hearing"), rule_measure_undecided,
    WS_PERMISSION_READ_MEASURES },
  { "measure-not-arranged", N_("Measure granted but not arranged close to its hearing"), rule_measure_not_arranged,
    WS_PERMISSION_READ_MEASURES },
  { "refused-no-alternative", N_("Measure refused with no alternative considered"), rule_refused_no_alternative,
    WS_PERMISSION_READ_MEASURES },
  { "child-no-testimonial-aid", N_("Child witness with no testimonial aid considered"), rule_child_no_testimonial_aid,
    WS_PERMISSION_READ_MEASURES },
  { "video-link-no-session", N_("Video link granted with no session booked"), rule_video_link_no_session,
    WS_PERMISSION_READ_MEASURES },
  { "risk-review-overdue", N_("Risk review overdue"), rule_risk_review_overdue, WS_PERMISSION_READ_RISK },
  { "reflection-ending", N_("Reflection period ending soon"), rule_reflection_ending, WS_PERMISSION_READ_PLAN },
  { "support-item-overdue", N_("Need or service overdue"), rule_support_item_overdue, WS_PERMISSION_READ_PLAN },
  { "risk-after-phase-change", N_("Phase changed with no risk assessment since"), rule_risk_after_phase_change,
    WS_PERMISSION_READ_RISK },
  { "risk-before-hearing", N_("Hearing close with no recent risk assessment"), rule_risk_before_hearing,
    WS_PERMISSION_READ_RISK },
  { "child-no-guardian", N_("Child with no guardian"), rule_child_no_guardian, WS_PERMISSION_READ_IDENTITY },
  { "child-no-age-assessment", N_("Presumed child with no age assessment"), rule_child_no_age_assessment,
    WS_PERMISSION_READ_PERSONS },
  { "referral-without-consent", N_("Referral without valid consent"), rule_referral_without_consent,
    WS_PERMISSION_READ_PLAN },
  { "outcome-not-told", N_("Verdict not told to the witness"), rule_outcome_not_told, WS_PERMISSION_READ_PLAN },
  { "turns-18-before-trial", N_("Witness turning 18 before the trial"), rule_turns_18_before_trial,
    WS_PERMISSION_READ_IDENTITY },
  { "consent-expiring", N_("Consent expiring soon"), rule_consent_expiring, WS_PERMISSION_READ_PLAN },
  { "session-double-booked", N_("Witness, room or interpreter double-booked"), rule_session_double_booked,
    WS_PERMISSION_READ_SCHEDULE },
  { "session-screened-accused", N_("Screened witness scheduled where the accused are"), rule_session_screened_accused,
    WS_PERMISSION_READ_SCHEDULE },
  { "session-outside-hours", N_("Session outside the remote site's hours"), rule_session_outside_hours,
    WS_PERMISSION_READ_SCHEDULE },
  { "session-interpreter", N_("Interpreter needed but missing, or of the wrong gender"), rule_session_interpreter,
    WS_PERMISSION_READ_SCHEDULE },
};

/**
 * ws_rules_list:
 *
 * Returns: (transfer full): the id of every rule, in evaluation order
 */
GStrv
ws_rules_list (void)
{
  GStrv ids = g_new0 (char *, G_N_ELEMENTS (rules) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    ids[i] = g_strdup (rules[i].id);
  return ids;
}

/**
 * ws_rules_get_title:
 *
 * Returns: (nullable): the translated title of the rule, or %NULL if unknown
 */
const char *
ws_rules_get_title (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].id, rule) == 0)
      return _(rules[i].title);
  return NULL;
}

void
ws_rules_settings_init (WsRulesSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->undecided_days = 14;
  settings->unarranged_days = 7;
  settings->urgent_days = 3;
  settings->session_days = 21;
  settings->reflection_days = 7;
  settings->zone = NULL;
  settings->hearing_risk_days = 14;
  settings->outcome_working_days = 2;
  settings->consent_days = 14;
}

/**
 * ws_rules_settings_read:
 * @gsettings: the application's settings
 *
 * Fills @settings with the thresholds the unit chose (the "attention-*"
 * keys), so the window, every page and the command line judge alike.
 */
void
ws_rules_settings_read (WsRulesSettings *settings,
                        GSettings       *gsettings)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (G_IS_SETTINGS (gsettings));

  ws_rules_settings_init (settings);
  settings->undecided_days = g_settings_get_uint (gsettings, "attention-undecided-days");
  settings->unarranged_days = g_settings_get_uint (gsettings, "attention-unarranged-days");
  settings->urgent_days = g_settings_get_uint (gsettings, "attention-urgent-days");
  settings->session_days = g_settings_get_uint (gsettings, "attention-session-days");
  settings->reflection_days = g_settings_get_uint (gsettings, "attention-reflection-days");
  settings->hearing_risk_days = g_settings_get_uint (gsettings, "attention-hearing-risk-days");
  settings->outcome_working_days = g_settings_get_uint (gsettings, "attention-outcome-working-days");
  settings->consent_days = g_settings_get_uint (gsettings, "attention-consent-days");
}

/**
 * ws_rules_settings_load:
 *
 * Fills @settings from the application's settings where its schema is
 * installed (with every threshold key); otherwise, as on a server that
 * only runs the command line, with the defaults.
 *
 * Returns: whether the unit's settings were found
 */
gboolean
ws_rules_settings_load (WsRulesSettings *settings)
{
  g_autoptr(GSettings) gsettings = ws_settings_new_if_installed ("attention-consent-days");

  g_return_val_if_fail (settings != NULL, FALSE);

  ws_rules_settings_init (settings);
  if (gsettings == NULL)
    return FALSE;
  ws_rules_settings_read (settings, gsettings);
  return TRUE;
}

/* Most pressing first, then soonest; findings without a date after
 * those with one. The rule and subject make the order total. */
static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  WsFinding *x = *(WsFinding **) a;
  WsFinding *y = *(WsFinding **) b;
  gboolean x_dated = g_date_valid (&x->date);
  gboolean y_dated = g_date_valid (&y->date);
  int order;

  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  if (x_dated != y_dated)
    return x_dated ? -1 : 1;
  if (x_dated && (order = g_date_compare (&x->date, &y->date)) != 0)
    return order;
  if ((order = g_strcmp0 (x->rule, y->rule)) != 0)
    return order;
  return x->subject_id < y->subject_id ? -1 : x->subject_id > y->subject_id;
}

static void
rules_init (Rules                 *r,
            WsDatabase            *db,
            GDateTime             *now,
            const WsRulesSettings *settings)
{
  g_autoptr(GTimeZone) tz = settings->zone != NULL ? g_time_zone_new_identifier (settings->zone) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_local ();
  r->db = db;
  r->now = g_date_time_to_utc (now);
  r->now_text = ws_time_format_instant (r->now);
  local = g_date_time_to_timezone (r->now, tz);
  g_date_clear (&r->today, 1);
  g_date_set_dmy (&r->today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  r->today_text = ws_time_format_date (&r->today);
  r->settings = *settings;
  r->urgent_limit = after_now (r, settings->urgent_days);
  r->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  r->findings = g_ptr_array_new_with_free_func (g_object_unref);
  r->days = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

static void
rules_clear (Rules *r)
{
  g_clear_pointer (&r->now, g_date_time_unref);
  g_clear_pointer (&r->now_text, g_free);
  g_clear_pointer (&r->today_text, g_free);
  g_clear_pointer (&r->urgent_limit, g_free);
  g_clear_pointer (&r->zones, g_hash_table_unref);
  g_clear_pointer (&r->findings, g_ptr_array_unref);
  g_clear_pointer (&r->days, g_hash_table_unref);
}

static GPtrArray *
evaluate (WsDatabase             *db,
          gint64                  person_id,
          GDateTime              *now,
          const WsRulesSettings  *settings,
          GError                **error)
{
  WsRulesSettings defaults;
  Rules r = { 0 };
  GPtrArray *findings = NULL;
  gboolean ok = TRUE;

  if (settings == NULL)
    {
      ws_rules_settings_init (&defaults);
      settings = &defaults;
    }
  rules_init (&r, db, now, settings);
  r.person_id = person_id;

  /* One lock for the run, so every rule sees the same records. */
  _ws_database_lock (db);
  for (guint i = 0; ok && i < G_N_ELEMENTS (rules); i++)
    {
      gint64 start = g_get_monotonic_time ();
      guint before = r.findings->len;

      if (!ws_database_may (db, rules[i].needs))
        continue;
      ok = rules[i].run (&r, error);
      g_debug ("%s: %u findings in %.1f ms", rules[i].id, r.findings->len - before,
               (g_get_monotonic_time () - start) / 1000.0);
    }
  _ws_database_unlock (db);

  if (ok)
    {
      /* Rules that look at the whole schedule at once (double bookings)
       * cannot narrow their query to one witness: what concerns others
       * is dropped here, so a witness's page shows only their own. */
      if (r.person_id != 0)
        for (guint i = r.findings->len; i > 0; i--)
          if (ws_finding_get_person_id (g_ptr_array_index (r.findings, i - 1)) != r.person_id)
            g_ptr_array_remove_index (r.findings, i - 1);
      g_ptr_array_sort (r.findings, compare_findings);
      findings = g_steal_pointer (&r.findings);
    }
  rules_clear (&r);
  return findings;
}

/**
 * ws_rules_evaluate:
 * @now: the instant to evaluate at; rules never read the wall clock
 * @settings: (nullable): thresholds, or %NULL for the defaults
 *
 * Evaluates every rule the current role may see against the database.
 *
 * Returns: (transfer container) (element-type WsFinding): the findings,
 *   most severe first, then by date; %NULL with @error set on failure
 */
GPtrArray *
ws_rules_evaluate (WsDatabase             *db,
                   GDateTime              *now,
                   const WsRulesSettings  *settings,
                   GError                **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_ATTENTION, error))
    return NULL;
  return evaluate (db, 0, now, settings, error);
}

/**
 * ws_rules_evaluate_person:
 * @person_id: the witness
 *
 * Like ws_rules_evaluate(), for one witness's findings only.
 *
 * Returns: (transfer container) (element-type WsFinding): the findings
 */
GPtrArray *
ws_rules_evaluate_person (WsDatabase             *db,
                          gint64                  person_id,
                          GDateTime              *now,
                          const WsRulesSettings  *settings,
                          GError                **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (person_id > 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_ATTENTION, error))
    return NULL;
  return evaluate (db, person_id, now, settings, error);
}

typedef struct {
  GDateTime       *now;
  WsRulesSettings  settings;
  char            *zone;
} EvaluateData;

static void
evaluate_data_free (EvaluateData *data)
{
  g_date_time_unref (data->now);
  g_free (data->zone);
  g_free (data);
}

static void
evaluate_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  EvaluateData *data = task_data;
  GError *error = NULL;
  GPtrArray *findings = ws_rules_evaluate (source, data->now, &data->settings, &error);

  if (findings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

void
ws_rules_evaluate_async (WsDatabase             *db,
                         GDateTime              *now,
                         const WsRulesSettings  *settings,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  EvaluateData *data;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (now != NULL);

  data = g_new0 (EvaluateData, 1);
  data->now = g_date_time_ref (now);
  if (settings != NULL)
    data->settings = *settings;
  else
    ws_rules_settings_init (&data->settings);
  data->zone = g_strdup (data->settings.zone);
  data->settings.zone = data->zone;

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ws_rules_evaluate_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) evaluate_data_free);
  g_task_run_in_thread (task, evaluate_thread);
}

/**
 * ws_rules_evaluate_finish:
 *
 * Returns: (transfer container) (element-type WsFinding): the findings
 */
GPtrArray *
ws_rules_evaluate_finish (WsDatabase    *db,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
