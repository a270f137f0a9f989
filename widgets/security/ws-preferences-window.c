/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-directory-pages.h"
#include "ws-form.h"
#include "ws-passphrase.h"
#include "ws-preferences-window.h"
#include "ws-profile.h"

/* Preferences: everyone changes their own passphrase here; the rest
 * appears only for the roles that may use it — the idle lock and the
 * profiles for those who manage profiles, the backups kept for those who
 * may back up, the agency directory for those who keep it and the
 * catalogue of needs for those who extend it. The data layer checks
 * every change again. */
struct _WsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *passphrase_group;
  AdwEntryRow          *old_row;
  AdwEntryRow          *new_row;
  AdwEntryRow          *repeat_row;
  GtkLevelBar          *new_strength_bar;
  GtkLabel             *new_strength_label;
  AdwPreferencesGroup  *lock_group;
  GtkSpinButton        *idle_spin;
  AdwPreferencesGroup  *backup_group;
  GtkSpinButton        *backups_spin;
  AdwPreferencesPage   *profiles_page;
  AdwPreferencesGroup  *profiles_group;
  AdwEntryRow          *add_name_row;
  AdwComboRow          *add_role_row;
  AdwEntryRow          *add_passphrase_row;
  AdwEntryRow          *add_repeat_row;
  GtkLevelBar          *add_strength_bar;
  GtkLabel             *add_strength_label;

  /* owned */
  WsDatabase           *db;
  GSettings            *settings;
  GPtrArray            *profile_rows;
  guint                 n_profiles;
  WsAgenciesPage       *agencies_page;  /* (nullable) unowned */
  WsNeedsPage          *needs_page;     /* (nullable) unowned */
};

G_DEFINE_FINAL_TYPE (WsPreferencesWindow, ws_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

#define PROFILE_KEY "ws-profile-name"

static void fill_profiles (WsPreferencesWindow *self);

static void
toast (WsPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
toast_error (WsPreferencesWindow *self,
             const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), ws_form_error_toast (error));
}

static void
row_changed_cb (WsPreferencesWindow *self,
                GtkWidget           *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
new_changed_cb (WsPreferencesWindow *self)
{
  row_changed_cb (self, GTK_WIDGET (self->new_row));
  ws_passphrase_show_strength (self->new_strength_bar, self->new_strength_label,
                               gtk_editable_get_text (GTK_EDITABLE (self->new_row)));
}

static void
add_passphrase_changed_cb (WsPreferencesWindow *self)
{
  row_changed_cb (self, GTK_WIDGET (self->add_passphrase_row));
  ws_passphrase_show_strength (self->add_strength_bar, self->add_strength_label,
                               gtk_editable_get_text (GTK_EDITABLE (self->add_passphrase_row)));
}

/* Fills @row as a user would; @text may be the row's own text. */
static void
set_if_different (AdwEntryRow *row,
                  const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
clear_entries (AdwEntryRow *first,
               ...)
{
  va_list args;

  va_start (args, first);
  for (AdwEntryRow *row = first; row != NULL; row = va_arg (args, AdwEntryRow *))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      ws_form_set_row_error (GTK_WIDGET (row), NULL);
    }
  va_end (args);
}

/* Shows what is wrong with a new passphrase beside the field at fault. */
static gboolean
check_new_passphrase (AdwEntryRow *passphrase_row,
                      AdwEntryRow *repeat_row)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (passphrase_row));
  g_autofree char *problem = ws_passphrase_check_new (passphrase, gtk_editable_get_text (GTK_EDITABLE (repeat_row)));

  if (problem == NULL)
    return TRUE;
  ws_form_set_row_error (GTK_WIDGET (ws_passphrase_strength (passphrase) <= WS_PASSPHRASE_TOO_SHORT
                                     ? passphrase_row : repeat_row), problem);
  return FALSE;
}

static void
change_passphrase_cb (WsPreferencesWindow *self)
{
  ws_preferences_window_change_passphrase (self,
                                           gtk_editable_get_text (GTK_EDITABLE (self->old_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->new_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->repeat_row)));
}

static void
add_profile_cb (WsPreferencesWindow *self)
{
  ws_preferences_window_add_profile (self,
                                     gtk_editable_get_text (GTK_EDITABLE (self->add_name_row)),
                                     adw_combo_row_get_selected (self->add_role_row),
                                     gtk_editable_get_text (GTK_EDITABLE (self->add_passphrase_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->add_repeat_row)));
}

static const char *
profile_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), PROFILE_KEY);
}

static void
remove_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    WsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = profile_of (GTK_WIDGET (dialog));
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!ws_database_remove_profile (self->db, name, &error))
    {
      toast_error (self, error);
      return;
    }
  message = g_strdup_printf (_("Profile “%s” removed"), name);
  toast (self, message);
  fill_profiles (self);
}

static void
remove_clicked_cb (GtkButton           *button,
                   WsPreferencesWindow *self)
{
  const char *name = profile_of (GTK_WIDGET (button));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will no longer be able to unlock the database, and their key to "
                                    "identifying details is deleted. What they did stays in the audit trail."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), PROFILE_KEY, g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reset_changed_cb (GtkWidget *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
reset_passphrase_cb (AdwEntryRow         *row,
                     WsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *message = NULL;

  if (ws_passphrase_strength (passphrase) <= WS_PASSPHRASE_TOO_SHORT)
    {
      g_autofree char *problem = ws_passphrase_check_new (passphrase, passphrase);

      ws_form_set_row_error (GTK_WIDGET (row), problem);
      return;
    }
  if (!ws_database_change_passphrase (self->db, profile_of (GTK_WIDGET (row)), NULL, passphrase, &error))
    {
      ws_form_set_row_error (GTK_WIDGET (row), error->message);
      return;
    }
  message = g_strdup_printf (_("New passphrase set for “%s”. Tell them in person, never in writing."),
                             profile_of (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  toast (self, message);
}

static void
apply_role (WsPreferencesWindow *self,
            const char          *name,
            WsRole               role,
            const char          *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ws_database_set_profile_role (self->db, name, role, passphrase, &error))
    toast_error (self, error);
  else
    {
      /* Translators: e.g. "Kim Tran is now Prosecutor" */
      message = g_strdup_printf (_("%s is now %s"), name, ws_role_get_label (role));
      toast (self, message);
    }
  fill_profiles (self);
}

static void
owner_passphrase_response_cb (AdwMessageDialog    *dialog,
                              const char          *response,
                              WsPreferencesWindow *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  WsRole role = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ws-role"));

  if (g_strcmp0 (response, "change") == 0)
    apply_role (self, profile_of (GTK_WIDGET (dialog)), role, gtk_editable_get_text (GTK_EDITABLE (entry)));
  else
    fill_profiles (self);
}

/* A profile moving to a role that opens identity needs the identity key
 * wrapped under its own passphrase, which only its owner knows. */
static void
ask_owner_passphrase (WsPreferencesWindow *self,
                      const char          *name,
                      WsRole               role)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  GtkWidget *entry = gtk_password_entry_new ();

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("%s Types Their Passphrase"), name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("As %s, %s will be able to open identifying details. The key to them is "
                                    "kept under their own passphrase: ask them to type it here."),
                                  ws_role_get_label (role), name);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange Role"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), PROFILE_KEY, g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (dialog), "ws-role", GINT_TO_POINTER (role));
  g_signal_connect_object (dialog, "response", G_CALLBACK (owner_passphrase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
role_selected_cb (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  WsPreferencesWindow *self)
{
  const char *name = profile_of (GTK_WIDGET (row));
  WsRole role = adw_combo_row_get_selected (row);
  gboolean held_key = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ws-holds-key"));

  if (role == (WsRole) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "ws-role")))
    return;
  if (!held_key && ws_role_may (role, WS_PERMISSION_READ_IDENTITY))
    ask_owner_passphrase (self, name, role);
  else
    apply_role (self, name, role, NULL);
}

static GtkWidget *
own_profile_row (WsProfile *profile)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: a role, and that this profile is the one at work, e.g. "Administrator · you" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · you"), ws_role_get_label (ws_profile_get_role (profile)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_profile_get_name (profile));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (32, ws_profile_get_name (profile), TRUE));
  return row;
}

static GtkWidget *
other_profile_row (WsPreferencesWindow *self,
                   WsProfile           *profile)
{
  const char *name = ws_profile_get_name (profile);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *role_row = adw_combo_row_new ();
  GtkWidget *reset_row = adw_password_entry_row_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove_button = gtk_button_new_with_mnemonic (_("_Remove…"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), ws_role_get_label (ws_profile_get_role (profile)));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), adw_avatar_new (32, name, TRUE));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("Role"));
  ws_form_fill_combo (ADW_COMBO_ROW (role_row), WS_ROLE_ADMINISTRATOR + 1, (WsLabelFunc) ws_role_get_label);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), ws_profile_get_role (profile));
  g_object_set_data (G_OBJECT (role_row), "ws-role", GINT_TO_POINTER (ws_profile_get_role (profile)));
  g_object_set_data (G_OBJECT (role_row), "ws-holds-key", GINT_TO_POINTER (ws_profile_holds_key (profile)));
  g_object_set_data_full (G_OBJECT (role_row), PROFILE_KEY, g_strdup (name), g_free);
  g_signal_connect_object (role_row, "notify::selected", G_CALLBACK (role_selected_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reset_row), _("Set a New Passphrase"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (reset_row), TRUE);
  g_object_set_data_full (G_OBJECT (reset_row), PROFILE_KEY, g_strdup (name), g_free);
  g_signal_connect_object (reset_row, "apply", G_CALLBACK (reset_passphrase_cb), self, 0);
  g_signal_connect (reset_row, "changed", G_CALLBACK (reset_changed_cb), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reset_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove the Profile"));
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "destructive-action");
  g_object_set_data_full (G_OBJECT (remove_button), PROFILE_KEY, g_strdup (name), g_free);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
  return row;
}

static void
fill_profiles (WsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) profiles = ws_database_list_profiles (self->db, &error);
  const char *me = ws_database_get_profile_name (self->db);

  ws_form_clear_rows (self->profile_rows);
  self->n_profiles = 0;
  if (profiles == NULL)
    {
      toast_error (self, error);
      return;
    }
  self->n_profiles = g_list_model_get_n_items (profiles);
  for (guint i = 0; i < self->n_profiles; i++)
    {
      g_autoptr(WsProfile) profile = g_list_model_get_item (profiles, i);
      gboolean mine = g_strcmp0 (ws_profile_get_name (profile), me) == 0;

      ws_form_group_add (self->profiles_group, self->profile_rows,
                         mine ? own_profile_row (profile) : other_profile_row (self, profile));
    }
}

static void
ws_preferences_window_dispose (GObject *object)
{
  WsPreferencesWindow *self = (WsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_preferences_window_parent_class)->dispose (object);
}

static void
ws_preferences_window_class_init (WsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/security/ws-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, old_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, new_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, new_strength_bar);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, new_strength_label);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, lock_group);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, backup_group);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, profiles_page);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, add_name_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, add_role_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, add_passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, add_repeat_row);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, add_strength_bar);
  gtk_widget_class_bind_template_child (widget_class, WsPreferencesWindow, add_strength_label);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_passphrase_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_profile_cb);
}

static void
ws_preferences_window_init (WsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->profile_rows = g_ptr_array_new ();
  ws_form_fill_combo (self->add_role_row, WS_ROLE_ADMINISTRATOR + 1, (WsLabelFunc) ws_role_get_label);
  adw_combo_row_set_selected (self->add_role_row, WS_ROLE_OFFICER);
  ws_passphrase_show_strength (self->new_strength_bar, self->new_strength_label, "");
  ws_passphrase_show_strength (self->add_strength_bar, self->add_strength_label, "");
}

/**
 * ws_preferences_window_new:
 *
 * Returns: (transfer none): a new preferences window for the profile at
 *   work, transient for @parent
 */
WsPreferencesWindow *
ws_preferences_window_new (GtkWindow  *parent,
                           WsDatabase *db,
                           GSettings  *settings)
{
  WsPreferencesWindow *self;
  gboolean manage;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->settings = g_object_ref (settings);

  manage = ws_database_may (db, WS_PERMISSION_MANAGE_PROFILES);
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_group), ws_database_get_profile_name (db) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_group), manage);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_group), ws_database_may (db, WS_PERMISSION_BACKUP));
  g_settings_bind (settings, "idle-lock-minutes", self->idle_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backups-kept", self->backups_spin, "value", G_SETTINGS_BIND_DEFAULT);
  if (manage)
    {
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->profiles_page);
      fill_profiles (self);
    }
  if (ws_database_may (db, WS_PERMISSION_MANAGE_DIRECTORY))
    {
      self->agencies_page = ws_agencies_page_new (db);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->agencies_page));
    }
  if (ws_database_may (db, WS_PERMISSION_MANAGE_CATALOGUES))
    {
      self->needs_page = ws_needs_page_new (db);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->needs_page));
    }
  return self;
}

/**
 * ws_preferences_window_add_profile:
 *
 * Adds a profile as the "Add a Profile" group does; problems are shown
 * beside the fields.
 *
 * Returns: whether the profile was created
 */
gboolean
ws_preferences_window_add_profile (WsPreferencesWindow *self,
                                   const char          *name,
                                   WsRole               role,
                                   const char          *passphrase,
                                   const char          *repeated)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *message = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (WS_IS_PREFERENCES_WINDOW (self), FALSE);

  clean = g_strstrip (g_strdup (name));
  set_if_different (self->add_name_row, name);
  adw_combo_row_set_selected (self->add_role_row, role);
  set_if_different (self->add_passphrase_row, passphrase);
  set_if_different (self->add_repeat_row, repeated);
  passphrase = gtk_editable_get_text (GTK_EDITABLE (self->add_passphrase_row));
  if (*clean == '\0')
    {
      ws_form_set_row_error (GTK_WIDGET (self->add_name_row), _("Type the colleague’s name"));
      ok = FALSE;
    }
  ok = check_new_passphrase (self->add_passphrase_row, self->add_repeat_row) && ok;
  if (!ok)
    return FALSE;

  if (!ws_database_create_profile (self->db, clean, role, passphrase, &error))
    {
      if (g_error_matches (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE))
        ws_form_set_row_error (GTK_WIDGET (self->add_name_row), error->message);
      else
        toast_error (self, error);
      return FALSE;
    }
  /* Translators: e.g. "Profile “Kim Tran” added as Interpreter" */
  message = g_strdup_printf (_("Profile “%s” added as %s"), clean, ws_role_get_label (role));
  toast (self, message);
  clear_entries (self->add_name_row, self->add_passphrase_row, self->add_repeat_row, NULL);
  fill_profiles (self);
  return TRUE;
}

/**
 * ws_preferences_window_change_passphrase:
 *
 * Changes the passphrase of the profile at work, as the "Your
 * Passphrase" group does.
 *
 * Returns: whether it changed
 */
gboolean
ws_preferences_window_change_passphrase (WsPreferencesWindow *self,
                                         const char          *old_passphrase,
                                         const char          *new_passphrase,
                                         const char          *repeated)
{
  g_autoptr(GError) error = NULL;
  const char *old_text;

  g_return_val_if_fail (WS_IS_PREFERENCES_WINDOW (self), FALSE);

  set_if_different (self->old_row, old_passphrase);
  set_if_different (self->new_row, new_passphrase);
  set_if_different (self->repeat_row, repeated);
  old_text = gtk_editable_get_text (GTK_EDITABLE (self->old_row));

  if (*old_text == '\0')
    {
      ws_form_set_row_error (GTK_WIDGET (self->old_row), _("Type your current passphrase"));
      return FALSE;
    }
  if (!check_new_passphrase (self->new_row, self->repeat_row))
    return FALSE;
  if (!ws_database_change_passphrase (self->db, ws_database_get_profile_name (self->db), old_text,
                                      gtk_editable_get_text (GTK_EDITABLE (self->new_row)), &error))
    {
      if (g_error_matches (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE))
        ws_form_set_row_error (GTK_WIDGET (self->old_row), _("This is not your current passphrase"));
      else
        toast_error (self, error);
      return FALSE;
    }
  clear_entries (self->old_row, self->new_row, self->repeat_row, NULL);
  toast (self, _("Passphrase changed"));
  return TRUE;
}

guint
ws_preferences_window_get_n_profiles (WsPreferencesWindow *self)
{
  g_return_val_if_fail (WS_IS_PREFERENCES_WINDOW (self), 0);
  return self->n_profiles;
}

/**
 * ws_preferences_window_get_agencies_page:
 *
 * Returns: (transfer none) (nullable): the agency directory, present only
 *   for a role that may manage it
 */
WsAgenciesPage *
ws_preferences_window_get_agencies_page (WsPreferencesWindow *self)
{
  g_return_val_if_fail (WS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->agencies_page;
}

/**
 * ws_preferences_window_get_needs_page:
 *
 * Returns: (transfer none) (nullable): the catalogue of needs, present
 *   only for a role that may manage it
 */
WsNeedsPage *
ws_preferences_window_get_needs_page (WsPreferencesWindow *self)
{
  g_return_val_if_fail (WS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->needs_page;
}
