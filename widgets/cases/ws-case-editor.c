/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-case-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-case-editor.h"
#include "ws-enums.h"
#include "ws-form.h"
#include "ws-store.h"
#include "ws-text.h"

/* Creates or edits a case on a copy; the data layer decides what is
 * valid, the form shows each problem beside its field. */
struct _WsCaseEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *problem_label;
  AdwEntryRow         *reference_row;
  AdwEntryRow         *court_row;
  AdwEntryRow         *prosecutor_row;
  AdwComboRow         *stage_row;
  AdwEntryRow         *opened_row;
  AdwEntryRow         *offences_row;
  AdwEntryRow         *accused_row;
  AdwPreferencesGroup *exploitation_group;
  GtkTextView         *notes_view;

  /* owned */
  WsDatabase          *db;
  WsCase              *court_case;
  GPtrArray           *exploitation_checks;
};

G_DEFINE_FINAL_TYPE (WsCaseEditor, ws_case_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_form (WsCaseEditor *self)
{
  WsCase *c = self->court_case;
  g_autofree char *offences = g_strjoinv ("; ", (char **) ws_case_get_offences (c));
  g_autofree char *accused = g_strjoinv ("; ", (char **) ws_case_get_accused (c));
  const char * const *forms = ws_case_get_exploitation (c);

  ws_form_set_entry_text (self->reference_row, ws_case_get_reference (c));
  ws_form_set_entry_text (self->court_row, ws_case_get_court (c));
  ws_form_set_entry_text (self->prosecutor_row, ws_case_get_prosecutor (c));
  ws_form_set_entry_text (self->opened_row, ws_case_get_opened_on (c));
  ws_form_set_entry_text (self->offences_row, offences);
  ws_form_set_entry_text (self->accused_row, accused);
  adw_combo_row_set_selected (self->stage_row, ws_case_get_stage (c));
  ws_form_set_text_view (self->notes_view, ws_case_get_notes (c));

  for (guint i = 0; i < self->exploitation_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->exploitation_checks, i);
      const char *nick = g_object_get_data (G_OBJECT (check), "nick");

      gtk_check_button_set_active (check, g_strv_contains (forms, nick));
    }
}

static void
collect_case (WsCaseEditor *self)
{
  WsCase *c = self->court_case;
  g_autofree char *reference = ws_form_entry_text (self->reference_row);
  g_autofree char *court = ws_form_entry_text (self->court_row);
  g_autofree char *prosecutor = ws_form_entry_text (self->prosecutor_row);
  g_autofree char *opened = ws_form_entry_text (self->opened_row);
  g_autofree char *offences_text = ws_form_entry_text (self->offences_row);
  g_autofree char *accused_text = ws_form_entry_text (self->accused_row);
  g_autofree char *notes = ws_form_text_view_text (self->notes_view);
  g_auto(GStrv) offences = ws_text_split_list_by (offences_text, ";\n");
  g_auto(GStrv) accused = ws_text_split_list_by (accused_text, ";\n");
  g_autoptr(GStrvBuilder) forms = g_strv_builder_new ();
  g_auto(GStrv) form_list = NULL;

  for (guint i = 0; i < self->exploitation_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->exploitation_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (forms, g_object_get_data (G_OBJECT (check), "nick"));
    }
  form_list = g_strv_builder_end (forms);

  ws_case_set_reference (c, reference);
  ws_case_set_court (c, court);
  ws_case_set_prosecutor (c, prosecutor);
  ws_case_set_opened_on (c, opened);
  ws_case_set_stage (c, adw_combo_row_get_selected (self->stage_row));
  ws_case_set_offences (c, (const char * const *) offences);
  ws_case_set_accused (c, (const char * const *) accused);
  ws_case_set_exploitation (c, (const char * const *) form_list);
  ws_case_set_notes (c, notes);
}

static gboolean
show_problems (WsCaseEditor *self,
               GPtrArray    *problems)
{
  const WsFormField rows[] = {
    { "reference", GTK_WIDGET (self->reference_row) },
    { "court", GTK_WIDGET (self->court_row) },
    { "opened_on", GTK_WIDGET (self->opened_row) },
    { "accused", GTK_WIDGET (self->accused_row) },
  };

  return ws_form_show_problems (problems, rows, G_N_ELEMENTS (rows), self->problem_label);
}

static void
field_changed_cb (WsCaseEditor *self,
                  GtkWidget    *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ws_case_editor_save (WS_CASE_EDITOR (widget));
}

static void
build_exploitation_rows (WsCaseEditor *self)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WS_TYPE_EXPLOITATION);

  for (guint i = 0; i < klass->n_values; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "nick", (gpointer) klass->values[i].value_nick);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_exploitation_get_label (klass->values[i].value));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->exploitation_group, row);
      g_ptr_array_add (self->exploitation_checks, check);
    }
}

static void
ws_case_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_CASE_EDITOR);
  G_OBJECT_CLASS (ws_case_editor_parent_class)->dispose (object);
}

static void
ws_case_editor_finalize (GObject *object)
{
  WsCaseEditor *self = (WsCaseEditor *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->court_case);
  g_clear_pointer (&self->exploitation_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ws_case_editor_parent_class)->finalize (object);
}

static void
ws_case_editor_class_init (WsCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_case_editor_dispose;
  object_class->finalize = ws_case_editor_finalize;

  /**
   * WsCaseEditor::saved:
   * @court_case: the saved case
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, WS_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/cases/ws-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, court_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, prosecutor_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, opened_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, offences_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, accused_row);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, exploitation_group);
  gtk_widget_class_bind_template_child (widget_class, WsCaseEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_case_editor_init (WsCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->exploitation_checks = g_ptr_array_new ();
  build_exploitation_rows (self);
  ws_form_fill_combo (self->stage_row, WS_CASE_STAGE_CLOSED + 1, (WsLabelFunc) ws_case_stage_get_label);
}

/**
 * ws_case_editor_new:
 * @court_case: (nullable): the case to edit, or %NULL to create one
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
WsCaseEditor *
ws_case_editor_new (GtkWindow  *parent,
                    WsDatabase *db,
                    WsCase     *court_case)
{
  WsCaseEditor *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_CASE_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->court_case = court_case != NULL ? ws_case_copy (court_case) : ws_case_new ();
  adw_window_title_set_title (self->window_title, court_case == NULL ? _("New Case") : _("Edit Case"));
  if (court_case != NULL)
    adw_window_title_set_subtitle (self->window_title, ws_case_get_reference (court_case));
  fill_form (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->reference_row));
  return self;
}

/**
 * ws_case_editor_save:
 *
 * Returns: %TRUE if the case was valid and saved
 */
gboolean
ws_case_editor_save (WsCaseEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WS_IS_CASE_EDITOR (self), FALSE);

  collect_case (self);
  ws_database_check_case (self->db, self->court_case, problems);
  if (!show_problems (self, problems))
    return FALSE;

  if (!ws_database_save_case (self->db, self->court_case, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->court_case);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
