/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-witness-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-enums.h"
#include "ws-form.h"
#include "ws-identity.h"
#include "ws-store.h"
#include "ws-case-measures.h"
#include "ws-witness-page.h"

/* One witness: what the officer needs at a glance, their cases with the
 * label each case uses, and — only on request, and only for roles that
 * may — the identifying details. */
struct _WsWitnessPage
{
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesPage  *page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *support_group;
  AdwPreferencesGroup *language_group;
  AdwPreferencesGroup *cases_group;
  WsCaseMeasures      *measures_group;
  AdwPreferencesGroup *identity_group;
  GtkButton           *identity_button;
  AdwPreferencesGroup *notes_group;
  GtkLabel            *notes_label;

  /* owned */
  WsDatabase          *db;
  WsPerson            *person;
  GPtrArray           *rows;
  GPtrArray           *identity_rows;
};

G_DEFINE_FINAL_TYPE (WsWitnessPage, ws_witness_page, GTK_TYPE_WIDGET)

static void
add_info (WsWitnessPage       *self,
          AdwPreferencesGroup *group,
          const char          *title,
          const char          *value)
{
  ws_form_group_add (group, self->rows, ws_form_info_row (title, value));
}

static char *
vulnerability_text (WsVulnerability flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (WS_TYPE_VULNERABILITY);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (flags & klass->values[i].value) != 0)
      g_ptr_array_add (labels, (gpointer) ws_vulnerability_get_label (klass->values[i].value));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static void
fill_support (WsWitnessPage *self)
{
  WsPerson *p = self->person;
  g_autofree char *vulnerabilities = vulnerability_text (ws_person_get_vulnerability (p));
  g_autofree char *age = NULL;

  if (ws_person_get_age_assessed_on (p) != NULL)
    /* Translators: age status, then the date it was assessed */
    age = g_strdup_printf (_("%s, assessed %s"), ws_age_status_get_label (ws_person_get_age_status (p)),
                           ws_person_get_age_assessed_on (p));
  else
    age = g_strdup (ws_age_status_get_label (ws_person_get_age_status (p)));

  add_info (self, self->support_group, _("Phase"), ws_phase_get_label (ws_person_get_phase (p)));
  add_info (self, self->support_group, _("Status"), ws_person_status_get_label (ws_person_get_status (p)));
  add_info (self, self->support_group, _("Risk Level"), ws_risk_level_get_label (ws_person_get_risk_level (p)));
  add_info (self, self->support_group, _("Age"), age);
  add_info (self, self->support_group, _("Vulnerability"), *vulnerabilities != '\0' ? vulnerabilities : _("None recorded"));
  add_info (self, self->support_group, _("First Contact"), ws_person_get_first_contact_on (p));
  add_info (self, self->support_group, _("Time Zone"), ws_person_get_zone (p));
}

static void
fill_languages (WsWitnessPage *self)
{
  WsPerson *p = self->person;
  g_autofree char *languages = ws_person_dup_languages_text (p);
  const char *gender = ws_gender_get_label (ws_person_get_gender (p));
  g_autofree char *gender_text = NULL;

  gender_text = g_strdup_printf ("%s · %s", gender,
                                 ws_person_get_gender_in_summary (p) ? _("shown in summaries")
                                                                     : _("not shown in summaries"));
  add_info (self, self->language_group, _("Languages"), languages);
  add_info (self, self->language_group, _("Interpreter"),
            ws_interpreter_gender_get_label (ws_person_get_interpreter_gender (p)));
  add_info (self, self->language_group, _("Gender (self-reported)"), gender_text);
}

static void
fill_cases (WsWitnessPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parties = ws_database_list_parties_of_person (self->db, ws_person_get_id (self->person), &error);

  if (parties == NULL)
    {
      add_info (self, self->cases_group, _("The cases could not be read"), error->message);
      return;
    }
  if (parties->len == 0)
    ws_form_group_add (self->cases_group, self->rows,
             ws_form_info_row (_("Not a party to any case"), _("Use “Link to a Case…” when the witness takes part in one")));

  for (guint i = 0; i < parties->len; i++)
    {
      WsCaseParty *party = g_ptr_array_index (parties, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", ws_case_party_get_label (party),
                                                   ws_party_role_get_label (ws_case_party_get_role (party)));

      ws_form_group_add (self->cases_group, self->rows,
                         ws_form_party_row (ws_case_party_get_case_reference (party), subtitle,
                                            ws_case_party_get_id (party), _("Remove the witness from this case")));
    }
}

static void
show_identity (WsWitnessPage *self,
               WsIdentity    *identity)
{
  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    {
      static const char *titles[WS_IDENTITY_N_TEXTS] = {
        N_("Legal Name"), N_("Date of Birth"), N_("Nationality"), N_("Guardian"),
      };
      ws_form_group_add (self->identity_group, self->identity_rows,
               ws_form_info_row (_(titles[i]), ws_identity_get_text (identity, i)));
    }
  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    {
      static const char *titles[WS_IDENTITY_N_LISTS] = {
        N_("Other Names and Spellings"), N_("Addresses"), N_("Phone Numbers"),
        N_("E-mail Addresses"), N_("Identity Documents"), N_("Relatives"),
      };
      g_autofree char *joined = g_strjoinv ("; ", (char **) ws_identity_get_list (identity, i));

      ws_form_group_add (self->identity_group, self->identity_rows, ws_form_info_row (_(titles[i]), joined));
    }
}

static void
hide_identity (WsWitnessPage *self)
{
  ws_form_clear_rows (self->identity_rows);
  gtk_button_set_label (self->identity_button, _("Show"));
}

static void
identity_button_clicked_cb (WsWitnessPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsIdentity) identity = NULL;

  if (self->identity_rows->len > 0)
    {
      hide_identity (self);
      return;
    }

  identity = ws_database_read_identity (self->db, self->person, &error);
  if (identity == NULL)
    {
      ws_form_group_add (self->identity_group, self->identity_rows,
               ws_form_info_row (_("The details could not be opened"), error->message));
      return;
    }
  show_identity (self, identity);
  gtk_button_set_label (self->identity_button, _("Hide"));
}

static void
ws_witness_page_dispose (GObject *object)
{
  WsWitnessPage *self = (WsWitnessPage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->identity_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_WITNESS_PAGE);
  g_clear_object (&self->person);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_witness_page_parent_class)->dispose (object);
}

static void
ws_witness_page_class_init (WsWitnessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_witness_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (WS_TYPE_CASE_MEASURES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/witnesses/ws-witness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, page);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, support_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, language_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, cases_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, measures_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, identity_button);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, notes_label);
  gtk_widget_class_bind_template_callback (widget_class, identity_button_clicked_cb);
}

static void
ws_witness_page_init (WsWitnessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->identity_rows = g_ptr_array_new ();
}

GtkWidget *
ws_witness_page_new (WsDatabase *db)
{
  WsWitnessPage *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_WITNESS_PAGE, NULL);
  self->db = g_object_ref (db);
  ws_case_measures_set_database (self->measures_group, db);
  return GTK_WIDGET (self);
}

/**
 * ws_witness_page_set_person:
 * @person: (nullable): the witness to show
 *
 * Shows @person. Identifying details shown for a previous witness are
 * hidden again, so the next read is a deliberate, audited one.
 */
void
ws_witness_page_set_person (WsWitnessPage *self,
                            WsPerson      *person)
{
  g_autofree char *subtitle = NULL;
  const char *notes;

  g_return_if_fail (WS_IS_WITNESS_PAGE (self));

  g_set_object (&self->person, person);
  ws_form_clear_rows (self->rows);
  hide_identity (self);
  ws_case_measures_set_person (self->measures_group, person != NULL ? ws_person_get_id (person) : 0);
  if (person == NULL)
    return;

  subtitle = g_strdup_printf ("%s · %s", ws_phase_get_label (ws_person_get_phase (person)),
                              ws_person_is_child (person) ? _("child") : _("adult"));
  gtk_label_set_text (self->title_label, ws_person_get_pseudonym (person));
  gtk_label_set_text (self->subtitle_label, subtitle);
  fill_support (self);
  fill_languages (self);
  fill_cases (self);

  gtk_widget_set_visible (GTK_WIDGET (self->identity_group),
                          ws_role_can_read_identity (ws_database_get_actor_role (self->db)));
  notes = ws_person_get_notes (person);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes != NULL && *notes != '\0');
  gtk_label_set_text (self->notes_label, notes);
}

/**
 * ws_witness_page_get_person:
 *
 * Returns: (transfer none) (nullable): the witness shown
 */
WsPerson *
ws_witness_page_get_person (WsWitnessPage *self)
{
  g_return_val_if_fail (WS_IS_WITNESS_PAGE (self), NULL);
  return self->person;
}
