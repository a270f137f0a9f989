/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-interpreter-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-interpreter-editor.h"
#include "ws-period-form.h"
#include "ws-store.h"
#include "ws-text.h"

/* Adds or changes an interpreter on a copy (name, gender, zone and
 * languages are saved together); unavailability and exclusions of a
 * saved interpreter are added and removed at once. Witnesses appear by
 * pseudonym only. */
struct _WsInterpreterEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *problem_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *gender_row;
  AdwEntryRow         *zone_row;
  AdwEntryRow         *contact_row;
  AdwPreferencesGroup *languages_group;
  AdwEntryRow         *language_row;
  AdwEntryRow         *dialect_row;
  AdwComboRow         *modality_row;
  AdwEntryRow         *accreditation_row;
  AdwPreferencesGroup *unavailable_group;
  AdwEntryRow         *away_from_row;
  AdwEntryRow         *away_to_row;
  AdwEntryRow         *away_reason_row;
  AdwPreferencesGroup *exclusions_group;
  AdwComboRow         *exclusion_case_row;
  AdwComboRow         *exclusion_person_row;
  AdwEntryRow         *exclusion_reason_row;

  /* owned */
  WsDatabase          *db;
  WsInterpreter       *interpreter;
  GPtrArray           *cases;     /* WsCase; index + 1 in exclusion_case_row */
  GPtrArray           *persons;   /* WsPerson; index + 1 in exclusion_person_row */
  GPtrArray           *language_rows;
  GPtrArray           *period_rows;
};

G_DEFINE_FINAL_TYPE (WsInterpreterEditor, ws_interpreter_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (WsInterpreterEditor *self,
                  GtkWidget           *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
case_changed_cb (WsInterpreterEditor *self)
{
  ws_form_set_row_error (GTK_WIDGET (self->exclusion_case_row), NULL);
}

static void show_languages (WsInterpreterEditor *self);

static void
remove_language_cb (WsInterpreterEditor *self,
                    GtkButton           *button)
{
  guint drop = (guint) ws_period_form_row_id (GTK_WIDGET (button));
  g_autoptr(WsInterpreter) old = ws_interpreter_copy (self->interpreter);

  ws_interpreter_clear_languages (self->interpreter);
  for (guint i = 0; i < ws_interpreter_get_n_languages (old); i++)
    {
      const char *language, *dialect, *accreditation;
      WsLanguageModality modality;

      if (i == drop)
        continue;
      ws_interpreter_get_language (old, i, &language, &dialect, &modality, &accreditation);
      ws_interpreter_add_language (self->interpreter, language, dialect, modality, accreditation);
    }
  show_languages (self);
}

static void
show_languages (WsInterpreterEditor *self)
{
  ws_form_clear_rows (self->language_rows);
  for (guint i = 0; i < ws_interpreter_get_n_languages (self->interpreter); i++)
    {
      const char *language, *dialect, *accreditation;
      WsLanguageModality modality;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      ws_interpreter_get_language (self->interpreter, i, &language, &dialect, &modality, &accreditation);
      title = dialect != NULL && *dialect != '\0' ? g_strdup_printf ("%s (%s)", language, dialect) : g_strdup (language);
      subtitle = accreditation != NULL && *accreditation != '\0'
                 ? g_strdup_printf ("%s · %s", ws_language_modality_get_label (modality), accreditation)
                 : g_strdup (ws_language_modality_get_label (modality));
      row = ws_period_form_row (title, subtitle, _("Remove the language"), G_CALLBACK (remove_language_cb), self, i);
      adw_preferences_group_add (self->languages_group, row);
      g_ptr_array_add (self->language_rows, row);
    }
}

static void
add_language_cb (WsInterpreterEditor *self)
{
  g_autofree char *language = ws_form_entry_text (self->language_row);
  g_autofree char *dialect = ws_form_entry_text (self->dialect_row);
  g_autofree char *accreditation = ws_form_entry_text (self->accreditation_row);

  if (*language == '\0')
    {
      ws_form_set_row_error (GTK_WIDGET (self->language_row), _("Required"));
      gtk_widget_grab_focus (GTK_WIDGET (self->language_row));
      return;
    }
  ws_interpreter_add_language (self->interpreter, language, dialect, adw_combo_row_get_selected (self->modality_row),
                               accreditation);
  ws_form_set_entry_text (self->language_row, NULL);
  ws_form_set_entry_text (self->dialect_row, NULL);
  ws_form_set_entry_text (self->accreditation_row, NULL);
  show_languages (self);
}

static void remove_unavailability_cb (WsInterpreterEditor *self, GtkButton *button);
static void remove_exclusion_cb (WsInterpreterEditor *self, GtkButton *button);

static void
add_period_row (WsInterpreterEditor *self,
                AdwPreferencesGroup *group,
                GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->period_rows, row);
}

static void
show_periods (WsInterpreterEditor *self)
{
  gint64 id = ws_interpreter_get_id (self->interpreter);
  g_autoptr(GPtrArray) away = NULL;
  g_autoptr(GPtrArray) exclusions = NULL;

  ws_form_clear_rows (self->period_rows);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unavailable_group), id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->exclusions_group), id != 0);
  if (id == 0)
    {
      adw_preferences_group_set_description (self->unavailable_group, _("Save the interpreter first."));
      adw_preferences_group_set_description (self->exclusions_group, _("Save the interpreter first."));
      return;
    }
  away = ws_database_list_unavailability (self->db, id, NULL, NULL);
  for (guint i = 0; away != NULL && i < away->len; i++)
    {
      WsPeriod *period = g_ptr_array_index (away, i);
      g_autofree char *when = ws_period_form_describe (period, ws_interpreter_get_zone (self->interpreter));

      add_period_row (self, self->unavailable_group,
                      ws_period_form_row (ws_period_get_reason (period), when, _("Remove the period"),
                                          G_CALLBACK (remove_unavailability_cb), self, ws_period_get_id (period)));
    }
  exclusions = ws_database_list_exclusions (self->db, id, NULL);
  for (guint i = 0; exclusions != NULL && i < exclusions->len; i++)
    {
      WsInterpreterExclusion *e = g_ptr_array_index (exclusions, i);
      const char *reference = ws_interpreter_exclusion_get_case_reference (e);
      const char *pseudonym = ws_interpreter_exclusion_get_pseudonym (e);
      g_autofree char *title = reference != NULL && pseudonym != NULL ? g_strdup_printf ("%s · %s", reference, pseudonym)
                                                                      : g_strdup (reference != NULL ? reference : pseudonym);

      add_period_row (self, self->exclusions_group,
                      ws_period_form_row (title, ws_interpreter_exclusion_get_reason (e), _("Remove the exclusion"),
                                          G_CALLBACK (remove_exclusion_cb), self, ws_interpreter_exclusion_get_id (e)));
    }
}

static void
remove_unavailability_cb (WsInterpreterEditor *self,
                          GtkButton           *button)
{
  g_autoptr(GError) error = NULL;

  if (!ws_database_delete_unavailability (self->db, ws_period_form_row_id (GTK_WIDGET (button)), &error))
    ws_form_set_row_error (GTK_WIDGET (self->away_reason_row), error->message);
  show_periods (self);
}

static void
remove_exclusion_cb (WsInterpreterEditor *self,
                     GtkButton           *button)
{
  g_autoptr(GError) error = NULL;

  if (!ws_database_delete_exclusion (self->db, ws_period_form_row_id (GTK_WIDGET (button)), &error))
    ws_form_set_row_error (GTK_WIDGET (self->exclusion_reason_row), error->message);
  show_periods (self);
}

static void
add_unavailability_cb (WsInterpreterEditor *self)
{
  g_autofree char *reason = ws_form_entry_text (self->away_reason_row);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GError) error = NULL;

  if (!ws_period_form_read (self->away_from_row, self->away_to_row, ws_interpreter_get_zone (self->interpreter),
                            &from, &to))
    return;
  if (ws_database_add_unavailability (self->db, ws_interpreter_get_id (self->interpreter), from, to, reason, &error) == 0)
    {
      ws_form_set_row_error (GTK_WIDGET (self->away_reason_row), error->message);
      return;
    }
  ws_period_form_clear (self->away_from_row, self->away_to_row, self->away_reason_row);
  show_periods (self);
}

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
add_exclusion_cb (WsInterpreterEditor *self)
{
  WsCase *court_case = chosen (self->exclusion_case_row, self->cases);
  WsPerson *person = chosen (self->exclusion_person_row, self->persons);
  g_autofree char *reason = ws_form_entry_text (self->exclusion_reason_row);
  g_autoptr(GError) error = NULL;

  if (court_case == NULL && person == NULL)
    {
      ws_form_set_row_error (GTK_WIDGET (self->exclusion_case_row), _("Choose a case, a witness or both"));
      return;
    }
  if (ws_database_add_exclusion (self->db, ws_interpreter_get_id (self->interpreter),
                                 court_case != NULL ? ws_case_get_id (court_case) : 0,
                                 person != NULL ? ws_person_get_id (person) : 0, reason, &error) == 0)
    {
      ws_form_set_row_error (GTK_WIDGET (self->exclusion_reason_row), error->message);
      return;
    }
  adw_combo_row_set_selected (self->exclusion_case_row, 0);
  adw_combo_row_set_selected (self->exclusion_person_row, 0);
  ws_form_set_entry_text (self->exclusion_reason_row, NULL);
  show_periods (self);
}

static void
fill_exclusion_choices (WsInterpreterEditor *self)
{
  g_autoptr(GPtrArray) cases = ws_database_list_cases (self->db, NULL, NULL);
  g_autoptr(GPtrArray) persons = ws_database_list_persons (self->db, NULL, NULL);
  g_autoptr(GtkStringList) case_names = gtk_string_list_new ((const char *[]) { _("None"), NULL });
  g_autoptr(GtkStringList) person_names = gtk_string_list_new ((const char *[]) { _("None"), NULL });

  if (cases != NULL)
    g_ptr_array_extend_and_steal (self->cases, g_steal_pointer (&cases));
  if (persons != NULL)
    g_ptr_array_extend_and_steal (self->persons, g_steal_pointer (&persons));
  for (guint i = 0; i < self->cases->len; i++)
    gtk_string_list_append (case_names, ws_case_get_reference (g_ptr_array_index (self->cases, i)));
  for (guint i = 0; i < self->persons->len; i++)
    gtk_string_list_append (person_names, ws_person_get_pseudonym (g_ptr_array_index (self->persons, i)));
  adw_combo_row_set_model (self->exclusion_case_row, G_LIST_MODEL (case_names));
  adw_combo_row_set_model (self->exclusion_person_row, G_LIST_MODEL (person_names));
}

static gboolean
show_problems (WsInterpreterEditor *self,
               GPtrArray           *problems)
{
  const WsFormField rows[] = {
    { "name", GTK_WIDGET (self->name_row) },
    { "zone", GTK_WIDGET (self->zone_row) },
    { "languages", GTK_WIDGET (self->language_row) },
  };

  return ws_form_show_problems (problems, rows, G_N_ELEMENTS (rows), self->problem_label);
}

/**
 * ws_interpreter_editor_save:
 *
 * Returns: %TRUE if the interpreter was valid and saved
 */
gboolean
ws_interpreter_editor_save (WsInterpreterEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (WS_IS_INTERPRETER_EDITOR (self), FALSE);

  name = ws_form_entry_text (self->name_row);
  zone = ws_form_entry_text (self->zone_row);
  contact = ws_form_entry_text (self->contact_row);
  ws_interpreter_set_name (self->interpreter, name);
  ws_interpreter_set_gender (self->interpreter, adw_combo_row_get_selected (self->gender_row));
  ws_interpreter_set_zone (self->interpreter, zone);
  ws_interpreter_set_contact (self->interpreter, contact);
  ws_database_check_interpreter (self->db, self->interpreter, problems);
  if (!show_problems (self, problems))
    return FALSE;
  if (!ws_database_save_interpreter (self->db, self->interpreter, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  message = g_strdup_printf (_("“%s” saved"), ws_interpreter_get_name (self->interpreter));
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ws_interpreter_editor_save (WS_INTERPRETER_EDITOR (widget));
}

static void
ws_interpreter_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_INTERPRETER_EDITOR);
  G_OBJECT_CLASS (ws_interpreter_editor_parent_class)->dispose (object);
}

static void
ws_interpreter_editor_finalize (GObject *object)
{
  WsInterpreterEditor *self = WS_INTERPRETER_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->interpreter);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  g_clear_pointer (&self->language_rows, g_ptr_array_unref);
  g_clear_pointer (&self->period_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ws_interpreter_editor_parent_class)->finalize (object);
}

static void
ws_interpreter_editor_class_init (WsInterpreterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_interpreter_editor_dispose;
  object_class->finalize = ws_interpreter_editor_finalize;

  /**
   * WsInterpreterEditor::saved:
   * @message: what to tell the user
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/schedule/ws-interpreter-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, WsInterpreterEditor, name)
  BIND (window_title);
  BIND (problem_label);
  BIND (name_row);
  BIND (gender_row);
  BIND (zone_row);
  BIND (contact_row);
  BIND (languages_group);
  BIND (language_row);
  BIND (dialect_row);
  BIND (modality_row);
  BIND (accreditation_row);
  BIND (unavailable_group);
  BIND (away_from_row);
  BIND (away_to_row);
  BIND (away_reason_row);
  BIND (exclusions_group);
  BIND (exclusion_case_row);
  BIND (exclusion_person_row);
  BIND (exclusion_reason_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_language_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_unavailability_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_exclusion_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_interpreter_editor_init (WsInterpreterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
  self->persons = g_ptr_array_new_with_free_func (g_object_unref);
  self->language_rows = g_ptr_array_new ();
  self->period_rows = g_ptr_array_new ();
  ws_form_fill_combo (self->gender_row, WS_GENDER_PREFER_NOT_TO_SAY + 1, (WsLabelFunc) ws_gender_get_label);
  ws_form_fill_combo (self->modality_row, WS_LANGUAGE_MODALITY_SIGN + 1, (WsLabelFunc) ws_language_modality_get_label);
}

/**
 * ws_interpreter_editor_new:
 * @interpreter: (nullable): the interpreter to change, or %NULL to add one
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
GtkWidget *
ws_interpreter_editor_new (GtkWindow     *parent,
                           WsDatabase    *db,
                           WsInterpreter *interpreter)
{
  WsInterpreterEditor *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_INTERPRETER_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->interpreter = interpreter != NULL ? ws_interpreter_copy (interpreter) : ws_interpreter_new ();
  adw_window_title_set_title (self->window_title, interpreter == NULL ? _("New Interpreter") : _("Edit Interpreter"));
  if (interpreter != NULL)
    adw_window_title_set_subtitle (self->window_title, ws_interpreter_get_name (interpreter));
  ws_form_set_entry_text (self->name_row, ws_interpreter_get_name (self->interpreter));
  adw_combo_row_set_selected (self->gender_row, ws_interpreter_get_gender (self->interpreter));
  ws_form_set_entry_text (self->zone_row, ws_interpreter_get_zone (self->interpreter));
  ws_form_set_entry_text (self->contact_row, ws_interpreter_get_contact (self->interpreter));
  fill_exclusion_choices (self);
  show_languages (self);
  show_periods (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
