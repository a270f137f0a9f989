/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-case-measures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-case-measures.h"
#include "ws-form.h"
#include "ws-measure-editor.h"
#include "ws-measure.h"
#include "ws-store.h"

/* Two groups for the case page: the case's protective measures, each
 * opening the measure editor, and whom each witness must be kept apart
 * from at court (every accused, or a named one). */

static GtkWidget *
badge_new (WsReadiness readiness)
{
  static const char * const styles[] = {
    [WS_READINESS_UNDECIDED] = "error",
    [WS_READINESS_GRANTED_NOT_ARRANGED] = "warning",
    [WS_READINESS_ARRANGED] = "success",
    [WS_READINESS_REFUSED] = "accent",
    [WS_READINESS_WITHDRAWN] = "dim",
  };
  GtkWidget *label = gtk_label_new (ws_readiness_get_label (readiness));

  gtk_widget_add_css_class (label, "badge");
  gtk_widget_add_css_class (label, styles[readiness]);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
present_editor (GtkWidget  *from,
                WsDatabase *db,
                WsMeasure  *measure,
                gint64      case_id)
{
  WsMeasureEditor *editor = ws_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (from)), db, measure,
                                                   case_id, 0, 0);

  g_signal_connect_object (editor, "saved", G_CALLBACK (ws_database_emit_changed), db, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* ------------------------------------------------------------------ */
/* The case's measures                                                 */

struct _WsCaseMeasures
{
  AdwPreferencesGroup  parent_instance;

  /* owned */
  WsDatabase          *db;
  WsCase              *court_case;
  GtkWidget           *add_button;
  GPtrArray           *rows;
  guint                n_measures;
};

G_DEFINE_FINAL_TYPE (WsCaseMeasures, ws_case_measures, ADW_TYPE_PREFERENCES_GROUP)

static void
measure_activated_cb (AdwActionRow   *row,
                      WsCaseMeasures *self)
{
  present_editor (GTK_WIDGET (self), self->db, g_object_get_data (G_OBJECT (row), "measure"), 0);
}

static void
add_measure_cb (WsCaseMeasures *self)
{
  if (self->court_case != NULL)
    present_editor (GTK_WIDGET (self), self->db, NULL, ws_case_get_id (self->court_case));
}

static GtkWidget *
measure_row (WsCaseMeasures *self,
             WsMeasure      *measure)
{
  GtkWidget *row = adw_action_row_new ();
  const char *pseudonym = ws_measure_get_pseudonym (measure);
  const char *who = self->court_case == NULL ? ws_measure_get_case_reference (measure)
                    : ws_measure_get_person_id (measure) != 0 && pseudonym != NULL ? pseudonym : _("Every witness");
  const char *scope = ws_measure_get_hearing_id (measure) != 0 ? _("One hearing") : _("Whole proceedings");
  /* Translators: for whom · status · scope, for a measure in the list of a case */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), who,
                                               ws_measure_status_get_label (ws_measure_get_status (measure)), scope);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ws_measure_type_get_label (ws_measure_get_measure_type (measure)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (ws_measure_get_readiness (measure)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "measure", g_object_ref (measure), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (measure_activated_cb), self, 0);
  return row;
}

static void
ws_case_measures_dispose (GObject *object)
{
  WsCaseMeasures *self = (WsCaseMeasures *)object;

  g_clear_object (&self->court_case);
  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ws_case_measures_parent_class)->dispose (object);
}

static void
ws_case_measures_class_init (WsCaseMeasuresClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ws_case_measures_dispose;
}

static void
ws_case_measures_init (WsCaseMeasures *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Protective Measures"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("For one witness or every witness, for the whole proceedings or one "
                                           "hearing. Open one to record the court's decision or its arrangement."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add a protective measure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a protective measure"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_measure_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  self->add_button = add;
}

GtkWidget *
ws_case_measures_new (WsDatabase *db)
{
  WsCaseMeasures *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_CASE_MEASURES, NULL);
  self->db = g_object_ref (db);
  return GTK_WIDGET (self);
}

/**
 * ws_case_measures_set_database:
 *
 * For a group built from a template, before anything is shown.
 */
void
ws_case_measures_set_database (WsCaseMeasures *self,
                               WsDatabase     *db)
{
  g_return_if_fail (WS_IS_CASE_MEASURES (self));
  g_return_if_fail (WS_IS_DATABASE (db));
  g_set_object (&self->db, db);
}

static void
show_measures (WsCaseMeasures *self,
               GPtrArray      *measures,
               const GError   *error)
{
  GtkWidget *row = NULL;

  if (measures == NULL)
    row = ws_form_info_row (_("The measures could not be read"), error->message);
  else if (measures->len == 0)
    row = ws_form_info_row (_("No protective measures yet"), self->court_case != NULL
                            ? _("Use + to propose one") : _("Propose them from the page of a case or a hearing"));
  if (row != NULL)
    ws_form_group_add (ADW_PREFERENCES_GROUP (self), self->rows, row);
  for (guint i = 0; measures != NULL && i < measures->len; i++)
    ws_form_group_add (ADW_PREFERENCES_GROUP (self), self->rows, measure_row (self, g_ptr_array_index (measures, i)));
  self->n_measures = measures != NULL ? measures->len : 0;
}

/**
 * ws_case_measures_set_person:
 * @person_id: the witness whose measures, in every case, to list; 0 for none
 *
 * Lists one witness's measures instead of a case's; new ones are
 * proposed from a case or a hearing, where their scope is clear.
 */
void
ws_case_measures_set_person (WsCaseMeasures *self,
                             gint64          person_id)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_CASE_MEASURES (self));

  g_clear_object (&self->court_case);
  remove_rows (ADW_PREFERENCES_GROUP (self), self->rows);
  self->n_measures = 0;
  gtk_widget_set_visible (self->add_button, FALSE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("In every case of the witness. Open one to record the court's decision "
                                           "or its arrangement."));
  if (person_id <= 0)
    return;
  measures = ws_database_list_measures_of_person (self->db, person_id, &error);
  show_measures (self, measures, error);
}

/**
 * ws_case_measures_set_case:
 * @court_case: (nullable): the case whose measures to list
 */
void
ws_case_measures_set_case (WsCaseMeasures *self,
                           WsCase         *court_case)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_CASE_MEASURES (self));

  g_set_object (&self->court_case, court_case);
  remove_rows (ADW_PREFERENCES_GROUP (self), self->rows);
  self->n_measures = 0;
  if (court_case == NULL)
    return;
  measures = ws_database_list_measures_of_case (self->db, ws_case_get_id (court_case), &error);
  show_measures (self, measures, error);
}

/**
 * ws_case_measures_open_measure:
 * @id: a measure's id, as a finding names it
 *
 * Opens the editor of the measure with @id when the group lists it.
 *
 * Returns: whether it did
 */
gboolean
ws_case_measures_open_measure (WsCaseMeasures *self,
                               gint64          id)
{
  g_return_val_if_fail (WS_IS_CASE_MEASURES (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      WsMeasure *measure = g_object_get_data (G_OBJECT (row), "measure");

      if (measure != NULL && ws_measure_get_id (measure) == id)
        {
          gtk_widget_grab_focus (row);
          present_editor (GTK_WIDGET (self), self->db, measure, 0);
          return TRUE;
        }
    }
  return FALSE;
}

guint
ws_case_measures_get_n_measures (WsCaseMeasures *self)
{
  g_return_val_if_fail (WS_IS_CASE_MEASURES (self), 0);
  return self->n_measures;
}

/* ------------------------------------------------------------------ */
/* Whom witnesses are kept apart from                                  */

struct _WsScreeningGroup
{
  AdwPreferencesGroup  parent_instance;

  /* owned */
  WsDatabase          *db;
  WsCase              *court_case;
  GPtrArray           *rows;
  GPtrArray           *screenings;   /* WsScreening, by row */
  GArray              *person_ids;   /* by position of witness_dropdown */
  GtkWidget           *add_row;
  GtkWidget           *witness_dropdown;
  GtkWidget           *accused_dropdown;
};

G_DEFINE_FINAL_TYPE (WsScreeningGroup, ws_screening_group, ADW_TYPE_PREFERENCES_GROUP)

static void
say (WsScreeningGroup *self,
     const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
remove_clicked_cb (GtkButton        *button,
                   WsScreeningGroup *self)
{
  ws_screening_group_remove (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position")));
}

static void
add_clicked_cb (WsScreeningGroup *self)
{
  ws_screening_group_add (self, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->witness_dropdown)),
                          gtk_drop_down_get_selected (GTK_DROP_DOWN (self->accused_dropdown)));
}

static void
choice_changed_cb (WsScreeningGroup *self)
{
  ws_form_set_row_error (self->add_row, NULL);
}

static GtkWidget *
screening_row (WsScreeningGroup *self,
               WsScreening      *screening,
               const char       *label,
               guint             position)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  const char *pseudonym = ws_screening_get_pseudonym (screening);
  g_autofree char *title = label != NULL ? g_strdup_printf ("%s — %s", label, pseudonym) : g_strdup (pseudonym);
  /* Translators: whom a witness must not see or meet at court */
  g_autofree char *subtitle = g_strdup_printf (_("Must not meet: %s"),
                                               ws_screening_is_every_accused (screening)
                                               ? _("every accused") : ws_screening_get_accused_label (screening));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("No longer keep them apart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("No longer keep them apart"), -1);
  g_object_set_data (G_OBJECT (remove), "position", GUINT_TO_POINTER (position));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
build_add_row (WsScreeningGroup *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Keep Apart"));

  self->add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Keep a Witness Apart"));
  self->witness_dropdown = gtk_drop_down_new (NULL, NULL);
  self->accused_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_valign (self->witness_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->accused_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->witness_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Witness"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->accused_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From whom"), -1);
  g_signal_connect_object (self->witness_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accused_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_row), self->witness_dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_row), self->accused_dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_row), add);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

static void
fill_choices (WsScreeningGroup *self,
              GPtrArray        *parties,
              GHashTable       *labels)
{
  g_autoptr(GtkStringList) witnesses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) accused = gtk_string_list_new (NULL);
  const char * const *names = ws_case_get_accused (self->court_case);

  g_array_set_size (self->person_ids, 0);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      WsCaseParty *party = g_ptr_array_index (parties, i);
      g_autofree char *title = g_strdup_printf ("%s — %s", ws_case_party_get_label (party),
                                                ws_case_party_get_pseudonym (party));
      gint64 id = ws_case_party_get_person_id (party);

      gtk_string_list_append (witnesses, title);
      g_array_append_val (self->person_ids, id);
      g_hash_table_insert (labels, g_memdup2 (&id, sizeof id), g_strdup (ws_case_party_get_label (party)));
    }
  gtk_string_list_append (accused, _("Every accused"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (accused, names[i]);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->witness_dropdown), G_LIST_MODEL (witnesses));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->accused_dropdown), G_LIST_MODEL (accused));
  gtk_widget_set_sensitive (self->add_row, self->person_ids->len > 0);
}

static void
ws_screening_group_dispose (GObject *object)
{
  WsScreeningGroup *self = (WsScreeningGroup *)object;

  g_clear_object (&self->court_case);
  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->screenings, g_ptr_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (ws_screening_group_parent_class)->dispose (object);
}

static void
ws_screening_group_class_init (WsScreeningGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ws_screening_group_dispose;
}

static void
ws_screening_group_init (WsScreeningGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->screenings = g_ptr_array_new_with_free_func (g_object_unref);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Kept Apart"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Whom each witness must not see or meet at court: every accused or "
                                           "a named one. Scheduling keeps them apart."));
  build_add_row (self);
}

GtkWidget *
ws_screening_group_new (WsDatabase *db)
{
  WsScreeningGroup *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_SCREENING_GROUP, NULL);
  self->db = g_object_ref (db);
  return GTK_WIDGET (self);
}

/**
 * ws_screening_group_set_case:
 * @court_case: (nullable): the case whose witnesses to show
 */
void
ws_screening_group_set_case (WsScreeningGroup *self,
                             WsCase           *court_case)
{
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) screenings = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_SCREENING_GROUP (self));

  g_set_object (&self->court_case, court_case);
  remove_rows (ADW_PREFERENCES_GROUP (self), self->rows);
  g_ptr_array_set_size (self->screenings, 0);
  ws_form_set_row_error (self->add_row, NULL);
  if (court_case == NULL)
    return;

  parties = ws_database_list_parties_of_case (self->db, ws_case_get_id (court_case), NULL);
  fill_choices (self, parties, labels);
  screenings = ws_database_list_screenings (self->db, 0, ws_case_get_id (court_case), &error);
  if (screenings == NULL)
    {
      ws_form_group_add (ADW_PREFERENCES_GROUP (self), self->rows,
                         ws_form_info_row (_("Whom witnesses must not meet could not be read"), error->message));
      return;
    }
  /* The row that adds one stays last. */
  g_object_ref (self->add_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
  for (guint i = 0; i < screenings->len; i++)
    {
      WsScreening *screening = g_ptr_array_index (screenings, i);
      gint64 person = ws_screening_get_person_id (screening);

      g_ptr_array_add (self->screenings, g_object_ref (screening));
      ws_form_group_add (ADW_PREFERENCES_GROUP (self), self->rows,
                         screening_row (self, screening, g_hash_table_lookup (labels, &person), i));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
  g_object_unref (self->add_row);
}

guint
ws_screening_group_get_n_screenings (WsScreeningGroup *self)
{
  g_return_val_if_fail (WS_IS_SCREENING_GROUP (self), 0);
  return self->screenings->len;
}

/**
 * ws_screening_group_add:
 * @witness: the position of the witness among the case's parties
 * @accused: 0 for every accused, or 1 + the position of a named accused
 *
 * Keeps the witness apart as the add row does; a problem (already kept
 * apart, no such accused) shows beside the row and nothing is saved.
 *
 * Returns: %TRUE if it was recorded
 */
gboolean
ws_screening_group_add (WsScreeningGroup *self,
                        guint             witness,
                        guint             accused)
{
  const char * const *names;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WS_IS_SCREENING_GROUP (self), FALSE);

  if (self->court_case == NULL || witness >= self->person_ids->len)
    return FALSE;
  names = ws_case_get_accused (self->court_case);
  if (accused > 0 && (names == NULL || accused > g_strv_length ((char **) names)))
    return FALSE;
  if (!ws_database_add_screening (self->db, g_array_index (self->person_ids, gint64, witness),
                                  ws_case_get_id (self->court_case), accused > 0 ? names[accused - 1] : NULL,
                                  NULL, &error))
    {
      ws_form_set_row_error (self->add_row, error->message);
      return FALSE;
    }
  ws_database_emit_changed (self->db);
  return TRUE;
}

/**
 * ws_screening_group_remove:
 * @position: the screening's position in the group
 */
void
ws_screening_group_remove (WsScreeningGroup *self,
                           guint             position)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_SCREENING_GROUP (self));

  if (position >= self->screenings->len)
    return;
  if (!ws_database_remove_screening (self->db, ws_screening_get_id (g_ptr_array_index (self->screenings, position)),
                                     &error))
    say (self, error->message);
  else
    say (self, _("The witness is no longer kept apart"));
  ws_database_emit_changed (self->db);
}
