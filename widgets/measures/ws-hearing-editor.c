/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-hearing-editor"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-hearing-editor.h"
#include "ws-site.h"
#include "ws-text.h"
#include "ws-time.h"

/* Creates or edits a hearing of one case. Times are typed as they are at
 * the court (in the hearing's zone); the data layer decides what is
 * valid, and each problem shows beside its field. */
struct _WsHearingEditor
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *problem_label;
  AdwActionRow   *case_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *room_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *end_date_row;
  AdwEntryRow    *zone_row;
  GtkTextView    *notes_view;

  /* owned */
  WsDatabase     *db;
  WsHearing      *hearing;
  GPtrArray      *rooms;       /* WsSite, position + 1 in room_row */
  gboolean        filling;
  gboolean        gone;        /* the hearing edited was deleted meanwhile */
};

G_DEFINE_FINAL_TYPE (WsHearingEditor, ws_hearing_editor, ADW_TYPE_WINDOW)

static const char *
kind_label (int kind)
{
  return ws_hearing_kind_get_label (kind);
}

static void
fill_rooms (WsHearingEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sites = ws_database_list_sites (self->db, NULL);
  guint selected = 0;

  gtk_string_list_append (model, _("Not yet known"));
  if (sites != NULL)
    for (guint i = 0; i < sites->len; i++)
      {
        WsSite *site = g_ptr_array_index (sites, i);

        if (ws_site_get_kind (site) != WS_SITE_KIND_COURT_ROOM)
          continue;
        g_ptr_array_add (self->rooms, g_object_ref (site));
        gtk_string_list_append (model, ws_site_get_name (site));
        if (ws_site_get_id (site) == ws_hearing_get_site_id (self->hearing))
          selected = self->rooms->len;
      }
  adw_combo_row_set_model (self->room_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->room_row, selected);
  /* Without the directory the room the hearing has is kept as it is. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->room_row), sites != NULL);
}

static WsSite *
selected_room (WsHearingEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->room_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->rooms->len)
    return NULL;
  return g_ptr_array_index (self->rooms, selected - 1);
}

/* The zone a new hearing starts with: its court room's, else that of the
 * case's latest hearing, else this computer's. */
static char *
default_zone (WsHearingEditor *self,
              gint64           case_id)
{
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GTimeZone) local = NULL;
  WsSite *room = selected_room (self);

  if (room != NULL)
    return g_strdup (ws_site_get_zone (room));
  earlier = ws_database_list_hearings_of_case (self->db, case_id, NULL);
  if (earlier != NULL && earlier->len > 0)
    return g_strdup (ws_hearing_get_zone (g_ptr_array_index (earlier, earlier->len - 1)));
  local = g_time_zone_new_local ();
  {
    /* "Local" or a file path is no zone a hearing can be stored in. */
    g_autoptr(GTimeZone) named = g_time_zone_new_identifier (g_time_zone_get_identifier (local));

    return g_strdup (named != NULL ? g_time_zone_get_identifier (local) : "UTC");
  }
}

static void
fill_form (WsHearingEditor *self,
           gboolean         is_new)
{
  WsHearing *h = self->hearing;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row, ws_hearing_get_kind (h));
  fill_rooms (self);
  if (is_new)
    {
      g_autofree char *zone = default_zone (self, ws_hearing_get_case_id (h));

      ws_form_set_entry_text (self->zone_row, zone);
    }
  else
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (ws_hearing_get_zone (h));
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *date = NULL;
      g_autofree char *start_time = NULL;
      g_autofree char *end_time = NULL;
      g_autofree char *end_date = NULL;

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      start = g_date_time_to_timezone (ws_hearing_get_starts_at (h), tz);
      end = g_date_time_to_timezone (ws_hearing_get_ends_at (h), tz);
      date = g_date_time_format (start, "%Y-%m-%d");
      start_time = g_date_time_format (start, "%H:%M");
      end_time = g_date_time_format (end, "%H:%M");
      end_date = g_date_time_format (end, "%Y-%m-%d");
      ws_form_set_entry_text (self->date_row, date);
      ws_form_set_entry_text (self->start_row, start_time);
      ws_form_set_entry_text (self->end_row, end_time);
      ws_form_set_entry_text (self->end_date_row, g_str_equal (date, end_date) ? "" : end_date);
      ws_form_set_entry_text (self->zone_row, ws_hearing_get_zone (h));
      ws_form_set_text_view (self->notes_view, ws_hearing_get_notes (h));
    }
  self->filling = FALSE;
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  char rest;

  return sscanf (text, "%d:%d%c", hour, minute, &rest) == 2 &&
         *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

/* One instant from a date and a time typed at the court; NULL with a
 * problem for @field when either cannot be read. */
static GDateTime *
read_instant (GTimeZone  *tz,
              const char *date_text,
              const char *time_text,
              const char *date_field,
              const char *field,
              GPtrArray  *problems)
{
  GDate date;
  int hour, minute;

  if (*date_text == '\0' && *time_text == '\0')
    return NULL;
  if (!ws_time_parse_date (date_text, &date))
    {
      ws_problems_add (problems, date_field, "%s",
                       _("Enter the date as YYYY-MM-DD, for example 2025-03-14"));
      return NULL;
    }
  if (!parse_time (time_text, &hour, &minute))
    {
      ws_problems_add (problems, field, "%s", _("Enter the time as HH:MM, for example 09:30"));
      return NULL;
    }
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, minute, 0);
}

/* Reads the form into the hearing; problems of reading go to @problems. */
static void
collect_hearing (WsHearingEditor *self,
                 GPtrArray       *problems)
{
  WsHearing *h = self->hearing;
  WsSite *room = selected_room (self);
  g_autofree char *date = ws_form_entry_text (self->date_row);
  g_autofree char *start_text = ws_form_entry_text (self->start_row);
  g_autofree char *end_text = ws_form_entry_text (self->end_row);
  g_autofree char *end_date = ws_form_entry_text (self->end_date_row);
  g_autofree char *zone = ws_form_entry_text (self->zone_row);
  g_autofree char *notes = ws_form_text_view_text (self->notes_view);
  g_autoptr(GTimeZone) tz = *zone != '\0' ? g_time_zone_new_identifier (zone) : NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  /* An unknown zone is reported by the check; the times are still read. */
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  start = read_instant (tz, date, start_text, "date", "starts-at", problems);
  end = read_instant (tz, *end_date != '\0' ? end_date : date, end_text,
                      *end_date != '\0' ? "end-date" : "date", "ends-at", problems);

  ws_hearing_set_kind (h, adw_combo_row_get_selected (self->kind_row));
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->room_row)))
    ws_hearing_set_site_id (h, room != NULL ? ws_site_get_id (room) : 0);
  ws_hearing_set_starts_at (h, start);
  ws_hearing_set_ends_at (h, end);
  ws_hearing_set_zone (h, zone);
  ws_hearing_set_notes (h, notes);
}

static gboolean
show_problems (WsHearingEditor *self,
               GPtrArray       *problems)
{
  struct { const char *field; GtkWidget *row; } rows[] = {
    { "case", GTK_WIDGET (self->case_row) },
    { "court-room", GTK_WIDGET (self->room_row) },
    { "date", GTK_WIDGET (self->date_row) },
    { "starts-at", GTK_WIDGET (self->start_row) },
    { "ends-at", GTK_WIDGET (self->end_row) },
    { "end-date", GTK_WIDGET (self->end_date_row) },
    { "zone", GTK_WIDGET (self->zone_row) },
  };
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *message = ws_problems_lookup (problems, rows[i].field);

      ws_form_set_row_error (rows[i].row, message);
      if (message != NULL && first == NULL)
        first = rows[i].row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  gtk_label_set_text (self->problem_label, _("Please correct the marked fields. Nothing has been saved."));
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return problems->len == 0;
}

static void
field_changed_cb (WsHearingEditor *self,
                  GtkWidget       *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
room_changed_cb (WsHearingEditor *self)
{
  WsSite *room = selected_room (self);

  ws_form_set_row_error (GTK_WIDGET (self->room_row), NULL);
  if (!self->filling && room != NULL)
    ws_form_set_entry_text (self->zone_row, ws_site_get_zone (room));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ws_hearing_editor_save (WS_HEARING_EDITOR (widget));
}

static void
ws_hearing_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_HEARING_EDITOR);
  G_OBJECT_CLASS (ws_hearing_editor_parent_class)->dispose (object);
}

static void
ws_hearing_editor_finalize (GObject *object)
{
  WsHearingEditor *self = (WsHearingEditor *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->hearing);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);

  G_OBJECT_CLASS (ws_hearing_editor_parent_class)->finalize (object);
}

static void
ws_hearing_editor_class_init (WsHearingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_hearing_editor_dispose;
  object_class->finalize = ws_hearing_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/measures/ws-hearing-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, case_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, room_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, WsHearingEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, room_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_hearing_editor_init (WsHearingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rooms = g_ptr_array_new_with_free_func (g_object_unref);
  ws_form_fill_combo (self->kind_row, WS_HEARING_KIND_OTHER + 1, kind_label);
}

/**
 * ws_hearing_editor_new:
 * @hearing: (nullable): the hearing to edit, or %NULL for a new one
 * @case_id: the case a new hearing belongs to (ignored when editing)
 * @case_reference: shown for the case, which the editor does not change
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
WsHearingEditor *
ws_hearing_editor_new (GtkWindow  *parent,
                       WsDatabase *db,
                       WsHearing  *hearing,
                       gint64      case_id,
                       const char *case_reference)
{
  WsHearingEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_HEARING_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  if (hearing != NULL)
    self->hearing = ws_database_get_hearing (db, ws_hearing_get_id (hearing), &error);
  if (self->hearing == NULL)
    {
      self->hearing = ws_hearing_new ();
      ws_hearing_set_case_id (self->hearing, hearing != NULL ? ws_hearing_get_case_id (hearing) : case_id);
    }
  adw_window_title_set_title (self->window_title, hearing == NULL ? _("New Hearing") : _("Edit Hearing"));
  adw_window_title_set_subtitle (self->window_title, case_reference);
  adw_action_row_set_subtitle (self->case_row, case_reference);
  fill_form (self, ws_hearing_get_id (self->hearing) == 0);
  if (error != NULL)
    {
      /* Gone meanwhile: saving must not make it again as a new hearing. */
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      self->gone = TRUE;
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->date_row));
  return self;
}

/**
 * ws_hearing_editor_save:
 *
 * Saves when the form is valid, tells the database it changed and
 * closes; otherwise shows each problem beside its field.
 *
 * Returns: %TRUE if the hearing was saved
 */
gboolean
ws_hearing_editor_save (WsHearingEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WS_IS_HEARING_EDITOR (self), FALSE);

  if (self->gone)
    return FALSE;
  collect_hearing (self, problems);
  ws_database_check_hearing (self->db, self->hearing, problems);
  /* A date or time that could not be read is not also "missing". */
  if (ws_problems_lookup (problems, "date") != NULL || ws_problems_lookup (problems, "end-date") != NULL)
    {
      g_autoptr(GPtrArray) kept = ws_problems_new ();

      for (guint i = 0; i < problems->len; i++)
        {
          WsProblem *p = g_ptr_array_index (problems, i);

          if (!g_str_equal (p->field, "starts-at") && !g_str_equal (p->field, "ends-at"))
            ws_problems_add (kept, p->field, "%s", p->message);
        }
      g_ptr_array_unref (problems);
      problems = g_steal_pointer (&kept);
    }
  if (!show_problems (self, problems))
    return FALSE;

  if (!ws_database_save_hearing (self->db, self->hearing, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  ws_database_emit_changed (self->db);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
