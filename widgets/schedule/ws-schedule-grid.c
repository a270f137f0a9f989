/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-schedule-grid"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-schedule-grid.h"
#include "ws-time.h"

/* A time line per row (a room, a site or an interpreter) across one day
 * or one week, in the viewer's zone. Sessions are buttons placed by
 * their instants, so they take focus, read out their label and open with
 * Enter; the empty space of a row can be clicked to book there. The grid
 * knows nothing of sessions: it places items it is given. */

#define HEADER_WIDTH  260
#define AXIS_HEIGHT    30
#define LANE_HEIGHT    56
#define ROW_PADDING     4
#define DAY_HOUR_WIDTH 84
#define WEEK_HOUR_WIDTH 24
#define MIN_BLOCK_WIDTH 28
#define MIN_WEEK_BLOCK_WIDTH 72

typedef struct {
  GtkWidget *button;
  GDateTime *starts_at;
  GDateTime *ends_at;
  GObject   *item;
  guint      lane;
} Block;

typedef struct {
  GtkWidget *header;
  GObject   *item;
  GPtrArray *blocks;  /* Block */
  guint      n_lanes;
} Row;

struct _WsScheduleGrid
{
  GtkWidget  parent_instance;

  /* owned */
  GDateTime *first_day;  /* midnight of the first day, in the viewer's zone */
  guint      n_days;
  int        first_hour;
  int        last_hour;
  GPtrArray *rows;       /* Row */
  GPtrArray *axis;       /* GtkWidget: hour or day labels */
};

G_DEFINE_FINAL_TYPE (WsScheduleGrid, ws_schedule_grid, GTK_TYPE_WIDGET)

enum {
  BLOCK_ACTIVATED,
  SLOT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->button, gtk_widget_unparent);
  g_clear_pointer (&block->starts_at, g_date_time_unref);
  g_clear_pointer (&block->ends_at, g_date_time_unref);
  g_clear_object (&block->item);
  g_free (block);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->blocks, g_ptr_array_unref);
  g_clear_pointer (&row->header, gtk_widget_unparent);
  g_clear_object (&row->item);
  g_free (row);
}

static double
hour_width (WsScheduleGrid *self)
{
  return self->n_days > 1 ? WEEK_HOUR_WIDTH : DAY_HOUR_WIDTH;
}

static double
day_width (WsScheduleGrid *self)
{
  return (self->last_hour - self->first_hour) * hour_width (self);
}

static int
row_height (Row *row)
{
  return MAX (row->n_lanes, 1) * LANE_HEIGHT + 2 * ROW_PADDING;
}

/* Days from the first shown day to @instant's day, both in the viewer's zone. */
static int
day_index (WsScheduleGrid *self,
           GDateTime      *local)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (self->first_day),
                  g_date_time_get_month (self->first_day), g_date_time_get_year (self->first_day));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return (int) g_date_get_julian (&b) - (int) g_date_get_julian (&a);
}

static double
x_of (WsScheduleGrid *self,
      GDateTime      *instant,
      int             clamp_day)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, g_date_time_get_timezone (self->first_day));
  int day = day_index (self, local);
  double hours = g_date_time_get_hour (local) + g_date_time_get_minute (local) / 60.0;

  if (clamp_day >= 0 && day > clamp_day)
    {
      day = clamp_day;
      hours = self->last_hour;
    }
  if (day < 0)
    return HEADER_WIDTH;
  if (day >= (int) self->n_days)
    return HEADER_WIDTH + self->n_days * day_width (self);
  hours = CLAMP (hours, self->first_hour, self->last_hour);
  return HEADER_WIDTH + day * day_width (self) + (hours - self->first_hour) * hour_width (self);
}

static void
block_clicked_cb (GtkButton      *button,
                  WsScheduleGrid *self)
{
  g_signal_emit (self, signals[BLOCK_ACTIVATED], 0, g_object_get_data (G_OBJECT (button), "ws-item"));
}

static void
rebuild_axis (WsScheduleGrid *self)
{
  g_ptr_array_set_size (self->axis, 0);
  if (self->first_day == NULL)
    return;

  if (self->n_days == 1)
    for (int h = self->first_hour; h < self->last_hour; h++)
      {
        g_autoptr(GDateTime) at = g_date_time_add_hours (self->first_day, h);
        g_autofree char *text = g_date_time_format (at, "%H:%M");
        GtkWidget *label = gtk_label_new (text);

        gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "caption");
        gtk_widget_set_parent (label, GTK_WIDGET (self));
        g_ptr_array_add (self->axis, label);
      }
  else
    for (guint d = 0; d < self->n_days; d++)
      {
        g_autoptr(GDateTime) at = g_date_time_add_days (self->first_day, d);
        /* Translators: a day heading of the week view, e.g. "Mon 23" */
        g_autofree char *text = g_date_time_format (at, _("%a %e"));
        GtkWidget *label = gtk_label_new (text);

        gtk_widget_add_css_class (label, "heading");
        gtk_widget_set_parent (label, GTK_WIDGET (self));
        g_ptr_array_add (self->axis, label);
      }
}

static void
axis_label_free (gpointer label)
{
  gtk_widget_unparent (label);
}

/* Shows the working part of the day: 08:00–18:00, widened to take in
 * every session shown. */
static void
fit_hours (WsScheduleGrid *self)
{
  int first = 8, last = 18;
  GTimeZone *tz = g_date_time_get_timezone (self->first_day);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      for (guint b = 0; b < row->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (row->blocks, b);
          g_autoptr(GDateTime) s = g_date_time_to_timezone (block->starts_at, tz);
          g_autoptr(GDateTime) e = g_date_time_to_timezone (block->ends_at, tz);
          int end_hour = g_date_time_get_hour (e) + (g_date_time_get_minute (e) > 0 ? 1 : 0);

          first = MIN (first, g_date_time_get_hour (s));
          if (day_index (self, e) == day_index (self, s))
            last = MAX (last, end_hour);
          else
            last = 24;
        }
    }
  if (first != self->first_hour || last != self->last_hour)
    {
      self->first_hour = first;
      self->last_hour = last;
      rebuild_axis (self);
    }
}

static void
ws_schedule_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  WsScheduleGrid *self = WS_SCHEDULE_GRID (widget);
  int size;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    size = HEADER_WIDTH + (int) (self->n_days * day_width (self)) + 1;
  else
    {
      size = AXIS_HEIGHT;
      for (guint r = 0; r < self->rows->len; r++)
        size += row_height (g_ptr_array_index (self->rows, r));
    }
  *minimum = *natural = size;
}

static void
ws_schedule_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  WsScheduleGrid *self = WS_SCHEDULE_GRID (widget);
  int y = AXIS_HEIGHT;
  double unit = self->n_days == 1 ? hour_width (self) : day_width (self);

  for (guint i = 0; i < self->axis->len; i++)
    gtk_widget_size_allocate (g_ptr_array_index (self->axis, i),
                              &(GtkAllocation) { HEADER_WIDTH + (int) (i * unit) + 4, 0, (int) unit - 4, AXIS_HEIGHT }, -1);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      int h = row_height (row);

      gtk_widget_size_allocate (row->header, &(GtkAllocation) { 12, y, HEADER_WIDTH - 20, h }, -1);
      for (guint b = 0; b < row->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (row->blocks, b);
          double x0 = x_of (self, block->starts_at, -1);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (block->starts_at, g_date_time_get_timezone (self->first_day));
          double x1 = x_of (self, block->ends_at, day_index (self, local));
          int w = MAX ((int) (x1 - x0) - 2, self->n_days > 1 ? MIN_WEEK_BLOCK_WIDTH : MIN_BLOCK_WIDTH);

          gtk_widget_size_allocate (block->button,
                                    &(GtkAllocation) { (int) x0 + 1, y + ROW_PADDING + (int) block->lane * LANE_HEIGHT,
                                                       w, LANE_HEIGHT - 4 }, -1);
        }
      y += h;
    }
}

static void
ws_schedule_grid_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  WsScheduleGrid *self = WS_SCHEDULE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, line, strong, stripe, now_color = { 0.88f, 0.11f, 0.14f, 0.9f };
  int y = AXIS_HEIGHT;
  int hours = self->last_hour - self->first_hour;
  g_autoptr(GDateTime) now = ws_time_now ();
  double now_x;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  line = fg;
  line.alpha = 0.08f;
  strong = fg;
  strong.alpha = 0.25f;
  stripe = fg;
  stripe.alpha = 0.03f;

  for (guint r = 0; r < self->rows->len; r++)
    {
      int h = row_height (g_ptr_array_index (self->rows, r));

      if (r % 2 == 1)
        gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (0, y, width, h));
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, y + h - 1, width, 1));
      y += h;
    }

  for (guint d = 0; self->first_day != NULL && d < self->n_days; d++)
    for (int i = 0; i <= hours; i++)
      {
        double x = HEADER_WIDTH + d * day_width (self) + i * hour_width (self);
        gboolean day_edge = i == 0 || i == hours;

        if (self->n_days > 1 && !day_edge && i % 2 == 1)
          continue;
        gtk_snapshot_append_color (snapshot, day_edge ? &strong : &line,
                                   &GRAPHENE_RECT_INIT (x, day_edge ? 0 : AXIS_HEIGHT - 6, 1, height));
      }
  gtk_snapshot_append_color (snapshot, &strong, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, width, 1));

  /* Where "now" falls, when it is on the page. */
  if (self->first_day != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (now, g_date_time_get_timezone (self->first_day));
      int day = day_index (self, local);
      double hour = g_date_time_get_hour (local) + g_date_time_get_minute (local) / 60.0;

      if (day >= 0 && day < (int) self->n_days && hour >= self->first_hour && hour <= self->last_hour)
        {
          now_x = x_of (self, now, -1);
          gtk_snapshot_append_color (snapshot, &now_color, &GRAPHENE_RECT_INIT (now_x, AXIS_HEIGHT - 6, 2, height));
        }
    }

  GTK_WIDGET_CLASS (ws_schedule_grid_parent_class)->snapshot (widget, snapshot);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             WsScheduleGrid  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  g_autoptr(GDateTime) at = NULL;
  int row;

  if (picked != GTK_WIDGET (self))
    return;
  row = ws_schedule_grid_row_at (self, y);
  at = ws_schedule_grid_time_at (self, x);
  if (row < 0 || at == NULL)
    return;
  g_signal_emit (self, signals[SLOT_ACTIVATED], 0,
                 ws_schedule_grid_get_row_item (self, (guint) row), at);
}

static void
ws_schedule_grid_dispose (GObject *object)
{
  WsScheduleGrid *self = WS_SCHEDULE_GRID (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->axis, g_ptr_array_unref);
  G_OBJECT_CLASS (ws_schedule_grid_parent_class)->dispose (object);
}

static void
ws_schedule_grid_finalize (GObject *object)
{
  WsScheduleGrid *self = WS_SCHEDULE_GRID (object);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  G_OBJECT_CLASS (ws_schedule_grid_parent_class)->finalize (object);
}

static void
ws_schedule_grid_class_init (WsScheduleGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_schedule_grid_dispose;
  object_class->finalize = ws_schedule_grid_finalize;
  widget_class->measure = ws_schedule_grid_measure;
  widget_class->size_allocate = ws_schedule_grid_size_allocate;
  widget_class->snapshot = ws_schedule_grid_snapshot;

  /**
   * WsScheduleGrid::block-activated:
   * @item: the item given with the block
   */
  signals[BLOCK_ACTIVATED] = g_signal_new ("block-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /**
   * WsScheduleGrid::slot-activated:
   * @row_item: the item of the row clicked
   * @starts_at: the time clicked, rounded down to the half hour
   */
  signals[SLOT_ACTIVATED] = g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_DATE_TIME);

  gtk_widget_class_set_css_name (widget_class, "schedulegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ws_schedule_grid_init (WsScheduleGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->axis = g_ptr_array_new_with_free_func (axis_label_free);
  self->n_days = 1;
  self->first_hour = 8;
  self->last_hour = 18;
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ws_schedule_grid_new (void)
{
  return g_object_new (WS_TYPE_SCHEDULE_GRID, NULL);
}

/**
 * ws_schedule_grid_set_range:
 * @first_day: midnight of the first day shown, in the viewer's zone
 * @n_days: 1 for a day, 7 for a week
 */
void
ws_schedule_grid_set_range (WsScheduleGrid *self,
                            GDateTime      *first_day,
                            guint           n_days)
{
  g_return_if_fail (WS_IS_SCHEDULE_GRID (self));
  g_return_if_fail (first_day != NULL && n_days > 0);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_date_time_ref (first_day);
  self->n_days = n_days;
  rebuild_axis (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ws_schedule_grid_clear (WsScheduleGrid *self)
{
  g_return_if_fail (WS_IS_SCHEDULE_GRID (self));

  g_ptr_array_set_size (self->rows, 0);
  /* Back to the working day; the sessions added next widen it again. */
  self->first_hour = 8;
  self->last_hour = 18;
  rebuild_axis (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * ws_schedule_grid_add_row:
 * @item: (nullable): what the row stands for, given back by signals
 *
 * Returns: the index of the new row
 */
guint
ws_schedule_grid_add_row (WsScheduleGrid *self,
                          const char     *title,
                          const char     *subtitle,
                          gpointer        item)
{
  Row *row;
  GtkWidget *box, *label;

  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), 0);

  row = g_new0 (Row, 1);
  row->blocks = g_ptr_array_new_with_free_func (block_free);
  row->item = item != NULL ? g_object_ref (item) : NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  /* Long site names ("Bangkok — Partner shelter video room") keep two lines. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_tooltip_text (box, title);
  row->header = box;
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  g_ptr_array_add (self->rows, row);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return self->rows->len - 1;
}

/* Overlapping blocks of one row go into lanes one above the other, so a
 * double booking shows as two blocks, not one hidden under the other. */
static guint
free_lane (Row       *row,
           GDateTime *starts_at,
           GDateTime *ends_at)
{
  for (guint lane = 0; ; lane++)
    {
      gboolean taken = FALSE;

      for (guint b = 0; b < row->blocks->len && !taken; b++)
        {
          Block *other = g_ptr_array_index (row->blocks, b);

          taken = other->lane == lane && g_date_time_compare (other->starts_at, ends_at) < 0 &&
                  g_date_time_compare (starts_at, other->ends_at) < 0;
        }
      if (!taken)
        return lane;
    }
}

/**
 * ws_schedule_grid_add_block:
 * @detail: (nullable): a second line, e.g. the times
 * @css_class: (nullable): a style class such as "cancelled"
 * @item: what the block stands for, given back by ::block-activated
 *
 * Returns: (transfer none): the button showing the block
 */
GtkWidget *
ws_schedule_grid_add_block (WsScheduleGrid *self,
                            guint           row_index,
                            GDateTime      *starts_at,
                            GDateTime      *ends_at,
                            const char     *title,
                            const char     *detail,
                            const char     *tooltip,
                            const char     *css_class,
                            gpointer        item)
{
  Row *row;
  Block *block;
  GtkWidget *box, *label;

  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), NULL);
  g_return_val_if_fail (row_index < self->rows->len, NULL);
  g_return_val_if_fail (self->first_day != NULL, NULL);

  row = g_ptr_array_index (self->rows, row_index);
  block = g_new0 (Block, 1);
  block->starts_at = g_date_time_ref (starts_at);
  block->ends_at = g_date_time_ref (ends_at);
  block->item = item != NULL ? g_object_ref (item) : NULL;
  block->lane = free_lane (row, starts_at, ends_at);
  row->n_lanes = MAX (row->n_lanes, block->lane + 1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "block-title");
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      label = gtk_label_new (detail);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  block->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (block->button), box);
  gtk_widget_add_css_class (block->button, "schedule-block");
  if (css_class != NULL)
    gtk_widget_add_css_class (block->button, css_class);
  gtk_widget_set_tooltip_text (block->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (block->button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (block->button), "ws-item", block->item);
  g_signal_connect_object (block->button, "clicked", G_CALLBACK (block_clicked_cb), self, 0);
  gtk_widget_set_parent (block->button, GTK_WIDGET (self));
  g_ptr_array_add (row->blocks, block);

  fit_hours (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return block->button;
}

guint
ws_schedule_grid_get_n_rows (WsScheduleGrid *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), 0);
  return self->rows->len;
}

/**
 * ws_schedule_grid_get_row_item:
 *
 * Returns: (transfer none) (nullable): the item of row @row
 */
gpointer
ws_schedule_grid_get_row_item (WsScheduleGrid *self,
                               guint           row)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return ((Row *) g_ptr_array_index (self->rows, row))->item;
}

guint
ws_schedule_grid_get_n_blocks (WsScheduleGrid *self,
                               guint           row)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return ((Row *) g_ptr_array_index (self->rows, row))->blocks->len;
}

static Block *
get_block (WsScheduleGrid *self,
           guint           row,
           guint           index)
{
  Row *r;

  g_return_val_if_fail (row < self->rows->len, NULL);
  r = g_ptr_array_index (self->rows, row);
  g_return_val_if_fail (index < r->blocks->len, NULL);
  return g_ptr_array_index (r->blocks, index);
}

/**
 * ws_schedule_grid_get_block_item:
 *
 * Returns: (transfer none) (nullable): the item of a block
 */
gpointer
ws_schedule_grid_get_block_item (WsScheduleGrid *self,
                                 guint           row,
                                 guint           index)
{
  Block *block;

  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), NULL);
  block = get_block (self, row, index);
  return block != NULL ? block->item : NULL;
}

/**
 * ws_schedule_grid_get_block_widget:
 *
 * Returns: (transfer none) (nullable): the button of a block
 */
GtkWidget *
ws_schedule_grid_get_block_widget (WsScheduleGrid *self,
                                   guint           row,
                                   guint           index)
{
  Block *block;

  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), NULL);
  block = get_block (self, row, index);
  return block != NULL ? block->button : NULL;
}

/**
 * ws_schedule_grid_time_at:
 *
 * Returns: (transfer full) (nullable): the time under @x, rounded down to
 *   the half hour (the hour in a week), or %NULL outside the days shown
 */
GDateTime *
ws_schedule_grid_time_at (WsScheduleGrid *self,
                          double          x)
{
  int day, minutes, step;
  double in_day;
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), NULL);

  if (self->first_day == NULL || x < HEADER_WIDTH)
    return NULL;
  day = (int) ((x - HEADER_WIDTH) / day_width (self));
  if (day >= (int) self->n_days)
    return NULL;
  in_day = x - HEADER_WIDTH - day * day_width (self);
  step = self->n_days == 1 ? 30 : 60;
  minutes = self->first_hour * 60 + (int) (in_day / hour_width (self) * 60);
  minutes -= minutes % step;
  midnight = g_date_time_add_days (self->first_day, day);
  return g_date_time_new (g_date_time_get_timezone (midnight), g_date_time_get_year (midnight),
                          g_date_time_get_month (midnight), g_date_time_get_day_of_month (midnight),
                          minutes / 60, minutes % 60, 0);
}

/**
 * ws_schedule_grid_row_at:
 *
 * Returns: the row under @y, or -1
 */
int
ws_schedule_grid_row_at (WsScheduleGrid *self,
                         double          y)
{
  int top = AXIS_HEIGHT;

  g_return_val_if_fail (WS_IS_SCHEDULE_GRID (self), -1);

  for (guint r = 0; r < self->rows->len; r++)
    {
      int h = row_height (g_ptr_array_index (self->rows, r));

      if (y >= top && y < top + h)
        return (int) r;
      top += h;
    }
  return -1;
}
