/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-directory-pages"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-directory-pages.h"
#include "ws-form.h"

/* Two pages of the preferences window: the agency directory, which
 * officers and administrators keep, and the catalogue of needs and
 * services, which administrators extend. Both edit through the record
 * editor, so the data layer's checks appear beside the fields and
 * nothing is saved until they pass; both reload when the database says
 * something changed, and so do the plan editors' choices when they next
 * open. */

#define ID_KEY   "ws-agency-id"
#define CODE_KEY "ws-need-code"
#define NAME_KEY "ws-name"

/* ------------------------------------------------------------------ */
/* Shared                                                              */

static WsFieldSpec *
translate_fields (const WsFieldSpec *fields,
                  guint              n_fields)
{
  WsFieldSpec *copy = g_memdup2 (fields, sizeof *fields * n_fields);

  for (guint i = 0; i < n_fields; i++)
    copy[i].title = _(fields[i].title);
  return copy;
}

static WsRecordEditor *
open_editor (GtkWidget          *page,
             WsDatabase         *db,
             const char         *title,
             gpointer            record,
             const WsFieldSpec  *fields,
             guint               n_fields,
             WsRecordCheckFunc   check,
             WsRecordSaveFunc    save)
{
  GtkRoot *root = gtk_widget_get_root (page);
  WsFieldSpec *translated = translate_fields (fields, n_fields);
  WsRecordEditor *editor = ws_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db, title, NULL,
                                                 record, translated, n_fields, check, save);

  /* The editor reads the specs as long as it lives. */
  g_object_set_data_full (G_OBJECT (editor), "ws-field-specs", translated, g_free);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* A refusal of the store, shown where the user is looking. */
static void
show_error (GtkWidget    *page,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), ws_form_error_toast (error));
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Not Removed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static GtkWidget *
confirm_removal (GtkWidget  *page,
                 const char *heading,
                 const char *body)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static GtkWidget *
remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
add_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
empty_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* ------------------------------------------------------------------ */
/* Agencies                                                            */

struct _WsAgenciesPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *group;
  WsDatabase          *db;
  GPtrArray           *rows;
  guint                n_agencies;
};

G_DEFINE_FINAL_TYPE (WsAgenciesPage, ws_agencies_page, ADW_TYPE_PREFERENCES_PAGE)

static const WsFieldSpec agency_fields[] = {
  { WS_FIELD_TEXT, "name", N_("Name"), "name" },
  { WS_FIELD_TEXT, "kind", N_("Kind (optional), such as Shelter or Legal aid"), "kind" },
  { WS_FIELD_TEXT, "contact", N_("Contact (optional)"), "contact" },
};

static gint64
agency_id_of (gpointer widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), ID_KEY);

  return id != NULL ? *id : 0;
}

static void
set_agency_id (gpointer widget,
               gint64   id)
{
  g_object_set_data_full (G_OBJECT (widget), ID_KEY, g_memdup2 (&id, sizeof id), g_free);
}

static void
agency_activated_cb (WsAgenciesPage *self,
                     AdwActionRow   *row)
{
  ws_agencies_page_edit (self, agency_id_of (row));
}

static void
agency_remove_cb (WsAgenciesPage *self,
                  GtkButton      *button)
{
  ws_agencies_page_remove (self, agency_id_of (button));
}

static GtkWidget *
agency_row (WsAgenciesPage *self,
            WsAgency       *agency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = remove_button (_("Remove the Agency"));
  const char *kind = ws_agency_get_kind (agency);
  const char *contact = ws_agency_get_contact (agency);
  g_autofree char *subtitle = NULL;

  if (kind != NULL && *kind != '\0' && contact != NULL && *contact != '\0')
    /* Translators: an agency's kind and how to reach it, e.g. "Shelter · 0123 456789" */
    subtitle = g_strdup_printf (_("%s · %s"), kind, contact);
  else
    subtitle = g_strdup (kind != NULL && *kind != '\0' ? kind : contact);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_agency_get_name (agency));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the agency"));
  set_agency_id (row, ws_agency_get_id (agency));
  g_object_set_data_full (G_OBJECT (row), NAME_KEY, g_strdup (ws_agency_get_name (agency)), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (agency_activated_cb), self, G_CONNECT_SWAPPED);

  set_agency_id (button, ws_agency_get_id (agency));
  g_signal_connect_object (button, "clicked", G_CALLBACK (agency_remove_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_agencies (WsAgenciesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = ws_database_list_agencies (self->db, &error);

  ws_form_clear_rows (self->rows);
  self->n_agencies = 0;
  if (agencies == NULL)
    {
      /* Locked, most likely: the window is about to close. */
      ws_form_group_add (self->group, self->rows, empty_row (error->message));
      return;
    }
  self->n_agencies = agencies->len;
  for (guint i = 0; i < agencies->len; i++)
    ws_form_group_add (self->group, self->rows, agency_row (self, g_ptr_array_index (agencies, i)));
  if (agencies->len == 0)
    ws_form_group_add (self->group, self->rows, empty_row (_("No agencies yet")));
}

static void
add_agency_cb (WsAgenciesPage *self)
{
  ws_agencies_page_edit (self, 0);
}

static void
ws_agencies_page_dispose (GObject *object)
{
  WsAgenciesPage *self = WS_AGENCIES_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (ws_agencies_page_parent_class)->dispose (object);
}

static void
ws_agencies_page_class_init (WsAgenciesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ws_agencies_page_dispose;
}

static void
ws_agencies_page_init (WsAgenciesPage *self)
{
  GtkWidget *button = add_button ();

  self->rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Agencies"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "system-users-symbolic");
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Agency Directory"));
  adw_preferences_group_set_description (self->group,
                                         _("The services witnesses are referred to and that provide the items "
                                           "of a support plan"));
  gtk_widget_set_tooltip_text (button, _("Add an agency to the directory"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_agency_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->group, button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->group);
}

/**
 * ws_agencies_page_new:
 *
 * Returns: (transfer floating): the page, listing the directory
 */
WsAgenciesPage *
ws_agencies_page_new (WsDatabase *db)
{
  WsAgenciesPage *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_AGENCIES_PAGE, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (fill_agencies), self, G_CONNECT_SWAPPED);
  fill_agencies (self);
  return self;
}

/**
 * ws_agencies_page_edit:
 * @agency_id: the agency to edit, or 0 for a new one
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL when the
 *   agency could not be read (the reason is shown)
 */
WsRecordEditor *
ws_agencies_page_edit (WsAgenciesPage *self,
                       gint64          agency_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsAgency) agency = NULL;

  g_return_val_if_fail (WS_IS_AGENCIES_PAGE (self), NULL);

  /* A fresh copy: cancelling leaves the list as it was. */
  agency = agency_id != 0 ? ws_database_get_agency (self->db, agency_id, &error) : ws_agency_new ();
  if (agency == NULL)
    {
      show_error (GTK_WIDGET (self), error);
      return NULL;
    }
  return open_editor (GTK_WIDGET (self), self->db, agency_id != 0 ? _("Edit Agency") : _("Add an Agency"), agency,
                      agency_fields, G_N_ELEMENTS (agency_fields),
                      (WsRecordCheckFunc) ws_database_check_agency, (WsRecordSaveFunc) ws_database_save_agency);
}

static void
agency_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WsAgenciesPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!ws_database_delete_agency (self->db, agency_id_of (dialog), &error))
    {
      show_error (GTK_WIDGET (self), error);
      return;
    }
  ws_database_emit_changed (self->db);
}

/**
 * ws_agencies_page_remove:
 *
 * Asks whether to remove the agency; the store may still refuse, and
 * says why.
 *
 * Returns: (transfer none): the question
 */
AdwMessageDialog *
ws_agencies_page_remove (WsAgenciesPage *self,
                         gint64          agency_id)
{
  const char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (WS_IS_AGENCIES_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len && name == NULL; i++)
    if (agency_id_of (g_ptr_array_index (self->rows, i)) == agency_id)
      name = g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, i)), NAME_KEY);
  heading = g_strdup_printf (_("Remove “%s”?"), name != NULL ? name : _("the agency"));
  dialog = confirm_removal (GTK_WIDGET (self), heading,
                            _("Support items it provides will have no provider. An agency witnesses were "
                              "referred to stays in the directory for the record."));
  set_agency_id (dialog, agency_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (agency_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

guint
ws_agencies_page_get_n_agencies (WsAgenciesPage *self)
{
  g_return_val_if_fail (WS_IS_AGENCIES_PAGE (self), 0);
  return self->n_agencies;
}

/**
 * ws_agencies_page_find_row:
 *
 * Returns: (transfer none) (nullable): the row listing the agency @name
 */
GtkWidget *
ws_agencies_page_find_row (WsAgenciesPage *self,
                           const char     *name)
{
  g_return_val_if_fail (WS_IS_AGENCIES_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), NAME_KEY), name) == 0)
        return row;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Needs and services                                                  */

struct _WsNeedsPage
{
  AdwPreferencesPage   parent_instance;

  WsDatabase          *db;
  GPtrArray           *groups;  /* one per category, rebuilt on change */
  GHashTable          *rows;    /* code -> row (unowned) */
};

G_DEFINE_FINAL_TYPE (WsNeedsPage, ws_needs_page, ADW_TYPE_PREFERENCES_PAGE)

static const WsFieldSpec new_need_fields[] = {
  { WS_FIELD_TEXT, "title", N_("Title"), "title" },
  { WS_FIELD_CHOICE, "category", N_("Category"), "category" },
  { WS_FIELD_TEXT, "code", N_("Code, such as health.physiotherapy"), "code" },
};

/* A need's code is its key and stays as it was created. */
static const WsFieldSpec own_need_fields[] = {
  { WS_FIELD_TEXT, "title", N_("Title"), "title" },
  { WS_FIELD_CHOICE, "category", N_("Category"), "category" },
};

static void
check_new_need (WsDatabase *db,
                WsNeed     *need,
                GPtrArray  *problems)
{
  ws_database_check_need (db, need, TRUE, problems);
}

static gboolean
save_new_need (WsDatabase *db,
               WsNeed     *need,
               GError    **error)
{
  return ws_database_save_need (db, need, TRUE, error);
}

static void
check_own_need (WsDatabase *db,
                WsNeed     *need,
                GPtrArray  *problems)
{
  ws_database_check_need (db, need, FALSE, problems);
}

static gboolean
save_own_need (WsDatabase *db,
               WsNeed     *need,
               GError    **error)
{
  return ws_database_save_need (db, need, FALSE, error);
}

static void
set_category_choices (WsRecordEditor *editor)
{
  const char * const *categories = ws_need_categories_get_all ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  g_strv_builder_add (labels, _("Choose a category"));
  g_strv_builder_add (codes, "");
  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_strv_builder_add (labels, ws_need_category_get_label (categories[i]));
      g_strv_builder_add (codes, categories[i]);
    }
  ws_record_editor_set_choices (editor, "category", g_strv_builder_end (labels), NULL, g_strv_builder_end (codes));
}

static const char *
code_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), CODE_KEY);
}

static void
need_activated_cb (WsNeedsPage  *self,
                   AdwActionRow *row)
{
  ws_needs_page_edit (self, code_of (row));
}

static void
need_remove_cb (WsNeedsPage *self,
                GtkButton   *button)
{
  ws_needs_page_remove (self, code_of (button));
}

static GtkWidget *
need_row (WsNeedsPage *self,
          WsNeed      *need)
{
  GtkWidget *row = adw_action_row_new ();
  const char *code = ws_need_get_code (need);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_need_get_title (need));
  g_object_set_data_full (G_OBJECT (row), CODE_KEY, g_strdup (code), g_free);
  g_object_set_data_full (G_OBJECT (row), NAME_KEY, g_strdup (ws_need_get_title (need)), g_free);
  if (ws_need_get_builtin (need))
    {
      /* The data layer neither renames nor deletes shipped needs. */
      GtkWidget *label = gtk_label_new (_("Shipped"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, _("Shipped with the program; it cannot be changed or removed"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *button = remove_button (_("Remove from the Catalogue"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit the need or service"));
      g_signal_connect_object (row, "activated", G_CALLBACK (need_activated_cb), self, G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (button), CODE_KEY, g_strdup (code), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (need_remove_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_hash_table_insert (self->rows, g_strdup (code), row);
  return row;
}

static void
add_need_cb (WsNeedsPage *self)
{
  ws_needs_page_edit (self, NULL);
}

static AdwPreferencesGroup *
new_group (WsNeedsPage *self,
           const char  *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
fill_needs (WsNeedsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = ws_database_list_needs (self->db, &error);
  AdwPreferencesGroup *top;
  AdwPreferencesGroup *group = NULL;
  const char *category = NULL;
  GtkWidget *button = add_button ();

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->rows);

  top = new_group (self, _("Catalogue of Needs and Services"));
  adw_preferences_group_set_description (top,
                                         _("What a support plan offers a witness. The program ships the usual needs; "
                                           "add those your service also meets."));
  gtk_widget_set_tooltip_text (button, _("Add a need or service to the catalogue"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_need_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (top, button);
  if (needs == NULL)
    {
      /* Locked, most likely: the window is about to close. */
      adw_preferences_group_add (top, empty_row (error->message));
      return;
    }
  for (guint i = 0; i < needs->len; i++)
    {
      WsNeed *need = g_ptr_array_index (needs, i);

      if (group == NULL || g_strcmp0 (category, ws_need_get_category (need)) != 0)
        {
          category = ws_need_get_category (need);
          group = new_group (self, ws_need_category_get_label (category));
        }
      adw_preferences_group_add (group, need_row (self, need));
    }
}

static void
ws_needs_page_dispose (GObject *object)
{
  WsNeedsPage *self = WS_NEEDS_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (ws_needs_page_parent_class)->dispose (object);
}

static void
ws_needs_page_class_init (WsNeedsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ws_needs_page_dispose;
}

static void
ws_needs_page_init (WsNeedsPage *self)
{
  self->groups = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Needs and Services"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-list-bullet-symbolic");
}

/**
 * ws_needs_page_new:
 *
 * Returns: (transfer floating): the page, listing the catalogue by category
 */
WsNeedsPage *
ws_needs_page_new (WsDatabase *db)
{
  WsNeedsPage *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_NEEDS_PAGE, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (fill_needs), self, G_CONNECT_SWAPPED);
  fill_needs (self);
  return self;
}

/**
 * ws_needs_page_edit:
 * @code: (nullable): an administrator's own need, or %NULL for a new one
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL when the
 *   need could not be read (the reason is shown)
 */
WsRecordEditor *
ws_needs_page_edit (WsNeedsPage *self,
                    const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsNeed) need = NULL;
  WsRecordEditor *editor;

  g_return_val_if_fail (WS_IS_NEEDS_PAGE (self), NULL);

  need = code != NULL ? ws_database_get_need (self->db, code, &error) : ws_need_new ();
  if (need == NULL)
    {
      show_error (GTK_WIDGET (self), error);
      return NULL;
    }
  if (code == NULL)
    editor = open_editor (GTK_WIDGET (self), self->db, _("Add a Need or Service"), need,
                          new_need_fields, G_N_ELEMENTS (new_need_fields),
                          (WsRecordCheckFunc) check_new_need, (WsRecordSaveFunc) save_new_need);
  else
    editor = open_editor (GTK_WIDGET (self), self->db, _("Edit Need or Service"), need,
                          own_need_fields, G_N_ELEMENTS (own_need_fields),
                          (WsRecordCheckFunc) check_own_need, (WsRecordSaveFunc) save_own_need);
  set_category_choices (editor);
  return editor;
}

static void
need_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  WsNeedsPage      *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!ws_database_delete_need (self->db, code_of (dialog), &error))
    {
      show_error (GTK_WIDGET (self), error);
      return;
    }
  ws_database_emit_changed (self->db);
}

/**
 * ws_needs_page_remove:
 *
 * Asks whether to remove an administrator's own need; the store refuses
 * while plans use it, and says so.
 *
 * Returns: (transfer none): the question
 */
AdwMessageDialog *
ws_needs_page_remove (WsNeedsPage *self,
                      const char  *code)
{
  GtkWidget *row;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (WS_IS_NEEDS_PAGE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  row = g_hash_table_lookup (self->rows, code);
  heading = g_strdup_printf (_("Remove “%s”?"), row != NULL ? (const char *) g_object_get_data (G_OBJECT (row), NAME_KEY)
                                                              : code);
  dialog = confirm_removal (GTK_WIDGET (self), heading,
                            _("It will no longer be offered in support plans. A need that plans already use "
                              "cannot be removed."));
  g_object_set_data_full (G_OBJECT (dialog), CODE_KEY, g_strdup (code), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (need_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/**
 * ws_needs_page_find_row:
 *
 * Returns: (transfer none) (nullable): the row listing the need @code
 */
GtkWidget *
ws_needs_page_find_row (WsNeedsPage *self,
                        const char  *code)
{
  g_return_val_if_fail (WS_IS_NEEDS_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, code);
}
