/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-interpreter-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-interpreter-schedule.h"
#include "ws-schedule.h"
#include "ws-time.h"

/* What an interpreter sees of the schedule: their own sessions, each with
 * the time in their zone, where to go or the link, the language and the
 * witness's pseudonym, and nothing else about the witness or the case.
 * An officer opens the same widget for a chosen interpreter to see
 * exactly that. */
struct _WsInterpreterSchedule
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkWidget     *content;
  GtkWidget     *chooser_box;
  GtkDropDown   *chooser;
  GtkStack      *stack;
  GtkListBox    *list_box;
  AdwStatusPage *empty_page;

  /* owned */
  WsDatabase    *db;
  GListStore    *model;
  GArray        *interpreter_ids;  /* gint64, parallel to the chooser */
  gint64         interpreter_id;   /* 0: the actor's own */
};

G_DEFINE_FINAL_TYPE (WsInterpreterSchedule, ws_interpreter_schedule, GTK_TYPE_WIDGET)

/* How far ahead (and back) the list reaches. */
#define DAYS_AHEAD 90
#define DAYS_BACK   7

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WsAssignment *a = item;
  GtkWidget *row = adw_action_row_new ();
  /* Translators: an interpreter's session day, e.g. "Tue 24 Nov 2026" */
  g_autofree char *day = g_date_time_format (ws_assignment_get_starts_at (a), _("%a %e %b %Y"));
  g_autofree char *from = g_date_time_format (ws_assignment_get_starts_at (a), "%H:%M");
  g_autofree char *to = g_date_time_format (ws_assignment_get_ends_at (a), "%H:%M");
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *link = ws_assignment_get_link (a);

  /* Translators: day, start, end and time zone of a session */
  title = g_strdup_printf (_("%s, %s–%s (%s)"), g_strstrip (day), from, to, ws_assignment_get_zone (a));
  /* Translators: the language to interpret and the witness's pseudonym */
  g_string_append_printf (subtitle, _("%s for “%s”"), ws_assignment_get_language (a), ws_assignment_get_pseudonym (a));
  /* The witness's wish about who interprets: the one thing about them,
   * beyond the pseudonym, that the interpreter needs to know. */
  if (ws_assignment_get_interpreter_gender (a) != WS_INTERPRETER_GENDER_ANY)
    /* Translators: e.g. "Asked for: Female interpreter" */
    g_string_append_printf (subtitle, _("\nAsked for: %s"),
                            ws_interpreter_gender_get_label (ws_assignment_get_interpreter_gender (a)));
  if (ws_assignment_get_place (a) != NULL)
    g_string_append_printf (subtitle, "\n%s", ws_assignment_get_place (a));
  if (link != NULL && *link != '\0')
    /* Translators: the address of a video link */
    g_string_append_printf (subtitle, _("\nLink: %s"), link);
  if (ws_assignment_is_cancelled (a))
    {
      g_autofree char *cancelled = g_strdup_printf (_("Cancelled — %s"), title);

      g_free (title);
      title = g_steal_pointer (&cancelled);
      gtk_widget_add_css_class (row, "cancelled");
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (link != NULL && *link != '\0' ? "camera-web-symbolic"
                                                                                         : "mark-location-symbolic"));
  return row;
}

/**
 * ws_interpreter_schedule_reload:
 *
 * Reads the interpreter's sessions from a week ago to three months ahead.
 */
void
ws_interpreter_schedule_reload (WsInterpreterSchedule *self)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -DAYS_BACK);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, DAYS_AHEAD);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_INTERPRETER_SCHEDULE (self));

  g_list_store_remove_all (self->model);
  if (self->interpreter_id < 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Interpreter Chosen"));
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  items = ws_database_list_assignments (self->db, self->interpreter_id, from, to, &error);
  if (items == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Schedule"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_list_store_splice (self->model, 0, 0, items->pdata, items->len);
  adw_status_page_set_title (self->empty_page, _("No Sessions"));
  adw_status_page_set_description (self->empty_page, _("No video-link session is booked for the next three months."));
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

static void
chooser_changed_cb (WsInterpreterSchedule *self)
{
  guint position = gtk_drop_down_get_selected (self->chooser);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->interpreter_ids->len)
    return;
  ws_interpreter_schedule_set_interpreter (self, g_array_index (self->interpreter_ids, gint64, position));
}

static void
fill_chooser (WsInterpreterSchedule *self)
{
  g_autoptr(GPtrArray) interpreters = ws_database_list_interpreters (self->db, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->interpreter_ids, 0);
  for (guint i = 0; interpreters != NULL && i < interpreters->len; i++)
    {
      WsInterpreter *interpreter = g_ptr_array_index (interpreters, i);
      gint64 id = ws_interpreter_get_id (interpreter);

      gtk_string_list_append (names, ws_interpreter_get_name (interpreter));
      g_array_append_val (self->interpreter_ids, id);
    }
  gtk_drop_down_set_model (self->chooser, G_LIST_MODEL (names));
}

static void
ws_interpreter_schedule_dispose (GObject *object)
{
  WsInterpreterSchedule *self = WS_INTERPRETER_SCHEDULE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_INTERPRETER_SCHEDULE);
  g_clear_object (&self->db);
  g_clear_object (&self->model);
  g_clear_pointer (&self->interpreter_ids, g_array_unref);
  G_OBJECT_CLASS (ws_interpreter_schedule_parent_class)->dispose (object);
}

static void
ws_interpreter_schedule_class_init (WsInterpreterScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_interpreter_schedule_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/schedule/ws-interpreter-schedule.ui");
  gtk_widget_class_bind_template_child (widget_class, WsInterpreterSchedule, content);
  gtk_widget_class_bind_template_child (widget_class, WsInterpreterSchedule, chooser_box);
  gtk_widget_class_bind_template_child (widget_class, WsInterpreterSchedule, chooser);
  gtk_widget_class_bind_template_child (widget_class, WsInterpreterSchedule, stack);
  gtk_widget_class_bind_template_child (widget_class, WsInterpreterSchedule, list_box);
  gtk_widget_class_bind_template_child (widget_class, WsInterpreterSchedule, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, chooser_changed_cb);
}

static void
ws_interpreter_schedule_init (WsInterpreterSchedule *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->model = g_list_store_new (WS_TYPE_ASSIGNMENT);
  self->interpreter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->model), create_row, NULL, NULL);
}

/**
 * ws_interpreter_schedule_new:
 * @choose: whether an officer chooses the interpreter; otherwise the
 *   schedule is the actor's own
 */
GtkWidget *
ws_interpreter_schedule_new (WsDatabase *db,
                             gboolean    choose)
{
  WsInterpreterSchedule *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_INTERPRETER_SCHEDULE, NULL);
  self->db = g_object_ref (db);
  gtk_widget_set_visible (self->chooser_box, choose);
  if (choose)
    {
      self->interpreter_id = -1;
      fill_chooser (self);
      chooser_changed_cb (self);
    }
  return GTK_WIDGET (self);
}

/**
 * ws_interpreter_schedule_set_interpreter:
 * @interpreter_id: whose schedule, 0 for the actor's own
 */
void
ws_interpreter_schedule_set_interpreter (WsInterpreterSchedule *self,
                                         gint64                 interpreter_id)
{
  guint index;

  g_return_if_fail (WS_IS_INTERPRETER_SCHEDULE (self));

  self->interpreter_id = interpreter_id;
  for (index = 0; index < self->interpreter_ids->len; index++)
    if (g_array_index (self->interpreter_ids, gint64, index) == interpreter_id)
      break;
  if (index < self->interpreter_ids->len && gtk_drop_down_get_selected (self->chooser) != index)
    gtk_drop_down_set_selected (self->chooser, index);
  ws_interpreter_schedule_reload (self);
}

/**
 * ws_interpreter_schedule_get_model:
 *
 * Returns: (transfer none): the WsAssignment shown
 */
GListModel *
ws_interpreter_schedule_get_model (WsInterpreterSchedule *self)
{
  g_return_val_if_fail (WS_IS_INTERPRETER_SCHEDULE (self), NULL);
  return G_LIST_MODEL (self->model);
}

/**
 * ws_interpreter_schedule_dup_text:
 *
 * Returns: (transfer full): every line the rows show, one per line, as
 *   the interpreter reads them
 */
char *
ws_interpreter_schedule_dup_text (WsInterpreterSchedule *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (WS_IS_INTERPRETER_SCHEDULE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (text, "%s\n%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (text, FALSE);
}

/**
 * ws_interpreter_schedule_window_new:
 *
 * Returns: (transfer none): a window in which an officer chooses an
 *   interpreter and sees exactly what that interpreter sees
 */
GtkWindow *
ws_interpreter_schedule_window_new (GtkWindow  *parent,
                                    WsDatabase *db)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Interpreter's Schedule"), _("Exactly what the interpreter sees"));
  GtkWidget *schedule = ws_interpreter_schedule_new (db, TRUE);
  GtkEventController *escape;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (schedule, TRUE);
  gtk_box_append (GTK_BOX (box), schedule);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  g_object_set_data (G_OBJECT (window), "ws-interpreter-schedule", schedule);
  escape = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, escape);
  return GTK_WINDOW (window);
}
