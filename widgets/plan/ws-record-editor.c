/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-record-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-plan.h"
#include "ws-record-editor.h"
#include "ws-text.h"

/* One editor for every record of a support plan. The caller describes
 * the fields (which property, which widget, which problem name); the
 * editor fills them from the record, writes them back, asks the data
 * layer's check function and shows each problem beside its field. The
 * record is saved only when nothing is wrong, and a failure of the store
 * is shown above the form, never dropped. */

typedef struct {
  const WsFieldSpec *spec;
  GtkWidget         *row;
  GtkWidget         *input;   /* the switch or spin button of a row, if any */
  GArray            *ids;     /* WS_FIELD_CHOICE over an int64 property */
  GStrv              codes;   /* WS_FIELD_CHOICE over a string property */
} Field;

struct _WsRecordEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *problem_label;
  AdwPreferencesGroup *fields_group;
  GtkLabel            *note_label;
  AdwPreferencesGroup *notes_group;
  GtkTextView         *notes_view;

  /* owned */
  WsDatabase          *db;
  GObject             *record;
  GArray              *fields;
  WsRecordCheckFunc    check;
  WsRecordSaveFunc     save;
};

G_DEFINE_FINAL_TYPE (WsRecordEditor, ws_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_clear (Field *field)
{
  g_clear_pointer (&field->ids, g_array_unref);
  g_clear_pointer (&field->codes, g_strfreev);
}

static GParamSpec *
find_pspec (WsRecordEditor *self,
            const char     *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->record), property);

  g_assert (pspec != NULL);
  return pspec;
}

/* Numbers, enums and booleans all pass through one gint64. */
static gint64
get_number (WsRecordEditor *self,
            const char     *property)
{
  GParamSpec *pspec = find_pspec (self, property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (self->record, property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_INT (&value))
    return g_value_get_int (&value);
  if (G_VALUE_HOLDS_UINT (&value))
    return g_value_get_uint (&value);
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);
  g_assert_not_reached ();
}

static void
set_number (WsRecordEditor *self,
            const char     *property,
            gint64          number)
{
  GParamSpec *pspec = find_pspec (self, property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  if (G_VALUE_HOLDS_ENUM (&value))
    g_value_set_enum (&value, (int) number);
  else if (G_VALUE_HOLDS_INT (&value))
    g_value_set_int (&value, (int) number);
  else if (G_VALUE_HOLDS_UINT (&value))
    g_value_set_uint (&value, (guint) MAX (number, 0));
  else if (G_VALUE_HOLDS_INT64 (&value))
    g_value_set_int64 (&value, number);
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    g_value_set_boolean (&value, number != 0);
  else
    g_assert_not_reached ();
  g_object_set_property (self->record, property, &value);
}

static char *
get_text (WsRecordEditor *self,
          const char     *property)
{
  char *text = NULL;

  g_object_get (self->record, property, &text, NULL);
  return text;
}

static void
field_changed_cb (WsRecordEditor *self,
                  GtkWidget      *row)
{
  ws_form_set_row_error (row, NULL);
}

static void
combo_changed_cb (WsRecordEditor *self,
                  GParamSpec     *pspec,
                  GtkWidget      *row)
{
  ws_form_set_row_error (row, NULL);
}

static GtkWidget *
entry_row (WsRecordEditor *self,
           const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
suffix_row (WsRecordEditor *self,
            Field          *field,
            GtkWidget      *input)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->spec->title);
  if (field->spec->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), field->spec->subtitle);
  gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
  field->input = input;
  return row;
}

static void
fill_enum (AdwComboRow       *row,
           const WsFieldSpec *spec)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = spec->first; i < spec->n_values; i++)
    gtk_string_list_append (model, spec->labels ((int) i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static GtkWidget *
build_row (WsRecordEditor *self,
           Field          *field)
{
  const WsFieldSpec *spec = field->spec;
  GtkWidget *row = NULL;

  switch (spec->kind)
    {
    case WS_FIELD_TEXT:
    case WS_FIELD_DATE:
    case WS_FIELD_MONEY:
      row = entry_row (self, spec->title);
      if (spec->kind == WS_FIELD_DATE)
        gtk_widget_set_tooltip_text (row, _("A date such as 2026-03-31"));
      break;
    case WS_FIELD_ENUM:
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->title);
      fill_enum (ADW_COMBO_ROW (row), spec);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_changed_cb), self, G_CONNECT_SWAPPED);
      break;
    case WS_FIELD_CHOICE:
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->title);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_changed_cb), self, G_CONNECT_SWAPPED);
      break;
    case WS_FIELD_SWITCH:
      row = suffix_row (self, field, gtk_switch_new ());
      break;
    case WS_FIELD_DAYS:
      row = suffix_row (self, field, gtk_spin_button_new_with_range (WS_REFLECTION_MIN_DAYS, WS_REFLECTION_MAX_DAYS, 1));
      break;
    case WS_FIELD_NOTES:
    default:
      break;
    }
  return row;
}

static void
fill_field (WsRecordEditor *self,
            Field          *field)
{
  const WsFieldSpec *spec = field->spec;
  g_autofree char *text = NULL;
  gint64 number;

  switch (spec->kind)
    {
    case WS_FIELD_TEXT:
    case WS_FIELD_DATE:
      text = get_text (self, spec->property);
      ws_form_set_entry_text (ADW_ENTRY_ROW (field->row), text);
      break;
    case WS_FIELD_NOTES:
      text = get_text (self, spec->property);
      ws_form_set_text_view (self->notes_view, text);
      break;
    case WS_FIELD_ENUM:
      number = get_number (self, spec->property);
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), number >= spec->first ? (guint) (number - spec->first) : 0);
      break;
    case WS_FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->input), get_number (self, spec->property) != 0);
      break;
    case WS_FIELD_DAYS:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->input), (double) get_number (self, spec->property));
      break;
    case WS_FIELD_MONEY:
      number = get_number (self, spec->property);
      if (number >= 0)
        {
          /* Without the currency: the entry takes the amount only. */
          text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", number / 100, (int) (number % 100));
          ws_form_set_entry_text (ADW_ENTRY_ROW (field->row), text);
        }
      break;
    case WS_FIELD_CHOICE:
    default:
      break;
    }
}

static void
collect_field (WsRecordEditor *self,
               Field          *field,
               GPtrArray      *problems)
{
  const WsFieldSpec *spec = field->spec;
  g_autofree char *text = NULL;
  guint selected;
  gint64 amount = 0;

  switch (spec->kind)
    {
    case WS_FIELD_TEXT:
    case WS_FIELD_DATE:
      text = ws_form_entry_text (ADW_ENTRY_ROW (field->row));
      g_object_set (self->record, spec->property,
                    spec->kind == WS_FIELD_DATE && *text == '\0' ? NULL : text, NULL);
      break;
    case WS_FIELD_NOTES:
      text = ws_form_text_view_text (self->notes_view);
      g_object_set (self->record, spec->property, text, NULL);
      break;
    case WS_FIELD_ENUM:
      set_number (self, spec->property, adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) + spec->first);
      break;
    case WS_FIELD_SWITCH:
      set_number (self, spec->property, gtk_switch_get_active (GTK_SWITCH (field->input)));
      break;
    case WS_FIELD_DAYS:
      set_number (self, spec->property, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->input)));
      break;
    case WS_FIELD_MONEY:
      text = ws_form_entry_text (ADW_ENTRY_ROW (field->row));
      if (*text == '\0')
        amount = spec->optional ? -1 : 0;
      else if (!ws_money_parse (text, &amount))
        ws_problems_add (problems, spec->problem, "%s", _("Enter an amount of zero or more, such as 12.50"));
      set_number (self, spec->property, amount);
      break;
    case WS_FIELD_CHOICE:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
      if (field->ids != NULL)
        set_number (self, spec->property,
                    selected < field->ids->len ? g_array_index (field->ids, gint64, selected) : 0);
      else if (field->codes != NULL)
        g_object_set (self->record, spec->property,
                      selected < g_strv_length (field->codes) && *field->codes[selected] != '\0'
                        ? field->codes[selected] : NULL, NULL);
      break;
    default:
      break;
    }
}

static gboolean
show_problems (WsRecordEditor *self,
               GPtrArray      *problems)
{
  g_autoptr(GString) others = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      const char *message = ws_problems_lookup (problems, field->spec->problem);

      if (field->row == NULL)
        continue;
      ws_form_set_row_error (field->row, message);
      if (message != NULL && first == NULL)
        first = field->row;
    }

  /* A problem no field shows (the record is gone, say) is still shown. */
  for (guint i = 0; i < problems->len; i++)
    {
      WsProblem *problem = g_ptr_array_index (problems, i);
      gboolean shown = FALSE;

      for (guint j = 0; j < self->fields->len && !shown; j++)
        {
          Field *field = &g_array_index (self->fields, Field, j);

          shown = field->row != NULL && g_strcmp0 (field->spec->problem, problem->field) == 0;
        }
      if (!shown)
        g_string_append_printf (others, "\n%s", problem->message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  if (problems->len > 0)
    {
      g_autofree char *text = g_strdup_printf ("%s%s", _("Please correct the marked fields. Nothing has been saved."),
                                               others->str);
      gtk_label_set_text (self->problem_label, text);
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return problems->len == 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ws_record_editor_save (WS_RECORD_EDITOR (widget));
}

static void
ws_record_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_RECORD_EDITOR);
  G_OBJECT_CLASS (ws_record_editor_parent_class)->dispose (object);
}

static void
ws_record_editor_finalize (GObject *object)
{
  WsRecordEditor *self = (WsRecordEditor *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->record);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (ws_record_editor_parent_class)->finalize (object);
}

static void
ws_record_editor_class_init (WsRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_record_editor_dispose;
  object_class->finalize = ws_record_editor_finalize;

  /**
   * WsRecordEditor::saved:
   * @record: the record as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/plan/ws-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WsRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsRecordEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WsRecordEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, WsRecordEditor, note_label);
  gtk_widget_class_bind_template_child (widget_class, WsRecordEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, WsRecordEditor, notes_view);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_record_editor_init (WsRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, (GDestroyNotify) field_clear);
}

/**
 * ws_record_editor_new:
 * @record: the record to edit; the editor writes into it (pass a copy
 *   when the original must stay as it was on cancel)
 * @fields: (array length=n_fields): the fields, kept by the editor (static)
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
WsRecordEditor *
ws_record_editor_new (GtkWindow          *parent,
                      WsDatabase         *db,
                      const char         *title,
                      const char         *subtitle,
                      gpointer            record,
                      const WsFieldSpec  *fields,
                      guint               n_fields,
                      WsRecordCheckFunc   check,
                      WsRecordSaveFunc    save)
{
  WsRecordEditor *self;
  GtkWidget *first = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  g_return_val_if_fail (check != NULL && save != NULL, NULL);

  self = g_object_new (WS_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->record = g_object_ref (record);
  self->check = check;
  self->save = save;
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_array_set_size (self->fields, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      field->spec = &fields[i];
      field->row = build_row (self, field);
      if (field->row != NULL)
        adw_preferences_group_add (self->fields_group, field->row);
      else
        {
          adw_preferences_group_set_title (self->notes_group, fields[i].title);
          gtk_widget_set_visible (GTK_WIDGET (self->notes_group), TRUE);
        }
      if (first == NULL && field->row != NULL)
        first = field->row;
      fill_field (self, field);
    }
  if (first != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), first);
  return self;
}

/**
 * ws_record_editor_set_choices:
 * @labels: what the user picks from
 * @ids: (nullable) (element-type gint64): for an int64 property, the id
 *   of each label (0 for "none")
 * @codes: (nullable): for a string property, the code of each label
 *   ("" for none)
 *
 * Fills a WS_FIELD_CHOICE field and selects the record's value. Takes
 * @labels, @ids and @codes.
 */
void
ws_record_editor_set_choices (WsRecordEditor *self,
                              const char     *property,
                              GStrv           labels,
                              GArray         *ids,
                              GStrv           codes)
{
  g_auto(GStrv) owned_labels = labels;
  g_autoptr(GtkStringList) model = NULL;
  guint selected = 0;

  g_return_if_fail (WS_IS_RECORD_EDITOR (self));
  g_return_if_fail ((ids == NULL) != (codes == NULL));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (field->spec->kind != WS_FIELD_CHOICE || g_strcmp0 (field->spec->property, property) != 0)
        continue;
      field_clear (field);
      field->ids = ids;
      field->codes = codes;
      if (ids != NULL)
        {
          gint64 current = get_number (self, property);

          for (guint j = 0; j < ids->len; j++)
            if (g_array_index (ids, gint64, j) == current)
              selected = j;
        }
      else
        {
          g_autofree char *current = get_text (self, property);

          for (guint j = 0; codes[j] != NULL; j++)
            if (g_strcmp0 (codes[j], current) == 0)
              selected = j;
        }
      model = gtk_string_list_new ((const char * const *) owned_labels);
      adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), selected);
      ws_form_set_row_error (field->row, NULL);
      return;
    }
  g_critical ("No choice field for property “%s”", property);
}

/**
 * ws_record_editor_set_note:
 * @warning: whether it is a warning the user must read (styled so)
 *
 * Shows a line of explanation above the fields.
 */
void
ws_record_editor_set_note (WsRecordEditor *self,
                           const char     *note,
                           gboolean        warning)
{
  g_return_if_fail (WS_IS_RECORD_EDITOR (self));

  gtk_label_set_text (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_label), "warning");
}

/**
 * ws_record_editor_get_field:
 *
 * Returns: (transfer none) (nullable): the row editing @property
 */
GtkWidget *
ws_record_editor_get_field (WsRecordEditor *self,
                            const char     *property)
{
  g_return_val_if_fail (WS_IS_RECORD_EDITOR (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (g_strcmp0 (field->spec->property, property) == 0)
        return field->row != NULL ? field->row : GTK_WIDGET (self->notes_view);
    }
  return NULL;
}

/**
 * ws_record_editor_get_record:
 *
 * Returns: (transfer none): the record being edited
 */
gpointer
ws_record_editor_get_record (WsRecordEditor *self)
{
  g_return_val_if_fail (WS_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

/**
 * ws_record_editor_save:
 *
 * Checks the form with the data layer and saves it; on success emits
 * #WsRecordEditor::saved and closes.
 *
 * Returns: %TRUE if the record was saved
 */
gboolean
ws_record_editor_save (WsRecordEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;

  g_return_val_if_fail (WS_IS_RECORD_EDITOR (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    collect_field (self, &g_array_index (self->fields, Field, i), problems);
  /* Even with an unreadable amount, every other field is checked too. */
  self->check (self->db, self->record, problems);
  if (!show_problems (self, problems))
    return FALSE;

  if (!self->save (self->db, self->record, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }

  /* As the other editors do: whoever shows records reloads. */
  ws_database_emit_changed (self->db);
  record = g_object_ref (self->record);
  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
