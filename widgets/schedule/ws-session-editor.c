/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-session-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ws-access.h"
#include "ws-form.h"
#include "ws-hearing.h"
#include "ws-session-editor.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-time.h"

/* Books or changes a video-link session on a copy. While the user types,
 * the data layer checks the draft (after a pause of CHECK_DELAY ms): a
 * refusal shows beside its field and keeps Save off, a warning can be
 * accepted, and when a slot is taken the free alternatives it offers
 * fill the form with one click. */
struct _WsSessionEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkLabel            *problem_label;
  AdwPreferencesGroup *conflicts_group;
  AdwActionRow        *accept_row;
  GtkCheckButton      *accept_check;
  AdwPreferencesGroup *alternatives_group;
  AdwComboRow         *hearing_row;
  AdwComboRow         *witness_row;
  AdwComboRow         *court_row;
  AdwComboRow         *remote_row;
  AdwComboRow         *zone_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  AdwEntryRow         *test_row;
  AdwActionRow        *converted_row;
  AdwPreferencesGroup *interpreters_group;
  AdwComboRow         *add_interpreter_row;
  AdwEntryRow         *language_row;
  AdwEntryRow         *platform_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *pin_row;
  AdwEntryRow         *technical_row;
  AdwEntryRow         *support_row;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkWidget           *confirm_button;
  GtkButton           *close_button;
  GtkWidget           *add_interpreter_group;
  GtkWidget           *save_button;
  GtkWidget           *cancel_button;
  AdwPreferencesGroup *history_group;

  /* owned */
  WsDatabase          *db;
  WsSession           *draft;
  GPtrArray           *hearings;         /* WsHearing; index + 1 in hearing_row */
  GPtrArray           *witnesses;        /* WsHearingWitness; index + 1 in witness_row */
  GPtrArray           *court_sites;      /* WsSite; index + 1 in court_row */
  GPtrArray           *remote_sites;     /* WsSite; index + 1 in remote_row */
  GPtrArray           *interpreters;     /* WsInterpreter, in add_interpreter_row */
  GPtrArray           *interpreter_rows; /* rows of the draft's interpreters */
  GPtrArray           *conflict_rows;
  GPtrArray           *alternative_rows;
  GPtrArray           *history_rows;
  GPtrArray           *conflicts;        /* WsConflict of the last check */
  WsAlternatives      *alternatives;
  char                *viewer_zone;
  char                *entry_zone;       /* the zone the time fields are written in */
  guint                check_id;
  gboolean             filling;
  gboolean             touched;
  gboolean             form_ok;
  gboolean             test_edited;      /* the user typed a test call */
};

G_DEFINE_FINAL_TYPE (WsSessionEditor, ws_session_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Typing pauses this long before the draft is checked. */
#define CHECK_DELAY 150

enum { ZONE_VIEWER, ZONE_COURT, ZONE_REMOTE };

typedef enum {
  ALTERNATIVE_EARLIER,
  ALTERNATIVE_LATER,
  ALTERNATIVE_COURT_ROOM,
  ALTERNATIVE_REMOTE_SITE,
  ALTERNATIVE_INTERPRETER,
} AlternativeKind;

static void schedule_check (WsSessionEditor *self);
static void run_check (WsSessionEditor *self);

/* ------------------------------------------------------------------ */
/* Choices */

static gpointer
chosen (AdwComboRow *row,
        GPtrArray   *items)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > items->len)
    return NULL;
  return g_ptr_array_index (items, selected - 1);
}

static void
fill_choices (AdwComboRow *row,
              const char  *none,
              GPtrArray   *items,
              char *     (*describe) (gpointer item))
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, none);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = describe (g_ptr_array_index (items, i));

      gtk_string_list_append (model, text);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static void
select_site (AdwComboRow *row,
             GPtrArray   *sites,
             gint64       id)
{
  for (guint i = 0; i < sites->len; i++)
    if (ws_site_get_id (g_ptr_array_index (sites, i)) == id)
      {
        adw_combo_row_set_selected (row, i + 1);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static char *
describe_hearing (gpointer item)
{
  WsHearing *hearing = item;
  g_autoptr(GDateTime) local = ws_hearing_dup_local_start (hearing);
  /* Translators: the day and time a hearing starts, in the court's zone */
  g_autofree char *when = g_date_time_format (local, _("%e %b %Y %H:%M"));

  /* Translators: case reference · hearing kind · when */
  return g_strdup_printf (_("%s · %s · %s"), ws_hearing_get_case_reference (hearing),
                          ws_hearing_kind_get_label (ws_hearing_get_kind (hearing)), g_strstrip (when));
}

static char *
describe_witness (gpointer item)
{
  WsHearingWitness *witness = item;

  /* Translators: a witness's pseudonym and their label in the case */
  return g_strdup_printf (_("%s (%s)"), ws_hearing_witness_get_pseudonym (witness), ws_hearing_witness_get_label (witness));
}

static char *
describe_site (gpointer item)
{
  /* Translators: a site's name and its time zone */
  return g_strdup_printf (_("%s — %s"), ws_site_get_name (item), ws_site_get_zone (item));
}

static const char *
chosen_zone (WsSessionEditor *self,
             guint            choice)
{
  WsSite *site = NULL;

  if (choice == ZONE_COURT)
    site = chosen (self->court_row, self->court_sites);
  else if (choice == ZONE_REMOTE)
    site = chosen (self->remote_row, self->remote_sites);
  return site != NULL ? ws_site_get_zone (site) : self->viewer_zone;
}

static void
fill_zone_choices (WsSessionEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->zone_row);
  g_autofree char *viewer = g_strdup_printf (_("Your time zone (%s)"), self->viewer_zone);
  g_autofree char *court = g_strdup_printf (_("The court room's (%s)"), chosen_zone (self, ZONE_COURT));
  g_autofree char *remote = g_strdup_printf (_("The remote site's (%s)"), chosen_zone (self, ZONE_REMOTE));
  gboolean filling = self->filling;
  GListModel *current = adw_combo_row_get_model (self->zone_row);

  /* Rebuilt only when a zone changed, so an open list is left alone. */
  if (current != NULL && g_list_model_get_n_items (current) == 3 &&
      g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (current), ZONE_COURT), court) == 0 &&
      g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (current), ZONE_REMOTE), remote) == 0 &&
      g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (current), ZONE_VIEWER), viewer) == 0)
    return;
  gtk_string_list_append (model, viewer);
  gtk_string_list_append (model, court);
  gtk_string_list_append (model, remote);
  self->filling = TRUE;
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->zone_row, selected == GTK_INVALID_LIST_POSITION ? ZONE_VIEWER : selected);
  self->filling = filling;
}

/* ------------------------------------------------------------------ */
/* Times */

static gboolean
parse_clock (const char *text,
             int        *hour,
             int        *minute)
{
  char end;

  return sscanf (text, "%d:%d%c", hour, minute, &end) == 2 &&
         *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

static GDateTime *
local_instant (const char  *zone,
               const GDate *date,
               int          hour,
               int          minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  if (tz == NULL)
    return NULL;
  return g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), hour, minute, 0);
}

/* Reads "HH:MM" in @row on @date; sets an error beside it when wrong. */
static GDateTime *
read_clock (WsSessionEditor *self,
            AdwEntryRow     *row,
            const GDate     *date)
{
  g_autofree char *text = ws_form_entry_text (row);
  int hour, minute;

  if (!parse_clock (text, &hour, &minute))
    {
      ws_form_set_row_error (GTK_WIDGET (row), *text == '\0' ? _("Required") : _("Use HH:MM, e.g. 09:30"));
      return NULL;
    }
  return local_instant (self->entry_zone, date, hour, minute);
}

static GDateTime *
read_test_call (WsSessionEditor *self,
                const GDate     *date,
                gboolean        *ok)
{
  g_autofree char *text = ws_form_entry_text (self->test_row);
  g_auto(GStrv) parts = NULL;
  GDate day;
  int hour, minute;

  *ok = TRUE;
  if (*text == '\0')
    return NULL;
  parts = g_strsplit_set (text, " T", 2);
  if (g_strv_length (parts) == 2 && ws_time_parse_date (parts[0], &day) && parse_clock (parts[1], &hour, &minute))
    return local_instant (self->entry_zone, &day, hour, minute);
  if (parse_clock (text, &hour, &minute))
    return local_instant (self->entry_zone, date, hour, minute);
  *ok = FALSE;
  ws_form_set_row_error (GTK_WIDGET (self->test_row), _("Use HH:MM or YYYY-MM-DD HH:MM"));
  return NULL;
}

static void write_times (WsSessionEditor *self);

/* Moving the session moves its test call with it, unless the user typed
 * one: a test call left behind on the old day would only be refused. */
static void
move_start (WsSessionEditor *self,
            GDateTime       *starts_at)
{
  GDateTime *old = ws_session_get_starts_at (self->draft);
  GDateTime *test = ws_session_get_test_call_at (self->draft);

  if (old != NULL && test != NULL && !self->test_edited)
    {
      g_autoptr(GDateTime) moved = g_date_time_add (test, g_date_time_difference (starts_at, old));

      ws_session_set_test_call_at (self->draft, moved);
    }
  ws_session_set_starts_at (self->draft, starts_at);
}

static void
write_times (WsSessionEditor *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (self->entry_zone);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (ws_session_get_starts_at (self->draft), tz);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (ws_session_get_ends_at (self->draft), tz);
  GDateTime *test = ws_session_get_test_call_at (self->draft);
  g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  g_autofree char *test_text = NULL;

  if (test != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (test, tz);

      test_text = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }
  ws_form_set_entry_text (self->date_row, date);
  ws_form_set_entry_text (self->start_row, from);
  ws_form_set_entry_text (self->end_row, to);
  ws_form_set_entry_text (self->test_row, test_text);
}

static void
write_test_call (WsSessionEditor *self)
{
  GDateTime *test = ws_session_get_test_call_at (self->draft);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (self->entry_zone);
  g_autoptr(GDateTime) local = test != NULL ? g_date_time_to_timezone (test, tz) : NULL;
  g_autofree char *text = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
  g_autofree char *shown = ws_form_entry_text (self->test_row);
  gboolean filling = self->filling;

  if (g_strcmp0 (text != NULL ? text : "", shown) == 0)
    return;
  self->filling = TRUE;
  ws_form_set_entry_text (self->test_row, text);
  self->filling = filling;
}

static char *
times_in (WsSession  *session,
          const char *zone,
          const char *who)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (ws_session_get_starts_at (session), tz);
  g_autofree char *day = g_date_time_format (local, _("%a %e %b"));
  g_autofree char *times = ws_session_format_times (session, zone);

  /* Translators: whose clock, the day, the times and the zone, e.g.
   * "Your time: Mon 23 Nov, 10:00–11:30 (Europe/Vienna)" */
  return g_strdup_printf (_("%s: %s, %s (%s)"), who, g_strstrip (day), times, zone);
}

static void
append_owned (GString *text,
              char    *line)
{
  g_string_append (text, line);
  g_free (line);
}

static void
show_converted (WsSessionEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  WsSite *court = chosen (self->court_row, self->court_sites);
  WsSite *remote = chosen (self->remote_row, self->remote_sites);

  if (!self->form_ok || ws_session_get_starts_at (self->draft) == NULL)
    {
      adw_action_row_set_subtitle (self->converted_row, _("Enter a date, start and end"));
      return;
    }
  append_owned (text, times_in (self->draft, self->viewer_zone, _("Your time")));
  if (court != NULL)
    {
      g_string_append_c (text, '\n');
      append_owned (text, times_in (self->draft, ws_site_get_zone (court), ws_site_get_name (court)));
    }
  if (remote != NULL)
    {
      g_string_append_c (text, '\n');
      append_owned (text, times_in (self->draft, ws_site_get_zone (remote), ws_site_get_name (remote)));
    }
  adw_action_row_set_subtitle (self->converted_row, text->str);
}

/* ------------------------------------------------------------------ */
/* Interpreters */

static const char *
interpreter_name (WsSessionEditor *self,
                  gint64           id)
{
  for (guint i = 0; i < self->interpreters->len; i++)
    if (ws_interpreter_get_id (g_ptr_array_index (self->interpreters, i)) == id)
      return ws_interpreter_get_name (g_ptr_array_index (self->interpreters, i));
  return _("Unknown interpreter");
}

static void
remove_interpreter_cb (GtkButton       *button,
                       WsSessionEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "ws-interpreter-id");

  ws_session_remove_interpreter (self->draft, *id);
  self->touched = TRUE;
  run_check (self);
}

static void
show_interpreters (WsSessionEditor *self)
{
  ws_form_clear_rows (self->interpreter_rows);
  for (guint i = 0; i < ws_session_get_n_interpreters (self->draft); i++)
    {
      gint64 id = ws_session_get_interpreter_id (self->draft, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), interpreter_name (self, id));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), interpreter_name (self, id));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ws_session_get_interpreter_language (self->draft, i));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (remove), "ws-interpreter-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_interpreter_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_widget_set_visible (remove, ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE));
      ws_form_group_add (self->interpreters_group, self->interpreter_rows, row);
    }
  adw_preferences_group_set_description (self->interpreters_group,
                                         self->interpreter_rows->len == 0 ? _("None booked") : NULL);
}

static void
fill_interpreters (WsSessionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) interpreters = ws_database_list_interpreters (self->db, NULL);

  if (interpreters != NULL)
    g_ptr_array_extend_and_steal (self->interpreters, g_steal_pointer (&interpreters));
  for (guint i = 0; i < self->interpreters->len; i++)
    {
      WsInterpreter *interpreter = g_ptr_array_index (self->interpreters, i);
      g_autofree char *languages = ws_interpreter_dup_languages_text (interpreter);
      /* Translators: an interpreter's name and languages */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), ws_interpreter_get_name (interpreter), languages);

      gtk_string_list_append (names, text);
    }
  adw_combo_row_set_model (self->add_interpreter_row, G_LIST_MODEL (names));
}

static void
add_interpreter (WsSessionEditor *self,
                 gint64           id,
                 const char      *language)
{
  ws_session_remove_interpreter (self->draft, id);
  ws_session_add_interpreter (self->draft, id, language);
  self->touched = TRUE;
  run_check (self);
}

static void
add_interpreter_cb (WsSessionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->add_interpreter_row);
  g_autofree char *language = ws_form_entry_text (self->language_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->interpreters->len)
    return;
  if (*language == '\0')
    {
      ws_form_set_row_error (GTK_WIDGET (self->language_row), _("Say which language they interpret"));
      gtk_widget_grab_focus (GTK_WIDGET (self->language_row));
      return;
    }
  add_interpreter (self, ws_interpreter_get_id (g_ptr_array_index (self->interpreters, selected)), language);
}

/* The language field starts with the witness's first language. */
static void
suggest_language (WsSessionEditor *self)
{
  g_autoptr(WsPerson) person = NULL;
  const char * const *languages;

  if (ws_session_get_person_id (self->draft) == 0)
    return;
  person = ws_database_get_person (self->db, ws_session_get_person_id (self->draft), NULL);
  languages = person != NULL ? ws_person_get_languages (person) : NULL;
  if (languages != NULL && languages[0] != NULL)
    ws_form_set_entry_text (self->language_row, languages[0]);
}

/* ------------------------------------------------------------------ */
/* Collecting and checking */

static void
clear_errors (WsSessionEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->hearing_row), GTK_WIDGET (self->witness_row), GTK_WIDGET (self->court_row),
    GTK_WIDGET (self->remote_row), GTK_WIDGET (self->date_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->end_row), GTK_WIDGET (self->test_row), GTK_WIDGET (self->add_interpreter_row),
    GTK_WIDGET (self->language_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ws_form_set_row_error (rows[i], NULL);
}

static GtkWidget *
row_for_field (WsSessionEditor *self,
               const char      *field)
{
  static const char * const fields[] = {
    "hearing", "person", "court_site", "remote_site", "sites", "starts_at", "ends_at", "test_call_at", "interpreters",
  };
  GtkWidget *rows[] = {
    GTK_WIDGET (self->hearing_row), GTK_WIDGET (self->witness_row), GTK_WIDGET (self->court_row),
    GTK_WIDGET (self->remote_row), GTK_WIDGET (self->court_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->end_row), GTK_WIDGET (self->test_row), GTK_WIDGET (self->add_interpreter_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i]) == 0)
      return rows[i];
  return GTK_WIDGET (self->start_row);
}

/* Copies the form into the draft; FALSE when a time cannot be read. */
static gboolean
collect (WsSessionEditor *self)
{
  WsHearing *hearing = chosen (self->hearing_row, self->hearings);
  WsHearingWitness *witness = chosen (self->witness_row, self->witnesses);
  WsSite *court = chosen (self->court_row, self->court_sites);
  WsSite *remote = chosen (self->remote_row, self->remote_sites);
  g_autofree char *date_text = ws_form_entry_text (self->date_row);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) test = NULL;
  GDate date;
  gboolean ok = TRUE, test_ok = TRUE;

  ws_session_set_hearing_id (self->draft, hearing != NULL ? ws_hearing_get_id (hearing) : 0);
  ws_session_set_person_id (self->draft, witness != NULL ? ws_hearing_witness_get_person_id (witness) : 0);
  ws_session_set_court_site_id (self->draft, court != NULL ? ws_site_get_id (court) : 0);
  ws_session_set_remote_site_id (self->draft, remote != NULL ? ws_site_get_id (remote) : 0);

  if (!ws_time_parse_date (date_text, &date))
    {
      ws_form_set_row_error (GTK_WIDGET (self->date_row), *date_text == '\0' ? _("Required") : _("Use YYYY-MM-DD"));
      ok = FALSE;
    }
  else
    {
      start = read_clock (self, self->start_row, &date);
      end = read_clock (self, self->end_row, &date);
      if (self->test_edited)
        test = read_test_call (self, &date, &test_ok);
      ok = start != NULL && end != NULL && test_ok;
    }
  if (start != NULL)
    move_start (self, start);
  if (end != NULL)
    ws_session_set_ends_at (self->draft, end);
  if (self->test_edited && test_ok)
    ws_session_set_test_call_at (self->draft, test);
  else if (!self->test_edited)
    write_test_call (self);

  {
    g_autofree char *platform = ws_form_entry_text (self->platform_row);
    g_autofree char *technical = ws_form_entry_text (self->technical_row);
    g_autofree char *support = ws_form_entry_text (self->support_row);

    ws_session_set_platform_ref (self->draft, platform);
    ws_session_set_technical_contact (self->draft, technical);
    ws_session_set_support_person (self->draft, support);
  }
  if (ws_database_may (self->db, WS_PERMISSION_READ_LINK_DETAILS))
    {
      g_autofree char *address = ws_form_entry_text (self->address_row);
      g_autofree char *pin = ws_form_entry_text (self->pin_row);

      if (g_strcmp0 (address, ws_session_get_link_address (self->draft)) != 0)
        ws_session_set_link_address (self->draft, address);
      if (g_strcmp0 (pin, ws_session_get_link_pin (self->draft)) != 0)
        ws_session_set_link_pin (self->draft, pin);
    }
  return ok;
}

static void
alternative_activated_cb (AdwActionRow    *row,
                          WsSessionEditor *self);

static GtkWidget *
add_alternative (WsSessionEditor *self,
                 AlternativeKind  kind,
                 const char      *title,
                 const char      *subtitle,
                 gpointer         target)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "ws-kind", GINT_TO_POINTER (kind));
  if (target != NULL)
    g_object_set_data_full (G_OBJECT (row), "ws-target", g_object_ref (target), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (alternative_activated_cb), self, 0);
  ws_form_group_add (self->alternatives_group, self->alternative_rows, row);
  return row;
}

static void
add_slot_alternative (WsSessionEditor *self,
                      AlternativeKind  kind,
                      GDateTime       *starts_at)
{
  GTimeSpan length = g_date_time_difference (ws_session_get_ends_at (self->draft), ws_session_get_starts_at (self->draft));
  g_autoptr(GDateTime) ends_at = g_date_time_add (starts_at, length);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (self->entry_zone);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (starts_at, tz);
  g_autoptr(GDateTime) local_end = g_date_time_to_timezone (ends_at, tz);
  /* Translators: a free slot, e.g. "Tue 24 Nov, 14:00–15:30" */
  g_autofree char *day = g_date_time_format (local, _("%a %e %b"));
  g_autofree char *from = g_date_time_format (local, "%H:%M");
  g_autofree char *to = g_date_time_format (local_end, "%H:%M");
  g_autofree char *subtitle = g_strdup_printf (_("%s, %s–%s (%s)"), g_strstrip (day), from, to, self->entry_zone);
  g_autoptr(GDateTime) boxed = g_date_time_ref (starts_at);
  GtkWidget *row = add_alternative (self, kind, kind == ALTERNATIVE_EARLIER ? _("Nearest free slot before")
                                                                           : _("Nearest free slot after"),
                                    subtitle, NULL);

  g_object_set_data_full (G_OBJECT (row), "ws-start", g_steal_pointer (&boxed), (GDestroyNotify) g_date_time_unref);
}

/* Which alternatives answer the conflicts found: another time for a taken
 * or closed slot, another room or site for a taken one, another
 * interpreter for any refusal about the interpreter. A language missing
 * is not solved by another hour. */
enum {
  OFFER_SLOTS = 1 << 0,
  OFFER_COURT_ROOMS = 1 << 1,
  OFFER_REMOTE_SITES = 1 << 2,
  OFFER_INTERPRETERS = 1 << 3,
};

static guint
offers_for (GPtrArray *conflicts)
{
  guint offers = 0;

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      WsConflict *conflict = g_ptr_array_index (conflicts, i);

      switch (ws_conflict_get_kind (conflict))
        {
        case WS_CONFLICT_WITNESS_BOOKED:
          offers |= OFFER_SLOTS;
          break;
        case WS_CONFLICT_COURT_ROOM_BOOKED:
          offers |= OFFER_SLOTS | OFFER_COURT_ROOMS;
          break;
        case WS_CONFLICT_REMOTE_SITE_BOOKED:
        case WS_CONFLICT_OUTSIDE_HOURS:
        case WS_CONFLICT_SITE_CLOSED:
        case WS_CONFLICT_SCREENED_FROM_ACCUSED:
          offers |= OFFER_SLOTS | OFFER_REMOTE_SITES;
          break;
        case WS_CONFLICT_INTERPRETER_BOOKED:
        case WS_CONFLICT_INTERPRETER_UNAVAILABLE:
          offers |= OFFER_SLOTS | OFFER_INTERPRETERS;
          break;
        case WS_CONFLICT_INTERPRETER_LANGUAGE:
        case WS_CONFLICT_INTERPRETER_GENDER:
        case WS_CONFLICT_INTERPRETER_EXCLUDED:
          offers |= OFFER_INTERPRETERS;
          break;
        default:
          break;
        }
    }
  return offers;
}

static void
show_alternatives (WsSessionEditor *self)
{
  GPtrArray *lists[3];
  AlternativeKind kinds[3] = { ALTERNATIVE_COURT_ROOM, ALTERNATIVE_REMOTE_SITE, ALTERNATIVE_INTERPRETER };
  const char *titles[3] = { _("Free court room"), _("Free remote site"), _("Free interpreter") };

  guint offers = offers_for (self->conflicts);

  ws_form_clear_rows (self->alternative_rows);
  if (self->alternatives == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->alternatives_group), FALSE);
      return;
    }
  if ((offers & OFFER_SLOTS) && ws_alternatives_get_earlier (self->alternatives) != NULL)
    add_slot_alternative (self, ALTERNATIVE_EARLIER, ws_alternatives_get_earlier (self->alternatives));
  if ((offers & OFFER_SLOTS) && ws_alternatives_get_later (self->alternatives) != NULL)
    add_slot_alternative (self, ALTERNATIVE_LATER, ws_alternatives_get_later (self->alternatives));

  lists[0] = offers & OFFER_COURT_ROOMS ? ws_alternatives_get_court_rooms (self->alternatives) : NULL;
  lists[1] = offers & OFFER_REMOTE_SITES ? ws_alternatives_get_remote_sites (self->alternatives) : NULL;
  lists[2] = offers & OFFER_INTERPRETERS ? ws_alternatives_get_interpreters (self->alternatives) : NULL;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < MIN (lists[l]->len, 3); i++)
      {
        gpointer item = g_ptr_array_index (lists[l], i);
        g_autofree char *languages = NULL;
        const char *name;

        if (kinds[l] == ALTERNATIVE_INTERPRETER)
          {
            languages = ws_interpreter_dup_languages_text (item);
            name = ws_interpreter_get_name (item);
          }
        else
          name = ws_site_get_name (item);
        /* Translators: e.g. "Free court room: Court room 3" */
        {
          g_autofree char *title = g_strdup_printf (_("%s: %s"), titles[l], name);

          add_alternative (self, kinds[l], title, languages != NULL ? languages : ws_site_get_zone (item), item);
        }
      }
  gtk_widget_set_visible (GTK_WIDGET (self->alternatives_group), self->alternative_rows->len > 0 &&
                          ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE));
}

static void
show_conflicts (WsSessionEditor *self)
{
  gboolean warnings = FALSE;

  ws_form_clear_rows (self->conflict_rows);
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      WsConflict *conflict = g_ptr_array_index (self->conflicts, i);
      gboolean refuse = ws_conflict_get_severity (conflict) == WS_CONFLICT_REFUSE;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (refuse ? "dialog-error-symbolic" : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, refuse ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      refuse ? _("Refused") : _("Warning"), -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_conflict_kind_get_label (ws_conflict_get_kind (conflict)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ws_conflict_get_message (conflict));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      ws_form_group_add (self->conflicts_group, self->conflict_rows, row);
      if (refuse)
        ws_form_set_row_error (row_for_field (self, ws_conflict_get_field (conflict)), ws_conflict_get_message (conflict));
      else
        warnings = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->accept_row), warnings && !ws_conflicts_have_refusal (self->conflicts) &&
                          ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE));
  if (!warnings)
    gtk_check_button_set_active (self->accept_check, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), self->conflict_rows->len > 0);
}

static void
update_save (WsSessionEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 ws_session_editor_can_save (self) &&
                                 ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE));
}

static void
show_problems (WsSessionEditor *self,
               GPtrArray       *problems)
{
  static const char * const fields[] = { "hearing", "person", "starts_at", "ends_at", "test_call_at", "sites", "interpreters" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *message = ws_problems_lookup (problems, fields[i]);

      if (message != NULL && self->touched)
        ws_form_set_row_error (row_for_field (self, fields[i]), message);
    }
}

static void
run_check (WsSessionEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->alternatives);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  clear_errors (self);
  self->form_ok = collect (self);
  show_interpreters (self);
  fill_zone_choices (self);
  show_converted (self);
  if (self->form_ok)
    {
      ws_session_validate (self->draft, problems);
      show_problems (self, problems);
      self->form_ok = problems->len == 0;
    }
  if (self->form_ok)
    {
      self->conflicts = ws_database_check_session (self->db, self->draft, NULL, &error);
      if (self->conflicts == NULL)
        {
          gtk_label_set_text (self->problem_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
          self->form_ok = FALSE;
        }
      else if (offers_for (self->conflicts) != 0)
        self->alternatives = ws_database_find_alternatives (self->db, self->draft, NULL, NULL);
    }
  show_conflicts (self);
  show_alternatives (self);
  update_save (self);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  WsSessionEditor *self = user_data;

  self->check_id = 0;
  run_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (WsSessionEditor *self)
{
  if (self->filling)
    return;
  self->touched = TRUE;
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY, check_timeout_cb, self);
}

static void
form_changed_cb (WsSessionEditor *self)
{
  schedule_check (self);
}

static void
test_changed_cb (WsSessionEditor *self)
{
  if (self->filling)
    return;
  self->test_edited = TRUE;
  schedule_check (self);
}

static void
accept_toggled_cb (WsSessionEditor *self)
{
  update_save (self);
}

/* Changing the zone re-expresses the same instants in it. */
static void
zone_changed_cb (WsSessionEditor *self)
{
  const char *zone;

  if (self->filling)
    return;
  zone = chosen_zone (self, adw_combo_row_get_selected (self->zone_row));
  if (g_strcmp0 (zone, self->entry_zone) == 0)
    return;
  self->form_ok = collect (self);
  g_free (self->entry_zone);
  self->entry_zone = g_strdup (zone);
  if (self->form_ok)
    {
      self->filling = TRUE;
      write_times (self);
      self->filling = FALSE;
    }
  run_check (self);
}

static void
fill_witnesses (WsSessionEditor *self)
{
  WsHearing *hearing = chosen (self->hearing_row, self->hearings);
  gint64 person_id = ws_session_get_person_id (self->draft);
  g_autoptr(GPtrArray) witnesses = NULL;
  gboolean filling = self->filling;

  g_ptr_array_set_size (self->witnesses, 0);
  if (hearing != NULL)
    witnesses = ws_database_list_hearing_witnesses (self->db, ws_hearing_get_id (hearing), NULL);
  if (witnesses != NULL)
    g_ptr_array_extend_and_steal (self->witnesses, g_steal_pointer (&witnesses));
  self->filling = TRUE;
  fill_choices (self->witness_row, _("Choose the witness"), self->witnesses, describe_witness);
  adw_combo_row_set_selected (self->witness_row, 0);
  for (guint i = 0; i < self->witnesses->len; i++)
    if (ws_hearing_witness_get_person_id (g_ptr_array_index (self->witnesses, i)) == person_id)
      adw_combo_row_set_selected (self->witness_row, i + 1);
  self->filling = filling;
}

/* A new session at a hearing starts in the hearing's court room. */
static void
suggest_court_room (WsSessionEditor *self)
{
  WsHearing *hearing = chosen (self->hearing_row, self->hearings);

  if (hearing == NULL || chosen (self->court_row, self->court_sites) != NULL)
    return;
  for (guint i = 0; i < self->court_sites->len; i++)
    if (g_strcmp0 (ws_site_get_name (g_ptr_array_index (self->court_sites, i)), ws_hearing_get_court_room (hearing)) == 0)
      adw_combo_row_set_selected (self->court_row, i + 1);
}

static void
hearing_changed_cb (WsSessionEditor *self)
{
  if (self->filling)
    return;
  fill_witnesses (self);
  suggest_court_room (self);
  schedule_check (self);
}

static void
witness_changed_cb (WsSessionEditor *self)
{
  if (self->filling)
    return;
  collect (self);
  suggest_language (self);
  schedule_check (self);
}

static void
apply_slot (WsSessionEditor *self,
            GDateTime       *starts_at)
{
  GTimeSpan length = g_date_time_difference (ws_session_get_ends_at (self->draft), ws_session_get_starts_at (self->draft));
  g_autoptr(GDateTime) ends_at = g_date_time_add (starts_at, length);

  move_start (self, starts_at);
  ws_session_set_ends_at (self->draft, ends_at);
  self->filling = TRUE;
  write_times (self);
  self->filling = FALSE;
}

/* A free interpreter takes the place of the one a conflict names (not
 * free, excluded, without the language or not of the gender asked for),
 * with the same language. */
static void
apply_interpreter (WsSessionEditor *self,
                   WsInterpreter   *interpreter)
{
  g_autofree char *language = NULL;

  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      WsConflict *conflict = g_ptr_array_index (self->conflicts, i);
      gint64 busy = ws_conflict_get_interpreter_id (conflict);

      if (busy == 0)
        continue;
      for (guint k = 0; k < ws_session_get_n_interpreters (self->draft); k++)
        if (ws_session_get_interpreter_id (self->draft, k) == busy && language == NULL)
          language = g_strdup (ws_session_get_interpreter_language (self->draft, k));
      ws_session_remove_interpreter (self->draft, busy);
    }
  if (language == NULL)
    language = ws_form_entry_text (self->language_row);
  ws_session_remove_interpreter (self->draft, ws_interpreter_get_id (interpreter));
  ws_session_add_interpreter (self->draft, ws_interpreter_get_id (interpreter), language);
}

static void
alternative_activated_cb (AdwActionRow    *row,
                          WsSessionEditor *self)
{
  AlternativeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ws-kind"));
  gpointer target = g_object_get_data (G_OBJECT (row), "ws-target");

  switch (kind)
    {
    case ALTERNATIVE_EARLIER:
    case ALTERNATIVE_LATER:
      apply_slot (self, g_object_get_data (G_OBJECT (row), "ws-start"));
      break;
    case ALTERNATIVE_COURT_ROOM:
      self->filling = TRUE;
      select_site (self->court_row, self->court_sites, ws_site_get_id (target));
      self->filling = FALSE;
      break;
    case ALTERNATIVE_REMOTE_SITE:
      self->filling = TRUE;
      select_site (self->remote_row, self->remote_sites, ws_site_get_id (target));
      self->filling = FALSE;
      break;
    case ALTERNATIVE_INTERPRETER:
      apply_interpreter (self, target);
      break;
    default:
      g_assert_not_reached ();
    }
  /* The row is gone after the check below; the form keeps the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (self->start_row));
  run_check (self);
}

/* ------------------------------------------------------------------ */
/* Status and history */

static void
show_history (WsSessionEditor *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (self->viewer_zone);

  ws_form_clear_rows (self->history_rows);
  if (ws_session_get_id (self->draft) == 0)
    return;
  changes = ws_database_list_session_history (self->db, ws_session_get_id (self->draft), NULL);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      WsSessionChange *change = g_ptr_array_index (changes, i);
      g_autoptr(GDateTime) at = g_date_time_to_timezone (ws_session_change_get_at (change), tz);
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%d %H:%M");
      /* Translators: who changed a session, and when */
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), ws_session_change_get_by (change), when);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_session_change_get_text (change));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      ws_form_group_add (self->history_group, self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->history_rows->len > 0);
}

static void
show_status (WsSessionEditor *self)
{
  WsSessionStatus status = ws_session_get_status (self->draft);
  gboolean saved = ws_session_get_id (self->draft) != 0;
  gboolean may_edit = ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE);

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), saved);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), ws_session_status_get_label (status));
  adw_action_row_set_subtitle (self->status_row, status == WS_SESSION_STATUS_CANCELLED
                                                 ? ws_session_get_cancel_reason (self->draft) : NULL);
  gtk_widget_set_visible (self->confirm_button, status == WS_SESSION_STATUS_PLANNED && may_edit);
  gtk_widget_set_visible (self->cancel_button, status != WS_SESSION_STATUS_CANCELLED && may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.confirm", saved && may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-session", saved && may_edit);
}

static void
status_changed (WsSessionEditor *self,
                const GError    *error)
{
  g_autoptr(WsSession) fresh = NULL;

  if (error != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, ws_form_error_toast (error));
      return;
    }
  fresh = ws_database_get_session (self->db, ws_session_get_id (self->draft), NULL);
  g_signal_emit (self, signals[SAVED], 0, fresh != NULL ? fresh : self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsSessionEditor *self = WS_SESSION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  ws_database_confirm_session (self->db, ws_session_get_id (self->draft), &error);
  status_changed (self, error);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-session", *reason != '\0');
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WsSessionEditor  *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ws-reason");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel-session") != 0)
    return;
  ws_database_cancel_session (self->db, ws_session_get_id (self->draft), reason, &error);
  status_changed (self, error);
}

static void
cancel_session_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsSessionEditor *self = WS_SESSION_EDITOR (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel the Session?"),
                                              _("Everyone booked is told through the next calendar export. Say why it is cancelled."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Session"),
                                    "cancel-session", _("_Cancel the Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-session",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-session", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "ws-reason", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ws_session_editor_save (WS_SESSION_EDITOR (widget));
}

/* ------------------------------------------------------------------ */

static void
ws_session_editor_dispose (GObject *object)
{
  WsSessionEditor *self = WS_SESSION_EDITOR (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_SESSION_EDITOR);
  G_OBJECT_CLASS (ws_session_editor_parent_class)->dispose (object);
}

static void
ws_session_editor_finalize (GObject *object)
{
  WsSessionEditor *self = WS_SESSION_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->draft);
  g_clear_object (&self->alternatives);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->hearings, g_ptr_array_unref);
  g_clear_pointer (&self->witnesses, g_ptr_array_unref);
  g_clear_pointer (&self->court_sites, g_ptr_array_unref);
  g_clear_pointer (&self->remote_sites, g_ptr_array_unref);
  g_clear_pointer (&self->interpreters, g_ptr_array_unref);
  g_clear_pointer (&self->interpreter_rows, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);
  g_clear_pointer (&self->alternative_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->viewer_zone, g_free);
  g_clear_pointer (&self->entry_zone, g_free);
  G_OBJECT_CLASS (ws_session_editor_parent_class)->finalize (object);
}

static void
ws_session_editor_class_init (WsSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_session_editor_dispose;
  object_class->finalize = ws_session_editor_finalize;

  /**
   * WsSessionEditor::saved:
   * @session: the session as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, WS_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/schedule/ws-session-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, WsSessionEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (problem_label);
  BIND (conflicts_group);
  BIND (accept_row);
  BIND (accept_check);
  BIND (alternatives_group);
  BIND (hearing_row);
  BIND (witness_row);
  BIND (court_row);
  BIND (remote_row);
  BIND (zone_row);
  BIND (date_row);
  BIND (start_row);
  BIND (end_row);
  BIND (test_row);
  BIND (converted_row);
  BIND (interpreters_group);
  BIND (add_interpreter_row);
  BIND (language_row);
  BIND (platform_row);
  BIND (address_row);
  BIND (pin_row);
  BIND (technical_row);
  BIND (support_row);
  BIND (status_group);
  BIND (status_row);
  BIND (confirm_button);
  BIND (close_button);
  BIND (add_interpreter_group);
  BIND (save_button);
  BIND (cancel_button);
  BIND (history_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, witness_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_interpreter_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-session", NULL, cancel_session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_session_editor_init (WsSessionEditor *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *zone = g_time_zone_get_identifier (local);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hearings = g_ptr_array_new_with_free_func (g_object_unref);
  self->witnesses = g_ptr_array_new_with_free_func (g_object_unref);
  self->court_sites = g_ptr_array_new_with_free_func (g_object_unref);
  self->remote_sites = g_ptr_array_new_with_free_func (g_object_unref);
  self->interpreters = g_ptr_array_new_with_free_func (g_object_unref);
  self->interpreter_rows = g_ptr_array_new ();
  self->conflict_rows = g_ptr_array_new ();
  self->alternative_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->viewer_zone = g_strdup (ws_time_zone_is_valid (zone) ? zone : "UTC");
  self->entry_zone = g_strdup (self->viewer_zone);
}

static void
load_choices (WsSessionEditor *self)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -1);
  g_autoptr(GPtrArray) hearings = ws_database_list_hearings (self->db, from, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) sites = ws_database_list_sites (self->db, NULL);
  gint64 hearing_id = ws_session_get_hearing_id (self->draft);
  gboolean found = FALSE;

  for (guint i = 0; hearings != NULL && i < hearings->len; i++)
    {
      g_ptr_array_add (self->hearings, g_object_ref (g_ptr_array_index (hearings, i)));
      found = found || ws_hearing_get_id (g_ptr_array_index (hearings, i)) == hearing_id;
    }
  /* A session of a past hearing still shows its hearing. */
  if (!found && hearing_id != 0)
    {
      WsHearing *hearing = ws_database_get_hearing (self->db, hearing_id, NULL);

      if (hearing != NULL)
        g_ptr_array_insert (self->hearings, 0, hearing);
    }
  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      WsSite *site = g_ptr_array_index (sites, i);

      g_ptr_array_add (ws_site_get_kind (site) == WS_SITE_KIND_COURT_ROOM ? self->court_sites : self->remote_sites,
                       g_object_ref (site));
    }
  fill_choices (self->hearing_row, _("Choose the hearing"), self->hearings, describe_hearing);
  fill_choices (self->court_row, _("None"), self->court_sites, describe_site);
  fill_choices (self->remote_row, _("None"), self->remote_sites, describe_site);
  fill_interpreters (self);
}

static void
fill_form (WsSessionEditor *self)
{
  gboolean may_see_link = ws_database_may (self->db, WS_PERMISSION_READ_LINK_DETAILS);

  self->filling = TRUE;
  load_choices (self);
  for (guint i = 0; i < self->hearings->len; i++)
    if (ws_hearing_get_id (g_ptr_array_index (self->hearings, i)) == ws_session_get_hearing_id (self->draft))
      adw_combo_row_set_selected (self->hearing_row, i + 1);
  fill_witnesses (self);
  select_site (self->court_row, self->court_sites, ws_session_get_court_site_id (self->draft));
  select_site (self->remote_row, self->remote_sites, ws_session_get_remote_site_id (self->draft));
  fill_zone_choices (self);
  write_times (self);
  ws_form_set_entry_text (self->platform_row, ws_session_get_platform_ref (self->draft));
  ws_form_set_entry_text (self->address_row, ws_session_get_link_address (self->draft));
  ws_form_set_entry_text (self->pin_row, ws_session_get_link_pin (self->draft));
  ws_form_set_entry_text (self->technical_row, ws_session_get_technical_contact (self->draft));
  ws_form_set_entry_text (self->support_row, ws_session_get_support_person (self->draft));
  /* Address and PIN are not even shown to a role that may not read them. */
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), may_see_link);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_row), may_see_link);
  suggest_language (self);
  self->filling = FALSE;

  show_status (self);
  show_history (self);
  run_check (self);
}

/* A role that may see the schedule but not book (a prosecutor) reads the
 * session: nothing to type into, choose or save, and "Close" for "Cancel". */
static void
show_read_only (WsSessionEditor *self)
{
  AdwComboRow *choices[] = { self->hearing_row, self->witness_row, self->court_row, self->remote_row, self->zone_row };
  AdwEntryRow *entries[] = {
    self->date_row, self->start_row, self->end_row, self->test_row, self->platform_row, self->technical_row,
    self->support_row,
  };

  if (ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE))
    return;
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_button_set_label (self->close_button, _("_Close"));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (choices[i]), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[i]), FALSE);
  gtk_widget_set_visible (self->add_interpreter_group, FALSE);
}

static WsSessionEditor *
editor_new (GtkWindow  *parent,
            WsDatabase *db,
            WsSession  *draft)
{
  WsSessionEditor *self = g_object_new (WS_TYPE_SESSION_EDITOR, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->draft = draft;
  fill_form (self);
  show_read_only (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->hearing_row));
  return self;
}

/**
 * ws_session_editor_new:
 * @session: the session to change
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
WsSessionEditor *
ws_session_editor_new (GtkWindow  *parent,
                       WsDatabase *db,
                       WsSession  *session)
{
  WsSessionEditor *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_SESSION (session), NULL);

  self = editor_new (parent, db, ws_session_copy (session));
  adw_window_title_set_title (self->window_title, _("Video-Link Session"));
  adw_window_title_set_subtitle (self->window_title, ws_session_get_pseudonym (session));
  self->touched = TRUE;
  run_check (self);
  return self;
}

/**
 * ws_session_editor_new_at:
 * @starts_at: when the new session starts (it lasts an hour until changed)
 * @site_id: a court room or remote site to book, or 0
 * @interpreter_id: an interpreter to book, or 0
 *
 * Returns: (transfer none): the editor for a new session
 */
WsSessionEditor *
ws_session_editor_new_at (GtkWindow  *parent,
                          WsDatabase *db,
                          GDateTime  *starts_at,
                          gint64      site_id,
                          gint64      interpreter_id)
{
  WsSession *draft;
  WsSessionEditor *self;
  g_autoptr(GDateTime) ends_at = NULL;
  g_autoptr(WsSite) site = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (starts_at != NULL, NULL);

  draft = ws_session_new ();
  ends_at = g_date_time_add_hours (starts_at, 1);
  ws_session_set_starts_at (draft, starts_at);
  ws_session_set_ends_at (draft, ends_at);
  if (site_id != 0)
    site = ws_database_get_site (db, site_id, NULL);
  if (site != NULL && ws_site_get_kind (site) == WS_SITE_KIND_COURT_ROOM)
    ws_session_set_court_site_id (draft, site_id);
  else if (site != NULL)
    ws_session_set_remote_site_id (draft, site_id);
  if (interpreter_id != 0)
    {
      g_autoptr(WsInterpreter) interpreter = ws_database_get_interpreter (db, interpreter_id, NULL);
      const char *language = NULL;

      if (interpreter != NULL && ws_interpreter_get_n_languages (interpreter) > 0)
        ws_interpreter_get_language (interpreter, 0, &language, NULL, NULL, NULL);
      if (language != NULL)
        ws_session_add_interpreter (draft, interpreter_id, language);
    }

  self = editor_new (parent, db, draft);
  adw_window_title_set_title (self->window_title, _("New Video-Link Session"));
  return self;
}

/**
 * ws_session_editor_set_viewer_zone:
 *
 * Sets the zone "your time" means, and writes the times in it.
 */
void
ws_session_editor_set_viewer_zone (WsSessionEditor *self,
                                   const char      *zone)
{
  g_return_if_fail (WS_IS_SESSION_EDITOR (self));
  g_return_if_fail (ws_time_zone_is_valid (zone));

  g_free (self->viewer_zone);
  self->viewer_zone = g_strdup (zone);
  if (adw_combo_row_get_selected (self->zone_row) == ZONE_VIEWER)
    {
      g_free (self->entry_zone);
      self->entry_zone = g_strdup (zone);
      self->filling = TRUE;
      write_times (self);
      self->filling = FALSE;
    }
  run_check (self);
}

/**
 * ws_session_editor_save:
 *
 * Returns: %TRUE if the session was valid, free and saved
 */
gboolean
ws_session_editor_save (WsSessionEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), FALSE);

  self->touched = TRUE;
  run_check (self);
  if (!ws_session_editor_can_save (self))
    {
      gtk_label_set_text (self->problem_label, self->form_ok ? _("Resolve the conflicts first. Nothing has been saved.")
                                                             : _("Please correct the marked fields. Nothing has been saved."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  if (!ws_database_save_session (self->db, self->draft, NULL, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/**
 * ws_session_editor_is_checking:
 *
 * Returns: whether a check waits for the typing to pause
 */
gboolean
ws_session_editor_is_checking (WsSessionEditor *self)
{
  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), FALSE);
  return self->check_id != 0;
}

/**
 * ws_session_editor_can_save:
 *
 * Returns: whether the last check allows saving: fields valid, nothing
 *   refused, warnings (if any) accepted
 */
gboolean
ws_session_editor_can_save (WsSessionEditor *self)
{
  gboolean warnings;

  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), FALSE);

  if (!self->form_ok || self->conflicts == NULL || ws_conflicts_have_refusal (self->conflicts))
    return FALSE;
  warnings = self->conflicts->len > 0;
  return !warnings || gtk_check_button_get_active (self->accept_check);
}

/**
 * ws_session_editor_get_conflicts:
 *
 * Returns: (transfer none) (nullable) (element-type WsConflict): what the last check found
 */
GPtrArray *
ws_session_editor_get_conflicts (WsSessionEditor *self)
{
  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), NULL);
  return self->conflicts;
}

guint
ws_session_editor_get_n_alternatives (WsSessionEditor *self)
{
  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), 0);
  return self->alternative_rows->len;
}

/**
 * ws_session_editor_get_alternative_row:
 *
 * Returns: (transfer none): the row offering alternative @index
 */
GtkWidget *
ws_session_editor_get_alternative_row (WsSessionEditor *self,
                                       guint            index)
{
  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->alternative_rows->len, NULL);
  return g_ptr_array_index (self->alternative_rows, index);
}

/**
 * ws_session_editor_get_draft:
 *
 * Returns: (transfer none): the session as the form holds it
 */
WsSession *
ws_session_editor_get_draft (WsSessionEditor *self)
{
  g_return_val_if_fail (WS_IS_SESSION_EDITOR (self), NULL);
  return self->draft;
}
