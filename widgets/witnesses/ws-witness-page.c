/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-witness-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-case-measures.h"
#include "ws-enums.h"
#include "ws-form.h"
#include "ws-identity.h"
#include "ws-plan-dialogs.h"
#include "ws-plan-editors.h"
#include "ws-plan-rows.h"
#include "ws-plan-util.h"
#include "ws-store.h"
#include "ws-time.h"
#include "ws-witness-page.h"

/* One witness: what the officer needs at a glance (what needs attention,
 * the days left of the reflection period), the support plan section by
 * section, their cases with the label each case uses, and — only on
 * request, and only for roles that may — the identifying details.
 * Rows open their records through "plan." actions with the record's id;
 * the page finds the record among those it last read. */
struct _WsWitnessPage
{
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesPage  *page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *reflection_label;
  GtkLabel            *overdue_label;
  GtkLabel            *assessment_label;
  AdwPreferencesGroup *findings_group;
  AdwPreferencesGroup *support_group;
  AdwPreferencesGroup *phase_group;
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *checklist_group;
  AdwPreferencesGroup *consent_group;
  AdwPreferencesGroup *referral_group;
  AdwPreferencesGroup *risk_group;
  AdwPreferencesGroup *reflection_group;
  AdwPreferencesGroup *information_group;
  AdwPreferencesGroup *benefits_group;
  AdwPreferencesGroup *post_trial_group;
  AdwPreferencesGroup *claims_group;
  AdwPreferencesGroup *language_group;
  AdwPreferencesGroup *cases_group;
  WsCaseMeasures      *measures_group;
  AdwPreferencesGroup *identity_group;
  GtkButton           *identity_button;
  GtkWidget           *move_phase_button;
  GtkWidget           *print_summary_button;
  AdwPreferencesGroup *notes_group;
  GtkLabel            *notes_label;

  /* owned */
  WsDatabase          *db;
  WsPerson            *person;
  GPtrArray           *rows;
  GPtrArray           *identity_rows;
  GPtrArray           *plan_rows;
  GPtrArray           *item_rows;
  GPtrArray           *finding_rows;
  GListModel          *findings;
  GHashTable          *records;       /* "kind:id" → the record last read */
  GHashTable          *record_rows;   /* "kind:id" → its row */
  GtkDropDown         *status_filter;
  GtkToggleButton     *overdue_toggle;
  GDate               *today;
  guint                expanded_tracks;
  gint64               shown_id;
  guint                fill_source;
  guint                fill_stage;
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
  /* Health and the like are part of the plan: a prosecutor does not see them. */
  if (ws_database_may (self->db, WS_PERMISSION_READ_PLAN))
    add_info (self, self->support_group, _("Vulnerability"),
              *vulnerabilities != '\0' ? vulnerabilities : _("None recorded"));
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

/* ------------------------------------------------------------------ */
/* The support plan                                                    */

static char *
record_key (const char *kind,
            gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

static void
remember (WsWitnessPage *self,
          const char    *kind,
          gint64         id,
          gpointer       record,
          GtkWidget     *row)
{
  char *key = record_key (kind, id);

  g_hash_table_replace (self->records, g_strdup (key), g_object_ref (record));
  g_hash_table_replace (self->record_rows, key, row);
}

static gpointer
lookup_record (WsWitnessPage *self,
               const char    *kind,
               gint64         id)
{
  g_autofree char *key = record_key (kind, id);

  return g_hash_table_lookup (self->records, key);
}

static void
add_plan_row (WsWitnessPage       *self,
              AdwPreferencesGroup *group,
              GtkWidget           *row)
{
  ws_form_group_add (group, self->plan_rows, row);
}

/* A section the role may not read is not on the page at all: no group,
 * no greyed button, no "could not be read". */
static gboolean
show_section (WsWitnessPage       *self,
              AdwPreferencesGroup *group,
              WsPermission         permission)
{
  gboolean may = ws_database_may (self->db, permission);

  gtk_widget_set_visible (GTK_WIDGET (group), may);
  return may;
}

/* Sets every section's visibility at once, before the staged filling
 * reaches it, so a section the role may not read never shows empty. */
static void
show_sections (WsWitnessPage *self)
{
  AdwPreferencesGroup *plan_groups[] = {
    self->phase_group, self->items_group, self->checklist_group, self->consent_group, self->referral_group,
    self->reflection_group, self->information_group, self->post_trial_group, self->claims_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan_groups); i++)
    show_section (self, plan_groups[i], WS_PERMISSION_READ_PLAN);
  show_section (self, self->risk_group, WS_PERMISSION_READ_RISK);
  show_section (self, self->benefits_group, WS_PERMISSION_READ_BENEFITS);
}

/* A list that could not be read says so where it would have been. */
static gboolean
check_list (WsWitnessPage       *self,
            AdwPreferencesGroup *group,
            GPtrArray           *list,
            const GError        *error,
            const char          *empty)
{
  if (list == NULL)
    add_plan_row (self, group, ws_plan_message_row (_("This could not be read"), error->message));
  else if (list->len == 0 && empty != NULL)
    add_plan_row (self, group, ws_plan_message_row (empty, NULL));
  return list != NULL;
}

static gint64
person_id (WsWitnessPage *self)
{
  return ws_person_get_id (self->person);
}

/* Long lists show their first rows; the rest wait inside a "more" row
 * and are built the first time it opens, so a witness with a long
 * history opens as fast as a new one. */
typedef GtkWidget *(*RowFunc) (WsWitnessPage *self,
                               gpointer       record);

typedef struct {
  WsWitnessPage *self;
  GPtrArray     *records;
  const char    *kind;
  RowFunc        row;
  gboolean       built;
} Later;

static void
later_free (Later *later)
{
  g_ptr_array_unref (later->records);
  g_free (later);
}

static gint64
record_id (const char *kind,
           gpointer    record)
{
  gint64 id = 0;

  g_object_get (record, g_str_equal (kind, "case-party") ? "party-id" : "id", &id, NULL);
  return id;
}

static void
build_later (AdwExpanderRow *expander)
{
  Later *later = g_object_get_data (G_OBJECT (expander), "ws-later");

  if (later == NULL || later->built || !adw_expander_row_get_expanded (expander))
    return;
  later->built = TRUE;
  for (guint i = 0; i < later->records->len; i++)
    {
      gpointer record = g_ptr_array_index (later->records, i);
      GtkWidget *row = later->row (later->self, record);

      adw_expander_row_add_row (expander, row);
      remember (later->self, later->kind, record_id (later->kind, record), record, row);
    }
}

/* Makes @expander build rows for @records (from @first on) when opened. */
static void
build_when_expanded (WsWitnessPage  *self,
                     AdwExpanderRow *expander,
                     const char     *kind,
                     GPtrArray      *records,
                     guint           first,
                     RowFunc         row)
{
  Later *later = g_new0 (Later, 1);

  later->self = self;
  later->kind = kind;
  later->row = row;
  later->records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);

      g_ptr_array_add (later->records, g_object_ref (record));
      /* Until built, opening the record opens the row that holds it. */
      remember (self, kind, record_id (kind, record), record, GTK_WIDGET (expander));
    }
  g_object_set_data_full (G_OBJECT (expander), "ws-later", later, (GDestroyNotify) later_free);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (build_later), NULL);
  build_later (expander);
}

static void
add_records (WsWitnessPage       *self,
             AdwPreferencesGroup *group,
             GPtrArray           *rows,
             const char          *kind,
             GPtrArray           *records,
             guint                first_n,
             RowFunc              row_func)
{
  guint shown = MIN (records->len, first_n);
  GtkWidget *more;
  g_autofree char *title = NULL;

  for (guint i = 0; i < shown; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      GtkWidget *row = row_func (self, record);

      ws_form_group_add (group, rows, row);
      remember (self, kind, record_id (kind, record), record, row);
    }
  if (records->len == shown)
    return;
  more = adw_expander_row_new ();
  title = g_strdup_printf (ngettext ("%u more", "%u more", records->len - shown), records->len - shown);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
  ws_form_group_add (group, rows, more);
  build_when_expanded (self, ADW_EXPANDER_ROW (more), kind, records, shown, row_func);
}

static GtkWidget *
phase_row (WsWitnessPage *self,
           gpointer       change)
{
  return ws_plan_phase_row (change, ws_phase_change_get_phase (change) == ws_person_get_phase (self->person)
                                    && g_object_get_data (G_OBJECT (change), "ws-latest") != NULL);
}

static void
fill_phases (WsWitnessPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (!show_section (self, self->phase_group, WS_PERMISSION_READ_PLAN))
    return;
  changes = ws_database_list_phase_changes (self->db, person_id (self), &error);
  if (!check_list (self, self->phase_group, changes, error, _("No phase change recorded yet")))
    return;
  /* Newest first: the current phase is what the officer looks for. */
  for (guint i = 0; i < changes->len / 2; i++)
    {
      gpointer first = changes->pdata[i];

      changes->pdata[i] = changes->pdata[changes->len - 1 - i];
      changes->pdata[changes->len - 1 - i] = first;
    }
  if (changes->len > 0)
    g_object_set_data (g_ptr_array_index (changes, 0), "ws-latest", GINT_TO_POINTER (TRUE));
  add_records (self, self->phase_group, self->plan_rows, "phase-change", changes, 6, phase_row);
}

static WsItemFilter
item_filter (WsWitnessPage *self)
{
  static const WsItemFilter filters[] = {
    WS_ITEM_FILTER_NONE,
    WS_ITEM_FILTER_PLANNED | WS_ITEM_FILTER_IN_PROGRESS,
    WS_ITEM_FILTER_PLANNED,
    WS_ITEM_FILTER_IN_PROGRESS,
    WS_ITEM_FILTER_DONE,
    WS_ITEM_FILTER_CANCELLED,
  };
  guint selected = gtk_drop_down_get_selected (self->status_filter);
  WsItemFilter filter = selected < G_N_ELEMENTS (filters) ? filters[selected] : WS_ITEM_FILTER_NONE;

  if (gtk_toggle_button_get_active (self->overdue_toggle))
    filter |= WS_ITEM_FILTER_OVERDUE;
  return filter;
}

static GtkWidget *
item_row (WsWitnessPage *self,
          gpointer       item)
{
  return ws_plan_item_row (item, self->today);
}

static void
fill_items (WsWitnessPage *self)
{
  g_autoptr(GError) error = NULL;
  WsItemFilter filter = item_filter (self);
  g_autoptr(GPtrArray) items = NULL;

  ws_form_clear_rows (self->item_rows);
  if (!show_section (self, self->items_group, WS_PERMISSION_READ_PLAN))
    return;
  items = ws_database_list_support_items (self->db, person_id (self), filter, &error);
  if (items == NULL)
    {
      ws_form_group_add (self->items_group, self->item_rows,
                         ws_plan_message_row (_("This could not be read"), error->message));
      return;
    }
  if (items->len == 0)
    ws_form_group_add (self->items_group, self->item_rows,
                       ws_plan_message_row (filter == WS_ITEM_FILTER_NONE ? _("No needs or services in the plan yet")
                                                                          : _("Nothing matches the filter"), NULL));
  add_records (self, self->items_group, self->item_rows, "support-item", items, 8, item_row);
}

static void
track_expanded_cb (WsWitnessPage  *self,
                   GParamSpec     *pspec,
                   AdwExpanderRow *row)
{
  guint bit = 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ws-track"));

  if (adw_expander_row_get_expanded (row))
    self->expanded_tracks |= bit;
  else
    self->expanded_tracks &= ~bit;
}

static GtkWidget *
checklist_row (WsWitnessPage *self,
               gpointer       item)
{
  return ws_plan_checklist_row (item, ws_database_may (self->db, WS_PERMISSION_EDIT_PLAN));
}

static void
add_track (WsWitnessPage *self,
           WsTrack        track,
           GPtrArray     *items)
{
  GtkWidget *row = ws_plan_track_row (track, items);

  g_object_set_data (G_OBJECT (row), "ws-track", GUINT_TO_POINTER (track));
  add_plan_row (self, self->checklist_group, row);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (track_expanded_cb), self, G_CONNECT_SWAPPED);
  build_when_expanded (self, ADW_EXPANDER_ROW (row), "checklist-item", items, 0, checklist_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), (self->expanded_tracks & (1u << track)) != 0);
}

static void
fill_checklist (WsWitnessPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) track_items = g_ptr_array_new ();

  if (!show_section (self, self->checklist_group, WS_PERMISSION_READ_PLAN))
    return;
  items = ws_database_list_checklist (self->db, person_id (self), &error);
  if (!check_list (self, self->checklist_group, items, error, _("No checklist yet")))
    return;
  /* The list comes ordered by track. */
  for (guint i = 0; i < items->len; i++)
    {
      WsChecklistItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (track_items, item);
      if (i + 1 == items->len
          || ws_checklist_item_get_track (g_ptr_array_index (items, i + 1)) != ws_checklist_item_get_track (item))
        {
          add_track (self, ws_checklist_item_get_track (item), track_items);
          g_ptr_array_set_size (track_items, 0);
        }
    }
}

static GtkWidget *
consent_row (WsWitnessPage *self,
             gpointer       consent)
{
  return ws_plan_consent_row (consent, self->today, ws_database_may (self->db, WS_PERMISSION_EDIT_PLAN));
}

static GtkWidget *
referral_row (WsWitnessPage *self,
              gpointer       referral)
{
  return ws_plan_referral_row (referral);
}

static GtkWidget *
risk_row (WsWitnessPage *self,
          gpointer       risk)
{
  return ws_plan_risk_row (risk, ws_database_may (self->db, WS_PERMISSION_EDIT_RISK));
}

static GtkWidget *
reflection_row (WsWitnessPage *self,
                gpointer       period)
{
  return ws_plan_reflection_row (period, self->today);
}

static GtkWidget *
info_row (WsWitnessPage *self,
          gpointer       info)
{
  return ws_plan_info_row (info);
}

static GtkWidget *
benefit_row (WsWitnessPage *self,
             gpointer       benefit)
{
  return ws_plan_benefit_row (benefit, ws_database_may (self->db, WS_PERMISSION_EDIT_BENEFITS));
}

static GtkWidget *
claim_row (WsWitnessPage *self,
           gpointer       claim)
{
  return ws_plan_claim_row (claim);
}

typedef GPtrArray *(*ListFunc) (WsDatabase *db,
                                gint64      person_id,
                                GError    **error);

/* One plain section: shown only to a role that may read it; read, say
 * why it is empty or unreadable, show. */
static void
fill_section (WsWitnessPage       *self,
              AdwPreferencesGroup *group,
              WsPermission         permission,
              const char          *kind,
              ListFunc             list,
              const char          *empty,
              guint                first_n,
              RowFunc              row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  if (!show_section (self, group, permission))
    return;
  records = list (self->db, person_id (self), &error);
  if (check_list (self, group, records, error, empty))
    add_records (self, group, self->plan_rows, kind, records, first_n, row);
}

static GtkWidget *
outcome_row (WsWitnessPage *self,
             gpointer       outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsVerdict) verdict = NULL;

  if (ws_party_outcome_get_verdict_on (outcome) != NULL)
    verdict = ws_database_get_verdict (self->db, ws_party_outcome_get_case_id (outcome), &error);
  if (error != NULL)
    return ws_plan_message_row (_("The verdict could not be read"), error->message);
  return ws_plan_outcome_row (outcome, verdict, ws_database_may (self->db, WS_PERMISSION_EDIT_PLAN));
}

static void
show_tag (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* The days left of the reflection period stay in the header, so they are
 * in sight wherever the officer is on the page. */
static void
fill_glance (WsWitnessPage *self)
{
  g_auto(WsPlanOverview) overview = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *reflection = NULL;
  g_autofree char *overdue = NULL;

  /* The glance is the plan's: nothing of it for a role without it. */
  if (!ws_database_may (self->db, WS_PERMISSION_READ_PLAN))
    {
      show_tag (self->reflection_label, NULL);
      show_tag (self->overdue_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->assessment_label), FALSE);
      return;
    }
  if (!ws_database_get_plan_overview (self->db, person_id (self), &overview, &error))
    {
      show_tag (self->reflection_label, error->message);
      show_tag (self->overdue_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->assessment_label), FALSE);
      return;
    }
  if (overview.reflection_days_left > 0)
    reflection = g_strdup_printf (ngettext ("Reflection period: %d day left", "Reflection period: %d days left",
                                            overview.reflection_days_left), overview.reflection_days_left);
  else if (overview.reflection_days_left == 0)
    reflection = g_strdup (_("Reflection period ended"));
  if (overview.overdue_items > 0)
    overdue = g_strdup_printf (ngettext ("%u item overdue", "%u items overdue", overview.overdue_items),
                               overview.overdue_items);
  show_tag (self->reflection_label, reflection);
  gtk_widget_remove_css_class (GTK_WIDGET (self->reflection_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->reflection_label), "accent");
  gtk_widget_add_css_class (GTK_WIDGET (self->reflection_label),
                            overview.reflection_days_left >= 0 && overview.reflection_days_left <= 7 ? "warning" : "accent");
  show_tag (self->overdue_label, overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->assessment_label), overview.assessment_due);
}

static void
fill_consents (WsWitnessPage *self)
{
  fill_section (self, self->consent_group, WS_PERMISSION_READ_PLAN, "consent", ws_database_list_consents, _("No consent recorded"), 5,
                consent_row);
  fill_section (self, self->referral_group, WS_PERMISSION_READ_PLAN, "referral", ws_database_list_referrals, _("No referral made"), 5,
                referral_row);
}

static void
fill_risk (WsWitnessPage *self)
{
  fill_section (self, self->risk_group, WS_PERMISSION_READ_RISK, "risk-assessment", ws_database_list_risk_assessments,
                _("No risk assessment yet"), 3, risk_row);
  fill_section (self, self->reflection_group, WS_PERMISSION_READ_PLAN, "reflection-period", ws_database_list_reflection_periods,
                _("No reflection period recorded"), 2, reflection_row);
}

static void
fill_logs (WsWitnessPage *self)
{
  fill_section (self, self->information_group, WS_PERMISSION_READ_PLAN, "information", ws_database_list_information, _("Nothing logged yet"),
                3, info_row);
  fill_section (self, self->benefits_group, WS_PERMISSION_READ_BENEFITS, "benefit", ws_database_list_benefits,
                _("No benefit given"), 5, benefit_row);
}

static void
fill_after_trial (WsWitnessPage *self)
{
  /* What the witness was told of the verdict is the plan's (the list
   * needs both permissions; every role that reads the plan reads cases). */
  fill_section (self, self->post_trial_group, WS_PERMISSION_READ_PLAN, "case-party", ws_database_list_party_outcomes,
                _("Not a party to any case"), 10, outcome_row);
  fill_section (self, self->claims_group, WS_PERMISSION_READ_PLAN, "compensation-claim", ws_database_list_compensation_claims,
                _("No compensation claim"), 5, claim_row);
}

/* The sections in page order. Laying out their rows (text shaping) costs
 * far more than reading them, so a newly opened witness shows the top of
 * the page in the first frame and the sections below fill in after it,
 * one per idle turn. */
static void (* const plan_stages[]) (WsWitnessPage *self) = {
  fill_phases, fill_items, fill_checklist, fill_consents, fill_risk, fill_logs, fill_after_trial,
};

static gboolean
fill_next_cb (gpointer user_data)
{
  WsWitnessPage *self = user_data;

  plan_stages[self->fill_stage++] (self);
  if (self->fill_stage < G_N_ELEMENTS (plan_stages))
    return G_SOURCE_CONTINUE;
  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

/* Whatever asks for a record of the plan gets the whole plan. */
static void
finish_filling (WsWitnessPage *self)
{
  if (self->fill_source == 0)
    return;
  g_clear_handle_id (&self->fill_source, g_source_remove);
  while (self->fill_stage < G_N_ELEMENTS (plan_stages))
    plan_stages[self->fill_stage++] (self);
}

static void
clear_plan (WsWitnessPage *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_hash_table_remove_all (self->records);
  g_hash_table_remove_all (self->record_rows);
  ws_form_clear_rows (self->plan_rows);
  ws_form_clear_rows (self->item_rows);
  g_clear_pointer (&self->today, g_date_free);
  self->today = ws_time_today ();
}

/* @staged: fill below the top after the next frame (a new witness), or
 * all at once (the same witness again, where the page must not shrink
 * under the user's scroll position). */
static void
fill_plan_staged (WsWitnessPage *self,
                  gboolean       staged)
{
  clear_plan (self);
  fill_glance (self);
  self->fill_stage = 0;
  if (staged)
    self->fill_source = g_idle_add (fill_next_cb, self);
  else
    while (self->fill_stage < G_N_ELEMENTS (plan_stages))
      plan_stages[self->fill_stage++] (self);
}

static void
fill_plan (WsWitnessPage *self)
{
  fill_plan_staged (self, FALSE);
}

static void
filter_changed_cb (WsWitnessPage *self)
{
  if (self->person != NULL)
    fill_items (self);
}

/* ------------------------------------------------------------------ */
/* Findings                                                            */

static void open_finding (WsWitnessPage *self,
                          WsFinding     *finding);

static void
finding_activated_cb (AdwActionRow  *row,
                      WsWitnessPage *self)
{
  open_finding (self, g_object_get_data (G_OBJECT (row), "ws-finding"));
}

static void
fill_findings (WsWitnessPage *self)
{
  guint n = self->findings != NULL ? g_list_model_get_n_items (self->findings) : 0;

  ws_form_clear_rows (self->finding_rows);
  for (guint i = 0; self->person != NULL && i < n; i++)
    {
      g_autoptr(WsFinding) finding = g_list_model_get_item (self->findings, i);
      GtkWidget *row;

      if (ws_finding_get_person_id (finding) != person_id (self))
        continue;
      row = ws_plan_finding_action_row (finding);
      g_object_set_data_full (G_OBJECT (row), "ws-finding", g_object_ref (finding), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (finding_activated_cb), self, 0);
      ws_form_group_add (self->findings_group, self->finding_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), self->finding_rows->len > 0);
}

/* ------------------------------------------------------------------ */
/* Opening records                                                     */

static GtkWindow *
parent_window (WsWitnessPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
editor_closed_cb (WsWitnessPage *self)
{
  /* A cancelled editor may have written into the record it was given. */
  if (self->person != NULL)
    fill_plan (self);
}

static void
present_editor (WsWitnessPage  *self,
                WsRecordEditor *editor)
{
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

typedef WsRecordEditor *(*EditFunc) (GtkWindow  *parent,
                                     WsDatabase *db,
                                     gpointer    record);

static const struct {
  const char *action;
  const char *kind;
  EditFunc    edit;
} editors[] = {
  { "plan.edit-item", "support-item", (EditFunc) ws_plan_edit_support_item },
  { "plan.edit-consent", "consent", (EditFunc) ws_plan_edit_consent },
  { "plan.edit-risk", "risk-assessment", (EditFunc) ws_plan_edit_risk },
  { "plan.edit-reflection", "reflection-period", (EditFunc) ws_plan_edit_reflection },
  { "plan.edit-information", "information", (EditFunc) ws_plan_edit_information },
  { "plan.edit-benefit", "benefit", (EditFunc) ws_plan_edit_benefit },
  { "plan.edit-claim", "compensation-claim", (EditFunc) ws_plan_edit_claim },
  { "plan.edit-outcome", "case-party", (EditFunc) ws_plan_edit_outcome },
};

static gboolean
edit_record (WsWitnessPage *self,
             const char    *kind,
             gint64         id)
{
  gpointer record = lookup_record (self, kind, id);

  if (record == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    if (g_str_equal (editors[i].kind, kind))
      {
        present_editor (self, editors[i].edit (parent_window (self), self->db, record));
        return TRUE;
      }
  return FALSE;
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  WsWitnessPage *self = WS_WITNESS_PAGE (widget);

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    if (g_str_equal (editors[i].action, name))
      edit_record (self, editors[i].kind, g_variant_get_int64 (param));
}

typedef gpointer (*NewFunc) (gint64 person_id);

static const struct {
  const char *action;
  NewFunc     create;
  EditFunc    edit;
} adders[] = {
  { "plan.add-item", (NewFunc) ws_support_item_new, (EditFunc) ws_plan_edit_support_item },
  { "plan.add-consent", (NewFunc) ws_consent_new, (EditFunc) ws_plan_edit_consent },
  { "plan.add-referral", (NewFunc) ws_referral_new, (EditFunc) ws_plan_edit_referral },
  { "plan.add-risk", (NewFunc) ws_risk_assessment_new, (EditFunc) ws_plan_edit_risk },
  { "plan.add-reflection", (NewFunc) ws_reflection_period_new, (EditFunc) ws_plan_edit_reflection },
  { "plan.add-information", (NewFunc) ws_information_given_new, (EditFunc) ws_plan_edit_information },
  { "plan.add-benefit", (NewFunc) ws_benefit_new, (EditFunc) ws_plan_edit_benefit },
  { "plan.add-claim", (NewFunc) ws_compensation_claim_new, (EditFunc) ws_plan_edit_claim },
};

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  WsWitnessPage *self = WS_WITNESS_PAGE (widget);

  if (self->person == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (adders); i++)
    if (g_str_equal (adders[i].action, name))
      {
        g_autoptr(GObject) record = adders[i].create (person_id (self));

        present_editor (self, adders[i].edit (parent_window (self), self->db, record));
      }
}

static void
move_phase_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  WsWitnessPage *self = WS_WITNESS_PAGE (widget);

  if (self->person != NULL)
    ws_plan_ask_move_phase (widget, self->db, self->person);
}

static void
checklist_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  WsWitnessPage *self = WS_WITNESS_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  WsChecklistItem *item = lookup_record (self, "checklist-item", id);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (item == NULL)
    return;
  if (g_str_equal (name, "plan.not-applicable"))
    {
      ws_plan_ask_not_applicable (widget, self->db, item);
      return;
    }
  if (g_str_equal (name, "plan.tick-check"))
    ok = ws_database_set_checklist_state (self->db, id, WS_CHECKLIST_STATE_DONE, NULL, NULL, &error);
  else
    ok = ws_database_set_checklist_state (self->db, id, WS_CHECKLIST_STATE_OPEN, NULL, NULL, &error);
  /* Shown at once, so the box the user just ticked does not wait for
   * the window's reload. */
  fill_plan (self);
  if (!ok)
    ws_plan_show_error (widget, error);
  else
    ws_database_emit_changed (self->db);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  WsWitnessPage *self = WS_WITNESS_PAGE (widget);
  WsConsent *consent = lookup_record (self, "consent", g_variant_get_int64 (param));

  if (consent != NULL)
    ws_plan_ask_withdraw (widget, self->db, consent);
}

static void
focus_row (WsWitnessPage *self,
           GtkWidget     *row)
{
  GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);

  if (ADW_IS_EXPANDER_ROW (row))
    expander = row;
  if (expander != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (row);
}

/**
 * ws_witness_page_show_subject:
 * @kind: a finding's subject kind ("support-item", "consent", …)
 *
 * Opens the record of the plan that @kind and @id name: its editor, or
 * its row when it has none.
 *
 * Returns: %TRUE if the page shows that record
 */
gboolean
ws_witness_page_show_subject (WsWitnessPage *self,
                              const char    *kind,
                              gint64         id)
{
  g_autofree char *key = NULL;
  GtkWidget *row;

  g_return_val_if_fail (WS_IS_WITNESS_PAGE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  finish_filling (self);
  /* A measure opens from the witness's list of measures. */
  if (g_str_equal (kind, "measure"))
    return ws_case_measures_open_measure (self->measures_group, id);
  /* A verdict is named by its case: open the witness's part in it. */
  if (g_str_equal (kind, "verdict"))
    {
      GHashTableIter iter;
      gpointer record;

      g_hash_table_iter_init (&iter, self->records);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        if (WS_IS_PARTY_OUTCOME (record) && ws_party_outcome_get_case_id (record) == id)
          return edit_record (self, "case-party", ws_party_outcome_get_party_id (record));
      return FALSE;
    }
  if (edit_record (self, kind, id))
    return TRUE;
  key = record_key (kind, id);
  row = g_hash_table_lookup (self->record_rows, key);
  if (row == NULL)
    return FALSE;
  focus_row (self, row);
  return TRUE;
}

static void
open_current_reflection (WsWitnessPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsReflectionPeriod) period = ws_database_get_current_reflection_period (self->db, person_id (self), &error);

  if (error != NULL)
    ws_plan_show_error (GTK_WIDGET (self), error);
  else if (period != NULL)
    ws_witness_page_show_subject (self, "reflection-period", ws_reflection_period_get_id (period));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "plan.add-reflection", NULL);
}

/* A finding about the witness as a whole opens what its rule is about. */
static void
open_person_finding (WsWitnessPage *self,
                     WsFinding     *finding)
{
  const char *rule = ws_finding_get_rule (finding);

  if (g_str_has_prefix (rule, "risk"))
    gtk_widget_activate_action (GTK_WIDGET (self), "plan.add-risk", NULL);
  else if (g_str_has_prefix (rule, "reflection"))
    open_current_reflection (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-witness", NULL);
}

static void
open_finding (WsWitnessPage *self,
              WsFinding     *finding)
{
  const char *kind = ws_finding_get_subject_kind (finding);
  gint64 id = ws_finding_get_subject_id (finding);

  if (g_strcmp0 (kind, "person") == 0)
    open_person_finding (self, finding);
  else if (!ws_witness_page_show_subject (self, kind, id))
    /* Hearings, measures and cases have their own places. */
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-subject", "(sx)", kind, id);
}

static void
update_plan_actions (WsWitnessPage *self)
{
  gboolean shown = self->person != NULL;
  gboolean edit_plan = shown && ws_database_may (self->db, WS_PERMISSION_EDIT_PLAN);
  static const char * const plan_actions[] = {
    "plan.move-phase", "plan.add-item", "plan.add-consent", "plan.add-referral", "plan.add-reflection",
    "plan.add-information", "plan.add-claim", "plan.edit-item", "plan.edit-consent", "plan.edit-reflection",
    "plan.edit-information", "plan.edit-claim", "plan.edit-outcome", "plan.tick-check", "plan.reopen-check",
    "plan.not-applicable", "plan.withdraw-consent",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), plan_actions[i], edit_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-risk", shown && ws_database_may (self->db, WS_PERMISSION_EDIT_RISK));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.edit-risk", shown && ws_database_may (self->db, WS_PERMISSION_EDIT_RISK));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-benefit",
                                 shown && ws_database_may (self->db, WS_PERMISSION_EDIT_BENEFITS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.edit-benefit",
                                 shown && ws_database_may (self->db, WS_PERMISSION_EDIT_BENEFITS));
}

static GtkWidget *
add_button (const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  /* Shown only while the role may add: nothing greyed out. */
  g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
  return button;
}

static void
build_item_filters (WsWitnessPage *self)
{
  static const char *statuses[] = {
    N_("All"), N_("Open"), N_("Planned"), N_("In Progress"), N_("Done"), N_("Cancelled"),
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (model, _(statuses[i]));
  self->status_filter = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (model)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_filter), _("Show items with this status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Status filter"), -1);
  /* What the officer works on: planned and in progress. */
  gtk_drop_down_set_selected (self->status_filter, 1);
  self->overdue_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Overdue Only")));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_filter));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->overdue_toggle));
  gtk_box_append (GTK_BOX (box), add_button ("plan.add-item", _("Add a need or service")));
  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_toggle, "toggled", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->items_group, box);
}

static void
build_headers (WsWitnessPage *self)
{
  build_item_filters (self);
  adw_preferences_group_set_header_suffix (self->consent_group, add_button ("plan.add-consent", _("Record consent")));
  adw_preferences_group_set_header_suffix (self->referral_group, add_button ("plan.add-referral", _("Refer to an agency")));
  adw_preferences_group_set_header_suffix (self->risk_group, add_button ("plan.add-risk", _("Assess the risk")));
  adw_preferences_group_set_header_suffix (self->reflection_group,
                                           add_button ("plan.add-reflection", _("Start a reflection period")));
  adw_preferences_group_set_header_suffix (self->information_group,
                                           add_button ("plan.add-information", _("Log information given")));
  adw_preferences_group_set_header_suffix (self->benefits_group, add_button ("plan.add-benefit", _("Record a benefit")));
  adw_preferences_group_set_header_suffix (self->claims_group, add_button ("plan.add-claim", _("Add a compensation claim")));
}

static void
ws_witness_page_dispose (GObject *object)
{
  WsWitnessPage *self = (WsWitnessPage *)object;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, fill_findings, self);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->identity_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->record_rows, g_hash_table_unref);
  g_clear_pointer (&self->today, g_date_free);
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
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, reflection_label);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, assessment_label);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, support_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, phase_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, items_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, consent_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, referral_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, risk_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, reflection_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, information_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, benefits_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, post_trial_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, claims_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, language_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, cases_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, measures_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, identity_button);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, move_phase_button);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, print_summary_button);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessPage, notes_label);
  gtk_widget_class_bind_template_callback (widget_class, identity_button_clicked_cb);

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    gtk_widget_class_install_action (widget_class, editors[i].action, "x", edit_action);
  for (guint i = 0; i < G_N_ELEMENTS (adders); i++)
    gtk_widget_class_install_action (widget_class, adders[i].action, NULL, add_action);
  gtk_widget_class_install_action (widget_class, "plan.move-phase", NULL, move_phase_action);
  gtk_widget_class_install_action (widget_class, "plan.tick-check", "x", checklist_action);
  gtk_widget_class_install_action (widget_class, "plan.reopen-check", "x", checklist_action);
  gtk_widget_class_install_action (widget_class, "plan.not-applicable", "x", checklist_action);
  gtk_widget_class_install_action (widget_class, "plan.withdraw-consent", "x", withdraw_action);
}

static void
ws_witness_page_init (WsWitnessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->identity_rows = g_ptr_array_new ();
  self->plan_rows = g_ptr_array_new ();
  self->item_rows = g_ptr_array_new ();
  self->finding_rows = g_ptr_array_new ();
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->record_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_headers (self);
}

GtkWidget *
ws_witness_page_new (WsDatabase *db)
{
  WsWitnessPage *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_WITNESS_PAGE, NULL);
  self->db = g_object_ref (db);
  update_plan_actions (self);
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
  gboolean another;

  g_return_if_fail (WS_IS_WITNESS_PAGE (self));

  g_set_object (&self->person, person);
  ws_form_clear_rows (self->rows);
  hide_identity (self);
  update_plan_actions (self);
  ws_case_measures_set_person (self->measures_group, person != NULL ? ws_person_get_id (person) : 0);
  if (person == NULL)
    {
      clear_plan (self);
      self->shown_id = 0;
      fill_findings (self);
      return;
    }
  /* Another witness: open the checklist of their current phase. */
  another = ws_person_get_id (person) != self->shown_id;
  if (another)
    {
      WsTrack track;

      self->shown_id = ws_person_get_id (person);
      self->expanded_tracks = ws_track_for_phase (ws_person_get_phase (person), &track) ? 1u << track : 0;
    }

  subtitle = g_strdup_printf ("%s · %s", ws_phase_get_label (ws_person_get_phase (person)),
                              ws_person_is_child (person) ? _("child") : _("adult"));
  gtk_label_set_text (self->title_label, ws_person_get_pseudonym (person));
  gtk_label_set_text (self->subtitle_label, subtitle);
  fill_support (self);
  fill_languages (self);
  fill_cases (self);
  show_sections (self);
  fill_plan_staged (self, another);
  fill_findings (self);

  gtk_widget_set_visible (GTK_WIDGET (self->identity_group),
                          ws_role_can_read_identity (ws_database_get_actor_role (self->db)));
  notes = ws_person_get_notes (person);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes != NULL && *notes != '\0' &&
                          ws_database_may (self->db, WS_PERMISSION_READ_PLAN));
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

/**
 * ws_witness_page_set_findings:
 * @findings: (nullable): every finding of the unit, kept up to date by
 *   its owner; the page shows those about its witness
 */
void
ws_witness_page_set_findings (WsWitnessPage *self,
                              GListModel    *findings)
{
  g_return_if_fail (WS_IS_WITNESS_PAGE (self));
  g_return_if_fail (findings == NULL || G_IS_LIST_MODEL (findings));

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, fill_findings, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_swapped (findings, "items-changed", G_CALLBACK (fill_findings), self);
  fill_findings (self);
}

/**
 * ws_witness_page_refresh:
 *
 * Reads the plan of the witness shown again.
 */
void
ws_witness_page_refresh (WsWitnessPage *self)
{
  g_return_if_fail (WS_IS_WITNESS_PAGE (self));

  if (self->person != NULL)
    fill_plan (self);
}

/**
 * ws_witness_page_is_filled:
 *
 * Returns: whether every section of the plan is shown (they fill in
 *   after the first frame when another witness is opened)
 */
gboolean
ws_witness_page_is_filled (WsWitnessPage *self)
{
  g_return_val_if_fail (WS_IS_WITNESS_PAGE (self), FALSE);
  return self->fill_source == 0;
}
