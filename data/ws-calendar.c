/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-schedule-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* iCalendar export and the daily schedule sheet.
 *
 * What an event carries: the UID and SEQUENCE of the session, its status
 * (cancelled sessions stay in the file as STATUS:CANCELLED so calendar
 * programs remove them), start and end in UTC, the witness's pseudonym,
 * the places with the remote site's local time, the interpreters and
 * their languages, the test call and the platform reference. Never: any
 * identity, the support person (often a relative or friend of the
 * witness), the cancel reason or history. The link address goes in for
 * roles that may read link details; the PIN only when asked for with
 * WS_CALENDAR_INCLUDE_PIN and the role may read it — so a calendar file
 * forwarded by mistake does not open the video link. An interpreter's
 * export of their own schedule carries only what their own schedule
 * shows: times, place or link, language and pseudonym. */

typedef struct {
  char *uid;
  guint sequence;
  WsSessionStatus status;
  GDateTime *starts_at;
  GDateTime *ends_at;
  GDateTime *test_call_at;
  char *summary;
  char *location;
  char *description;
} Event;

static void
event_free (gpointer data)
{
  Event *e = data;

  g_free (e->uid);
  g_clear_pointer (&e->starts_at, g_date_time_unref);
  g_clear_pointer (&e->ends_at, g_date_time_unref);
  g_clear_pointer (&e->test_call_at, g_date_time_unref);
  g_free (e->summary);
  g_free (e->location);
  g_free (e->description);
  g_free (e);
}

static struct icaltimetype
to_ical (GDateTime *instant)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (instant), 0,
                                        icaltimezone_get_utc_timezone ());
}

static char *
format_utc (GDateTime *instant)
{
  return g_date_time_format (instant, "%Y-%m-%d %H:%M UTC");
}

static Event *
event_from_session (WsSession *s,
                    gboolean   with_link,
                    gboolean   with_pin)
{
  Event *e = g_new0 (Event, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *remote = ws_session_format_remote_times (s);

  e->uid = g_strdup (ws_session_get_uid (s));
  e->sequence = ws_session_get_sequence (s);
  e->status = ws_session_get_status (s);
  e->starts_at = g_date_time_ref (ws_session_get_starts_at (s));
  e->ends_at = g_date_time_ref (ws_session_get_ends_at (s));
  /* Translators: the title of a calendar event; %s is a pseudonym */
  e->summary = g_strdup_printf (_("Video-link testimony: %s"), ws_session_get_pseudonym (s));
  if (ws_session_get_court_site_name (s) != NULL && ws_session_get_remote_site_name (s) != NULL)
    /* Translators: court room ↔ remote site */
    e->location = g_strdup_printf (_("%s ↔ %s"), ws_session_get_court_site_name (s),
                                   ws_session_get_remote_site_name (s));
  else
    e->location = g_strdup (ws_session_get_court_site_name (s) != NULL ? ws_session_get_court_site_name (s)
                                                                        : ws_session_get_remote_site_name (s));

  g_string_append_printf (text, "%s: %s\n", _("Witness"), ws_session_get_pseudonym (s));
  g_string_append_printf (text, "%s: %s\n", _("Case"), ws_session_get_case_reference (s));
  if (ws_session_get_court_site_name (s) != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Court room"), ws_session_get_court_site_name (s));
  if (ws_session_get_remote_site_name (s) != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Remote site"), ws_session_get_remote_site_name (s));
  if (remote != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Local time there"), remote);
  for (guint i = 0; i < ws_session_get_n_interpreters (s); i++)
    g_string_append_printf (text, "%s: %s (%s)\n", _("Interpreter"),
                            ws_session_get_interpreter_name (s, i) != NULL ? ws_session_get_interpreter_name (s, i) : "",
                            ws_session_get_interpreter_language (s, i));
  if (ws_session_get_test_call_at (s) != NULL)
    {
      g_autofree char *when = format_utc (ws_session_get_test_call_at (s));

      g_string_append_printf (text, "%s: %s\n", _("Test call"), when);
    }
  if (*ws_session_get_platform_ref (s) != '\0')
    g_string_append_printf (text, "%s: %s\n", _("Platform reference"), ws_session_get_platform_ref (s));
  if (*ws_session_get_technical_contact (s) != '\0')
    g_string_append_printf (text, "%s: %s\n", _("Technical contact"), ws_session_get_technical_contact (s));
  if (with_link && ws_session_has_link_details (s) && *ws_session_get_link_address (s) != '\0')
    g_string_append_printf (text, "%s: %s\n", _("Link"), ws_session_get_link_address (s));
  if (with_pin && ws_session_has_link_details (s) && *ws_session_get_link_pin (s) != '\0')
    g_string_append_printf (text, "%s: %s\n", _("PIN"), ws_session_get_link_pin (s));
  e->description = g_string_free (g_steal_pointer (&text), FALSE);
  return e;
}

static Event *
event_from_assignment (WsAssignment *a,
                       guint         sequence)
{
  Event *e = g_new0 (Event, 1);
  g_autoptr(GString) text = g_string_new (NULL);

  e->uid = g_strdup (ws_assignment_get_uid (a));
  e->sequence = sequence;
  e->status = ws_assignment_is_cancelled (a) ? WS_SESSION_STATUS_CANCELLED : WS_SESSION_STATUS_CONFIRMED;
  e->starts_at = g_date_time_to_utc (ws_assignment_get_starts_at (a));
  e->ends_at = g_date_time_to_utc (ws_assignment_get_ends_at (a));
  e->summary = g_strdup_printf (_("Video-link testimony: %s"), ws_assignment_get_pseudonym (a));
  e->location = g_strdup (ws_assignment_get_place (a));
  g_string_append_printf (text, "%s: %s\n", _("Witness"), ws_assignment_get_pseudonym (a));
  g_string_append_printf (text, "%s: %s\n", _("Language"), ws_assignment_get_language (a));
  if (ws_assignment_get_link (a) != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Link"), ws_assignment_get_link (a));
  e->description = g_string_free (g_steal_pointer (&text), FALSE);
  return e;
}

static char *
build_calendar (GPtrArray *events)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  g_autoptr(GDateTime) now = ws_time_now ();
  char *ical;
  char *text;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Witness Support//Schedule//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  for (guint i = 0; i < events->len; i++)
    {
      Event *e = g_ptr_array_index (events, i);
      icalcomponent *event = icalcomponent_new_vevent ();
      icalproperty_status status;

      switch (e->status)
        {
        case WS_SESSION_STATUS_CANCELLED: status = ICAL_STATUS_CANCELLED; break;
        case WS_SESSION_STATUS_CONFIRMED: status = ICAL_STATUS_CONFIRMED; break;
        case WS_SESSION_STATUS_PLANNED:
        default: status = ICAL_STATUS_TENTATIVE; break;
        }
      icalcomponent_add_property (event, icalproperty_new_uid (e->uid));
      icalcomponent_add_property (event, icalproperty_new_sequence ((int) e->sequence));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (to_ical (now)));
      icalcomponent_add_property (event, icalproperty_new_dtstart (to_ical (e->starts_at)));
      icalcomponent_add_property (event, icalproperty_new_dtend (to_ical (e->ends_at)));
      icalcomponent_add_property (event, icalproperty_new_status (status));
      icalcomponent_add_property (event, icalproperty_new_summary (e->summary));
      if (e->location != NULL && *e->location != '\0')
        icalcomponent_add_property (event, icalproperty_new_location (e->location));
      icalcomponent_add_property (event, icalproperty_new_description (e->description));
      icalcomponent_add_property (event, icalproperty_new_class (ICAL_CLASS_CONFIDENTIAL));
      icalcomponent_add_component (calendar, event);
    }
  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (calendar);
  return text;
}

/* Every session of the scope, all times (lock taken here). */
static GPtrArray *
sessions_of_scope (WsDatabase       *db,
                   WsCalendarScope   scope,
                   gint64            id,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *where;
  GPtrArray *sessions;

  switch (scope)
    {
    case WS_CALENDAR_FOR_INTERPRETER:
      where = " WHERE s.id IN (SELECT session_id FROM session_interpreter WHERE interpreter_id = ?)";
      break;
    case WS_CALENDAR_FOR_SITE:
      where = " WHERE s.court_site_id = ?1 OR s.remote_site_id = ?1";
      break;
    case WS_CALENDAR_FOR_WITNESS:
    default:
      where = " WHERE s.person_id = ?";
      break;
    }
  _ws_database_lock (db);
  {
    g_autofree char *sql = g_strconcat ("SELECT " WS_SESSION_COLUMNS " FROM session s" WS_SESSION_JOINS, where,
                                        " ORDER BY s.starts_at, s.id", NULL);

    stmt = _ws_database_prepare (db, sql, error);
  }
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sessions = _ws_query_sessions (db, stmt, ws_database_may (db, WS_PERMISSION_READ_LINK_DETAILS), error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return sessions;
}

static gint64
find_person (WsDatabase  *db,
             const char  *pseudonym,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT id FROM person WHERE pseudonym = ?", error);
  if (stmt != NULL)
    {
      _ws_bind_text (stmt, 1, pseudonym);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                     _("There is no witness with the pseudonym “%s”"), pseudonym);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return id;
}

/* An interpreter actor's own export: only their assignments. */
static GPtrArray *
own_events (WsDatabase     *db,
            WsInterpreter  *interpreter,
            GError        **error)
{
  g_autoptr(GDateTime) from = g_date_time_new_utc (1970, 1, 2, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (9999, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (event_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  assignments = ws_database_list_assignments (db, ws_interpreter_get_id (interpreter), from, to, error);
  if (assignments == NULL)
    return NULL;
  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT sequence FROM session WHERE uid = ?", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  for (guint i = 0; i < assignments->len; i++)
    {
      WsAssignment *a = g_ptr_array_index (assignments, i);
      guint sequence = 0;

      sqlite3_reset (stmt);
      _ws_bind_text (stmt, 1, ws_assignment_get_uid (a));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sequence = sqlite3_column_int (stmt, 0);
      g_ptr_array_add (events, event_from_assignment (a, sequence));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&events);
}

/**
 * ws_schedule_export_ical:
 *
 * Returns: (transfer full): the calendar as iCalendar text, or %NULL
 */
char *
ws_schedule_export_ical (WsDatabase       *db,
                         WsCalendarScope   scope,
                         const char       *name,
                         WsCalendarFlags   flags,
                         GError          **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *detail = NULL;
  gboolean with_link, with_pin;
  gint64 id = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (scope == WS_CALENDAR_FOR_INTERPRETER && !ws_database_may (db, WS_PERMISSION_READ_SCHEDULE))
    {
      g_autoptr(WsInterpreter) own = NULL;

      if (!_ws_require_schedule_read (db, error))
        return NULL;
      own = ws_database_get_actor_interpreter (db, error);
      if (own == NULL)
        return NULL;
      if (g_utf8_collate (ws_interpreter_get_name (own), name) != 0)
        {
          g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION,
                               _("An interpreter may export only their own schedule"));
          return NULL;
        }
      events = own_events (db, own, error);
    }
  else
    {
      if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
        return NULL;
      if (scope == WS_CALENDAR_FOR_INTERPRETER)
        {
          g_autoptr(WsInterpreter) it = ws_database_find_interpreter (db, name, error);

          if (it == NULL)
            return NULL;
          id = ws_interpreter_get_id (it);
        }
      else if (scope == WS_CALENDAR_FOR_SITE)
        {
          g_autoptr(WsSite) site = ws_database_find_site (db, name, error);

          if (site == NULL)
            return NULL;
          id = ws_site_get_id (site);
        }
      else
        {
          id = find_person (db, name, error);
          if (id == 0)
            return NULL;
        }
      sessions = sessions_of_scope (db, scope, id, error);
      if (sessions == NULL)
        return NULL;
      with_link = ws_database_may (db, WS_PERMISSION_READ_LINK_DETAILS);
      with_pin = with_link && (flags & WS_CALENDAR_INCLUDE_PIN) != 0;
      events = g_ptr_array_new_with_free_func (event_free);
      for (guint i = 0; i < sessions->len; i++)
        g_ptr_array_add (events, event_from_session (g_ptr_array_index (sessions, i), with_link, with_pin));
    }
  if (events == NULL)
    return NULL;

  /* The audit records the kind of calendar and how many events it held. */
  detail = g_strdup_printf ("%s, %u", ws_enum_to_nick (WS_TYPE_CALENDAR_SCOPE, scope), events->len);
  if (!ws_database_audit_event (db, "export-schedule", scope == WS_CALENDAR_FOR_WITNESS ? name : NULL, detail, error))
    return NULL;
  return build_calendar (events);
}

gboolean
ws_schedule_export_ical_file (WsDatabase       *db,
                              WsCalendarScope   scope,
                              const char       *name,
                              WsCalendarFlags   flags,
                              GFile            *file,
                              GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = ws_schedule_export_ical (db, scope, name, flags, error);
  if (text == NULL)
    return FALSE;
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* ------------------------------------------------------------------ */
/* The daily schedule sheet */

static char *
interpreters_cell (WsSession *s)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ws_session_get_n_interpreters (s); i++)
    g_string_append_printf (text, "%s%s (%s)", i > 0 ? ", " : "",
                            ws_session_get_interpreter_name (s, i) != NULL ? ws_session_get_interpreter_name (s, i) : "",
                            ws_session_get_interpreter_language (s, i));
  if (text->len == 0)
    return g_strdup ("—");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ws_schedule_sheet_build:
 * @viewer_zone: (nullable): the zone the day and times are read in
 *
 * One day's sessions for printing: time in the viewer's zone, the remote
 * site's local time, the rooms, the interpreters with their languages,
 * the witness's pseudonym and the status. No link details, no identity,
 * no free text.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
WsDocument *
ws_schedule_sheet_build (WsDatabase   *db,
                         const GDate  *day,
                         const char   *viewer_zone,
                         GError      **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) from_utc = NULL;
  g_autoptr(GDateTime) to_utc = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(WsDocument) doc = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *subtitle = NULL;
  const char *headers[] = { N_("Time"), N_("Local time there"), N_("Witness"), N_("Court room"),
                            N_("Remote site"), N_("Interpreters"), N_("Status") };
  const char *translated[G_N_ELEMENTS (headers)];
  const double widths[] = { 1.1, 1.6, 1.2, 1.4, 1.6, 1.8, 0.9 };
  guint shown = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_PRINT_SUMMARY, error))
    return NULL;
  tz = viewer_zone != NULL ? g_time_zone_new_identifier (viewer_zone) : NULL;
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  from = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 0, 0, 0);
  to = g_date_time_add_days (from, 1);
  from_utc = g_date_time_to_utc (from);
  to_utc = g_date_time_to_utc (to);
  sessions = ws_database_list_sessions (db, from_utc, to_utc, error);
  if (sessions == NULL)
    return NULL;

  /* Translators: a g_date_time_format() string for the day of a schedule sheet */
  date_text = g_date_time_format (from, _("%A %-d %B %Y"));
  /* Translators: the title of the daily schedule sheet; %s is the day */
  title = g_strdup_printf (_("Video-link schedule — %s"), date_text);
  /* Translators: %s is a time zone name such as Europe/London */
  subtitle = g_strdup_printf (_("Times in %s"), viewer_zone != NULL ? viewer_zone : g_time_zone_get_identifier (tz));
  doc = ws_document_new (title);
  ws_document_set_subtitle (doc, subtitle);
  ws_document_set_prepared_by (doc, ws_role_get_label (ws_database_get_actor_role (db)));
  today = ws_time_today ();
  ws_document_set_printed_on (doc, today);
  ws_document_set_period (doc, day, day);
  ws_document_set_marking (doc, _("Confidential — for the support unit and the court only"));

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    translated[i] = _(headers[i]);
  ws_document_add_heading (doc, 1, _("Sessions"));
  for (guint i = 0; i < sessions->len; i++)
    {
      WsSession *s = g_ptr_array_index (sessions, i);
      g_autofree char *times = NULL;
      g_autofree char *remote = NULL;
      g_autofree char *interpreters = NULL;
      const char *cells[G_N_ELEMENTS (headers) + 1];

      if (shown == 0)
        ws_document_begin_table (doc, G_N_ELEMENTS (headers), translated, widths);
      times = ws_session_format_times (s, viewer_zone != NULL ? viewer_zone : g_time_zone_get_identifier (tz));
      remote = ws_session_format_remote_times (s);
      interpreters = interpreters_cell (s);
      cells[0] = times;
      cells[1] = remote != NULL ? remote : "—";
      cells[2] = ws_session_get_pseudonym (s);
      cells[3] = ws_session_get_court_site_name (s) != NULL ? ws_session_get_court_site_name (s) : "—";
      cells[4] = ws_session_get_remote_site_name (s) != NULL ? ws_session_get_remote_site_name (s) : "—";
      cells[5] = interpreters;
      cells[6] = ws_session_status_get_label (ws_session_get_status (s));
      cells[7] = NULL;
      ws_document_add_row (doc, cells);
      shown++;
    }
  if (shown == 0)
    ws_document_add_note (doc, _("No sessions on this day"));
  return g_steal_pointer (&doc);
}
