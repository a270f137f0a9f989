/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-person-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-enums.h"
#include "ws-form.h"
#include "ws-identity.h"
#include "ws-person-editor.h"
#include "ws-store.h"
#include "ws-text.h"

/* Creates or edits a witness. Works on a copy, checks everything with the
 * data layer before saving, and shows each problem beside its field;
 * nothing is written until the whole form is valid. */
struct _WsPersonEditor
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *problem_label;
  AdwEntryRow    *pseudonym_row;
  AdwEntryRow    *languages_row;
  AdwComboRow    *interpreter_gender_row;
  AdwEntryRow    *zone_row;
  AdwComboRow    *gender_row;
  GtkSwitch      *gender_summary_switch;
  AdwComboRow    *phase_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *first_contact_row;
  AdwComboRow    *risk_row;
  AdwComboRow    *age_status_row;
  AdwEntryRow    *age_assessed_row;
  AdwPreferencesGroup *vulnerability_group;
  AdwPreferencesGroup *identity_group;
  GtkButton      *identity_button;
  AdwEntryRow    *legal_name_row;
  AdwEntryRow    *aliases_row;
  AdwEntryRow    *dob_row;
  AdwEntryRow    *nationality_row;
  AdwEntryRow    *addresses_row;
  AdwEntryRow    *phones_row;
  AdwEntryRow    *emails_row;
  AdwEntryRow    *documents_row;
  AdwEntryRow    *relatives_row;
  AdwEntryRow    *guardian_row;
  GtkTextView    *notes_view;

  /* owned */
  WsDatabase     *db;
  WsPerson       *person;
  GPtrArray      *vulnerability_checks;
  gboolean        identity_loaded;
};

G_DEFINE_FINAL_TYPE (WsPersonEditor, ws_person_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  const char *field;
  gsize       offset;
} FieldRow;

/* Which row shows the problems the data layer reports for which field. */
static const FieldRow field_rows[] = {
  { "pseudonym", G_STRUCT_OFFSET (WsPersonEditor, pseudonym_row) },
  { "languages", G_STRUCT_OFFSET (WsPersonEditor, languages_row) },
  { "zone", G_STRUCT_OFFSET (WsPersonEditor, zone_row) },
  { "first_contact_on", G_STRUCT_OFFSET (WsPersonEditor, first_contact_row) },
  { "age_assessed_on", G_STRUCT_OFFSET (WsPersonEditor, age_assessed_row) },
  { "identity.date_of_birth", G_STRUCT_OFFSET (WsPersonEditor, dob_row) },
  { "identity.phones", G_STRUCT_OFFSET (WsPersonEditor, phones_row) },
  { "identity.emails", G_STRUCT_OFFSET (WsPersonEditor, emails_row) },
};

static const struct {
  WsIdentityList field;
  gsize          offset;
} identity_lists[] = {
  { WS_IDENTITY_ALIASES, G_STRUCT_OFFSET (WsPersonEditor, aliases_row) },
  { WS_IDENTITY_ADDRESSES, G_STRUCT_OFFSET (WsPersonEditor, addresses_row) },
  { WS_IDENTITY_PHONES, G_STRUCT_OFFSET (WsPersonEditor, phones_row) },
  { WS_IDENTITY_EMAILS, G_STRUCT_OFFSET (WsPersonEditor, emails_row) },
  { WS_IDENTITY_DOCUMENTS, G_STRUCT_OFFSET (WsPersonEditor, documents_row) },
  { WS_IDENTITY_RELATIVES, G_STRUCT_OFFSET (WsPersonEditor, relatives_row) },
};

static const struct {
  WsIdentityText field;
  gsize          offset;
} identity_texts[] = {
  { WS_IDENTITY_LEGAL_NAME, G_STRUCT_OFFSET (WsPersonEditor, legal_name_row) },
  { WS_IDENTITY_DATE_OF_BIRTH, G_STRUCT_OFFSET (WsPersonEditor, dob_row) },
  { WS_IDENTITY_NATIONALITY, G_STRUCT_OFFSET (WsPersonEditor, nationality_row) },
  { WS_IDENTITY_GUARDIAN, G_STRUCT_OFFSET (WsPersonEditor, guardian_row) },
};

#define ROW_AT(self, offset) (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), (offset)))

static void
set_identity_rows_visible (WsPersonEditor *self,
                           gboolean        visible)
{
  for (guint i = 0; i < G_N_ELEMENTS (identity_texts); i++)
    gtk_widget_set_visible (GTK_WIDGET (ROW_AT (self, identity_texts[i].offset)), visible);
  for (guint i = 0; i < G_N_ELEMENTS (identity_lists); i++)
    gtk_widget_set_visible (GTK_WIDGET (ROW_AT (self, identity_lists[i].offset)), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_button), !visible);
}

static void
fill_identity (WsPersonEditor *self,
               WsIdentity     *identity)
{
  for (guint i = 0; i < G_N_ELEMENTS (identity_texts); i++)
    ws_form_set_entry_text (ROW_AT (self, identity_texts[i].offset),
                            ws_identity_get_text (identity, identity_texts[i].field));
  for (guint i = 0; i < G_N_ELEMENTS (identity_lists); i++)
    {
      g_autofree char *joined = g_strjoinv ("; ", (char **) ws_identity_get_list (identity, identity_lists[i].field));

      ws_form_set_entry_text (ROW_AT (self, identity_lists[i].offset), joined);
    }
}

static WsIdentity *
collect_identity (WsPersonEditor *self)
{
  WsIdentity *identity;

  if (!self->identity_loaded)
    return NULL;

  identity = ws_identity_new ();
  for (guint i = 0; i < G_N_ELEMENTS (identity_texts); i++)
    {
      g_autofree char *text = ws_form_entry_text (ROW_AT (self, identity_texts[i].offset));

      ws_identity_set_text (identity, identity_texts[i].field, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (identity_lists); i++)
    {
      g_autofree char *text = ws_form_entry_text (ROW_AT (self, identity_lists[i].offset));
      g_auto(GStrv) items = ws_text_split_list_by (text, ";\n");

      ws_identity_set_list (identity, identity_lists[i].field, (const char * const *) items);
    }
  return identity;
}

static void
fill_form (WsPersonEditor *self)
{
  WsPerson *p = self->person;
  g_autofree char *languages = ws_person_dup_languages_text (p);
  WsVulnerability flags = ws_person_get_vulnerability (p);

  ws_form_set_entry_text (self->pseudonym_row, ws_person_get_pseudonym (p));
  ws_form_set_entry_text (self->languages_row, languages);
  ws_form_set_entry_text (self->zone_row, ws_person_get_zone (p));
  ws_form_set_entry_text (self->first_contact_row, ws_person_get_first_contact_on (p));
  ws_form_set_entry_text (self->age_assessed_row, ws_person_get_age_assessed_on (p));
  adw_combo_row_set_selected (self->interpreter_gender_row, ws_person_get_interpreter_gender (p));
  adw_combo_row_set_selected (self->gender_row, ws_person_get_gender (p));
  adw_combo_row_set_selected (self->phase_row, ws_person_get_phase (p));
  adw_combo_row_set_selected (self->status_row, ws_person_get_status (p));
  adw_combo_row_set_selected (self->risk_row, ws_person_get_risk_level (p));
  adw_combo_row_set_selected (self->age_status_row, ws_person_get_age_status (p));
  gtk_switch_set_active (self->gender_summary_switch, ws_person_get_gender_in_summary (p));
  ws_form_set_text_view (self->notes_view, ws_person_get_notes (p));

  for (guint i = 0; i < self->vulnerability_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->vulnerability_checks, i);
      guint flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "flag"));

      gtk_check_button_set_active (check, (flags & flag) != 0);
    }
}

static void
collect_person (WsPersonEditor *self)
{
  WsPerson *p = self->person;
  g_autofree char *pseudonym = ws_form_entry_text (self->pseudonym_row);
  g_autofree char *languages = ws_form_entry_text (self->languages_row);
  g_autofree char *zone = ws_form_entry_text (self->zone_row);
  g_autofree char *first_contact = ws_form_entry_text (self->first_contact_row);
  g_autofree char *assessed = ws_form_entry_text (self->age_assessed_row);
  g_autofree char *notes = ws_form_text_view_text (self->notes_view);
  g_auto(GStrv) language_list = ws_text_split_list (languages);
  guint flags = 0;

  for (guint i = 0; i < self->vulnerability_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->vulnerability_checks, i);

      if (gtk_check_button_get_active (check))
        flags |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "flag"));
    }

  ws_person_set_pseudonym (p, pseudonym);
  ws_person_set_languages (p, (const char * const *) language_list);
  ws_person_set_zone (p, zone);
  ws_person_set_first_contact_on (p, first_contact);
  ws_person_set_age_assessed_on (p, assessed);
  ws_person_set_interpreter_gender (p, adw_combo_row_get_selected (self->interpreter_gender_row));
  ws_person_set_gender (p, adw_combo_row_get_selected (self->gender_row));
  ws_person_set_phase (p, adw_combo_row_get_selected (self->phase_row));
  ws_person_set_status (p, adw_combo_row_get_selected (self->status_row));
  ws_person_set_risk_level (p, adw_combo_row_get_selected (self->risk_row));
  ws_person_set_age_status (p, adw_combo_row_get_selected (self->age_status_row));
  ws_person_set_gender_in_summary (p, gtk_switch_get_active (self->gender_summary_switch));
  ws_person_set_vulnerability (p, flags);
  ws_person_set_notes (p, notes);
}

static gboolean
show_problems (WsPersonEditor *self,
               GPtrArray      *problems)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = GTK_WIDGET (ROW_AT (self, field_rows[i].offset));
      const char *message = ws_problems_lookup (problems, field_rows[i].field);

      ws_form_set_row_error (row, message);
      if (message != NULL && first == NULL)
        first = row;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  if (problems->len > 0)
    gtk_label_set_text (self->problem_label, _("Please correct the marked fields. Nothing has been saved."));
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return problems->len == 0;
}

static void
field_changed_cb (WsPersonEditor *self,
                  GtkWidget      *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
identity_button_clicked_cb (WsPersonEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsIdentity) identity = ws_database_read_identity (self->db, self->person, &error);

  if (identity == NULL)
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  fill_identity (self, identity);
  self->identity_loaded = TRUE;
  set_identity_rows_visible (self, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ws_person_editor_save (WS_PERSON_EDITOR (widget));
}

static void
build_vulnerability_rows (WsPersonEditor *self)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (WS_TYPE_VULNERABILITY);

  for (guint i = 0; i < klass->n_values; i++)
    {
      guint flag = klass->values[i].value;
      GtkWidget *row, *check;

      if (flag == 0)
        continue;
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "flag", GUINT_TO_POINTER (flag));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_vulnerability_get_label (flag));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->vulnerability_group, row);
      g_ptr_array_add (self->vulnerability_checks, check);
    }
}

static void
ws_person_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_PERSON_EDITOR);
  G_OBJECT_CLASS (ws_person_editor_parent_class)->dispose (object);
}

static void
ws_person_editor_finalize (GObject *object)
{
  WsPersonEditor *self = (WsPersonEditor *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->person);
  g_clear_pointer (&self->vulnerability_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ws_person_editor_parent_class)->finalize (object);
}

static void
ws_person_editor_class_init (WsPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_person_editor_dispose;
  object_class->finalize = ws_person_editor_finalize;

  /**
   * WsPersonEditor::saved:
   * @person: the saved witness
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, WS_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/witnesses/ws-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, pseudonym_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, interpreter_gender_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, gender_summary_switch);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, first_contact_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, risk_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, age_status_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, age_assessed_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, vulnerability_group);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, identity_button);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, legal_name_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, dob_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, addresses_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, phones_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, emails_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, documents_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, relatives_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, guardian_row);
  gtk_widget_class_bind_template_child (widget_class, WsPersonEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, identity_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_person_editor_init (WsPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->vulnerability_checks = g_ptr_array_new ();
  build_vulnerability_rows (self);
  ws_form_fill_combo (self->interpreter_gender_row, WS_INTERPRETER_GENDER_MALE + 1,
                      (WsLabelFunc) ws_interpreter_gender_get_label);
  ws_form_fill_combo (self->gender_row, WS_GENDER_PREFER_NOT_TO_SAY + 1, (WsLabelFunc) ws_gender_get_label);
  ws_form_fill_combo (self->phase_row, WS_PHASE_SUSTAINABLE + 1, (WsLabelFunc) ws_phase_get_label);
  ws_form_fill_combo (self->status_row, WS_PERSON_STATUS_CLOSED + 1, (WsLabelFunc) ws_person_status_get_label);
  ws_form_fill_combo (self->risk_row, WS_RISK_LEVEL_HIGH + 1, (WsLabelFunc) ws_risk_level_get_label);
  ws_form_fill_combo (self->age_status_row, WS_AGE_STATUS_CHILD + 1, (WsLabelFunc) ws_age_status_get_label);
}

/**
 * ws_person_editor_new:
 * @person: (nullable): the witness to edit, or %NULL to create one
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
WsPersonEditor *
ws_person_editor_new (GtkWindow  *parent,
                      WsDatabase *db,
                      WsPerson   *person)
{
  WsPersonEditor *self;
  gboolean is_new = person == NULL;
  gboolean can_read;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (person == NULL || WS_IS_PERSON (person), NULL);

  self = g_object_new (WS_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->person = is_new ? ws_person_new () : ws_person_copy (person);

  adw_window_title_set_title (self->window_title, is_new ? _("New Witness") : _("Edit Witness"));
  if (!is_new)
    adw_window_title_set_subtitle (self->window_title, ws_person_get_pseudonym (person));

  fill_form (self);

  /* Roles that may not see identity do not get the section at all; a new
   * witness starts with empty fields, an existing one opens them on request
   * because opening them is an audited read. */
  can_read = ws_role_can_read_identity (ws_database_get_actor_role (db));
  gtk_widget_set_visible (GTK_WIDGET (self->identity_group), can_read);
  self->identity_loaded = is_new && can_read;
  set_identity_rows_visible (self, is_new);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->pseudonym_row));

  return self;
}

/**
 * ws_person_editor_save:
 *
 * Checks the form and saves it; on success emits #WsPersonEditor::saved
 * and closes.
 *
 * Returns: %TRUE if the witness was saved
 */
gboolean
ws_person_editor_save (WsPersonEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WS_IS_PERSON_EDITOR (self), FALSE);

  collect_person (self);
  identity = collect_identity (self);
  ws_database_check_person (self->db, self->person, identity, problems);
  if (!show_problems (self, problems))
    return FALSE;

  if (!ws_database_save_person (self->db, self->person, identity, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->person);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
