/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-measure-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-hearing.h"
#include "ws-measure-editor.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-time.h"

/* Records or edits one protective measure for a witness, a whole case or
 * one hearing. The status moves only along the steps the data layer
 * allows; a change and the edited fields are written in one transaction,
 * with a history row saying who changed it and when. */
struct _WsMeasureEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *problem_label;
  AdwComboRow         *type_row;
  AdwComboRow         *witness_row;
  AdwComboRow         *scope_row;
  AdwActionRow        *needs_row;
  AdwActionRow        *current_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *change_note_row;
  AdwEntryRow         *requested_row;
  AdwEntryRow         *applied_row;
  AdwEntryRow         *decided_by_row;
  AdwEntryRow         *decided_on_row;
  AdwEntryRow         *legal_basis_row;
  AdwEntryRow         *refusal_row;
  AdwEntryRow         *alternative_row;
  AdwEntryRow         *defence_row;
  AdwEntryRow         *booking_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *history_group;

  /* owned */
  WsDatabase          *db;
  WsMeasure           *measure;
  GArray              *person_ids;   /* gint64, by position of witness_row */
  GArray              *hearing_ids;  /* gint64, by position of scope_row */
  GArray              *statuses;     /* WsMeasureStatus, by position of status_row */
  gboolean             is_new;
};

G_DEFINE_FINAL_TYPE (WsMeasureEditor, ws_measure_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
fill_types (WsMeasureEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    gtk_string_list_append (model, ws_measure_type_get_label (types[i].code));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (model));
}

static const char *
selected_type (WsMeasureEditor *self)
{
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);
  guint position = adw_combo_row_get_selected (self->type_row);

  return position < n_types ? types[position].code : NULL;
}

static void
select_type (WsMeasureEditor *self,
             const char      *code)
{
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (g_strcmp0 (types[i].code, code) == 0)
      adw_combo_row_set_selected (self->type_row, i);
}

static void
fill_witnesses (WsMeasureEditor *self,
                gint64           case_id)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) parties = ws_database_list_parties_of_case (self->db, case_id, NULL);
  gint64 none = 0;

  gtk_string_list_append (model, _("Every witness of the case"));
  g_array_append_val (self->person_ids, none);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      WsCaseParty *party = g_ptr_array_index (parties, i);
      g_autofree char *title = g_strdup_printf ("%s — %s", ws_case_party_get_label (party),
                                                ws_case_party_get_pseudonym (party));
      gint64 id = ws_case_party_get_person_id (party);

      gtk_string_list_append (model, title);
      g_array_append_val (self->person_ids, id);
    }
  adw_combo_row_set_model (self->witness_row, G_LIST_MODEL (model));
}

static char *
format_hearing (WsHearing *hearing)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (ws_hearing_get_starts_at (hearing));
  /* Translators: a g_date_time_format() string for a hearing's start in the viewer's zone */
  g_autofree char *when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));

  /* Translators: a kind of hearing, then its date and time */
  return g_strdup_printf (_("%s on %s"), ws_hearing_kind_get_label (ws_hearing_get_kind (hearing)), when);
}

static void
fill_scopes (WsMeasureEditor *self,
             gint64           case_id)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) hearings = ws_database_list_hearings_of_case (self->db, case_id, NULL);
  gint64 none = 0;

  gtk_string_list_append (model, _("Whole proceedings"));
  g_array_append_val (self->hearing_ids, none);
  for (guint i = 0; hearings != NULL && i < hearings->len; i++)
    {
      WsHearing *hearing = g_ptr_array_index (hearings, i);
      g_autofree char *title = format_hearing (hearing);
      gint64 id = ws_hearing_get_id (hearing);

      gtk_string_list_append (model, title);
      g_array_append_val (self->hearing_ids, id);
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (model));
}

/* A new measure may be recorded at any point a court may already have
 * reached; an existing one moves only along the legal steps. */
static void
fill_statuses (WsMeasureEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  WsMeasureStatus current = ws_measure_get_status (self->measure);

  g_array_set_size (self->statuses, 0);
  if (self->is_new)
    {
      static const WsMeasureStatus first[] = { WS_MEASURE_STATUS_PROPOSED, WS_MEASURE_STATUS_APPLIED_FOR,
                                               WS_MEASURE_STATUS_GRANTED, WS_MEASURE_STATUS_REFUSED };

      g_array_append_vals (self->statuses, first, G_N_ELEMENTS (first));
    }
  else
    {
      g_array_append_val (self->statuses, current);
      for (WsMeasureStatus s = WS_MEASURE_STATUS_PROPOSED; s <= WS_MEASURE_STATUS_ARRANGED; s++)
        if (ws_measure_status_can_change (current, s))
          g_array_append_val (self->statuses, s);
    }
  for (guint i = 0; i < self->statuses->len; i++)
    {
      WsMeasureStatus s = g_array_index (self->statuses, WsMeasureStatus, i);
      g_autofree char *label = NULL;

      if (!self->is_new && i == 0)
        /* Translators: the status a measure keeps when the officer changes nothing */
        label = g_strdup_printf (_("%s (no change)"), ws_measure_status_get_label (s));
      else
        label = g_strdup (ws_measure_status_get_label (s));
      gtk_string_list_append (model, label);
    }
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->status_row, 0);
}

static WsMeasureStatus
chosen_status (WsMeasureEditor *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);

  if (position >= self->statuses->len)
    return self->measure != NULL ? ws_measure_get_status (self->measure) : WS_MEASURE_STATUS_PROPOSED;
  return g_array_index (self->statuses, WsMeasureStatus, position);
}

static void
update_needs (WsMeasureEditor *self)
{
  const char *type = selected_type (self);
  g_autofree char *text = NULL;

  /* The list of types is filled before there is a measure to show. */
  if (type == NULL || self->measure == NULL)
    return;
  if (!self->is_new && g_strcmp0 (type, ws_measure_get_measure_type (self->measure)) == 0)
    /* Translators: what arranging a measure needs, then what the records show now */
    text = g_strdup_printf (_("%s\nNow: %s."), ws_measure_type_get_needs (type),
                            ws_arranged_by_get_label (ws_measure_get_arranged_by (self->measure), type));
  else
    text = g_strdup (ws_measure_type_get_needs (type));
  adw_action_row_set_subtitle (self->needs_row, text);
}

static char *
format_change_time (GDateTime *at)
{
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  /* Translators: a g_date_time_format() string for when a measure's status changed */
  return local != NULL ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : g_strdup ("—");
}

static void
fill_history (WsMeasureEditor *self)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  const char *previous = NULL;

  if (self->is_new)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }
  steps = ws_database_list_measure_history (self->db, ws_measure_get_id (self->measure), &error);
  if (steps == NULL)
    {
      adw_preferences_group_add (self->history_group, ws_form_info_row (_("The history could not be read"),
                                                                         error->message));
      return;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      WsMeasureChange *step = g_ptr_array_index (steps, i);
      const char *status = ws_measure_status_get_label (ws_measure_change_get_status (step));
      g_autofree char *title = previous != NULL ? g_strdup_printf ("%s → %s", previous, status)
                                                /* Translators: the first step of a measure's history */
                                                : g_strdup_printf (_("Recorded as %s"), status);
      g_autofree char *when = format_change_time (ws_measure_change_get_changed_at (step));
      const char *note = ws_measure_change_get_note (step);
      /* Translators: who changed a measure's status, then when */
      g_autofree char *who = g_strdup_printf (_("%s, %s"), ws_measure_change_get_changed_by (step), when);
      g_autofree char *subtitle = note != NULL && *note != '\0' ? g_strdup_printf ("%s — %s", who, note)
                                                                : g_strdup (who);
      GtkWidget *row = ws_form_info_row (title, subtitle);

      adw_preferences_group_add (self->history_group, row);
      previous = status;
    }
}

static void
fill_form (WsMeasureEditor *self)
{
  WsMeasure *m = self->measure;

  select_type (self, ws_measure_get_measure_type (m));
  adw_combo_row_set_selected (self->witness_row, position_of (self->person_ids, ws_measure_get_person_id (m)));
  adw_combo_row_set_selected (self->scope_row, position_of (self->hearing_ids, ws_measure_get_hearing_id (m)));
  adw_action_row_set_subtitle (self->current_row, self->is_new ? _("Not recorded yet")
                                                  : ws_measure_status_get_label (ws_measure_get_status (m)));
  ws_form_set_entry_text (self->requested_row, ws_measure_get_requested_by (m));
  ws_form_set_entry_text (self->applied_row, ws_measure_get_applied_on (m));
  ws_form_set_entry_text (self->decided_by_row, ws_measure_get_decided_by (m));
  ws_form_set_entry_text (self->decided_on_row, ws_measure_get_decided_on (m));
  ws_form_set_entry_text (self->legal_basis_row, ws_measure_get_legal_basis (m));
  ws_form_set_entry_text (self->refusal_row, ws_measure_get_refusal_reason (m));
  ws_form_set_entry_text (self->alternative_row, ws_measure_get_alternative (m));
  ws_form_set_entry_text (self->defence_row, ws_measure_get_defence_position (m));
  ws_form_set_entry_text (self->booking_row, ws_measure_get_booking_reference (m));
  ws_form_set_text_view (self->notes_view, ws_measure_get_notes (m));
  update_needs (self);
}

/* Empty optional text is stored as NULL, as the data layer expects of dates. */
static char *
entry_or_null (AdwEntryRow *row)
{
  char *text = ws_form_entry_text (row);

  if (*text != '\0')
    return text;
  g_free (text);
  return NULL;
}

static void
collect_measure (WsMeasureEditor *self,
                 WsMeasure       *m)
{
  g_autofree char *requested = ws_form_entry_text (self->requested_row);
  g_autofree char *applied = entry_or_null (self->applied_row);
  g_autofree char *decided_by = ws_form_entry_text (self->decided_by_row);
  g_autofree char *decided_on = entry_or_null (self->decided_on_row);
  g_autofree char *legal_basis = ws_form_entry_text (self->legal_basis_row);
  g_autofree char *refusal = ws_form_entry_text (self->refusal_row);
  g_autofree char *alternative = ws_form_entry_text (self->alternative_row);
  g_autofree char *defence = ws_form_entry_text (self->defence_row);
  g_autofree char *booking = ws_form_entry_text (self->booking_row);
  g_autofree char *notes = ws_form_text_view_text (self->notes_view);
  guint witness = adw_combo_row_get_selected (self->witness_row);
  guint scope = adw_combo_row_get_selected (self->scope_row);

  ws_measure_set_measure_type (m, selected_type (self));
  ws_measure_set_person_id (m, witness < self->person_ids->len ? g_array_index (self->person_ids, gint64, witness) : 0);
  ws_measure_set_hearing_id (m, scope < self->hearing_ids->len ? g_array_index (self->hearing_ids, gint64, scope) : 0);
  ws_measure_set_requested_by (m, requested);
  ws_measure_set_applied_on (m, applied);
  ws_measure_set_decided_by (m, decided_by);
  ws_measure_set_decided_on (m, decided_on);
  ws_measure_set_legal_basis (m, legal_basis);
  ws_measure_set_refusal_reason (m, refusal);
  ws_measure_set_alternative (m, alternative);
  ws_measure_set_defence_position (m, defence);
  ws_measure_set_booking_reference (m, booking);
  ws_measure_set_notes (m, notes);
}

static gboolean
show_problems (WsMeasureEditor *self,
               GPtrArray       *problems)
{
  struct { const char *field; GtkWidget *row; } rows[] = {
    { "type", GTK_WIDGET (self->type_row) },
    { "person", GTK_WIDGET (self->witness_row) },
    { "hearing", GTK_WIDGET (self->scope_row) },
    { "applied_on", GTK_WIDGET (self->applied_row) },
    { "decided_by", GTK_WIDGET (self->decided_by_row) },
    { "decided_on", GTK_WIDGET (self->decided_on_row) },
    { "refusal_reason", GTK_WIDGET (self->refusal_row) },
  };
  GtkWidget *first = NULL;
  const char *unplaced = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *message = ws_problems_lookup (problems, rows[i].field);

      ws_form_set_row_error (rows[i].row, message);
      if (message != NULL && first == NULL)
        first = rows[i].row;
    }
  /* A problem with no field of its own (the case is gone) is said above. */
  unplaced = ws_problems_lookup (problems, "case");
  gtk_label_set_text (self->problem_label, unplaced != NULL ? unplaced
                                           : _("Please correct the marked fields. Nothing has been saved."));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return problems->len == 0;
}

static void
field_changed_cb (WsMeasureEditor *self,
                  GtkWidget       *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
choice_changed_cb (WsMeasureEditor *self,
                   GParamSpec      *pspec,
                   GtkWidget       *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
type_changed_cb (WsMeasureEditor *self)
{
  ws_form_set_row_error (GTK_WIDGET (self->type_row), NULL);
  update_needs (self);
}

/* Choosing a decision or an application fills the date it implies with
 * today, where the officer left it empty: they see what will be saved. */
static void
status_changed_cb (WsMeasureEditor *self)
{
  WsMeasureStatus status = chosen_status (self);
  g_autoptr(GDate) today = ws_time_today ();
  g_autofree char *today_text = ws_time_format_date (today);
  g_autofree char *applied = ws_form_entry_text (self->applied_row);
  g_autofree char *decided = ws_form_entry_text (self->decided_on_row);

  if (self->measure == NULL)
    return;
  if (status == ws_measure_get_status (self->measure) && !self->is_new)
    return;
  if (status == WS_MEASURE_STATUS_APPLIED_FOR && *applied == '\0')
    ws_form_set_entry_text (self->applied_row, today_text);
  if ((status == WS_MEASURE_STATUS_GRANTED || status == WS_MEASURE_STATUS_REFUSED) && *decided == '\0')
    ws_form_set_entry_text (self->decided_on_row, today_text);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ws_measure_editor_save (WS_MEASURE_EDITOR (widget));
}

static void
ws_measure_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_MEASURE_EDITOR);
  G_OBJECT_CLASS (ws_measure_editor_parent_class)->dispose (object);
}

static void
ws_measure_editor_finalize (GObject *object)
{
  WsMeasureEditor *self = (WsMeasureEditor *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->hearing_ids, g_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);

  G_OBJECT_CLASS (ws_measure_editor_parent_class)->finalize (object);
}

static void
ws_measure_editor_class_init (WsMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_measure_editor_dispose;
  object_class->finalize = ws_measure_editor_finalize;

  /**
   * WsMeasureEditor::saved:
   * @measure: the saved measure
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, WS_TYPE_MEASURE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/measures/ws-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, witness_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, needs_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, current_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, change_note_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, requested_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, applied_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, decided_by_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, decided_on_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, legal_basis_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, refusal_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, alternative_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, defence_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, booking_row);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, WsMeasureEditor, history_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_measure_editor_init (WsMeasureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->hearing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (WsMeasureStatus));
  fill_types (self);
}

/**
 * ws_measure_editor_new:
 * @measure: (nullable): the measure to edit, or %NULL to record a new one
 * @case_id: the case of a new measure (ignored when editing)
 * @person_id: the witness of a new measure, 0 for every witness of the case
 * @hearing_id: the hearing of a new measure, 0 for the whole proceedings
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
WsMeasureEditor *
ws_measure_editor_new (GtkWindow  *parent,
                       WsDatabase *db,
                       WsMeasure  *measure,
                       gint64      case_id,
                       gint64      person_id,
                       gint64      hearing_id)
{
  WsMeasureEditor *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (measure != NULL || case_id > 0, NULL);

  self = g_object_new (WS_TYPE_MEASURE_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->is_new = measure == NULL;
  if (measure != NULL)
    self->measure = ws_measure_copy (measure);
  else
    {
      self->measure = ws_measure_new ();
      ws_measure_set_case_id (self->measure, case_id);
      ws_measure_set_person_id (self->measure, person_id);
      ws_measure_set_hearing_id (self->measure, hearing_id);
      ws_measure_set_measure_type (self->measure, "video-link-room");
    }
  fill_witnesses (self, ws_measure_get_case_id (self->measure));
  fill_scopes (self, ws_measure_get_case_id (self->measure));
  fill_statuses (self);
  fill_form (self);
  fill_history (self);
  adw_window_title_set_title (self->window_title, self->is_new ? _("New Protective Measure")
                                                               : _("Edit Protective Measure"));
  if (!self->is_new && ws_measure_get_pseudonym (self->measure) != NULL)
    adw_window_title_set_subtitle (self->window_title, ws_measure_get_pseudonym (self->measure));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->type_row));
  return self;
}

/**
 * ws_measure_editor_offers_status:
 *
 * Returns: whether the status list offers @status (the current status
 *   counts, as "no change")
 */
gboolean
ws_measure_editor_offers_status (WsMeasureEditor *self,
                                 WsMeasureStatus  status)
{
  g_return_val_if_fail (WS_IS_MEASURE_EDITOR (self), FALSE);

  for (guint i = 0; i < self->statuses->len; i++)
    if (g_array_index (self->statuses, WsMeasureStatus, i) == status)
      return TRUE;
  return FALSE;
}

/**
 * ws_measure_editor_choose_status:
 *
 * Chooses @status as the user would in the list. A step the law does not
 * allow from the current status is refused with the data layer's reason
 * (also shown in the editor), and the choice is left as it was.
 */
gboolean
ws_measure_editor_choose_status (WsMeasureEditor  *self,
                                 WsMeasureStatus   status,
                                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (WS_IS_MEASURE_EDITOR (self), FALSE);

  if (!self->is_new && status != ws_measure_get_status (self->measure) &&
      !ws_measure_status_check_change (ws_measure_get_status (self->measure), status, &local_error))
    {
      gtk_label_set_text (self->problem_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < self->statuses->len; i++)
    if (g_array_index (self->statuses, WsMeasureStatus, i) == status)
      {
        adw_combo_row_set_selected (self->status_row, i);
        return TRUE;
      }
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
               _("A new measure is recorded as proposed, applied for, granted or refused"));
  return FALSE;
}

/**
 * ws_measure_editor_save:
 *
 * Checks the form, then records the measure, or saves the edited fields
 * together with any status change in one transaction; on a problem,
 * nothing is saved and the problem shows beside its field.
 *
 * Returns: %TRUE if the measure was saved
 */
gboolean
ws_measure_editor_save (WsMeasureEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WsMeasure) checked = NULL;
  g_autofree char *note = NULL;
  GtkWindow *parent;
  WsMeasureStatus status;
  gboolean ok;

  g_return_val_if_fail (WS_IS_MEASURE_EDITOR (self), FALSE);

  status = chosen_status (self);
  collect_measure (self, self->measure);
  /* The fields are checked as they will be with the new status. */
  checked = ws_measure_copy (self->measure);
  ws_measure_set_status (checked, status);
  ws_database_check_measure (self->db, checked, problems);
  if (!show_problems (self, problems))
    return FALSE;

  note = ws_form_entry_text (self->change_note_row);
  if (self->is_new)
    {
      ws_measure_set_status (self->measure, status);
      ok = ws_database_save_measure (self->db, self->measure, &error);
    }
  else if (status != ws_measure_get_status (self->measure))
    ok = ws_database_change_measure_status (self->db, self->measure, status, note, &error);
  else
    ok = ws_database_save_measure (self->db, self->measure, &error);

  if (!ok)
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->measure);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    {
      /* Translators: %s is a protective measure */
      g_autofree char *message = g_strdup_printf (_("“%s” saved"),
                                                  ws_measure_type_get_label (ws_measure_get_measure_type (self->measure)));

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
