/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-hearing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-hearing.h"
#include "ws-measure-private.h"
#include "ws-text.h"
#include "ws-time.h"

const char *
ws_hearing_kind_get_label (WsHearingKind kind)
{
  switch (kind)
    {
    case WS_HEARING_KIND_PRELIMINARY: return _("Preliminary hearing");
    case WS_HEARING_KIND_TRIAL: return _("Trial hearing");
    case WS_HEARING_KIND_SENTENCING: return _("Sentencing hearing");
    case WS_HEARING_KIND_APPEAL: return _("Appeal hearing");
    case WS_HEARING_KIND_OTHER:
    default: return _("Hearing");
    }
}

const char *
ws_hearing_period_get_label (WsHearingPeriod period)
{
  switch (period)
    {
    case WS_HEARING_PERIOD_NEXT_7_DAYS: return _("Next 7 days");
    case WS_HEARING_PERIOD_NEXT_30_DAYS: return _("Next 30 days");
    case WS_HEARING_PERIOD_NEXT_90_DAYS: return _("Next 90 days");
    case WS_HEARING_PERIOD_UPCOMING: return _("All upcoming");
    case WS_HEARING_PERIOD_PAST:
    default: return _("Past");
    }
}

/**
 * ws_hearing_period_get_range:
 * @now: the instant periods count from
 * @from: (out) (transfer full) (nullable): hearings starting at or after this
 * @to: (out) (transfer full) (nullable): hearings starting before this
 *
 * The bounds of @period for ws_database_list_hearings(); %NULL where the
 * period is open. A hearing under way (started, not yet ended) is past.
 */
void
ws_hearing_period_get_range (WsHearingPeriod   period,
                             GDateTime        *now,
                             GDateTime       **from,
                             GDateTime       **to)
{
  static const int days[] = { 7, 30, 90 };

  g_return_if_fail (now != NULL && from != NULL && to != NULL);

  *from = NULL;
  *to = NULL;
  if (period == WS_HEARING_PERIOD_PAST)
    {
      *to = g_date_time_ref (now);
      return;
    }
  *from = g_date_time_ref (now);
  if ((guint) period < G_N_ELEMENTS (days))
    *to = g_date_time_add_days (now, days[period]);
}

/* A count per readiness; a hearing or witness is ready when nothing is
 * undecided and nothing granted is left unarranged. */
static gboolean
counts_ready (const guint *counts)
{
  return counts[WS_READINESS_UNDECIDED] == 0 && counts[WS_READINESS_GRANTED_NOT_ARRANGED] == 0;
}

/* ------------------------------------------------------------------ */
/* WsHearing                                                           */

struct _WsHearing
{
  GObject        parent_instance;

  gint64         id;
  gint64         case_id;
  gint64         site_id;
  char          *case_reference;
  char          *court;
  char          *court_room;
  char          *prosecutor;
  WsHearingKind  kind;
  GDateTime     *starts_at;
  GDateTime     *ends_at;
  char          *zone;
  char          *notes;
  guint          n_witnesses;
  guint          counts[WS_N_READINESS];
};

G_DEFINE_FINAL_TYPE (WsHearing, ws_hearing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_REFERENCE,
  PROP_COURT,
  PROP_COURT_ROOM,
  PROP_PROSECUTOR,
  PROP_KIND,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_ZONE,
  PROP_N_WITNESSES,
  PROP_N_UNDECIDED,
  PROP_N_NOT_ARRANGED,
  PROP_N_ARRANGED,
  PROP_N_REFUSED,
  PROP_READY,
  PROP_APPLICATIONS_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ws_hearing_finalize (GObject *object)
{
  WsHearing *self = (WsHearing *)object;

  g_free (self->case_reference);
  g_free (self->court);
  g_free (self->court_room);
  g_free (self->prosecutor);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_free (self->zone);
  g_free (self->notes);

  G_OBJECT_CLASS (ws_hearing_parent_class)->finalize (object);
}

static void
ws_hearing_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WsHearing *self = WS_HEARING (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CASE_REFERENCE: g_value_set_string (value, self->case_reference); break;
    case PROP_COURT: g_value_set_string (value, self->court); break;
    case PROP_COURT_ROOM: g_value_set_string (value, self->court_room); break;
    case PROP_PROSECUTOR: g_value_set_string (value, self->prosecutor); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_STARTS_AT: g_value_set_boxed (value, self->starts_at); break;
    case PROP_ENDS_AT: g_value_set_boxed (value, self->ends_at); break;
    case PROP_ZONE: g_value_set_string (value, self->zone); break;
    case PROP_N_WITNESSES: g_value_set_uint (value, self->n_witnesses); break;
    case PROP_N_UNDECIDED: g_value_set_uint (value, self->counts[WS_READINESS_UNDECIDED]); break;
    case PROP_N_NOT_ARRANGED: g_value_set_uint (value, self->counts[WS_READINESS_GRANTED_NOT_ARRANGED]); break;
    case PROP_N_ARRANGED: g_value_set_uint (value, self->counts[WS_READINESS_ARRANGED]); break;
    case PROP_N_REFUSED: g_value_set_uint (value, self->counts[WS_READINESS_REFUSED]); break;
    case PROP_READY: g_value_set_boolean (value, counts_ready (self->counts)); break;
    case PROP_APPLICATIONS_DUE:
      g_value_take_boxed (value, ws_hearing_dup_applications_due (self, WS_HEARING_APPLICATIONS_DUE_DAYS));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_hearing_class_init (WsHearingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_hearing_finalize;
  object_class->get_property = ws_hearing_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CASE_REFERENCE] = g_param_spec_string ("case-reference", NULL, NULL, NULL, ro);
  properties[PROP_COURT] = g_param_spec_string ("court", NULL, NULL, NULL, ro);
  properties[PROP_COURT_ROOM] = g_param_spec_string ("court-room", NULL, NULL, NULL, ro);
  properties[PROP_PROSECUTOR] = g_param_spec_string ("prosecutor", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, WS_TYPE_HEARING_KIND, WS_HEARING_KIND_TRIAL, ro);
  properties[PROP_STARTS_AT] = g_param_spec_boxed ("starts-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ENDS_AT] = g_param_spec_boxed ("ends-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ZONE] = g_param_spec_string ("zone", NULL, NULL, NULL, ro);
  properties[PROP_N_WITNESSES] = g_param_spec_uint ("n-witnesses", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_UNDECIDED] = g_param_spec_uint ("n-undecided", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_NOT_ARRANGED] = g_param_spec_uint ("n-not-arranged", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ARRANGED] = g_param_spec_uint ("n-arranged", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_REFUSED] = g_param_spec_uint ("n-refused", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, TRUE, ro);
  properties[PROP_APPLICATIONS_DUE] = g_param_spec_boxed ("applications-due", NULL, NULL, G_TYPE_DATE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ws_hearing_init (WsHearing *self)
{
  self->kind = WS_HEARING_KIND_TRIAL;
}

/**
 * ws_hearing_new:
 *
 * A hearing not yet saved (id 0), for ws_database_save_hearing().
 */
WsHearing *
ws_hearing_new (void)
{
  return g_object_new (WS_TYPE_HEARING, NULL);
}

gint64
ws_hearing_get_site_id (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), 0);
  return self->site_id;
}

void
ws_hearing_set_case_id (WsHearing *self,
                        gint64     case_id)
{
  g_return_if_fail (WS_IS_HEARING (self));
  self->case_id = case_id;
}

/* 0 for no court room. */
void
ws_hearing_set_site_id (WsHearing *self,
                        gint64     site_id)
{
  g_return_if_fail (WS_IS_HEARING (self));
  self->site_id = site_id;
}

void
ws_hearing_set_kind (WsHearing     *self,
                     WsHearingKind  kind)
{
  g_return_if_fail (WS_IS_HEARING (self));
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
set_instant (GDateTime **slot,
             GDateTime  *instant)
{
  GDateTime *utc = instant != NULL ? g_date_time_to_utc (instant) : NULL;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = utc;
}

/* (nullable): a missing instant is reported by the check. */
void
ws_hearing_set_starts_at (WsHearing *self,
                          GDateTime *starts_at)
{
  g_return_if_fail (WS_IS_HEARING (self));
  set_instant (&self->starts_at, starts_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_AT]);
}

void
ws_hearing_set_ends_at (WsHearing *self,
                        GDateTime *ends_at)
{
  g_return_if_fail (WS_IS_HEARING (self));
  set_instant (&self->ends_at, ends_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_AT]);
}

void
ws_hearing_set_zone (WsHearing  *self,
                     const char *zone)
{
  g_return_if_fail (WS_IS_HEARING (self));
  g_free (self->zone);
  self->zone = g_strdup (zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

void
ws_hearing_set_notes (WsHearing  *self,
                      const char *notes)
{
  g_return_if_fail (WS_IS_HEARING (self));
  g_free (self->notes);
  self->notes = g_strdup (notes);
}

gint64
ws_hearing_get_id (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), 0);
  return self->id;
}

gint64
ws_hearing_get_case_id (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), 0);
  return self->case_id;
}

const char *
ws_hearing_get_case_reference (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->case_reference;
}

const char *
ws_hearing_get_court (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->court;
}

/**
 * ws_hearing_get_court_room:
 *
 * Returns: (nullable): the court room's name, %NULL when none is booked
 */
const char *
ws_hearing_get_court_room (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->court_room;
}

const char *
ws_hearing_get_prosecutor (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->prosecutor;
}

WsHearingKind
ws_hearing_get_kind (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), WS_HEARING_KIND_OTHER);
  return self->kind;
}

/**
 * ws_hearing_get_starts_at:
 *
 * Returns: (transfer none): the start, in UTC; see ws_hearing_get_zone()
 */
GDateTime *
ws_hearing_get_starts_at (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->starts_at;
}

/**
 * ws_hearing_get_ends_at:
 *
 * Returns: (transfer none): the end, in UTC
 */
GDateTime *
ws_hearing_get_ends_at (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->ends_at;
}

/**
 * ws_hearing_get_zone:
 *
 * Returns: the IANA zone of the court, where the hearing happens
 */
const char *
ws_hearing_get_zone (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->zone;
}

static GDateTime *
in_zone (GDateTime  *instant,
         const char *zone)
{
  g_autoptr(GTimeZone) tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  return g_date_time_to_timezone (instant, tz);
}

/**
 * ws_hearing_dup_local_start:
 *
 * Returns: (transfer full): the start in the court's own zone
 */
GDateTime *
ws_hearing_dup_local_start (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return in_zone (self->starts_at, self->zone);
}

const char *
ws_hearing_get_notes (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), NULL);
  return self->notes;
}

/**
 * ws_hearing_get_n_witnesses:
 *
 * Returns: how many people are parties to the hearing's case
 */
guint
ws_hearing_get_n_witnesses (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), 0);
  return self->n_witnesses;
}

/**
 * ws_hearing_get_count:
 *
 * Returns: how many of the measures that apply at the hearing (its own
 *   and the case's whole-proceedings ones) have @readiness
 */
guint
ws_hearing_get_count (WsHearing   *self,
                      WsReadiness  readiness)
{
  g_return_val_if_fail (WS_IS_HEARING (self), 0);
  g_return_val_if_fail ((guint) readiness < WS_N_READINESS, 0);
  return self->counts[readiness];
}

/**
 * ws_hearing_is_ready:
 *
 * Returns: %TRUE when no measure is undecided or granted but not arranged
 */
gboolean
ws_hearing_is_ready (WsHearing *self)
{
  g_return_val_if_fail (WS_IS_HEARING (self), FALSE);
  return counts_ready (self->counts);
}

/**
 * ws_hearing_dup_applications_due:
 * @days_before: how many days before the hearing applications are due,
 *   e.g. %WS_HEARING_APPLICATIONS_DUE_DAYS
 *
 * Returns: (transfer full): the last day to apply for measures, counted
 *   in the court's zone
 */
GDate *
ws_hearing_dup_applications_due (WsHearing *self,
                                 guint      days_before)
{
  g_autoptr(GDateTime) local = NULL;
  GDate *date;

  g_return_val_if_fail (WS_IS_HEARING (self), NULL);

  local = ws_hearing_dup_local_start (self);
  date = g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                         g_date_time_get_year (local));
  g_date_subtract_days (date, days_before);
  return date;
}

/* ------------------------------------------------------------------ */
/* WsHearingWitness                                                    */

struct _WsHearingWitness
{
  GObject     parent_instance;

  gint64      person_id;
  char       *pseudonym;
  char       *label;
  GListStore *measures;
  GPtrArray  *screenings;
  guint       counts[WS_N_READINESS];
};

G_DEFINE_FINAL_TYPE (WsHearingWitness, ws_hearing_witness, G_TYPE_OBJECT)

enum {
  WITNESS_PROP_0,
  WITNESS_PROP_PSEUDONYM,
  WITNESS_PROP_LABEL,
  WITNESS_PROP_MEASURES,
  WITNESS_PROP_READY,
  WITNESS_N_PROPS
};

static GParamSpec *witness_properties[WITNESS_N_PROPS];

static void
ws_hearing_witness_finalize (GObject *object)
{
  WsHearingWitness *self = (WsHearingWitness *)object;

  g_free (self->pseudonym);
  g_free (self->label);
  g_clear_object (&self->measures);
  g_clear_pointer (&self->screenings, g_ptr_array_unref);

  G_OBJECT_CLASS (ws_hearing_witness_parent_class)->finalize (object);
}

static void
ws_hearing_witness_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WsHearingWitness *self = WS_HEARING_WITNESS (object);

  switch (prop_id)
    {
    case WITNESS_PROP_PSEUDONYM: g_value_set_string (value, self->pseudonym); break;
    case WITNESS_PROP_LABEL: g_value_set_string (value, self->label); break;
    case WITNESS_PROP_MEASURES: g_value_set_object (value, self->measures); break;
    case WITNESS_PROP_READY: g_value_set_boolean (value, counts_ready (self->counts)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_hearing_witness_class_init (WsHearingWitnessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_hearing_witness_finalize;
  object_class->get_property = ws_hearing_witness_get_property;

  witness_properties[WITNESS_PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, ro);
  witness_properties[WITNESS_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  witness_properties[WITNESS_PROP_MEASURES] = g_param_spec_object ("measures", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  witness_properties[WITNESS_PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, TRUE, ro);
  g_object_class_install_properties (object_class, WITNESS_N_PROPS, witness_properties);
}

static void
ws_hearing_witness_init (WsHearingWitness *self)
{
  self->measures = g_list_store_new (WS_TYPE_MEASURE);
  self->screenings = g_ptr_array_new_with_free_func (g_object_unref);
}

static WsHearingWitness *
hearing_witness_new (gint64      person_id,
                     const char *pseudonym,
                     const char *label)
{
  WsHearingWitness *self = g_object_new (WS_TYPE_HEARING_WITNESS, NULL);

  self->person_id = person_id;
  self->pseudonym = g_strdup (pseudonym);
  self->label = g_strdup (label != NULL ? label : "");
  return self;
}

static void
hearing_witness_add_measure (WsHearingWitness *self,
                             WsMeasure        *measure)
{
  g_list_store_append (self->measures, measure);
  self->counts[ws_measure_get_readiness (measure)]++;
}

/**
 * ws_hearing_witness_get_person_id:
 *
 * Returns: the witness, or 0 for the entry holding the measures for
 *   every witness of the case
 */
gint64
ws_hearing_witness_get_person_id (WsHearingWitness *self)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), 0);
  return self->person_id;
}

/**
 * ws_hearing_witness_get_pseudonym:
 *
 * Returns: (nullable): the pseudonym, %NULL for the whole-case entry
 */
const char *
ws_hearing_witness_get_pseudonym (WsHearingWitness *self)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), NULL);
  return self->pseudonym;
}

/**
 * ws_hearing_witness_get_label:
 *
 * Returns: the label in the case ("Witness A"), or "" if the witness has
 *   a measure in the case but is no longer a party to it
 */
const char *
ws_hearing_witness_get_label (WsHearingWitness *self)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), NULL);
  return self->label;
}

/**
 * ws_hearing_witness_get_measures:
 *
 * Returns: (transfer none): the #WsMeasure list that applies at the hearing
 */
GListModel *
ws_hearing_witness_get_measures (WsHearingWitness *self)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), NULL);
  return G_LIST_MODEL (self->measures);
}

/**
 * ws_hearing_witness_get_screenings:
 *
 * Returns: (transfer none) (element-type WsScreening): whom the witness
 *   must not meet in this case
 */
GPtrArray *
ws_hearing_witness_get_screenings (WsHearingWitness *self)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), NULL);
  return self->screenings;
}

guint
ws_hearing_witness_get_count (WsHearingWitness *self,
                              WsReadiness       readiness)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), 0);
  g_return_val_if_fail ((guint) readiness < WS_N_READINESS, 0);
  return self->counts[readiness];
}

gboolean
ws_hearing_witness_is_ready (WsHearingWitness *self)
{
  g_return_val_if_fail (WS_IS_HEARING_WITNESS (self), FALSE);
  return counts_ready (self->counts);
}

/* ------------------------------------------------------------------ */
/* Listing                                                             */

typedef struct {
  char   *from;
  char   *to;
  char   *court;
  char   *prosecutor;
  gint64  id;
  gint64  case_id;
} Filter;

static void
filter_free (Filter *filter)
{
  g_free (filter->from);
  g_free (filter->to);
  g_free (filter->court);
  g_free (filter->prosecutor);
  g_free (filter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Filter, filter_free)

static Filter *
filter_new (GDateTime  *from,
            GDateTime  *to,
            const char *court,
            const char *prosecutor,
            gint64      id)
{
  Filter *filter = g_new0 (Filter, 1);

  filter->from = from != NULL ? ws_time_format_instant (from) : NULL;
  filter->to = to != NULL ? ws_time_format_instant (to) : NULL;
  filter->court = g_strdup (court);
  filter->prosecutor = g_strdup (prosecutor);
  filter->id = id;
  return filter;
}

/* Only the conditions in use are written, so the start index serves. */
static char *
filter_where (const Filter *filter)
{
  GString *where = g_string_new (" WHERE 1");

  if (filter->from != NULL)
    g_string_append (where, " AND h.starts_at >= :from");
  if (filter->to != NULL)
    g_string_append (where, " AND h.starts_at < :to");
  if (filter->court != NULL)
    g_string_append (where, " AND c.court = :court COLLATE NOCASE");
  if (filter->prosecutor != NULL)
    g_string_append (where, " AND c.prosecutor = :prosecutor COLLATE NOCASE");
  if (filter->id > 0)
    g_string_append (where, " AND h.id = :id");
  if (filter->case_id > 0)
    g_string_append (where, " AND h.case_id = :case_id");
  return g_string_free (where, FALSE);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    _ws_bind_text (stmt, index, value);
}

static void
filter_bind (const Filter *filter,
             sqlite3_stmt *stmt)
{
  int index = sqlite3_bind_parameter_index (stmt, ":id");
  int case_index = sqlite3_bind_parameter_index (stmt, ":case_id");

  bind_named (stmt, ":from", filter->from);
  bind_named (stmt, ":to", filter->to);
  bind_named (stmt, ":court", filter->court);
  bind_named (stmt, ":prosecutor", filter->prosecutor);
  if (index > 0)
    sqlite3_bind_int64 (stmt, index, filter->id);
  if (case_index > 0)
    sqlite3_bind_int64 (stmt, case_index, filter->case_id);
}

static const char *
column (sqlite3_stmt *stmt,
        int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

static WsHearing *
hearing_from_row (sqlite3_stmt *stmt)
{
  WsHearing *self = g_object_new (WS_TYPE_HEARING, NULL);
  int kind = WS_HEARING_KIND_OTHER;

  ws_enum_from_nick (WS_TYPE_HEARING_KIND, column (stmt, 6), &kind);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->case_id = sqlite3_column_int64 (stmt, 1);
  self->case_reference = g_strdup (column (stmt, 2));
  self->court = g_strdup (column (stmt, 3));
  self->court_room = g_strdup (column (stmt, 4));
  self->prosecutor = g_strdup (column (stmt, 5));
  self->kind = kind;
  self->starts_at = ws_time_parse_instant (column (stmt, 7));
  self->ends_at = ws_time_parse_instant (column (stmt, 8));
  /* A malformed imported instant must not leave a NULL the views trip on. */
  if (self->starts_at == NULL)
    self->starts_at = g_date_time_new_from_unix_utc (0);
  if (self->ends_at == NULL)
    self->ends_at = g_date_time_ref (self->starts_at);
  self->zone = g_strdup (column (stmt, 9));
  self->notes = g_strdup (column (stmt, 10));
  self->n_witnesses = sqlite3_column_int (stmt, 11);
  self->site_id = sqlite3_column_int64 (stmt, 12);
  return self;
}

static gboolean
read_hearings (WsDatabase    *db,
               const Filter  *filter,
               const char    *where,
               GPtrArray     *hearings,
               GHashTable    *by_id,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT h.id, h.case_id, c.reference, c.court, s.name, c.prosecutor, h.kind,"
                                      " h.starts_at, h.ends_at, h.zone, h.notes,"
                                      " (SELECT count(*) FROM case_party cp WHERE cp.case_id = h.case_id),"
                                      " h.site_id"
                                      " FROM hearing h JOIN court_case c ON c.id = h.case_id"
                                      " LEFT JOIN site s ON s.id = h.site_id", where,
                                      " ORDER BY h.starts_at, h.id", NULL);
  int rc;

  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  filter_bind (filter, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WsHearing *hearing = hearing_from_row (stmt);

      g_ptr_array_add (hearings, hearing);
      g_hash_table_insert (by_id, &hearing->id, hearing);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the hearings"));
      return FALSE;
    }
  return TRUE;
}

/* One query for every hearing at once: the measures that apply at each
 * (its own and its case's whole-proceedings ones), each judged against
 * that hearing. Counted here rather than with GROUP BY, which would
 * evaluate the readiness expression twice per row. */
static gboolean
count_readiness (WsDatabase    *db,
                 const Filter  *filter,
                 const char    *where,
                 GHashTable    *by_id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT m.hid, ", _ws_measure_readiness_sql (), " FROM"
                                      " (SELECT mm.*, h.id AS th, h.id AS hid FROM hearing h"
                                      " JOIN court_case c ON c.id = h.case_id"
                                      " JOIN measure mm ON mm.case_id = h.case_id"
                                      " AND (mm.hearing_id = h.id OR mm.hearing_id IS NULL)", where,
                                      ") m", NULL);
  int rc;

  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  filter_bind (filter, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint readiness = sqlite3_column_int (stmt, 1);
      WsHearing *hearing = g_hash_table_lookup (by_id, &id);

      if (hearing != NULL && readiness < WS_N_READINESS)
        hearing->counts[readiness]++;
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the readiness of hearings"));
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
query_hearings (WsDatabase    *db,
                const Filter  *filter,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *where = filter_where (filter);
  gboolean ok;

  _ws_database_lock (db);
  ok = read_hearings (db, filter, where, hearings, by_id, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       count_readiness (db, filter, where, by_id, error);
  _ws_database_unlock (db);

  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&hearings);
}

/**
 * ws_database_list_hearings:
 * @from: (nullable): hearings starting at or after this instant
 * @to: (nullable): hearings starting before this instant
 * @court: (nullable): only the cases of this court (ignoring case)
 * @prosecutor: (nullable): only the cases of this prosecutor (ignoring case)
 *
 * Lists hearings by start with the readiness of the measures that apply
 * at each, counted in a few set-based queries.
 *
 * Returns: (transfer container) (element-type WsHearing): the hearings
 */
GPtrArray *
ws_database_list_hearings (WsDatabase    *db,
                           GDateTime     *from,
                           GDateTime     *to,
                           const char    *court,
                           const char    *prosecutor,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(Filter) filter = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;

  filter = filter_new (from, to, court, prosecutor, 0);
  return query_hearings (db, filter, cancellable, error);
}

static void
list_hearings_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *hearings = query_hearings (source, task_data, cancellable, &error);

  if (hearings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hearings, (GDestroyNotify) g_ptr_array_unref);
}

void
ws_database_list_hearings_async (WsDatabase          *db,
                                 GDateTime           *from,
                                 GDateTime           *to,
                                 const char          *court,
                                 const char          *prosecutor,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WS_IS_DATABASE (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ws_database_list_hearings_async);
  g_task_set_task_data (task, filter_new (from, to, court, prosecutor, 0), (GDestroyNotify) filter_free);
  g_task_run_in_thread (task, list_hearings_thread);
}

/**
 * ws_database_list_hearings_finish:
 *
 * Returns: (transfer container) (element-type WsHearing): the hearings
 */
GPtrArray *
ws_database_list_hearings_finish (WsDatabase    *db,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ws_database_get_hearing:
 *
 * Returns: (transfer full): the hearing with its readiness, or %NULL
 *   with @error set
 */
WsHearing *
ws_database_get_hearing (WsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(Filter) filter = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;

  filter = filter_new (NULL, NULL, NULL, NULL, MAX (id, 1));
  found = id > 0 ? query_hearings (db, filter, NULL, error) : g_ptr_array_new ();
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no such hearing; it may have been deleted"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
read_parties (WsDatabase  *db,
              gint64       case_id,
              GPtrArray   *witnesses,
              GHashTable  *by_person,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_ERROR;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT cp.person_id, p.pseudonym, cp.label FROM case_party cp"
                                   " JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ?"
                                   " ORDER BY cp.label COLLATE NOCASE, cp.id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, case_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          WsHearingWitness *witness = hearing_witness_new (sqlite3_column_int64 (stmt, 0), column (stmt, 1),
                                                           column (stmt, 2));

          g_ptr_array_add (witnesses, witness);
          g_hash_table_insert (by_person, &witness->person_id, witness);
        }
      if (rc != SQLITE_DONE)
        _ws_database_set_error (db, error, _("Reading the witnesses of a case"));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return rc == SQLITE_DONE;
}

/* A measure for someone who is no longer a party still shows, with the
 * pseudonym it was recorded for; measures for every witness come first. */
static WsHearingWitness *
witness_for (GPtrArray  *witnesses,
             GHashTable *by_person,
             WsMeasure  *measure)
{
  gint64 person_id = ws_measure_get_person_id (measure);
  WsHearingWitness *witness = g_hash_table_lookup (by_person, &person_id);

  if (witness != NULL)
    return witness;
  witness = person_id == 0 ? hearing_witness_new (0, NULL, _("Every witness"))
                           : hearing_witness_new (person_id, ws_measure_get_pseudonym (measure), "");
  if (person_id == 0)
    g_ptr_array_insert (witnesses, 0, witness);
  else
    g_ptr_array_add (witnesses, witness);
  g_hash_table_insert (by_person, &witness->person_id, witness);
  return witness;
}

/**
 * ws_database_list_hearing_witnesses:
 *
 * The hearing's witnesses (the parties to its case) with the measures
 * that apply at the hearing and whom each must not meet. Measures for
 * every witness of the case come first, in an entry with person id 0.
 *
 * Returns: (transfer container) (element-type WsHearingWitness): the witnesses
 */
GPtrArray *
ws_database_list_hearing_witnesses (WsDatabase  *db,
                                    gint64       hearing_id,
                                    GError     **error)
{
  g_autoptr(GPtrArray) witnesses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(WsHearing) hearing = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) screenings = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;

  hearing = ws_database_get_hearing (db, hearing_id, error);
  if (hearing == NULL || !read_parties (db, hearing->case_id, witnesses, by_person, error))
    return NULL;
  measures = ws_database_list_measures_of_hearing (db, hearing_id, error);
  if (measures == NULL)
    return NULL;
  screenings = ws_database_list_screenings (db, 0, hearing->case_id, error);
  if (screenings == NULL)
    return NULL;

  for (guint i = 0; i < measures->len; i++)
    hearing_witness_add_measure (witness_for (witnesses, by_person, g_ptr_array_index (measures, i)),
                                 g_ptr_array_index (measures, i));
  for (guint i = 0; i < screenings->len; i++)
    {
      WsScreening *screening = g_ptr_array_index (screenings, i);
      gint64 person_id = ws_screening_get_person_id (screening);
      WsHearingWitness *witness = g_hash_table_lookup (by_person, &person_id);

      if (witness != NULL)
        g_ptr_array_add (witness->screenings, g_object_ref (screening));
    }
  return g_steal_pointer (&witnesses);
}

/**
 * ws_database_list_hearings_of_case:
 *
 * Returns: (transfer container) (element-type WsHearing): the case's
 *   hearings, past and future, by start
 */
GPtrArray *
ws_database_list_hearings_of_case (WsDatabase  *db,
                                   gint64       case_id,
                                   GError     **error)
{
  g_autoptr(Filter) filter = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id > 0, NULL);

  filter = filter_new (NULL, NULL, NULL, NULL, 0);
  filter->case_id = case_id;
  return query_hearings (db, filter, NULL, error);
}

/* Distinct non-empty values of one column of the cases that have
 * hearings, sorted without regard to case. */
static GStrv
list_case_values (WsDatabase  *db,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  int rc = SQLITE_ERROR;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_strv_builder_add (values, column (stmt, 0));
      if (rc != SQLITE_DONE)
        _ws_database_set_error (db, error, _("Reading the courts and prosecutors of hearings"));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return rc == SQLITE_DONE ? g_strv_builder_end (values) : NULL;
}

/**
 * ws_database_list_hearing_courts:
 *
 * Returns: (transfer full): every court that has a hearing, for a filter
 */
GStrv
ws_database_list_hearing_courts (WsDatabase  *db,
                                 GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return list_case_values (db, "SELECT min (c.court) FROM court_case c WHERE trim (c.court) <> ''"
                               " AND EXISTS (SELECT 1 FROM hearing h WHERE h.case_id = c.id)"
                               " GROUP BY c.court COLLATE NOCASE ORDER BY 1 COLLATE NOCASE", error);
}

/**
 * ws_database_list_hearing_prosecutors:
 *
 * Returns: (transfer full): every prosecutor of a case with a hearing
 */
GStrv
ws_database_list_hearing_prosecutors (WsDatabase  *db,
                                      GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return list_case_values (db, "SELECT min (c.prosecutor) FROM court_case c WHERE trim (c.prosecutor) <> ''"
                               " AND EXISTS (SELECT 1 FROM hearing h WHERE h.case_id = c.id)"
                               " GROUP BY c.prosecutor COLLATE NOCASE ORDER BY 1 COLLATE NOCASE", error);
}

/* ------------------------------------------------------------------ */
/* Editing                                                             */

static gboolean
row_exists (WsDatabase *db,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return found;
}

static gboolean
zone_is_known (const char *zone)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (zone == NULL || *zone == '\0')
    return FALSE;
  if (g_str_equal (zone, "UTC"))
    return TRUE;
  tz = g_time_zone_new_identifier (zone);
  return tz != NULL;
}

/**
 * ws_database_check_hearing:
 * @problems: (element-type WsProblem): where to add what is wrong, by
 *   field: "case", "court-room", "starts-at", "ends-at", "zone"
 */
void
ws_database_check_hearing (WsDatabase *db,
                           WsHearing  *hearing,
                           GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_HEARING (hearing));
  g_return_if_fail (problems != NULL);

  if (hearing->case_id <= 0)
    ws_problems_add (problems, "case", "%s", _("Choose the case the hearing belongs to"));
  else if (!row_exists (db, "SELECT 1 FROM court_case WHERE id = ?", hearing->case_id))
    ws_problems_add (problems, "case", "%s", _("This case no longer exists; it may have been deleted"));

  if (hearing->site_id > 0 &&
      !row_exists (db, "SELECT 1 FROM site WHERE id = ? AND kind = 'court-room'", hearing->site_id))
    ws_problems_add (problems, "court-room", "%s", _("Choose a court room from the directory"));

  if (hearing->starts_at == NULL)
    ws_problems_add (problems, "starts-at", "%s", _("Enter when the hearing starts"));
  if (hearing->ends_at == NULL)
    ws_problems_add (problems, "ends-at", "%s", _("Enter when the hearing ends"));
  else if (hearing->starts_at != NULL)
    {
      GTimeSpan length = g_date_time_difference (hearing->ends_at, hearing->starts_at);

      if (length <= 0)
        ws_problems_add (problems, "ends-at", "%s", _("The hearing must end after it starts"));
      else if (length > WS_HEARING_MAX_DAYS * G_TIME_SPAN_DAY)
        ws_problems_add (problems, "ends-at", _("A hearing lasts at most %d days; enter each sitting of a longer trial as its own hearing"),
                         WS_HEARING_MAX_DAYS);
    }

  if (!zone_is_known (hearing->zone))
    ws_problems_add (problems, "zone", "%s", _("Enter a time zone such as Europe/Vienna"));
}

static gboolean
write_hearing_row (WsDatabase  *db,
                   WsHearing   *hearing,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *starts = ws_time_format_instant (hearing->starts_at);
  g_autofree char *ends = ws_time_format_instant (hearing->ends_at);
  g_autofree char *notes = g_strstrip (g_strdup (hearing->notes != NULL ? hearing->notes : ""));
  gboolean is_new = hearing->id == 0;

  stmt = _ws_database_prepare (db, is_new
    ? "INSERT INTO hearing (case_id, site_id, kind, starts_at, ends_at, zone, notes)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    : "UPDATE hearing SET case_id = ?1, site_id = ?2, kind = ?3, starts_at = ?4, ends_at = ?5,"
      " zone = ?6, notes = ?7 WHERE id = ?8", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearing->case_id);
  if (hearing->site_id > 0)
    sqlite3_bind_int64 (stmt, 2, hearing->site_id);
  else
    sqlite3_bind_null (stmt, 2);
  _ws_bind_text (stmt, 3, ws_enum_to_nick (WS_TYPE_HEARING_KIND, hearing->kind));
  _ws_bind_text (stmt, 4, starts);
  _ws_bind_text (stmt, 5, ends);
  _ws_bind_text (stmt, 6, hearing->zone);
  _ws_bind_text (stmt, 7, notes);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 8, hearing->id);
  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  if (!is_new && sqlite3_changes (_ws_database_get_handle (db)) == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("This hearing was deleted meanwhile; nothing was saved"));
      return FALSE;
    }
  if (is_new)
    hearing->id = _ws_database_last_insert_id (db);
  g_free (hearing->notes);
  hearing->notes = g_steal_pointer (&notes);
  return TRUE;
}

/**
 * ws_database_save_hearing:
 *
 * Creates @hearing (its id is set) or updates it, with a line in the
 * change history, in one transaction. Needs EDIT_CASES. Emits nothing:
 * the caller calls ws_database_emit_changed().
 */
gboolean
ws_database_save_hearing (WsDatabase  *db,
                          WsHearing   *hearing,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  gint64 old_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_HEARING (hearing), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;

  ws_database_check_hearing (db, hearing, problems);
  if (problems->len > 0)
    {
      WsProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID, first->message);
      return FALSE;
    }

  old_id = hearing->id;
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!write_hearing_row (db, hearing, error) ||
      !_ws_database_record_change (db, "hearing", hearing->id, old_id == 0 ? "created" : "edited", error))
    {
      _ws_database_rollback (db);
      hearing->id = old_id;
      return FALSE;
    }
  return _ws_database_commit (db, error);
}

/**
 * ws_database_count_hearing_dependents:
 * @n_sessions: (out) (optional): video-link sessions booked for the hearing
 * @n_measures: (out) (optional): measures that apply to this hearing only
 *
 * What deleting the hearing deletes with it.
 */
gboolean
ws_database_count_hearing_dependents (WsDatabase  *db,
                                      gint64       id,
                                      guint       *n_sessions,
                                      guint       *n_measures,
                                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT (SELECT count(*) FROM session WHERE hearing_id = ?1),"
                                   " (SELECT count(*) FROM measure WHERE hearing_id = ?1)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (n_sessions != NULL)
            *n_sessions = sqlite3_column_int (stmt, 0);
          if (n_measures != NULL)
            *n_measures = sqlite3_column_int (stmt, 1);
          ok = TRUE;
        }
      else
        _ws_database_set_error (db, error, _("Counting what belongs to the hearing"));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return ok;
}

/**
 * ws_database_delete_hearing:
 *
 * Deletes a hearing with its video-link sessions and the measures that
 * apply to it alone; the case's whole-proceedings measures stay.
 */
gboolean
ws_database_delete_hearing (WsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM hearing WHERE id = ?", id, "hearing",
                                  _("There is no such hearing; it may have been deleted"), error);
}
