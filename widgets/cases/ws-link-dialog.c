/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-link-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-form.h"
#include "ws-link-dialog.h"
#include "ws-store.h"

/* Makes a witness a party to a case, from either side: pick the witness
 * for a case, or the case for a witness; the label ("Witness A") is
 * suggested and can be changed. */
struct _WsLinkDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  AdwActionRow   *choice_row;
  GtkDropDown    *choice_dropdown;
  AdwEntryRow    *label_row;
  AdwComboRow    *role_row;

  /* owned */
  WsDatabase     *db;
  GListStore     *choices;
  WsCase         *court_case;
  WsPerson       *person;
  gboolean        label_edited;
};

G_DEFINE_FINAL_TYPE (WsLinkDialog, ws_link_dialog, ADW_TYPE_WINDOW)

enum {
  LINKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
chosen_case_id (WsLinkDialog *self)
{
  gpointer item;

  if (self->court_case != NULL)
    return ws_case_get_id (self->court_case);
  item = gtk_drop_down_get_selected_item (self->choice_dropdown);
  return item != NULL ? ws_case_get_id (item) : 0;
}

static gint64
chosen_person_id (WsLinkDialog *self)
{
  gpointer item;

  if (self->person != NULL)
    return ws_person_get_id (self->person);
  item = gtk_drop_down_get_selected_item (self->choice_dropdown);
  return item != NULL ? ws_person_get_id (item) : 0;
}

static void
suggest_label (WsLinkDialog *self)
{
  g_autofree char *label = NULL;
  gint64 case_id = chosen_case_id (self);

  if (self->label_edited || case_id == 0)
    return;
  label = ws_database_suggest_party_label (self->db, case_id);
  ws_form_set_entry_text (self->label_row, label);
  self->label_edited = FALSE;
}

static void
choice_changed_cb (WsLinkDialog *self)
{
  suggest_label (self);
}

static void
label_changed_cb (WsLinkDialog *self)
{
  self->label_edited = TRUE;
  ws_form_set_row_error (GTK_WIDGET (self->label_row), NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ws_link_dialog_save (WS_LINK_DIALOG (widget));
}

static void
ws_link_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_LINK_DIALOG);
  G_OBJECT_CLASS (ws_link_dialog_parent_class)->dispose (object);
}

static void
ws_link_dialog_finalize (GObject *object)
{
  WsLinkDialog *self = (WsLinkDialog *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->choices);
  g_clear_object (&self->court_case);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (ws_link_dialog_parent_class)->finalize (object);
}

static void
ws_link_dialog_class_init (WsLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_link_dialog_dispose;
  object_class->finalize = ws_link_dialog_finalize;

  /**
   * WsLinkDialog::linked:
   *
   * The witness was linked to the case.
   */
  signals[LINKED] = g_signal_new ("linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/cases/ws-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WsLinkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsLinkDialog, choice_row);
  gtk_widget_class_bind_template_child (widget_class, WsLinkDialog, choice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WsLinkDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, WsLinkDialog, role_row);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);

  gtk_widget_class_install_action (widget_class, "link.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_link_dialog_init (WsLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ws_form_fill_combo (self->role_row, WS_PARTY_ROLE_VICTIM + 1, (WsLabelFunc) ws_party_role_get_label);
}

static WsLinkDialog *
link_dialog_new (GtkWindow  *parent,
                 WsDatabase *db,
                 GPtrArray  *choices,
                 GType       type,
                 const char *property)
{
  WsLinkDialog *self = g_object_new (WS_TYPE_LINK_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (type, NULL, property);

  self->db = g_object_ref (db);
  self->choices = g_list_store_new (type);
  if (choices != NULL)
    g_list_store_splice (self->choices, 0, 0, choices->pdata, choices->len);
  gtk_drop_down_set_expression (self->choice_dropdown, expression);
  gtk_drop_down_set_model (self->choice_dropdown, G_LIST_MODEL (self->choices));
  return self;
}

/**
 * ws_link_dialog_new_for_case:
 *
 * Returns: (transfer none): a dialog choosing a witness for @court_case
 */
WsLinkDialog *
ws_link_dialog_new_for_case (GtkWindow  *parent,
                             WsDatabase *db,
                             WsCase     *court_case)
{
  g_autoptr(GPtrArray) persons = NULL;
  WsLinkDialog *self;

  g_return_val_if_fail (WS_IS_CASE (court_case), NULL);

  persons = ws_database_list_persons (db, NULL, NULL);
  self = link_dialog_new (parent, db, persons, WS_TYPE_PERSON, "pseudonym");
  self->court_case = g_object_ref (court_case);
  adw_window_title_set_title (self->window_title, _("Add a Witness to the Case"));
  adw_window_title_set_subtitle (self->window_title, ws_case_get_reference (court_case));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), _("Witness"));
  suggest_label (self);
  return self;
}

/**
 * ws_link_dialog_new_for_person:
 *
 * Returns: (transfer none): a dialog choosing a case for @person
 */
WsLinkDialog *
ws_link_dialog_new_for_person (GtkWindow  *parent,
                               WsDatabase *db,
                               WsPerson   *person)
{
  g_autoptr(GPtrArray) cases = NULL;
  WsLinkDialog *self;

  g_return_val_if_fail (WS_IS_PERSON (person), NULL);

  cases = ws_database_list_cases (db, NULL, NULL);
  self = link_dialog_new (parent, db, cases, WS_TYPE_CASE, "reference");
  self->person = g_object_ref (person);
  adw_window_title_set_title (self->window_title, _("Link to a Case"));
  adw_window_title_set_subtitle (self->window_title, ws_person_get_pseudonym (person));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), _("Case"));
  suggest_label (self);
  return self;
}

/**
 * ws_link_dialog_save:
 *
 * Returns: %TRUE if the link was made; otherwise the reason shows beside
 *   the field concerned and nothing changed
 */
gboolean
ws_link_dialog_save (WsLinkDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 case_id, person_id;

  g_return_val_if_fail (WS_IS_LINK_DIALOG (self), FALSE);

  case_id = chosen_case_id (self);
  person_id = chosen_person_id (self);
  if (case_id == 0 || person_id == 0)
    {
      ws_form_set_row_error (GTK_WIDGET (self->choice_row),
                             self->court_case != NULL ? _("There is no witness to choose yet")
                                                      : _("There is no case to choose yet"));
      return FALSE;
    }

  label = ws_form_entry_text (self->label_row);
  if (!ws_database_link_party (self->db, case_id, person_id, adw_combo_row_get_selected (self->role_row),
                               label, &error))
    {
      ws_form_set_row_error (GTK_WIDGET (g_error_matches (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE) &&
                                         strstr (error->message, label) == NULL
                                         ? (GtkWidget *) self->choice_row : (GtkWidget *) self->label_row),
                             error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[LINKED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
