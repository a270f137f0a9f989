/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-case-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-case-measures.h"
#include "ws-case-page.h"
#include "ws-enums.h"
#include "ws-form.h"
#include "ws-hearing-editor.h"
#include "ws-hearing.h"
#include "ws-store.h"
#include "ws-text.h"

/* One case: court, stage, offences, forms of exploitation, the accused
 * (as labels) and the witnesses with the label each has in the case. */
struct _WsCasePage
{
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesPage  *page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *witnesses_group;
  AdwPreferencesGroup *hearings_group;
  GtkWidget           *add_hearing_button;
  AdwPreferencesGroup *notes_group;
  GtkLabel            *notes_label;

  /* owned */
  WsDatabase          *db;
  WsCase              *court_case;
  GtkWidget           *measures_group;
  GtkWidget           *screening_group;
  GPtrArray           *rows;
  GPtrArray           *hearing_rows;
};

G_DEFINE_FINAL_TYPE (WsCasePage, ws_case_page, GTK_TYPE_WIDGET)

static char *
exploitation_text (WsCase *court_case)
{
  const char * const *nicks = ws_case_get_exploitation (court_case);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      int value;

      if (ws_enum_from_nick (WS_TYPE_EXPLOITATION, nicks[i], &value))
        g_ptr_array_add (labels, (gpointer) ws_exploitation_get_label (value));
    }
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static void
add_info (WsCasePage *self,
          const char *title,
          const char *value)
{
  ws_form_group_add (self->details_group, self->rows, ws_form_info_row (title, value));
}

static void
fill_details (WsCasePage *self)
{
  WsCase *c = self->court_case;
  g_autofree char *offences = ws_text_join_list (ws_case_get_offences (c));
  g_autofree char *accused = ws_text_join_list (ws_case_get_accused (c));
  g_autofree char *forms = exploitation_text (c);

  add_info (self, _("Court"), ws_case_get_court (c));
  add_info (self, _("Prosecutor"), ws_case_get_prosecutor (c));
  add_info (self, _("Stage"), ws_case_stage_get_label (ws_case_get_stage (c)));
  add_info (self, _("Opened On"), ws_case_get_opened_on (c));
  add_info (self, _("Offences"), offences);
  add_info (self, _("Forms of Exploitation"), forms);
  add_info (self, _("Accused"), accused);
}

static void
fill_witnesses (WsCasePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parties = ws_database_list_parties_of_case (self->db, ws_case_get_id (self->court_case), &error);

  if (parties == NULL)
    {
      ws_form_group_add (self->witnesses_group, self->rows,
                         ws_form_info_row (_("The witnesses could not be read"), error->message));
      return;
    }
  if (parties->len == 0)
    ws_form_group_add (self->witnesses_group, self->rows,
                       ws_form_info_row (_("No witnesses yet"), _("Use “Add a Witness…” to link one")));

  for (guint i = 0; i < parties->len; i++)
    {
      WsCaseParty *party = g_ptr_array_index (parties, i);
      g_autofree char *title = g_strdup_printf ("%s — %s", ws_case_party_get_label (party),
                                                ws_case_party_get_pseudonym (party));

      ws_form_group_add (self->witnesses_group, self->rows,
                         ws_form_party_row (title, ws_party_role_get_label (ws_case_party_get_role (party)),
                                            ws_case_party_get_id (party), _("Remove the witness from this case")));
    }
}

static void
fill_hearings (WsCasePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hearings = NULL;

  ws_form_clear_rows (self->hearing_rows);
  if (self->court_case == NULL)
    return;
  gtk_widget_set_visible (self->add_hearing_button, ws_database_may (self->db, WS_PERMISSION_EDIT_CASES));
  hearings = ws_database_list_hearings_of_case (self->db, ws_case_get_id (self->court_case), &error);
  if (hearings == NULL)
    {
      ws_form_group_add (self->hearings_group, self->hearing_rows,
                         ws_form_info_row (_("The hearings could not be read"), error->message));
      return;
    }
  if (hearings->len == 0)
    ws_form_group_add (self->hearings_group, self->hearing_rows,
                       ws_form_info_row (_("No hearings yet"), _("Hearings carry the video-link sessions and the measures for one day in court")));
  for (guint i = 0; i < hearings->len; i++)
    {
      WsHearing *hearing = g_ptr_array_index (hearings, i);
      g_autoptr(GDateTime) local = ws_hearing_dup_local_start (hearing);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      const char *room = ws_hearing_get_court_room (hearing);
      g_autofree char *subtitle = room != NULL && *room != '\0'
        ? g_strdup_printf ("%s · %s · %s", when, ws_hearing_get_zone (hearing), room)
        : g_strdup_printf ("%s · %s", when, ws_hearing_get_zone (hearing));

      ws_form_group_add (self->hearings_group, self->hearing_rows,
                         ws_form_info_row (ws_hearing_kind_get_label (ws_hearing_get_kind (hearing)), subtitle));
    }
}

static void
editor_destroyed_cb (WsCasePage *self)
{
  fill_hearings (self);
}

static void
add_hearing_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WsCasePage *self = WS_CASE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  WsHearingEditor *editor;

  if (self->court_case == NULL)
    return;
  editor = ws_hearing_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db, NULL,
                                  ws_case_get_id (self->court_case), ws_case_get_reference (self->court_case));
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
ws_case_page_dispose (GObject *object)
{
  WsCasePage *self = (WsCasePage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->hearing_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_CASE_PAGE);
  g_clear_object (&self->court_case);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_case_page_parent_class)->dispose (object);
}

static void
ws_case_page_class_init (WsCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_case_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/cases/ws-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, page);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, witnesses_group);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, hearings_group);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, add_hearing_button);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, notes_group);
  gtk_widget_class_install_action (widget_class, "case-page.add-hearing", NULL, add_hearing_action);
  gtk_widget_class_bind_template_child (widget_class, WsCasePage, notes_label);
}

static void
ws_case_page_init (WsCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->hearing_rows = g_ptr_array_new ();
}

GtkWidget *
ws_case_page_new (WsDatabase *db)
{
  WsCasePage *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_CASE_PAGE, NULL);
  self->db = g_object_ref (db);
  /* After the witnesses, before the notes. */
  self->measures_group = ws_case_measures_new (db);
  self->screening_group = ws_screening_group_new (db);
  g_object_ref (self->notes_group);
  adw_preferences_page_remove (self->page, self->notes_group);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->measures_group));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->screening_group));
  adw_preferences_page_add (self->page, self->notes_group);
  g_object_unref (self->notes_group);
  return GTK_WIDGET (self);
}

/**
 * ws_case_page_set_case:
 * @court_case: (nullable): the case to show
 */
void
ws_case_page_set_case (WsCasePage *self,
                       WsCase     *court_case)
{
  g_autofree char *subtitle = NULL;
  const char *notes;

  g_return_if_fail (WS_IS_CASE_PAGE (self));

  g_set_object (&self->court_case, court_case);
  ws_form_clear_rows (self->rows);
  ws_form_clear_rows (self->hearing_rows);
  ws_case_measures_set_case (WS_CASE_MEASURES (self->measures_group), court_case);
  ws_screening_group_set_case (WS_SCREENING_GROUP (self->screening_group), court_case);
  if (court_case == NULL)
    return;

  subtitle = g_strdup_printf ("%s · %s", ws_case_get_court (court_case),
                              ws_case_stage_get_label (ws_case_get_stage (court_case)));
  gtk_label_set_text (self->title_label, ws_case_get_reference (court_case));
  gtk_label_set_text (self->subtitle_label, subtitle);
  fill_details (self);
  fill_witnesses (self);
  fill_hearings (self);
  notes = ws_case_get_notes (court_case);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), *notes != '\0');
  gtk_label_set_text (self->notes_label, notes);
}
