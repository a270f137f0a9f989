/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-login-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-login-page.h"
#include "ws-profile.h"

/* Who is working: the profiles of the database with their role, and the
 * passphrase of the one chosen. Nothing of the unit is shown until the
 * data layer has accepted the passphrase; a wrong one leaves the user
 * where they were, told so, with the passphrase selected to type again. */
struct _WsLoginPage
{
  GtkWidget         parent_instance;

  /* template widgets */
  GtkListBox       *profile_list;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel         *error_label;
  GtkButton        *unlock_button;

  /* owned */
  WsDatabase       *db;
  GListModel       *profiles;
  char             *error_text;
  guint             unlock_source;
};

G_DEFINE_FINAL_TYPE (WsLoginPage, ws_login_page, GTK_TYPE_WIDGET)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define CHECK_KEY "ws-login-check"

static GtkWidget *
create_profile_row (gpointer item,
                    gpointer user_data)
{
  WsProfile *profile = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, ws_profile_get_name (profile), TRUE);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_profile_get_name (profile));
  if (ws_profile_has_passphrase (profile))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ws_role_get_label (ws_profile_get_role (profile)));
  else
    {
      /* Imported with the rest of a unit: it opens once an administrator
       * has given it a passphrase. */
      g_autofree char *subtitle = g_strdup_printf (_("%s · no passphrase yet: ask an administrator"),
                                                   ws_role_get_label (ws_profile_get_role (profile)));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_sensitive (row, FALSE);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  gtk_widget_set_visible (check, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), CHECK_KEY, check);
  return row;
}

static void
show_error (WsLoginPage *self,
            const char  *message)
{
  g_clear_pointer (&self->error_text, g_free);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_entry), "error");
}

static void
update_unlock (WsLoginPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.unlock",
                                 ws_login_page_get_selected (self) != NULL && *text != '\0');
}

static void
profile_selected_cb (WsLoginPage   *self,
                     GtkListBoxRow *selected)
{
  /* The list lets go of its rows when the page is disposed. */
  if (self->profile_list == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), CHECK_KEY);

      if (check != NULL)
        gtk_widget_set_visible (check, row == GTK_WIDGET (selected));
    }
  show_error (self, NULL);
  update_unlock (self);
}

static void
profile_activated_cb (WsLoginPage   *self,
                      GtkListBoxRow *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
passphrase_changed_cb (WsLoginPage *self)
{
  if (self->error_text != NULL)
    show_error (self, NULL);
  update_unlock (self);
}

/* While the key is derived nothing on the page can be changed. The
 * passphrase field keeps the focus and only stops taking text: making a
 * focused text field insensitive makes GTK warn that it "did not receive
 * a focus-out event" at every unlock. */
static void
set_busy (WsLoginPage *self,
          gboolean     busy)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_list), !busy);
  if (busy)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.unlock", FALSE);
  else
    update_unlock (self);
}

static gboolean
unlock_now_cb (gpointer user_data)
{
  g_autoptr(WsLoginPage) self = user_data;

  self->unlock_source = 0;
  if (self->db == NULL || self->unlock_button == NULL)
    return G_SOURCE_REMOVE;
  gtk_button_set_label (self->unlock_button, _("_Unlock"));
  set_busy (self, FALSE);
  ws_login_page_unlock (self);
  return G_SOURCE_REMOVE;
}

/* Deriving the key takes a noticeable moment (that is its point): the
 * page says it is unlocking and shows that frame before it starts. */
static void
begin_unlock (WsLoginPage *self)
{
  if (self->unlock_source != 0)
    return;
  if (ws_login_page_get_selected (self) == NULL
      || *gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)) == '\0'
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      ws_login_page_unlock (self);
      return;
    }
  gtk_button_set_label (self->unlock_button, _("Unlocking…"));
  set_busy (self, TRUE);
  self->unlock_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 50, unlock_now_cb, g_object_ref (self), NULL);
}

static void
passphrase_activated_cb (WsLoginPage *self)
{
  begin_unlock (self);
}

static void
unlock_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  begin_unlock (WS_LOGIN_PAGE (widget));
}

static gboolean
ws_login_page_grab_focus (GtkWidget *widget)
{
  WsLoginPage *self = WS_LOGIN_PAGE (widget);

  if (ws_login_page_get_selected (self) == NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->profile_list));
  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
ws_login_page_dispose (GObject *object)
{
  WsLoginPage *self = (WsLoginPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_LOGIN_PAGE);
  /* The scrolled window holding the page is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->profiles);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_login_page_parent_class)->dispose (object);
}

static void
ws_login_page_finalize (GObject *object)
{
  WsLoginPage *self = (WsLoginPage *)object;

  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (ws_login_page_parent_class)->finalize (object);
}

static void
ws_login_page_class_init (WsLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_login_page_dispose;
  object_class->finalize = ws_login_page_finalize;
  widget_class->grab_focus = ws_login_page_grab_focus;

  /**
   * WsLoginPage::unlocked:
   *
   * The database accepted the passphrase: the chosen profile now works.
   */
  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/security/ws-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WsLoginPage, profile_list);
  gtk_widget_class_bind_template_child (widget_class, WsLoginPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, WsLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WsLoginPage, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, profile_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);

  gtk_widget_class_install_action (widget_class, "login.unlock", NULL, unlock_action);
}

static void
ws_login_page_init (WsLoginPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_unlock (self);
}

GtkWidget *
ws_login_page_new (void)
{
  return g_object_new (WS_TYPE_LOGIN_PAGE, NULL);
}

void
ws_login_page_set_database (WsLoginPage *self,
                            WsDatabase  *db)
{
  g_return_if_fail (WS_IS_LOGIN_PAGE (self));
  g_return_if_fail (db == NULL || WS_IS_DATABASE (db));

  g_set_object (&self->db, db);
}

/**
 * ws_login_page_reset:
 * @profile_name: (nullable): the profile to offer first, as the one who
 *   just locked the screen
 *
 * Reads the profiles again, forgets any passphrase typed and any error.
 */
void
ws_login_page_reset (WsLoginPage *self,
                     const char  *profile_name)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_LOGIN_PAGE (self));
  g_return_if_fail (self->db != NULL);

  g_clear_object (&self->profiles);
  self->profiles = ws_database_list_profiles (self->db, &error);
  gtk_list_box_bind_model (self->profile_list, self->profiles, create_profile_row, self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  show_error (self, error != NULL ? error->message : NULL);

  if (profile_name == NULL || !ws_login_page_select_profile (self, profile_name))
    {
      /* With a single profile there is nothing to choose. */
      if (self->profiles != NULL && g_list_model_get_n_items (self->profiles) == 1)
        gtk_list_box_select_row (self->profile_list, gtk_list_box_get_row_at_index (self->profile_list, 0));
    }
  update_unlock (self);
}

/**
 * ws_login_page_select_profile:
 *
 * Returns: whether a profile called @profile_name is offered and now chosen
 */
gboolean
ws_login_page_select_profile (WsLoginPage *self,
                              const char  *profile_name)
{
  guint n;

  g_return_val_if_fail (WS_IS_LOGIN_PAGE (self), FALSE);
  g_return_val_if_fail (profile_name != NULL, FALSE);

  n = self->profiles != NULL ? g_list_model_get_n_items (self->profiles) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WsProfile) profile = g_list_model_get_item (self->profiles, i);

      if (g_strcmp0 (ws_profile_get_name (profile), profile_name) == 0)
        {
          gtk_list_box_select_row (self->profile_list, gtk_list_box_get_row_at_index (self->profile_list, i));
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ws_login_page_get_selected:
 *
 * Returns: (nullable): the name of the profile chosen
 */
const char *
ws_login_page_get_selected (WsLoginPage *self)
{
  GtkListBoxRow *row;
  g_autoptr(WsProfile) profile = NULL;

  g_return_val_if_fail (WS_IS_LOGIN_PAGE (self), NULL);

  row = gtk_list_box_get_selected_row (self->profile_list);
  if (row == NULL || self->profiles == NULL)
    return NULL;
  profile = g_list_model_get_item (self->profiles, gtk_list_box_row_get_index (row));
  /* The model keeps the profile alive. */
  return profile != NULL ? ws_profile_get_name (profile) : NULL;
}

guint
ws_login_page_get_n_profiles (WsLoginPage *self)
{
  g_return_val_if_fail (WS_IS_LOGIN_PAGE (self), 0);
  return self->profiles != NULL ? g_list_model_get_n_items (self->profiles) : 0;
}

/* For tests and for a caller that already knows the passphrase. */
void
ws_login_page_set_passphrase (WsLoginPage *self,
                              const char  *passphrase)
{
  g_return_if_fail (WS_IS_LOGIN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), passphrase);
}

/**
 * ws_login_page_unlock:
 *
 * Asks the database to unlock the chosen profile with the passphrase
 * typed. On success the passphrase is wiped from the field and
 * WsLoginPage::unlocked is emitted.
 *
 * Returns: whether the profile is now unlocked
 */
gboolean
ws_login_page_unlock (WsLoginPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *name;
  const char *passphrase;

  g_return_val_if_fail (WS_IS_LOGIN_PAGE (self), FALSE);

  name = ws_login_page_get_selected (self);
  passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  if (name == NULL)
    {
      show_error (self, _("Choose your profile first"));
      return FALSE;
    }
  if (*passphrase == '\0')
    {
      show_error (self, _("Type your passphrase"));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      return FALSE;
    }

  if (!ws_database_unlock (self->db, name, passphrase, &error))
    {
      if (g_error_matches (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE))
        show_error (self, _("That passphrase does not open this profile. Check Caps Lock and try again."));
      else
        show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->passphrase_entry), 0, -1);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  show_error (self, NULL);
  g_signal_emit (self, signals[UNLOCKED], 0);
  return TRUE;
}

/**
 * ws_login_page_get_error:
 *
 * Returns: (nullable): the error the page shows, if any
 */
const char *
ws_login_page_get_error (WsLoginPage *self)
{
  g_return_val_if_fail (WS_IS_LOGIN_PAGE (self), NULL);
  return self->error_text;
}
