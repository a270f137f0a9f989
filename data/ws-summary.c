/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-identity.h"
#include "ws-measure.h"
#include "ws-summary.h"
#include "ws-text.h"
#include "ws-time.h"

/* The anonymised support summary: a WsDocument built from pseudonymous
 * records only. Identity is never read here except through the identity
 * module (an age band, and the redactor's list of identifiers), and every
 * free text taken from the database goes through one redactor before it
 * reaches the document, so what leaves the unit is scrubbed by
 * construction. Everything is read inside one transaction, so the
 * sections agree with each other and the audit record of the summary is
 * written only if the whole summary was built. */

#define OPEN_START "0001-01-01"
#define OPEN_END   "9999-12-31T23:59:59Z"

typedef struct {
  WsDatabase        *db;
  WsPerson          *person;
  WsDocument        *doc;
  WsRedactor        *redactor;
  WsRedactionReport  removed;
  GDate              from;        /* invalid: open start */
  GDate              to;
  GDate              today;
  GTimeZone         *zone;
  const char        *zone_name;
  char              *from_text;   /* the period as stored dates, for SQL */
  char              *to_text;
} Summary;

typedef gboolean (*SectionFunc) (Summary  *s,
                                 GError  **error);

typedef struct {
  const char *code;
  const char *label;
} Label;

static const Label measure_statuses[] = {
  { "proposed", N_("Proposed") },
  { "applied-for", N_("Applied for") },
  { "granted", N_("Granted") },
  { "refused", N_("Refused") },
  { "withdrawn", N_("Withdrawn") },
  { "arranged", N_("Arranged") },
};

static const Label support_statuses[] = {
  { "planned", N_("Planned") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
};

static const Label support_consents[] = {
  { "not-asked", N_("Not asked yet") },
  { "accepted", N_("Accepted") },
  { "declined", N_("Declined") },
};

static const Label session_statuses[] = {
  { "planned", N_("Planned") },
  { "confirmed", N_("Confirmed") },
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static const char *
lookup_label (const Label *table,
              gsize        n,
              const char  *code)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (table[i].code, code) == 0)
      return _(table[i].label);
  return NULL;
}

/* Anything the database holds as text may have been typed by a person,
 * so it is redacted, even a code with no label. */
static char *
redact (Summary    *s,
        const char *text)
{
  return ws_redactor_redact (s->redactor, text, &s->removed);
}

static char *
label_or_redact (Summary     *s,
                 const Label *table,
                 gsize        n,
                 const char  *code)
{
  const char *label = lookup_label (table, n, code);

  return label != NULL ? g_strdup (label) : redact (s, code);
}

/* The catalogue's label; a code it does not know is free text. */
static char *
measure_type_label (Summary    *s,
                    const char *code)
{
  return ws_measure_type_lookup (code) != NULL ? g_strdup (ws_measure_type_get_label (code)) : redact (s, code);
}

static const char *
column (sqlite3_stmt *stmt,
        int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? text : "";
}

/* A stored nick as its label; NULL for a nick this version does not know. */
static const char *
phase_label (const char *nick)
{
  int value;

  return ws_enum_from_nick (WS_TYPE_PHASE, nick, &value) ? ws_phase_get_label (value) : NULL;
}

static const char *
risk_label (const char *nick)
{
  int value;

  return ws_enum_from_nick (WS_TYPE_RISK_LEVEL, nick, &value) ? ws_risk_level_get_label (value) : NULL;
}

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  /* Translators: how dates are written in summary tables, a
   * g_date_time_format() string; keep the month a word */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* A stored YYYY-MM-DD date for printing; "" when there is none. */
static char *
format_stored_day (const char *text)
{
  GDate date;

  if (!ws_time_parse_date (text, &date))
    return g_strdup ("");
  return format_day (&date);
}

static GDateTime *
instant_in_zone (Summary    *s,
                 const char *text)
{
  g_autoptr(GDateTime) utc = ws_time_parse_instant (text);

  if (utc == NULL)
    return NULL;
  return g_date_time_to_timezone (utc, s->zone);
}

static char *
format_instant_day (Summary    *s,
                    const char *text)
{
  g_autoptr(GDateTime) local = instant_in_zone (s, text);

  if (local == NULL)
    return g_strdup ("");
  /* Translators: a g_date_time_format() string, as "%-d %b %Y" above */
  return g_date_time_format (local, _("%-d %b %Y"));
}

/* The start of @date in the reader's zone, as a stored UTC instant. */
static char *
day_start_instant (Summary     *s,
                   const GDate *date)
{
  g_autoptr(GDateTime) start = g_date_time_new (s->zone, g_date_get_year (date), g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);

  return ws_time_format_instant (start);
}

static sqlite3_stmt *
prepare (Summary     *s,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = _ws_database_prepare (s->db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, ws_person_get_id (s->person));
  return stmt;
}

static gboolean
rows_done (Summary  *s,
           int       rc,
           GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  _ws_database_set_error (s->db, error, _("Reading the database"));
  return FALSE;
}

static void
add_none (Summary *s)
{
  ws_document_add_note (s->doc, _("None recorded"));
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static gboolean
add_profile (Summary  *s,
             GError  **error)
{
  WsPerson *person = s->person;
  g_autofree char *band = ws_database_read_age_band (s->db, person, &s->today, error);
  g_autofree char *languages = NULL;

  if (band == NULL)
    return FALSE;

  ws_document_add_heading (s->doc, 1, _("Profile"));
  ws_document_add_field (s->doc, _("Pseudonym"), ws_person_get_pseudonym (person));
  ws_document_add_field (s->doc, _("Age band"), band);
  ws_document_add_field (s->doc, _("Child status"), ws_age_status_get_label (ws_person_get_age_status (person)));
  /* Gender is printed only where the witness agreed; otherwise the line
   * is left out, so its absence says nothing either. */
  if (ws_person_get_gender_in_summary (person))
    ws_document_add_field (s->doc, _("Gender"), ws_gender_get_label (ws_person_get_gender (person)));

  languages = ws_person_dup_languages_text (person);
  if (*languages != '\0')
    {
      g_autofree char *shown = redact (s, languages);

      ws_document_add_field (s->doc, _("Languages"), shown);
      ws_document_add_field (s->doc, _("Interpreter"),
                             ws_interpreter_gender_get_label (ws_person_get_interpreter_gender (person)));
    }
  else
    ws_document_add_field (s->doc, _("Languages"), _("None recorded"));
  return TRUE;
}

static gboolean
add_phases (Summary  *s,
            GError  **error)
{
  static const double widths[] = { 1, 3 };
  const char *headers[] = { _("Began on"), _("Phase"), NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;
  int rc;

  ws_document_add_heading (s->doc, 1, _("Phases"));
  ws_document_add_field (s->doc, _("Current phase"), ws_phase_get_label (ws_person_get_phase (s->person)));

  /* Who moved the witness on is staff business, and the note is free
   * text of no use outside the unit: only the date and phase go out. */
  stmt = prepare (s, "SELECT began_at, phase FROM phase_change WHERE person_id = ?1 AND substr (began_at, 1, 10) <= ?2"
                     " ORDER BY began_at, id", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 2, s->to_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *day = format_instant_day (s, column (stmt, 0));
      const char *label = phase_label (column (stmt, 1));
      g_autofree char *unknown = label == NULL ? redact (s, column (stmt, 1)) : NULL;
      const char *cells[] = { day, label != NULL ? label : unknown, NULL };

      if (n++ == 0)
        ws_document_begin_table (s->doc, 2, headers, widths);
      ws_document_add_row (s->doc, cells);
    }
  if (n == 0)
    ws_document_add_note (s->doc, _("No phase changes recorded"));
  return rows_done (s, rc, error);
}

static void
add_support_row (Summary      *s,
                 sqlite3_stmt *stmt,
                 char        **phase_shown)
{
  static const double widths[] = { 3, 1.3, 1.3, 1.6, 3.3 };
  const char *headers[] = { _("Need"), _("Status"), _("Consent"), _("Due"), _("Notes"), NULL };
  const char *phase = column (stmt, 1);
  g_autofree char *need = redact (s, column (stmt, 0));
  g_autofree char *status = label_or_redact (s, support_statuses, G_N_ELEMENTS (support_statuses), column (stmt, 2));
  g_autofree char *consent = label_or_redact (s, support_consents, G_N_ELEMENTS (support_consents), column (stmt, 3));
  g_autofree char *due = format_stored_day (column (stmt, 4));
  g_autofree char *notes = redact (s, column (stmt, 5));
  const char *cells[] = { need, status, consent, due, notes, NULL };

  /* Items come ordered by phase; each phase gets its own small table. */
  if (*phase_shown == NULL || !g_str_equal (*phase_shown, phase))
    {
      const char *label = phase_label (phase);
      g_autofree char *unknown = label == NULL ? redact (s, phase) : NULL;

      ws_document_add_heading (s->doc, 2, label != NULL ? label : unknown);
      ws_document_begin_table (s->doc, G_N_ELEMENTS (widths), headers, widths);
      g_free (*phase_shown);
      *phase_shown = g_strdup (phase);
    }
  ws_document_add_row (s->doc, cells);
}

static gboolean
add_support (Summary  *s,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *phase_shown = NULL;
  int rc;

  ws_document_add_heading (s->doc, 1, _("Support plan"));

  /* Open items always count; finished ones only when offered or due in
   * the period. */
  stmt = prepare (s, "SELECT n.title, s.phase, s.status, s.consent, s.due_on, s.notes"
                     " FROM support_item s JOIN need n ON n.code = s.need_code"
                     " WHERE s.person_id = ?1 AND (s.status IN ('planned', 'in-progress')"
                     "   OR s.offered_on BETWEEN ?2 AND ?3 OR s.due_on BETWEEN ?2 AND ?3)"
                     " ORDER BY CASE s.phase WHEN 'initial' THEN 0 WHEN 'investigation' THEN 1 WHEN 'trial' THEN 2"
                     "   WHEN 'post-trial' THEN 3 WHEN 'sustainable' THEN 4 ELSE 5 END, s.phase,"
                     "   s.due_on IS NULL, s.due_on, n.title, s.id", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 2, s->from_text);
  _ws_bind_text (stmt, 3, s->to_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_support_row (s, stmt, &phase_shown);
  if (phase_shown == NULL)
    add_none (s);
  return rows_done (s, rc, error);
}

static char *
measure_scope (Summary      *s,
               sqlite3_stmt *stmt)
{
  g_autofree char *day = NULL;

  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    return g_strdup (_("Whole proceedings"));
  day = format_instant_day (s, column (stmt, 6));
  /* Translators: %s is the date of a hearing */
  return g_strdup_printf (_("Hearing on %s"), day);
}

/* The measure's notes, and both sides of a contested decision, each
 * scrubbed: a reason or position may quote the witness. */
static char *
measure_notes (Summary      *s,
               sqlite3_stmt *stmt)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *labels[] = { NULL, _("Reason for refusal: "), _("Defence position: ") };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *text = column (stmt, 3 + i);
      g_autofree char *clean = NULL;

      if (ws_text_is_blank (text))
        continue;
      clean = redact (s, text);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (labels[i] != NULL)
        g_string_append (out, labels[i]);
      g_string_append (out, clean);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_measure_row (Summary      *s,
                 sqlite3_stmt *stmt,
                 char        **case_shown)
{
  static const double widths[] = { 2.6, 1.7, 1.1, 1.6, 3.2 };
  const char *headers[] = { _("Measure"), _("Applies to"), _("Status"), _("Decided"), _("Notes"), NULL };
  const char *reference = column (stmt, 7);
  g_autofree char *type = measure_type_label (s, column (stmt, 0));
  g_autofree char *scope = measure_scope (s, stmt);
  g_autofree char *status = label_or_redact (s, measure_statuses, G_N_ELEMENTS (measure_statuses), column (stmt, 1));
  g_autofree char *decided = format_stored_day (column (stmt, 2));
  g_autofree char *notes = measure_notes (s, stmt);
  const char *cells[] = { type, scope, status, decided, notes, NULL };

  if (*case_shown == NULL || !g_str_equal (*case_shown, reference))
    {
      g_autofree char *ref = redact (s, reference);
      /* Translators: %s is a case reference */
      g_autofree char *heading = g_strdup_printf (_("Case %s"), ref);

      ws_document_add_heading (s->doc, 2, heading);
      ws_document_begin_table (s->doc, G_N_ELEMENTS (widths), headers, widths);
      g_free (*case_shown);
      *case_shown = g_strdup (reference);
    }
  ws_document_add_row (s->doc, cells);
}

static gboolean
add_measures (Summary  *s,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *case_shown = NULL;
  int rc;

  ws_document_add_heading (s->doc, 1, _("Protective measures"));

  /* The witness's own measures and those the court decided for every
   * witness of their cases. */
  stmt = prepare (s, "SELECT m.type, m.status, m.decided_on, m.notes, m.refusal_reason, m.defence_position,"
                     " h.starts_at, c.reference"
                     " FROM measure m JOIN court_case c ON c.id = m.case_id LEFT JOIN hearing h ON h.id = m.hearing_id"
                     " WHERE m.person_id = ?1 OR (m.person_id IS NULL AND m.case_id IN"
                     "   (SELECT case_id FROM case_party WHERE person_id = ?1))"
                     " ORDER BY c.reference, h.starts_at IS NOT NULL, h.starts_at, m.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_measure_row (s, stmt, &case_shown);
  if (case_shown == NULL)
    add_none (s);
  return rows_done (s, rc, error);
}

static char *
session_when (Summary      *s,
              sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) starts = instant_in_zone (s, column (stmt, 0));
  g_autoptr(GDateTime) ends = instant_in_zone (s, column (stmt, 1));
  gboolean same_day, same_offset;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  if (starts == NULL || ends == NULL)
    return g_strdup ("");
  same_day = g_date_time_get_year (starts) == g_date_time_get_year (ends) &&
             g_date_time_get_day_of_year (starts) == g_date_time_get_day_of_year (ends);
  /* A session across a daylight-saving change shows both zone names. */
  same_offset = g_date_time_get_utc_offset (starts) == g_date_time_get_utc_offset (ends);

  /* Translators: g_date_time_format() strings for a session's day, its
   * start and its end; %Z is the zone's abbreviation (GMT, BST, +07) */
  day = g_date_time_format (starts, _("%a %-d %b %Y"));
  from = g_date_time_format (starts, same_offset ? _("%H:%M") : _("%H:%M %Z"));
  until = g_date_time_format (ends, same_day ? _("%H:%M %Z") : _("%-d %b %H:%M %Z"));
  /* Translators: a session's day, then its start and end times */
  return g_strdup_printf (_("%s\n%s–%s"), day, from, until);
}

static void
add_session_row (Summary      *s,
                 sqlite3_stmt *stmt,
                 guint         n)
{
  static const double widths[] = { 2.2, 1.8, 2, 1.4, 1.2, 1.6 };
  const char *headers[] = { NULL, _("Court room"), _("Remote site"), _("Case"), _("Status"), _("Reference"), NULL };
  g_autofree char *when_header = NULL;
  g_autofree char *when = session_when (s, stmt);
  g_autofree char *court = redact (s, column (stmt, 4));
  g_autofree char *remote = redact (s, column (stmt, 5));
  g_autofree char *reference = redact (s, column (stmt, 6));
  g_autofree char *status = label_or_redact (s, session_statuses, G_N_ELEMENTS (session_statuses), column (stmt, 2));
  g_autofree char *platform = redact (s, column (stmt, 3));
  const char *cells[] = { when, court, remote, reference, status, platform, NULL };

  if (n == 0)
    {
      /* Translators: a table header; %s is a time zone such as Europe/London */
      headers[0] = when_header = g_strdup_printf (_("When (%s)"), s->zone_name);
      ws_document_begin_table (s->doc, G_N_ELEMENTS (widths), headers, widths);
    }
  ws_document_add_row (s->doc, cells);
}

/* Upcoming sessions when the period reaches today; a period wholly in
 * the past shows the sessions it held instead. */
static void
session_window (Summary  *s,
                char    **lower,
                char    **upper)
{
  g_autofree char *now = ws_time_now_iso ();
  g_autofree char *from = g_date_valid (&s->from) ? day_start_instant (s, &s->from) : g_strdup (OPEN_START);

  if (g_date_compare (&s->to, &s->today) >= 0)
    {
      *lower = g_strdup (strcmp (now, from) > 0 ? now : from);
      *upper = g_strdup (OPEN_END);
    }
  else
    {
      GDate after = s->to;

      g_date_add_days (&after, 1);
      *lower = g_steal_pointer (&from);
      *upper = day_start_instant (s, &after);
    }
}

static gboolean
add_sessions (Summary  *s,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *zone_note = NULL;
  guint n = 0;
  int rc;

  ws_document_add_heading (s->doc, 1, _("Video-link sessions"));

  /* Link address, PIN and technical contact open the link: never read. */
  stmt = prepare (s, "SELECT s.starts_at, s.ends_at, s.status, s.platform_ref, cs.name, rs.name, c.reference"
                     " FROM session s JOIN hearing h ON h.id = s.hearing_id JOIN court_case c ON c.id = h.case_id"
                     " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id"
                     " WHERE s.person_id = ?1 AND s.status <> 'cancelled' AND s.starts_at >= ?2 AND s.starts_at < ?3"
                     " ORDER BY s.starts_at, s.id", error);
  if (stmt == NULL)
    return FALSE;
  session_window (s, &lower, &upper);
  _ws_bind_text (stmt, 2, lower);
  _ws_bind_text (stmt, 3, upper);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A subheading, not a paragraph: headings stay with the table
       * that follows them when a page breaks. */
      if (n == 0)
        {
          /* Translators: %s is a time zone such as Europe/London */
          zone_note = g_strdup_printf (_("Times in %s"), s->zone_name);
          ws_document_add_heading (s->doc, 2, zone_note);
        }
      add_session_row (s, stmt, n++);
    }
  if (n == 0)
    ws_document_add_note (s->doc, _("No sessions planned"));
  return rows_done (s, rc, error);
}

static void
add_risk_fields (Summary      *s,
                 sqlite3_stmt *stmt)
{
  const char *level = risk_label (column (stmt, 0));
  g_autofree char *unknown = level == NULL ? redact (s, column (stmt, 0)) : NULL;
  g_autofree char *assessed = format_stored_day (column (stmt, 1));
  g_autofree char *review = format_stored_day (column (stmt, 2));
  GDate next;

  ws_document_add_field (s->doc, _("Risk level"), level != NULL ? level : unknown);
  ws_document_add_field (s->doc, _("Assessed on"), assessed);
  if (!ws_time_parse_date (column (stmt, 2), &next))
    ws_document_add_field (s->doc, _("Next review"), _("Not set"));
  else if (g_date_compare (&next, &s->today) < 0)
    {
      /* Translators: %s is a date that has passed */
      g_autofree char *overdue = g_strdup_printf (_("%s (overdue)"), review);

      ws_document_add_field (s->doc, _("Next review"), overdue);
    }
  else
    ws_document_add_field (s->doc, _("Next review"), review);
}

static gboolean
add_risk (Summary  *s,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  WsRiskLevel level = ws_person_get_risk_level (s->person);
  int rc;

  ws_document_add_heading (s->doc, 1, _("Risk"));

  /* The threats column is never selected: what someone fears, and from
   * whom, is exactly what must not travel. */
  stmt = prepare (s, "SELECT level, assessed_on, next_review FROM risk_assessment"
                     " WHERE person_id = ?1 AND assessed_on <= ?2 ORDER BY assessed_on DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 2, s->to_text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      add_risk_fields (s, stmt);
      return TRUE;
    }
  if (level != WS_RISK_LEVEL_UNKNOWN)
    {
      ws_document_add_field (s->doc, _("Risk level"), ws_risk_level_get_label (level));
      ws_document_add_note (s->doc, _("No dated assessment recorded"));
    }
  else
    add_none (s);
  return rows_done (s, rc, error);
}

static gboolean
add_consent (Summary  *s,
             GError  **error)
{
  static const double widths[] = { 2.5, 4, 1.3, 1.3 };
  const char *headers[] = { _("Recipient"), _("Purpose"), _("Given on"), _("Expires"), NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *to = format_day (&s->to);
  g_autofree char *intro = NULL;
  guint n = 0;
  int rc;

  ws_document_add_heading (s->doc, 1, _("Consent to share information"));
  stmt = prepare (s, "SELECT recipient, purpose, given_on, expires_on FROM consent"
                     " WHERE person_id = ?1 AND given_on <= ?2 AND (withdrawn_on IS NULL OR withdrawn_on > ?2)"
                     "   AND (expires_on IS NULL OR expires_on >= ?2) ORDER BY given_on, id", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 2, s->to_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *recipient = redact (s, column (stmt, 0));
      g_autofree char *purpose = redact (s, column (stmt, 1));
      g_autofree char *given = format_stored_day (column (stmt, 2));
      g_autofree char *expires = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? g_strdup (_("No expiry"))
                                                                             : format_stored_day (column (stmt, 3));
      const char *cells[] = { recipient, purpose, given, expires, NULL };

      if (n++ == 0)
        {
          /* Translators: %s is a date */
          intro = g_strdup_printf (_("In force on %s"), to);
          ws_document_add_heading (s->doc, 2, intro);
          ws_document_begin_table (s->doc, G_N_ELEMENTS (widths), headers, widths);
        }
      ws_document_add_row (s->doc, cells);
    }
  if (n == 0)
    add_none (s);
  return rows_done (s, rc, error);
}

static const struct {
  WsSummarySection flag;
  SectionFunc      build;
} sections[] = {
  { WS_SUMMARY_SECTION_PROFILE, add_profile },
  { WS_SUMMARY_SECTION_PHASES, add_phases },
  { WS_SUMMARY_SECTION_SUPPORT, add_support },
  { WS_SUMMARY_SECTION_MEASURES, add_measures },
  { WS_SUMMARY_SECTION_SESSIONS, add_sessions },
  { WS_SUMMARY_SECTION_RISK, add_risk },
  { WS_SUMMARY_SECTION_CONSENT, add_consent },
};

/* ------------------------------------------------------------------ */
/* Putting it together                                                 */

static void
summary_clear (Summary *s)
{
  g_clear_object (&s->doc);
  g_clear_object (&s->redactor);
  g_clear_pointer (&s->zone, g_time_zone_unref);
  g_clear_pointer (&s->from_text, g_free);
  g_clear_pointer (&s->to_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Summary, summary_clear)

static gboolean
resolve_period (Summary                *s,
                const WsSummaryOptions *options,
                GError                **error)
{
  g_autoptr(GDate) today = ws_time_today ();

  s->today = *today;
  s->to = g_date_valid (&options->to) ? options->to : *today;
  g_date_clear (&s->from, 1);
  if (g_date_valid (&options->from))
    s->from = options->from;
  else if (!ws_time_parse_date (ws_person_get_first_contact_on (s->person), &s->from))
    g_date_clear (&s->from, 1);

  if (g_date_valid (&s->from) && g_date_compare (&s->from, &s->to) > 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("The period covered ends before it begins"));
      return FALSE;
    }
  s->from_text = g_date_valid (&s->from) ? ws_time_format_date (&s->from) : g_strdup (OPEN_START);
  s->to_text = ws_time_format_date (&s->to);
  return TRUE;
}

static gboolean
resolve_zone (Summary                *s,
              const WsSummaryOptions *options,
              GError                **error)
{
  if (options->reader_zone == NULL || *options->reader_zone == '\0')
    {
      s->zone = g_time_zone_new_utc ();
      s->zone_name = "UTC";
      return TRUE;
    }
  s->zone = g_time_zone_new_identifier (options->reader_zone);
  s->zone_name = options->reader_zone;
  if (s->zone != NULL)
    return TRUE;
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
               /* Translators: %s is what was given as a time zone */
               _("“%s” is not a time zone this system knows"), options->reader_zone);
  return FALSE;
}

/* Platform references look like document numbers ("VL-2024-00012") but
 * identify a booking, not a person: they stay in notes. */
static gboolean
keep_platform_references (Summary  *s,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (s, "SELECT DISTINCT platform_ref FROM session WHERE person_id = ?1 AND platform_ref <> ''", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ws_redactor_add_keep (s->redactor, column (stmt, 0));
  return rows_done (s, rc, error);
}

static void
start_document (Summary *s)
{
  /* Translators: the title of a summary; %s is the witness's pseudonym */
  g_autofree char *title = g_strdup_printf (_("Support summary — %s"), ws_person_get_pseudonym (s->person));
  /* Translators: %s is a phase such as "Trial" */
  g_autofree char *subtitle = g_strdup_printf (_("Current phase: %s"),
                                               ws_phase_get_label (ws_person_get_phase (s->person)));

  s->doc = ws_document_new (title);
  ws_document_set_subtitle (s->doc, subtitle);
  /* The role, never the officer's name: the reader needs to know which
   * desk the summary came from, not who sits at it. */
  ws_document_set_prepared_by (s->doc, ws_role_get_label (ws_database_get_actor_role (s->db)));
  ws_document_set_printed_on (s->doc, &s->today);
  ws_document_set_period (s->doc, &s->from, &s->to);
}

static gboolean
audit_summary (Summary          *s,
               WsSummarySection  chosen,
               GError          **error)
{
  g_autofree char *nicks = ws_flags_to_nicks (WS_TYPE_SUMMARY_SECTION, chosen);
  g_autofree char *detail = g_strdup_printf ("sections: %s; period: %s to %s; identifiers removed: %u",
                                             nicks, g_date_valid (&s->from) ? s->from_text : "first contact",
                                             s->to_text, ws_redaction_report_get_total (&s->removed));

  return _ws_database_audit (s->db, "summary", ws_person_get_pseudonym (s->person), detail, error);
}

static gboolean
build_locked (Summary                *s,
              const WsSummaryOptions *options,
              GError                **error)
{
  s->redactor = ws_redactor_new_for_unit (s->db, s->person, error);
  if (s->redactor == NULL || !keep_platform_references (s, error))
    return FALSE;

  start_document (s);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if ((options->sections & sections[i].flag) != 0 && !sections[i].build (s, error))
      return FALSE;
  return audit_summary (s, options->sections & WS_SUMMARY_SECTION_ALL, error);
}

static void
add_report (WsRedactionReport       *report,
            const WsRedactionReport *removed)
{
  for (guint i = 0; i < WS_REDACTION_N_KINDS; i++)
    report->counts[i] += removed->counts[i];
}

/**
 * ws_summary_options_init:
 *
 * Fills @options with every section, the period from first contact to
 * today and times in UTC.
 */
void
ws_summary_options_init (WsSummaryOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->sections = WS_SUMMARY_SECTION_ALL;
  g_date_clear (&options->from, 1);
  g_date_clear (&options->to, 1);
  options->reader_zone = NULL;
}

/**
 * ws_summary_build:
 * @options: which sections, the period and the reader's time zone
 * @report: (nullable): where to add what the redactor removed, by kind
 *
 * Builds the anonymised support summary of @person. Reading the unit's
 * identifiers to scrub the notes needs a role that may see identity
 * (an officer or administrator); the summary is recorded in the audit
 * trail with its sections.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
WsDocument *
ws_summary_build (WsDatabase              *db,
                  WsPerson                *person,
                  const WsSummaryOptions  *options,
                  WsRedactionReport       *report,
                  GError                 **error)
{
  g_auto(Summary) s = { 0 };

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_PERSON (person), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_PRINT_SUMMARY, error))
    return NULL;

  s.db = db;
  s.person = person;
  if (!resolve_period (&s, options, error) || !resolve_zone (&s, options, error))
    return NULL;

  if (!_ws_database_begin (db, error))
    return NULL;
  if (!build_locked (&s, options, error))
    {
      _ws_database_rollback (db);
      return NULL;
    }
  if (!_ws_database_commit (db, error))
    return NULL;

  if (report != NULL)
    add_report (report, &s.removed);
  return g_steal_pointer (&s.doc);
}
