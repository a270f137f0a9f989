/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-readiness"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-hearing.h"
#include "ws-readiness.h"
#include "ws-time.h"
#include "ws-types.h"

/* The readiness sheet a prosecutor takes to court: anonymised by
 * construction. It reads no identity and prints no free text (notes,
 * booking references, reasons), only pseudonyms, the labels the case
 * gives its witnesses and accused, catalogue names and dates. */

/**
 * ws_readiness_format_line:
 *
 * Returns: (transfer full): "Ready" or "Not ready: 2 undecided, 1 not arranged"
 */
char *
ws_readiness_format_line (guint n_undecided,
                          guint n_not_arranged)
{
  if (n_undecided == 0 && n_not_arranged == 0)
    return g_strdup (_("Ready"));
  /* Translators: the numbers count measures still undecided and granted but not arranged */
  return g_strdup_printf (_("Not ready: %u undecided, %u not arranged"), n_undecided, n_not_arranged);
}

static char *
format_day (const char *stored)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (stored == NULL || !ws_time_parse_date (stored, &date))
    return g_strdup ("—");
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  /* Translators: a g_date_time_format() string for dates on the readiness sheet */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

static char *
format_gdate (const GDate *date)
{
  g_autofree char *stored = ws_time_format_date (date);

  return format_day (stored);
}

static char *
format_local (GDateTime *local)
{
  /* Translators: a g_date_time_format() string for a hearing's start, in the court's zone */
  return g_date_time_format (local, _("%-d %b %Y %H:%M %Z"));
}

static WsDocument *
start_document (WsDatabase *db,
                WsHearing  *hearing)
{
  g_autoptr(GDateTime) local = ws_hearing_dup_local_start (hearing);
  g_autofree char *when = format_local (local);
  /* Translators: the title of a readiness sheet; the case reference, then the hearing's date and time */
  g_autofree char *title = g_strdup_printf (_("Hearing readiness — %s, %s"),
                                            ws_hearing_get_case_reference (hearing), when);
  /* Translators: a kind of hearing, then the court */
  g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), ws_hearing_kind_get_label (ws_hearing_get_kind (hearing)),
                                               ws_hearing_get_court (hearing));
  g_autoptr(GDate) today = ws_time_today ();
  WsDocument *doc = ws_document_new (title);

  ws_document_set_subtitle (doc, subtitle);
  /* The desk it came from, never the officer's name. */
  ws_document_set_prepared_by (doc, ws_role_get_label (ws_database_get_actor_role (db)));
  ws_document_set_printed_on (doc, today);
  return doc;
}

static void
add_hearing_fields (WsDocument *doc,
                    WsHearing  *hearing,
                    guint       due_days)
{
  g_autoptr(GDateTime) starts = ws_hearing_dup_local_start (hearing);
  g_autoptr(GDateTime) ends = g_date_time_to_timezone (ws_hearing_get_ends_at (hearing),
                                                       g_date_time_get_timezone (starts));
  g_autofree char *from = format_local (starts);
  g_autofree char *until = format_local (ends);
  g_autoptr(GDate) due = ws_hearing_dup_applications_due (hearing, due_days);
  g_autofree char *due_text = format_gdate (due);
  g_autofree char *line = ws_readiness_format_line (ws_hearing_get_count (hearing, WS_READINESS_UNDECIDED),
                                                    ws_hearing_get_count (hearing, WS_READINESS_GRANTED_NOT_ARRANGED));
  const char *room = ws_hearing_get_court_room (hearing);
  const char *prosecutor = ws_hearing_get_prosecutor (hearing);

  ws_document_add_heading (doc, 1, _("Hearing"));
  ws_document_add_field (doc, _("Case"), ws_hearing_get_case_reference (hearing));
  ws_document_add_field (doc, _("Court"), ws_hearing_get_court (hearing));
  ws_document_add_field (doc, _("Court room"), room != NULL ? room : _("Not booked"));
  ws_document_add_field (doc, _("Prosecutor"), prosecutor != NULL && *prosecutor != '\0' ? prosecutor : "—");
  ws_document_add_field (doc, _("Starts"), from);
  ws_document_add_field (doc, _("Ends"), until);
  ws_document_add_field (doc, _("Time zone"), ws_hearing_get_zone (hearing));
  ws_document_add_field (doc, _("Applications due"), due_text);
  ws_document_add_field (doc, _("Readiness"), line);
}

static char *
witness_heading (WsHearingWitness *witness)
{
  const char *pseudonym = ws_hearing_witness_get_pseudonym (witness);
  const char *label = ws_hearing_witness_get_label (witness);

  if (pseudonym == NULL)
    return g_strdup (label);
  if (*label == '\0')
    return g_strdup (pseudonym);
  /* Translators: a witness's label in the case, then their pseudonym: "Witness A (Rosa)" */
  return g_strdup_printf (_("%s (%s)"), label, pseudonym);
}

static void
add_screenings (WsDocument       *doc,
                WsHearingWitness *witness)
{
  GPtrArray *screenings = ws_hearing_witness_get_screenings (witness);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (screenings->len == 0)
    return;
  for (guint i = 0; i < screenings->len; i++)
    {
      WsScreening *screening = g_ptr_array_index (screenings, i);

      g_ptr_array_add (labels, ws_screening_is_every_accused (screening) ? (char *) _("every accused")
                                                                        : (char *) ws_screening_get_accused_label (screening));
    }
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);
  ws_document_add_field (doc, _("Must not meet"), joined);
}

static void
add_measure_row (WsDocument *doc,
                 WsMeasure  *measure)
{
  g_autofree char *decided = format_day (ws_measure_get_decided_on (measure));
  WsReadiness readiness = ws_measure_get_readiness (measure);
  const char *cells[6];

  cells[0] = ws_measure_type_get_label (ws_measure_get_measure_type (measure));
  cells[1] = ws_measure_get_hearing_id (measure) != 0 ? _("This hearing") : _("Whole proceedings");
  cells[2] = ws_measure_status_get_label (ws_measure_get_status (measure));
  cells[3] = decided;
  cells[4] = ws_readiness_get_label (readiness);
  cells[5] = readiness == WS_READINESS_ARRANGED || readiness == WS_READINESS_GRANTED_NOT_ARRANGED
             ? ws_arranged_by_get_label (ws_measure_get_arranged_by (measure), ws_measure_get_measure_type (measure))
             : "—";
  ws_document_add_row (doc, cells);
}

static void
add_witness (WsDocument       *doc,
             WsHearingWitness *witness)
{
  static const double widths[] = { 0.32, 0.14, 0.12, 0.12, 0.14, 0.16 };
  const char *headers[] = { _("Measure"), _("Scope"), _("Status"), _("Decided on"), _("Readiness"),
                            _("Arranged by") };
  GListModel *measures = ws_hearing_witness_get_measures (witness);
  guint n = g_list_model_get_n_items (measures);
  g_autofree char *heading = witness_heading (witness);
  g_autofree char *line = ws_readiness_format_line (ws_hearing_witness_get_count (witness, WS_READINESS_UNDECIDED),
                                                    ws_hearing_witness_get_count (witness,
                                                                                  WS_READINESS_GRANTED_NOT_ARRANGED));

  ws_document_add_heading (doc, 2, heading);
  add_screenings (doc, witness);
  if (n == 0)
    {
      ws_document_add_note (doc, _("No protective measures recorded"));
      return;
    }
  ws_document_begin_table (doc, G_N_ELEMENTS (widths), headers, widths);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WsMeasure) measure = g_list_model_get_item (measures, i);

      add_measure_row (doc, measure);
    }
  ws_document_add_paragraph (doc, line);
}

/**
 * ws_readiness_sheet_build:
 *
 * Builds the printable readiness sheet of a hearing: the hearing, then
 * per witness (by case label and pseudonym) every measure that applies
 * with its status, decision date, readiness and what arranged it, and a
 * "Ready / Not ready" line. Nothing identifying is read or printed.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
WsDocument *
ws_readiness_sheet_build (WsDatabase  *db,
                          gint64       hearing_id,
                          GError     **error)
{
  return ws_readiness_sheet_build_with_deadline (db, hearing_id, WS_HEARING_APPLICATIONS_DUE_DAYS, error);
}

/**
 * ws_readiness_sheet_build_with_deadline:
 * @applications_due_days: how many days before the hearing applications
 *   for measures are due, as the unit set it
 *
 * As ws_readiness_sheet_build(), with the unit's own deadline.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
WsDocument *
ws_readiness_sheet_build_with_deadline (WsDatabase  *db,
                                        gint64       hearing_id,
                                        guint        applications_due_days,
                                        GError     **error)
{
  g_autoptr(WsHearing) hearing = NULL;
  g_autoptr(GPtrArray) witnesses = NULL;
  g_autoptr(WsDocument) doc = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_PRINT_SUMMARY, error))
    return NULL;

  hearing = ws_database_get_hearing (db, hearing_id, error);
  if (hearing == NULL)
    return NULL;
  witnesses = ws_database_list_hearing_witnesses (db, hearing_id, error);
  if (witnesses == NULL)
    return NULL;

  doc = start_document (db, hearing);
  add_hearing_fields (doc, hearing, applications_due_days);
  ws_document_add_heading (doc, 1, _("Witnesses and their measures"));
  if (witnesses->len == 0)
    ws_document_add_note (doc, _("No witnesses in this case"));
  for (guint i = 0; i < witnesses->len; i++)
    add_witness (doc, g_ptr_array_index (witnesses, i));
  return g_steal_pointer (&doc);
}
