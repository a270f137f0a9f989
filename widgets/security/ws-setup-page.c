/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-setup-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-passphrase.h"
#include "ws-profile.h"
#include "ws-setup-page.h"

/* The first run: a database without profiles asks for its administrator.
 * Creating that profile encrypts the identity already stored and leaves
 * the administrator at work, so the window goes straight to the places. */
struct _WsSetupPage
{
  GtkWidget    parent_instance;

  /* template widgets */
  AdwEntryRow *name_row;
  AdwEntryRow *passphrase_row;
  AdwEntryRow *repeat_row;
  GtkLevelBar *strength_bar;
  GtkLabel    *strength_label;
  GtkLabel    *error_label;

  /* owned */
  WsDatabase  *db;
};

G_DEFINE_FINAL_TYPE (WsSetupPage, ws_setup_page, GTK_TYPE_WIDGET)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (WsSetupPage *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
field_changed_cb (WsSetupPage *self,
                  GtkWidget   *row)
{
  ws_form_set_row_error (row, NULL);
  show_error (self, NULL);
}

static void
passphrase_changed_cb (WsSetupPage *self)
{
  field_changed_cb (self, GTK_WIDGET (self->passphrase_row));
  ws_passphrase_show_strength (self->strength_bar, self->strength_label,
                               gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
}

static void
repeat_activated_cb (WsSetupPage *self)
{
  ws_setup_page_create (self);
}

static void
create_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ws_setup_page_create (WS_SETUP_PAGE (widget));
}

static gboolean
ws_setup_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (WS_SETUP_PAGE (widget)->name_row));
}

static void
ws_setup_page_dispose (GObject *object)
{
  WsSetupPage *self = (WsSetupPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_SETUP_PAGE);
  /* The scrolled window holding the page is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_setup_page_parent_class)->dispose (object);
}

static void
ws_setup_page_class_init (WsSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_setup_page_dispose;
  widget_class->grab_focus = ws_setup_page_grab_focus;

  /**
   * WsSetupPage::created:
   *
   * The administrator's profile exists and is unlocked.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/security/ws-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WsSetupPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, WsSetupPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, WsSetupPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, WsSetupPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, WsSetupPage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, WsSetupPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_activated_cb);

  gtk_widget_class_install_action (widget_class, "setup.create", NULL, create_action);
}

static void
ws_setup_page_init (WsSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ws_passphrase_show_strength (self->strength_bar, self->strength_label, "");
}

GtkWidget *
ws_setup_page_new (void)
{
  return g_object_new (WS_TYPE_SETUP_PAGE, NULL);
}

void
ws_setup_page_set_database (WsSetupPage *self,
                            WsDatabase  *db)
{
  g_return_if_fail (WS_IS_SETUP_PAGE (self));
  g_return_if_fail (db == NULL || WS_IS_DATABASE (db));

  g_set_object (&self->db, db);
}

/**
 * ws_setup_page_reset:
 *
 * Empties the fields and forgets any error.
 */
void
ws_setup_page_reset (WsSetupPage *self)
{
  g_return_if_fail (WS_IS_SETUP_PAGE (self));
  ws_setup_page_fill (self, "", "", "");
  ws_form_set_row_error (GTK_WIDGET (self->name_row), NULL);
  ws_form_set_row_error (GTK_WIDGET (self->passphrase_row), NULL);
  ws_form_set_row_error (GTK_WIDGET (self->repeat_row), NULL);
  show_error (self, NULL);
}

/* Types into the three fields, as a user would. */
void
ws_setup_page_fill (WsSetupPage *self,
                    const char  *name,
                    const char  *passphrase,
                    const char  *repeated)
{
  g_return_if_fail (WS_IS_SETUP_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase);
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), repeated);
}

/**
 * ws_setup_page_create:
 *
 * Creates the administrator from the fields; problems are shown beside
 * the fields and nothing is created.
 *
 * Returns: whether the administrator now exists and works
 */
gboolean
ws_setup_page_create (WsSetupPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  const char *passphrase;

  g_return_val_if_fail (WS_IS_SETUP_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  name = ws_form_entry_text (self->name_row);
  passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  problem = ws_passphrase_check_new (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row)));
  if (*name == '\0')
    ws_form_set_row_error (GTK_WIDGET (self->name_row), _("Type your name"));
  if (problem != NULL)
    ws_form_set_row_error (GTK_WIDGET (ws_passphrase_strength (passphrase) <= WS_PASSPHRASE_TOO_SHORT
                                       ? self->passphrase_row : self->repeat_row), problem);
  if (*name == '\0' || problem != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (*name == '\0' ? self->name_row : self->passphrase_row));
      return FALSE;
    }

  if (!ws_database_create_profile (self->db, name, WS_ROLE_ADMINISTRATOR, passphrase, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  ws_setup_page_reset (self);
  g_signal_emit (self, signals[CREATED], 0);
  return TRUE;
}
