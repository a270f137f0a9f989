/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-plan"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ws-enums.h"
#include "ws-plan-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* ------------------------------------------------------------------ */
/* Records: a GObject whose fields are described by a table            */

typedef enum {
  K_STRING,   /* free text; NULL reads as "" */
  K_DATE,     /* 'YYYY-MM-DD' or NULL */
  K_ID,       /* a row id, 0 = none */
  K_INT,      /* a number */
  K_BOOL,
  K_ENUM,
  K_INSTANT,  /* GDateTime, stored as an ISO-8601 'Z' string */
} Kind;

typedef struct {
  const char *name;
  Kind        kind;
  GType     (*enum_type) (void);
  gint64      initial;
} FieldSpec;

typedef union {
  char      *s;
  gint64     i;
  GDateTime *t;
} Value;

typedef struct {
  const FieldSpec *fields;
  guint            n_fields;
  GParamSpec     **props;  /* n_fields + 1, index 0 unused */
} RecordInfo;

/* Every record type's instance struct is laid out like this. */
typedef struct {
  GObject parent_instance;
  Value   v[];
} Record;

#define RECORD(o) ((Record *) (o))

static GQuark record_info_quark;

static const RecordInfo *
record_info (gpointer record)
{
  return g_type_get_qdata (G_OBJECT_TYPE (record), record_info_quark);
}

static void
record_init (Record           *self,
             const RecordInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    switch (info->fields[i].kind)
      {
      case K_STRING: case K_DATE: self->v[i].s = NULL; break;
      case K_INSTANT: self->v[i].t = NULL; break;
      case K_ID: case K_INT: case K_BOOL: case K_ENUM: default:
        self->v[i].i = info->fields[i].initial;
        break;
      }
}

static void
record_clear (Record           *self,
              const RecordInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].kind == K_STRING || info->fields[i].kind == K_DATE)
      g_clear_pointer (&self->v[i].s, g_free);
    else if (info->fields[i].kind == K_INSTANT)
      g_clear_pointer (&self->v[i].t, g_date_time_unref);
}

static void
record_get (Record           *self,
            const RecordInfo *info,
            guint             i,
            GValue           *value)
{
  switch (info->fields[i].kind)
    {
    case K_STRING: g_value_set_string (value, self->v[i].s != NULL ? self->v[i].s : ""); break;
    case K_DATE: g_value_set_string (value, self->v[i].s); break;
    case K_INSTANT: g_value_set_boxed (value, self->v[i].t); break;
    case K_BOOL: g_value_set_boolean (value, self->v[i].i != 0); break;
    case K_ENUM: g_value_set_enum (value, (int) self->v[i].i); break;
    case K_ID: case K_INT: default: g_value_set_int64 (value, self->v[i].i); break;
    }
}

/* Empty text is stored as NULL for dates, so "not set" has one form. */
static gboolean
record_store_string (Record     *self,
                     Kind        kind,
                     guint       i,
                     const char *value)
{
  g_autofree char *copy = NULL;

  if (kind == K_DATE)
    {
      copy = ws_text_strip_dup (value);
      if (copy != NULL && *copy == '\0')
        g_clear_pointer (&copy, g_free);
    }
  else
    copy = g_strdup (value);
  if (g_strcmp0 (copy, self->v[i].s) == 0 ||
      (kind == K_STRING && (copy == NULL || *copy == '\0') && (self->v[i].s == NULL || *self->v[i].s == '\0')))
    return FALSE;
  g_free (self->v[i].s);
  self->v[i].s = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
record_store_int (Record *self,
                  guint   i,
                  gint64  value)
{
  if (self->v[i].i == value)
    return FALSE;
  self->v[i].i = value;
  return TRUE;
}

static gboolean
record_store_instant (Record    *self,
                      guint      i,
                      GDateTime *value)
{
  if (self->v[i].t == value || (self->v[i].t != NULL && value != NULL && g_date_time_equal (self->v[i].t, value)))
    return FALSE;
  g_clear_pointer (&self->v[i].t, g_date_time_unref);
  self->v[i].t = value != NULL ? g_date_time_to_utc (value) : NULL;
  return TRUE;
}

static gboolean
record_set (Record           *self,
            const RecordInfo *info,
            guint             i,
            const GValue     *value)
{
  switch (info->fields[i].kind)
    {
    case K_STRING: case K_DATE:
      return record_store_string (self, info->fields[i].kind, i, g_value_get_string (value));
    case K_INSTANT: return record_store_instant (self, i, g_value_get_boxed (value));
    case K_BOOL: return record_store_int (self, i, g_value_get_boolean (value) ? 1 : 0);
    case K_ENUM: return record_store_int (self, i, g_value_get_enum (value));
    case K_ID: case K_INT: default: return record_store_int (self, i, g_value_get_int64 (value));
    }
}

static void
record_notify (gpointer record,
               guint    field)
{
  g_object_notify_by_pspec (G_OBJECT (record), record_info (record)->props[field + 1]);
}

static void
record_install (GObjectClass *klass,
                RecordInfo   *info)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  if (record_info_quark == 0)
    record_info_quark = g_quark_from_static_string ("ws-record-info");
  info->props = g_new0 (GParamSpec *, info->n_fields + 1);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const FieldSpec *f = &info->fields[i];
      GParamSpec *spec;

      switch (f->kind)
        {
        case K_STRING: case K_DATE: spec = g_param_spec_string (f->name, NULL, NULL, NULL, flags); break;
        case K_INSTANT: spec = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_DATE_TIME, flags); break;
        case K_BOOL: spec = g_param_spec_boolean (f->name, NULL, NULL, f->initial != 0, flags); break;
        case K_ENUM: spec = g_param_spec_enum (f->name, NULL, NULL, f->enum_type (), (int) f->initial, flags); break;
        case K_ID: case K_INT: default:
          spec = g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, f->initial, flags);
          break;
        }
      info->props[i + 1] = spec;
    }
  g_object_class_install_properties (klass, info->n_fields + 1, info->props);
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), record_info_quark, info);
}

/* One record type: its field table, instance struct and GObject glue. */
#define DEFINE_RECORD(TN, t_n, N, ...)                                         \
  struct _##TN { GObject parent_instance; Value v[N]; };                       \
  static const FieldSpec t_n##_fields[N] = { __VA_ARGS__ };                    \
  static RecordInfo t_n##_info = { t_n##_fields, N, NULL };                   \
  G_DEFINE_FINAL_TYPE (TN, t_n, G_TYPE_OBJECT)                                 \
  static void t_n##_finalize (GObject *object)                                 \
  {                                                                            \
    record_clear (RECORD (object), &t_n##_info);                               \
    G_OBJECT_CLASS (t_n##_parent_class)->finalize (object);                    \
  }                                                                            \
  static void t_n##_get_property (GObject *object, guint prop_id,              \
                                  GValue *value, GParamSpec *pspec)            \
  {                                                                            \
    record_get (RECORD (object), &t_n##_info, prop_id - 1, value);             \
  }                                                                            \
  static void t_n##_set_property (GObject *object, guint prop_id,              \
                                  const GValue *value, GParamSpec *pspec)      \
  {                                                                            \
    if (record_set (RECORD (object), &t_n##_info, prop_id - 1, value))         \
      g_object_notify_by_pspec (object, pspec);                                \
  }                                                                            \
  static void t_n##_class_init (TN##Class *klass)                              \
  {                                                                            \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                       \
    object_class->finalize = t_n##_finalize;                                   \
    object_class->get_property = t_n##_get_property;                           \
    object_class->set_property = t_n##_set_property;                           \
    record_install (object_class, &t_n##_info);                                \
  }                                                                            \
  static void t_n##_init (TN *self)                                            \
  {                                                                            \
    record_init (RECORD (self), &t_n##_info);                                  \
  }

#define F_STR(n)         { n, K_STRING, NULL, 0 }
#define F_DATE(n)        { n, K_DATE, NULL, 0 }
#define F_ID(n)          { n, K_ID, NULL, 0 }
#define F_INT(n, d)      { n, K_INT, NULL, d }
#define F_BOOL(n, d)     { n, K_BOOL, NULL, d }
#define F_ENUM(n, t, d)  { n, K_ENUM, t, d }
#define F_INSTANT(n)     { n, K_INSTANT, NULL, 0 }

/* Accessors. The type check keeps the contract of public functions. */
#define IS_A(self, t_n) G_TYPE_CHECK_INSTANCE_TYPE ((self), t_n##_get_type ())

#define GET_STRING(TN, t_n, name, F)                                           \
  const char *t_n##_get_##name (TN *self)                                      \
  {                                                                            \
    g_return_val_if_fail (IS_A (self, t_n), NULL);                             \
    return _ws_record_get_string (self, F);                                    \
  }
#define SET_STRING(TN, t_n, name, F)                                           \
  void t_n##_set_##name (TN *self, const char *value)                          \
  {                                                                            \
    g_return_if_fail (IS_A (self, t_n));                                       \
    _ws_record_set_string (self, F, value);                                    \
  }
#define GET_INT(TN, t_n, name, F, R)                                           \
  R t_n##_get_##name (TN *self)                                                \
  {                                                                            \
    g_return_val_if_fail (IS_A (self, t_n), (R) 0);                            \
    return (R) _ws_record_get_int (self, F);                                   \
  }
#define SET_INT(TN, t_n, name, F, R)                                           \
  void t_n##_set_##name (TN *self, R value)                                    \
  {                                                                            \
    g_return_if_fail (IS_A (self, t_n));                                       \
    _ws_record_set_int (self, F, (gint64) value);                              \
  }
#define STRING_FIELD(TN, t_n, name, F) GET_STRING (TN, t_n, name, F) SET_STRING (TN, t_n, name, F)
#define INT_FIELD(TN, t_n, name, F, R) GET_INT (TN, t_n, name, F, R) SET_INT (TN, t_n, name, F, R)

gpointer
_ws_record_new (GType type)
{
  return g_object_new (type, NULL);
}

const char *
_ws_record_get_string (gpointer record,
                       guint    field)
{
  const RecordInfo *info = record_info (record);

  g_assert (field < info->n_fields);
  if (info->fields[field].kind == K_STRING)
    return RECORD (record)->v[field].s != NULL ? RECORD (record)->v[field].s : "";
  g_assert (info->fields[field].kind == K_DATE);
  return RECORD (record)->v[field].s;
}

void
_ws_record_set_string (gpointer    record,
                       guint       field,
                       const char *value)
{
  const RecordInfo *info = record_info (record);

  g_assert (field < info->n_fields);
  g_assert (info->fields[field].kind == K_STRING || info->fields[field].kind == K_DATE);
  if (record_store_string (RECORD (record), info->fields[field].kind, field, value))
    record_notify (record, field);
}

gint64
_ws_record_get_int (gpointer record,
                    guint    field)
{
  g_assert (field < record_info (record)->n_fields);
  return RECORD (record)->v[field].i;
}

void
_ws_record_set_int (gpointer record,
                    guint    field,
                    gint64   value)
{
  const RecordInfo *info = record_info (record);

  g_assert (field < info->n_fields);
  g_assert (info->fields[field].kind != K_STRING && info->fields[field].kind != K_DATE &&
            info->fields[field].kind != K_INSTANT);
  if (record_store_int (RECORD (record), field, value))
    record_notify (record, field);
}

static GDateTime *
record_get_instant (gpointer record,
                    guint    field)
{
  g_assert (record_info (record)->fields[field].kind == K_INSTANT);
  return RECORD (record)->v[field].t;
}

gpointer
_ws_record_from_row (GType         type,
                     sqlite3_stmt *stmt)
{
  gpointer record = g_object_new (type, NULL);
  const RecordInfo *info = record_info (record);
  Record *self = RECORD (record);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, (int) i);
      int value = 0;

      switch (info->fields[i].kind)
        {
        case K_STRING: case K_DATE:
          self->v[i].s = g_strdup (text);
          break;
        case K_INSTANT:
          self->v[i].t = text != NULL ? ws_time_parse_instant (text) : NULL;
          break;
        case K_ENUM:
          if (ws_enum_from_nick (info->fields[i].enum_type (), text, &value))
            self->v[i].i = value;
          break;
        case K_ID: case K_INT: case K_BOOL: default:
          self->v[i].i = sqlite3_column_type (stmt, (int) i) == SQLITE_NULL
                         ? info->fields[i].initial : sqlite3_column_int64 (stmt, (int) i);
          break;
        }
    }
  return record;
}

void
_ws_record_bind (gpointer      record,
                 guint         field,
                 sqlite3_stmt *stmt,
                 int           index)
{
  const RecordInfo *info = record_info (record);
  Record *self = RECORD (record);
  g_autofree char *instant = NULL;

  g_assert (field < info->n_fields);
  switch (info->fields[field].kind)
    {
    case K_STRING:
      sqlite3_bind_text (stmt, index, self->v[field].s != NULL ? self->v[field].s : "", -1, SQLITE_TRANSIENT);
      break;
    case K_DATE:
      if (self->v[field].s != NULL)
        sqlite3_bind_text (stmt, index, self->v[field].s, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case K_INSTANT:
      instant = self->v[field].t != NULL ? ws_time_format_instant (self->v[field].t) : NULL;
      if (instant != NULL)
        sqlite3_bind_text (stmt, index, instant, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case K_ENUM:
      sqlite3_bind_text (stmt, index, ws_enum_to_nick (info->fields[field].enum_type (), (int) self->v[field].i),
                         -1, SQLITE_STATIC);
      break;
    case K_ID:
      if (self->v[field].i > 0)
        sqlite3_bind_int64 (stmt, index, self->v[field].i);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case K_INT:
      /* A field whose "none" is -1 is stored as NULL. */
      if (info->fields[field].initial == -1 && self->v[field].i < 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, self->v[field].i);
      break;
    case K_BOOL: default:
      sqlite3_bind_int64 (stmt, index, self->v[field].i);
      break;
    }
}

gpointer
_ws_record_copy (gpointer record)
{
  const RecordInfo *info = record_info (record);
  Record *copy = g_object_new (G_OBJECT_TYPE (record), NULL);
  Record *self = RECORD (record);

  for (guint i = 0; i < info->n_fields; i++)
    switch (info->fields[i].kind)
      {
      case K_STRING: case K_DATE: copy->v[i].s = g_strdup (self->v[i].s); break;
      case K_INSTANT: copy->v[i].t = self->v[i].t != NULL ? g_date_time_ref (self->v[i].t) : NULL; break;
      case K_ID: case K_INT: case K_BOOL: case K_ENUM: default: copy->v[i].i = self->v[i].i; break;
      }
  return copy;
}

/* Every field of @src into @dst, notifying what changed: a saved record
 * picks up what the database filled in (ids, names of linked rows). */
void
_ws_record_update_from (gpointer dst,
                        gpointer src)
{
  const RecordInfo *info = record_info (dst);
  Record *from = RECORD (src);

  g_assert (G_OBJECT_TYPE (dst) == G_OBJECT_TYPE (src));
  g_object_freeze_notify (G_OBJECT (dst));
  for (guint i = 0; i < info->n_fields; i++)
    {
      gboolean changed;

      switch (info->fields[i].kind)
        {
        case K_STRING: case K_DATE:
          changed = record_store_string (RECORD (dst), info->fields[i].kind, i, from->v[i].s);
          break;
        case K_INSTANT:
          changed = record_store_instant (RECORD (dst), i, from->v[i].t);
          break;
        case K_ID: case K_INT: case K_BOOL: case K_ENUM: default:
          changed = record_store_int (RECORD (dst), i, from->v[i].i);
          break;
        }
      if (changed)
        record_notify (dst, i);
    }
  g_object_thaw_notify (G_OBJECT (dst));
}

static gboolean
record_field_equal (Record *a,
                    Record *b,
                    Kind    kind,
                    guint   i)
{
  switch (kind)
    {
    case K_STRING: return g_strcmp0 (a->v[i].s != NULL ? a->v[i].s : "", b->v[i].s != NULL ? b->v[i].s : "") == 0;
    case K_DATE: return g_strcmp0 (a->v[i].s, b->v[i].s) == 0;
    case K_INSTANT:
      return a->v[i].t == b->v[i].t || (a->v[i].t != NULL && b->v[i].t != NULL && g_date_time_equal (a->v[i].t, b->v[i].t));
    case K_ID: case K_INT: case K_BOOL: case K_ENUM: default: return a->v[i].i == b->v[i].i;
    }
}

/* Names only: change history must not copy health or shelter details. */
char *
_ws_record_diff (gpointer before,
                 gpointer after)
{
  const RecordInfo *info = record_info (after);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (after));
  for (guint i = 0; i < info->n_fields; i++)
    if (!record_field_equal (RECORD (before), RECORD (after), info->fields[i].kind, i))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", info->fields[i].name);
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* ------------------------------------------------------------------ */
/* Enumerations                                                        */

const char *
ws_item_status_get_label (WsItemStatus status)
{
  switch (status)
    {
    case WS_ITEM_STATUS_IN_PROGRESS: return _("In progress");
    case WS_ITEM_STATUS_DONE: return _("Done");
    case WS_ITEM_STATUS_CANCELLED: return _("Cancelled");
    case WS_ITEM_STATUS_PLANNED:
    default: return _("Planned");
    }
}

const char *
ws_item_consent_get_label (WsItemConsent consent)
{
  switch (consent)
    {
    case WS_ITEM_CONSENT_ACCEPTED: return _("Accepted");
    case WS_ITEM_CONSENT_DECLINED: return _("Declined");
    case WS_ITEM_CONSENT_NOT_ASKED:
    default: return _("Not yet asked");
    }
}

const char *
ws_track_get_label (WsTrack track)
{
  switch (track)
    {
    case WS_TRACK_OPENING: return _("Opening the plan: core principles");
    case WS_TRACK_INITIAL: return _("Initial protection");
    case WS_TRACK_CHILD: return _("Child track");
    case WS_TRACK_PRE_TRIAL: return _("Investigation and case preparation");
    case WS_TRACK_TRIAL: return _("Trial");
    case WS_TRACK_POST_TRIAL: return _("After the trial");
    default: return _("Checklist");
    }
}

const char *
ws_checklist_state_get_label (WsChecklistState state)
{
  switch (state)
    {
    case WS_CHECKLIST_STATE_DONE: return _("Done");
    case WS_CHECKLIST_STATE_NOT_APPLICABLE: return _("Not applicable");
    case WS_CHECKLIST_STATE_OPEN:
    default: return _("Open");
    }
}

const char *
ws_visa_status_get_label (WsVisaStatus status)
{
  switch (status)
    {
    case WS_VISA_STATUS_APPLIED: return _("Visa applied for");
    case WS_VISA_STATUS_GRANTED: return _("Visa granted");
    case WS_VISA_STATUS_REFUSED: return _("Visa refused");
    case WS_VISA_STATUS_EXPIRED: return _("Visa expired");
    case WS_VISA_STATUS_NONE:
    default: return _("No visa");
    }
}

const char *
ws_information_mode_get_label (WsInformationMode mode)
{
  switch (mode)
    {
    case WS_INFORMATION_MODE_WRITTEN: return _("In writing");
    case WS_INFORMATION_MODE_ORAL_AND_WRITTEN: return _("Orally and in writing");
    case WS_INFORMATION_MODE_ORAL:
    default: return _("Orally");
    }
}

const char *
ws_impact_statement_get_label (WsImpactStatement statement)
{
  switch (statement)
    {
    case WS_IMPACT_STATEMENT_OFFERED: return _("Impact statement offered");
    case WS_IMPACT_STATEMENT_DECLINED: return _("Impact statement declined");
    case WS_IMPACT_STATEMENT_MADE: return _("Impact statement made");
    case WS_IMPACT_STATEMENT_NOT_OFFERED:
    default: return _("Impact statement not yet offered");
    }
}

const char *
ws_claim_status_get_label (WsClaimStatus status)
{
  switch (status)
    {
    case WS_CLAIM_STATUS_FILED: return _("Filed");
    case WS_CLAIM_STATUS_AWARDED: return _("Awarded");
    case WS_CLAIM_STATUS_REFUSED: return _("Refused");
    case WS_CLAIM_STATUS_PAID: return _("Paid");
    case WS_CLAIM_STATUS_PLANNED:
    default: return _("Planned");
    }
}

const char *
ws_claim_head_get_label (WsClaimHead head)
{
  switch (head)
    {
    case WS_CLAIM_HEAD_LEGAL_FEES: return _("Legal fees");
    case WS_CLAIM_HEAD_MEDICAL_COSTS: return _("Medical costs");
    case WS_CLAIM_HEAD_LOST_OPPORTUNITIES: return _("Lost opportunities");
    case WS_CLAIM_HEAD_PAIN_AND_SUFFERING: return _("Pain and suffering");
    case WS_CLAIM_HEAD_UNPAID_WAGES:
    default: return _("Unpaid wages");
    }
}

const char *
ws_claim_route_get_label (WsClaimRoute route)
{
  switch (route)
    {
    case WS_CLAIM_ROUTE_CIVIL_ACTION: return _("Civil action");
    case WS_CLAIM_ROUTE_LABOUR_CLAIM: return _("Labour claim");
    case WS_CLAIM_ROUTE_STATE_SCHEME: return _("State scheme or victims' fund");
    case WS_CLAIM_ROUTE_TRUST_FUND: return _("Trust fund from confiscated assets");
    case WS_CLAIM_ROUTE_CRIMINAL_ORDER:
    default: return _("Order in the criminal case");
    }
}

gboolean
ws_track_for_phase (WsPhase  phase,
                    WsTrack *track)
{
  WsTrack found;

  g_return_val_if_fail (track != NULL, FALSE);

  switch (phase)
    {
    case WS_PHASE_INITIAL: found = WS_TRACK_INITIAL; break;
    case WS_PHASE_INVESTIGATION: found = WS_TRACK_PRE_TRIAL; break;
    case WS_PHASE_TRIAL: found = WS_TRACK_TRIAL; break;
    case WS_PHASE_POST_TRIAL: found = WS_TRACK_POST_TRIAL; break;
    case WS_PHASE_SUSTAINABLE:
    default: return FALSE;
    }
  *track = found;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Money                                                               */

gboolean
ws_currency_is_valid (const char *currency)
{
  if (currency == NULL || strlen (currency) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (currency[i] < 'A' || currency[i] > 'Z')
      return FALSE;
  return TRUE;
}

/**
 * ws_money_format:
 *
 * Returns: (transfer full): the amount with the locale's digit grouping
 *   and decimal mark, then the currency code
 */
char *
ws_money_format (gint64      amount_minor,
                 const char *currency)
{
  g_autofree char *units = NULL;
  gint64 whole = amount_minor / 100;
  int cents = (int) ABS (amount_minor % 100);

  /* %' groups digits as the locale does; the decimal mark is read from
   * localeconv() because the cents are printed apart from the units. */
  units = g_strdup_printf ("%'" G_GINT64_FORMAT, ABS (whole));
  return g_strdup_printf ("%s%s%s%02d %s", amount_minor < 0 ? "-" : "", units,
                          localeconv ()->decimal_point, cents, currency != NULL ? currency : "");
}

static gboolean
is_separator (char        c,
              const char *decimal)
{
  return c == '.' || c == ',' || (decimal[0] != '\0' && c == decimal[0]);
}

gboolean
ws_money_parse (const char *text,
                gint64     *amount_minor)
{
  g_autofree char *clean = ws_text_strip_dup (text);
  const char *decimal = localeconv ()->decimal_point;
  gint64 whole = 0;
  int cents = 0;
  int n_decimals = -1;  /* -1 until a decimal mark is seen */
  guint n_digits = 0;
  const char *p;
  const char *last_mark = NULL;

  g_return_val_if_fail (amount_minor != NULL, FALSE);

  if (clean == NULL || *clean == '\0')
    return FALSE;
  /* The last separator followed by one or two digits is the decimal mark;
   * any other separators group thousands. */
  for (p = clean; *p != '\0'; p++)
    if (is_separator (*p, decimal))
      last_mark = p;
  if (last_mark != NULL && (strlen (last_mark + 1) == 0 || strlen (last_mark + 1) > 2))
    last_mark = NULL;

  for (p = clean; *p != '\0'; p++)
    {
      if (p == last_mark)
        {
          n_decimals = 0;
          continue;
        }
      if (*p == ' ' || (n_decimals < 0 && is_separator (*p, decimal)))
        continue;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (n_decimals >= 0)
        {
          cents = cents * 10 + (*p - '0');
          n_decimals++;
        }
      else
        {
          if (whole > (G_MAXINT64 / 100 - 9) / 10)
            return FALSE;
          whole = whole * 10 + (*p - '0');
        }
      n_digits++;
    }
  if (n_digits == 0 || n_decimals > 2)
    return FALSE;
  if (n_decimals == 1)
    cents *= 10;
  *amount_minor = whole * 100 + cents;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Settings                                                            */

static guint default_reflection_days = WS_REFLECTION_DEFAULT_DAYS;

void
ws_plan_set_default_reflection_days (guint days)
{
  if (days >= WS_REFLECTION_MIN_DAYS && days <= WS_REFLECTION_MAX_DAYS)
    g_atomic_int_set (&default_reflection_days, days);
}

guint
ws_plan_get_default_reflection_days (void)
{
  return g_atomic_int_get (&default_reflection_days);
}

/* ------------------------------------------------------------------ */
/* Validation helpers                                                  */

/* A date field: malformed is always a problem; missing only if required. */
static gboolean
check_date (GPtrArray  *problems,
            const char *field,
            const char *text,
            gboolean    required,
            GDate      *date)
{
  g_date_clear (date, 1);
  if (text == NULL)
    {
      if (required)
        ws_problems_add (problems, field, _("Enter a date"));
      return FALSE;
    }
  if (!ws_time_parse_date (text, date))
    {
      ws_problems_add (problems, field, _("Enter the date as year-month-day, for example 2024-03-01"));
      return FALSE;
    }
  return TRUE;
}

static void
check_not_future (GPtrArray   *problems,
                  const char  *field,
                  const GDate *date,
                  const char  *message)
{
  g_autoptr(GDate) today = ws_time_today ();

  if (g_date_valid (date) && g_date_compare (date, today) > 0)
    ws_problems_add (problems, field, "%s", message);
}

static void
check_order (GPtrArray   *problems,
             const char  *field,
             const GDate *earlier,
             const GDate *later,
             const char  *message)
{
  if (g_date_valid (earlier) && g_date_valid (later) && g_date_compare (later, earlier) < 0)
    ws_problems_add (problems, field, "%s", message);
}

static void
check_required_text (GPtrArray  *problems,
                     const char *field,
                     const char *text,
                     const char *message)
{
  if (ws_text_is_blank (text))
    ws_problems_add (problems, field, "%s", message);
}

static void
check_length (GPtrArray  *problems,
              const char *field,
              const char *text,
              glong       max)
{
  if (text != NULL && g_utf8_strlen (text, -1) > max)
    ws_problems_add (problems, field, _("This is too long: keep it under %ld characters"), max);
}

static gboolean
enum_is_valid (GType type,
               int   value)
{
  return ws_enum_to_nick (type, value) != NULL;
}

/* ------------------------------------------------------------------ */
/* The catalogue of needs                                              */

static const char * const need_categories[] = {
  "basic", "health", "information", "language", "legal", "justice", "family", "economic",
  "children", "durable", "compensation", NULL,
};

const char * const *
ws_need_categories_get_all (void)
{
  return need_categories;
}

const char *
ws_need_category_get_label (const char *category)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "basic", N_("Basic needs") },
    { "health", N_("Health") },
    { "information", N_("Information") },
    { "language", N_("Language") },
    { "legal", N_("Legal and migration") },
    { "justice", N_("Justice process") },
    { "family", N_("Family") },
    { "economic", N_("Economic") },
    { "children", N_("Children") },
    { "durable", N_("Durable solutions") },
    { "compensation", N_("Compensation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, category) == 0)
      return _(labels[i].label);
  return _("Other");
}

/* Codes are stored in support_item.need_code and the exchange format:
 * never rename one. ws-schema-plans.sql seeds exactly these rows; a test
 * keeps the two in step. */
static const WsNeedTemplate builtin_needs[] = {
  { "basic.safety", "basic", N_("Safety and security of the witness and family") },
  { "basic.food-clothing", "basic", N_("Food and clothing") },
  { "basic.accommodation", "basic", N_("Safe accommodation (shelter or other placement, never locked)") },
  { "basic.shelter-security", "basic", N_("Security measures at the shelter") },
  { "health.urgent", "health", N_("Urgent medical care") },
  { "health.ongoing", "health", N_("Ongoing health care") },
  { "health.dental", "health", N_("Dental care") },
  { "health.sexual-reproductive", "health", N_("Sexual and reproductive health") },
  { "health.counselling", "health", N_("Psychological counselling and treatment") },
  { "health.child-psychosocial", "health", N_("Psycho-social support for children") },
  { "information.rights", "information", N_("Information on rights") },
  { "information.programme", "information", N_("Information on the assistance programme") },
  { "information.proceedings", "information", N_("Information on the proceedings and their timeline") },
  { "information.belongings", "information", N_("Information on seized belongings") },
  { "information.outcome", "information", N_("Outcome, sentence and release date") },
  { "information.consular", "information", N_("Consular access") },
  { "language.interpreter", "language", N_("Interpreter") },
  { "language.translation", "language", N_("Translated documents") },
  { "language.classes", "language", N_("Language classes") },
  { "legal.counsel", "legal", N_("Independent legal counsel") },
  { "legal.aid", "legal", N_("Legal aid") },
  { "legal.complaints", "legal", N_("Help with complaints and remedies") },
  { "legal.reflection-visa", "legal", N_("Reflection-period visa") },
  { "legal.residence", "legal", N_("Temporary or permanent residence") },
  { "legal.documents", "legal", N_("Replacement documents that do not identify the person as a victim") },
  { "legal.non-punishment", "legal", N_("Non-punishment representation") },
  { "legal.consular", "legal", N_("Consular assistance") },
  { "legal.asylum", "legal", N_("Asylum information") },
  { "justice.preparation", "justice", N_("Trial preparation") },
  { "justice.familiarisation", "justice", N_("Court familiarisation visit") },
  { "justice.accompaniment", "justice", N_("Court accompaniment") },
  { "justice.support-person", "justice", N_("Support person") },
  { "justice.impact-statement", "justice", N_("Victim impact statement support") },
  { "justice.allowances", "justice", N_("Court allowances (travel, food, lodging)") },
  { "justice.access", "justice", N_("Child care and disability access at court") },
  { "family.contact", "family", N_("Contact with family") },
  { "family.tracing", "family", N_("Family tracing (only if the family is not suspected and it is safe)") },
  { "family.reunion", "family", N_("Family reunion") },
  { "economic.education", "economic", N_("Education") },
  { "economic.training", "economic", N_("Vocational training") },
  { "economic.job", "economic", N_("Job placement") },
  { "economic.grant", "economic", N_("Livelihood grant") },
  { "economic.start-up", "economic", N_("Start-up capital") },
  { "children.age-assessment", "children", N_("Age assessment") },
  { "children.guardian", "children", N_("Guardian") },
  { "children.best-interests", "children", N_("Best-interest determination") },
  { "children.interim-care", "children", N_("Interim care") },
  { "children.child-care", "children", N_("Child care") },
  { "durable.return", "durable", N_("Voluntary return (pre-departure and post-return help)") },
  { "durable.integration", "durable", N_("Local integration") },
  { "durable.relocation", "durable", N_("Third-country relocation") },
  { "compensation.criminal-order", "compensation", N_("Compensation order in the criminal case") },
  { "compensation.civil-or-labour", "compensation", N_("Civil action or labour claim for unpaid wages") },
  { "compensation.state-scheme", "compensation", N_("State scheme or victims' fund") },
};

const char *
_ws_need_translate (const char *code,
                    const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_needs); i++)
    if (g_strcmp0 (builtin_needs[i].code, code) == 0 && g_strcmp0 (builtin_needs[i].title, stored) == 0)
      return _(builtin_needs[i].title);
  return stored;
}

const WsNeedTemplate *
_ws_needs_get_builtin (guint *n_needs)
{
  *n_needs = G_N_ELEMENTS (builtin_needs);
  return builtin_needs;
}

DEFINE_RECORD (WsNeed, ws_need, NEED_N,
  F_STR ("code"), F_STR ("category"), F_STR ("title"), F_BOOL ("builtin", FALSE))

WsNeed *
ws_need_new (void)
{
  return g_object_new (WS_TYPE_NEED, NULL);
}

STRING_FIELD (WsNeed, ws_need, code, NEED_CODE)
STRING_FIELD (WsNeed, ws_need, category, NEED_CATEGORY)
SET_STRING (WsNeed, ws_need, title, NEED_TITLE)
GET_INT (WsNeed, ws_need, builtin, NEED_BUILTIN, gboolean)

const char *
ws_need_get_title (WsNeed *self)
{
  const char *title;

  g_return_val_if_fail (WS_IS_NEED (self), NULL);

  title = _ws_record_get_string (self, NEED_TITLE);
  return ws_need_get_builtin (self) && *title != '\0' ? g_dgettext (GETTEXT_PACKAGE, title) : title;
}

static gboolean
is_code (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > 40)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '.')
      return FALSE;
  return g_ascii_islower (code[0]);
}

void
ws_need_validate (WsNeed    *self,
                  GPtrArray *problems)
{
  const char *category;

  g_return_if_fail (WS_IS_NEED (self));
  g_return_if_fail (problems != NULL);

  if (!is_code (ws_need_get_code (self)))
    ws_problems_add (problems, "code",
                     _("Use a short code of lower-case letters, digits, dots and hyphens, such as “health.physiotherapy”"));
  category = ws_need_get_category (self);
  if (category == NULL || !g_strv_contains (need_categories, category))
    ws_problems_add (problems, "category", _("Choose a category"));
  check_required_text (problems, "title", _ws_record_get_string (self, NEED_TITLE), _("Enter a title"));
  check_length (problems, "title", _ws_record_get_string (self, NEED_TITLE), 200);
}

/* ------------------------------------------------------------------ */
/* Agencies                                                            */

DEFINE_RECORD (WsAgency, ws_agency, AGENCY_N,
  F_ID ("id"), F_STR ("name"), F_STR ("kind"), F_STR ("contact"))

WsAgency *
ws_agency_new (void)
{
  return g_object_new (WS_TYPE_AGENCY, NULL);
}

GET_INT (WsAgency, ws_agency, id, AGENCY_ID, gint64)
STRING_FIELD (WsAgency, ws_agency, name, AGENCY_NAME)
STRING_FIELD (WsAgency, ws_agency, kind, AGENCY_KIND)
STRING_FIELD (WsAgency, ws_agency, contact, AGENCY_CONTACT)

void
ws_agency_validate (WsAgency  *self,
                    GPtrArray *problems)
{
  g_return_if_fail (WS_IS_AGENCY (self));
  g_return_if_fail (problems != NULL);

  check_required_text (problems, "name", ws_agency_get_name (self), _("Enter the agency's name"));
  check_length (problems, "name", ws_agency_get_name (self), 200);
  check_length (problems, "kind", ws_agency_get_kind (self), 200);
  check_length (problems, "contact", ws_agency_get_contact (self), 1000);
}

/* ------------------------------------------------------------------ */
/* Support items                                                       */

DEFINE_RECORD (WsSupportItem, ws_support_item, ITEM_N,
  F_ID ("id"), F_ID ("person-id"), F_STR ("need-code"), F_STR ("need-title"),
  F_ENUM ("phase", ws_phase_get_type, WS_PHASE_INITIAL), F_DATE ("offered-on"),
  F_ENUM ("consent", ws_item_consent_get_type, WS_ITEM_CONSENT_NOT_ASKED), F_ID ("agency-id"),
  F_STR ("agency-name"), F_STR ("owner"), F_DATE ("due-on"),
  F_ENUM ("status", ws_item_status_get_type, WS_ITEM_STATUS_PLANNED), F_STR ("notes"))

WsSupportItem *
ws_support_item_new (gint64 person_id)
{
  WsSupportItem *self = g_object_new (WS_TYPE_SUPPORT_ITEM, NULL);

  RECORD (self)->v[ITEM_PERSON_ID].i = person_id;
  return self;
}

WsSupportItem *
ws_support_item_copy (WsSupportItem *self)
{
  g_return_val_if_fail (WS_IS_SUPPORT_ITEM (self), NULL);
  return _ws_record_copy (self);
}

GET_INT (WsSupportItem, ws_support_item, id, ITEM_ID, gint64)
GET_INT (WsSupportItem, ws_support_item, person_id, ITEM_PERSON_ID, gint64)
STRING_FIELD (WsSupportItem, ws_support_item, need_code, ITEM_NEED_CODE)
GET_STRING (WsSupportItem, ws_support_item, need_title, ITEM_NEED_TITLE)
INT_FIELD (WsSupportItem, ws_support_item, phase, ITEM_PHASE, WsPhase)
STRING_FIELD (WsSupportItem, ws_support_item, offered_on, ITEM_OFFERED_ON)
INT_FIELD (WsSupportItem, ws_support_item, consent, ITEM_CONSENT, WsItemConsent)
INT_FIELD (WsSupportItem, ws_support_item, agency_id, ITEM_AGENCY_ID, gint64)
GET_STRING (WsSupportItem, ws_support_item, agency_name, ITEM_AGENCY_NAME)
STRING_FIELD (WsSupportItem, ws_support_item, owner, ITEM_OWNER)
STRING_FIELD (WsSupportItem, ws_support_item, due_on, ITEM_DUE_ON)
INT_FIELD (WsSupportItem, ws_support_item, status, ITEM_STATUS, WsItemStatus)
STRING_FIELD (WsSupportItem, ws_support_item, notes, ITEM_NOTES)

gboolean
ws_support_item_is_overdue (WsSupportItem *self,
                            const GDate   *today)
{
  WsItemStatus status;
  GDate due;

  g_return_val_if_fail (WS_IS_SUPPORT_ITEM (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  status = ws_support_item_get_status (self);
  if (status != WS_ITEM_STATUS_PLANNED && status != WS_ITEM_STATUS_IN_PROGRESS)
    return FALSE;
  if (!ws_time_parse_date (ws_support_item_get_due_on (self), &due))
    return FALSE;
  return g_date_compare (&due, today) < 0;
}

void
ws_support_item_validate (WsSupportItem *self,
                          GPtrArray     *problems)
{
  GDate offered;
  GDate due;

  g_return_if_fail (WS_IS_SUPPORT_ITEM (self));
  g_return_if_fail (problems != NULL);

  if (ws_text_is_blank (ws_support_item_get_need_code (self)))
    ws_problems_add (problems, "need", _("Choose a need or service from the catalogue"));
  if (!enum_is_valid (WS_TYPE_PHASE, ws_support_item_get_phase (self)))
    ws_problems_add (problems, "phase", _("Choose a phase"));
  if (!enum_is_valid (WS_TYPE_ITEM_CONSENT, ws_support_item_get_consent (self)))
    ws_problems_add (problems, "consent", _("Choose whether the witness accepted"));
  if (!enum_is_valid (WS_TYPE_ITEM_STATUS, ws_support_item_get_status (self)))
    ws_problems_add (problems, "status", _("Choose a status"));
  check_date (problems, "offered-on", ws_support_item_get_offered_on (self), FALSE, &offered);
  check_not_future (problems, "offered-on", &offered, _("The offer cannot be dated in the future"));
  check_date (problems, "due-on", ws_support_item_get_due_on (self), FALSE, &due);
  check_order (problems, "due-on", &offered, &due, _("The due date cannot be before the day it was offered"));
  if (ws_support_item_get_consent (self) == WS_ITEM_CONSENT_DECLINED &&
      (ws_support_item_get_status (self) == WS_ITEM_STATUS_IN_PROGRESS ||
       ws_support_item_get_status (self) == WS_ITEM_STATUS_DONE))
    ws_problems_add (problems, "status", _("The witness declined this service: it cannot be in progress or done"));
  if (ws_support_item_get_consent (self) != WS_ITEM_CONSENT_NOT_ASKED &&
      ws_support_item_get_offered_on (self) == NULL)
    ws_problems_add (problems, "offered-on", _("Enter the day it was offered to the witness"));
  check_length (problems, "owner", ws_support_item_get_owner (self), 200);
  check_length (problems, "notes", ws_support_item_get_notes (self), 10000);
}

/* ------------------------------------------------------------------ */
/* Phase changes                                                       */

DEFINE_RECORD (WsPhaseChange, ws_phase_change, PHASE_N,
  F_ID ("id"), F_ID ("person-id"), F_ENUM ("phase", ws_phase_get_type, WS_PHASE_INITIAL),
  F_INSTANT ("began-at"), F_STR ("moved-by"), F_STR ("note"), F_BOOL ("assessment-due", FALSE))

GET_INT (WsPhaseChange, ws_phase_change, id, PHASE_ID, gint64)
GET_INT (WsPhaseChange, ws_phase_change, person_id, PHASE_PERSON_ID, gint64)
GET_INT (WsPhaseChange, ws_phase_change, phase, PHASE_PHASE, WsPhase)
GET_STRING (WsPhaseChange, ws_phase_change, moved_by, PHASE_MOVED_BY)
GET_STRING (WsPhaseChange, ws_phase_change, note, PHASE_NOTE)
GET_INT (WsPhaseChange, ws_phase_change, assessment_due, PHASE_ASSESSMENT_DUE, gboolean)

GDateTime *
ws_phase_change_get_began_at (WsPhaseChange *self)
{
  g_return_val_if_fail (WS_IS_PHASE_CHANGE (self), NULL);
  return record_get_instant (self, PHASE_BEGAN_AT);
}

/* ------------------------------------------------------------------ */
/* Checklists                                                          */

static const WsCheckTemplate opening_track[] = {
  { "unconditional", N_("Explained that support does not depend on taking part in the proceedings") },
  { "pseudonym", N_("Pseudonym agreed and used in every record that leaves the unit") },
  { "protection-limits", N_("Warned in advance of the limits of what can be protected") },
  { "consent-explained", N_("Explained that details are shared only with consent, with as few people as possible") },
  { "non-punishment", N_("Checked that the witness is not detained or prosecuted for offences caused by being trafficked") },
  { "language", N_("Language understood established; interpreter arranged where needed") },
  { "preferences", N_("Asked about interpreter gender and other preferences (prefer not to say respected)") },
  { "age", N_("Considered whether the person may be under 18") },
};

static const WsCheckTemplate initial_track[] = {
  { "immediate-needs", N_("Immediate needs met (safety, food, clothing, medical care)") },
  { "risk-assessed", N_("Risk assessed") },
  { "accommodation", N_("Safe accommodation found; never locked in") },
  { "rights-oral", N_("Rights explained orally in a language understood") },
  { "rights-written", N_("Rights given in writing in a language understood") },
  { "consular", N_("Consular access explained") },
  { "reflection", N_("Reflection and recovery period started; temporary visa applied for where needed") },
  { "decision", N_("Decision whether to take part in the proceedings recorded") },
};

static const WsCheckTemplate child_track[] = {
  { "treated-as-child", N_("Treated as a child until the age is assessed") },
  { "child-referral", N_("Referred to child protection services") },
  { "guardian", N_("Guardian appointed") },
  { "guardian-checked", N_("Guardian checked for any involvement in the crime") },
  { "age-assessment", N_("Age assessment arranged") },
  { "best-interests", N_("Best interests determined") },
  { "views-recorded", N_("The child's views recorded") },
  { "testimonial-aids", N_("Testimonial aids offered") },
};

static const WsCheckTemplate pre_trial_track[] = {
  { "progress", N_("Told about progress and expected durations") },
  { "belongings", N_("Told about seized belongings and when they return") },
  { "counselling", N_("Counselling offered") },
  { "familiarisation", N_("Court familiarisation visit arranged") },
  { "legal-counsel", N_("Independent legal counsel arranged") },
  { "measures-applied", N_("Protective measures applied for") },
  { "testimony-decision", N_("Return home or remote testimony decided") },
  { "risk-reassessed", N_("Risk re-assessed") },
};

static const WsCheckTemplate trial_track[] = {
  { "measures-arranged", N_("Protective measures confirmed and arranged") },
  { "support-scheduled", N_("Liaison officer and support person scheduled") },
  { "video-links", N_("Video links booked") },
  { "no-contact", N_("Separate arrival times, rooms and routes so the witness never meets the accused") },
  { "recorded-evidence", N_("Earlier recorded evidence re-used where allowed") },
  { "impact-statement", N_("Victim impact statement offered (voluntary, after the verdict, no opinion on sentence)") },
  { "benefits-ledger", N_("Benefits ledger up to date") },
};

static const WsCheckTemplate post_trial_track[] = {
  { "outcome-told", N_("Outcome, sentence and its length told at once") },
  { "release-told", N_("The offender's proposed release date told") },
  { "appeal-told", N_("Appeal options told") },
  { "risk-reassessed", N_("Risk re-assessed (threats can rise after the trial)") },
  { "plan-revised", N_("Plan revised with the witness") },
  { "residence-return", N_("Residence or return decided") },
  { "compensation", N_("Compensation pursued") },
};

const WsCheckTemplate *
_ws_track_get_template (WsTrack  track,
                        guint   *n_items)
{
  switch (track)
    {
    case WS_TRACK_OPENING: *n_items = G_N_ELEMENTS (opening_track); return opening_track;
    case WS_TRACK_INITIAL: *n_items = G_N_ELEMENTS (initial_track); return initial_track;
    case WS_TRACK_CHILD: *n_items = G_N_ELEMENTS (child_track); return child_track;
    case WS_TRACK_PRE_TRIAL: *n_items = G_N_ELEMENTS (pre_trial_track); return pre_trial_track;
    case WS_TRACK_TRIAL: *n_items = G_N_ELEMENTS (trial_track); return trial_track;
    case WS_TRACK_POST_TRIAL: *n_items = G_N_ELEMENTS (post_trial_track); return post_trial_track;
    default: *n_items = 0; return NULL;
    }
}

/* Shipped items are shown in the reader's language; an item imported
 * from elsewhere keeps the title it came with. */
const char *
_ws_check_translate (WsTrack     track,
                     const char *code,
                     const char *stored)
{
  guint n;
  const WsCheckTemplate *items = _ws_track_get_template (track, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (items[i].code, code) == 0 && g_strcmp0 (items[i].title, stored) == 0)
      return _(items[i].title);
  return stored;
}

DEFINE_RECORD (WsChecklistItem, ws_checklist_item, CHECK_N,
  F_ID ("id"), F_ID ("person-id"), F_ENUM ("track", ws_track_get_type, WS_TRACK_OPENING),
  F_STR ("code"), F_STR ("title"),
  F_ENUM ("state", ws_checklist_state_get_type, WS_CHECKLIST_STATE_OPEN), F_DATE ("done-on"),
  F_STR ("done-by"), F_STR ("reason"))

GET_INT (WsChecklistItem, ws_checklist_item, id, CHECK_ID, gint64)
GET_INT (WsChecklistItem, ws_checklist_item, person_id, CHECK_PERSON_ID, gint64)
GET_INT (WsChecklistItem, ws_checklist_item, track, CHECK_TRACK, WsTrack)
GET_STRING (WsChecklistItem, ws_checklist_item, code, CHECK_CODE)
GET_STRING (WsChecklistItem, ws_checklist_item, title, CHECK_TITLE)
GET_INT (WsChecklistItem, ws_checklist_item, state, CHECK_STATE, WsChecklistState)
GET_STRING (WsChecklistItem, ws_checklist_item, done_on, CHECK_DONE_ON)
GET_STRING (WsChecklistItem, ws_checklist_item, done_by, CHECK_DONE_BY)
GET_STRING (WsChecklistItem, ws_checklist_item, reason, CHECK_REASON)

void
ws_checklist_check_state (WsChecklistState  state,
                          const char       *date,
                          const char       *reason,
                          GPtrArray        *problems)
{
  GDate day;

  g_return_if_fail (problems != NULL);

  if (!enum_is_valid (WS_TYPE_CHECKLIST_STATE, state))
    {
      ws_problems_add (problems, "state", _("Choose done, not applicable or open"));
      return;
    }
  if (state == WS_CHECKLIST_STATE_DONE && date != NULL && *date != '\0')
    {
      if (check_date (problems, "date", date, FALSE, &day))
        check_not_future (problems, "date", &day, _("It cannot be done on a day still to come"));
    }
  if (state == WS_CHECKLIST_STATE_NOT_APPLICABLE)
    {
      check_required_text (problems, "reason", reason, _("Say why this does not apply to the witness"));
      check_length (problems, "reason", reason, 2000);
    }
}

/* ------------------------------------------------------------------ */
/* Consent                                                             */

DEFINE_RECORD (WsConsent, ws_consent, CONSENT_N,
  F_ID ("id"), F_ID ("person-id"), F_STR ("recipient"), F_STR ("purpose"), F_DATE ("given-on"),
  F_DATE ("expires-on"), F_DATE ("withdrawn-on"), F_STR ("notes"))

WsConsent *
ws_consent_new (gint64 person_id)
{
  WsConsent *self = g_object_new (WS_TYPE_CONSENT, NULL);

  RECORD (self)->v[CONSENT_PERSON_ID].i = person_id;
  return self;
}

WsConsent *
ws_consent_copy (WsConsent *self)
{
  g_return_val_if_fail (WS_IS_CONSENT (self), NULL);
  return _ws_record_copy (self);
}

GET_INT (WsConsent, ws_consent, id, CONSENT_ID, gint64)
GET_INT (WsConsent, ws_consent, person_id, CONSENT_PERSON_ID, gint64)
STRING_FIELD (WsConsent, ws_consent, recipient, CONSENT_RECIPIENT)
STRING_FIELD (WsConsent, ws_consent, purpose, CONSENT_PURPOSE)
STRING_FIELD (WsConsent, ws_consent, given_on, CONSENT_GIVEN_ON)
STRING_FIELD (WsConsent, ws_consent, expires_on, CONSENT_EXPIRES_ON)
STRING_FIELD (WsConsent, ws_consent, withdrawn_on, CONSENT_WITHDRAWN_ON)
STRING_FIELD (WsConsent, ws_consent, notes, CONSENT_NOTES)

gboolean
ws_consent_is_valid_on (WsConsent   *self,
                        const GDate *date)
{
  GDate given;
  GDate limit;

  g_return_val_if_fail (WS_IS_CONSENT (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!ws_time_parse_date (ws_consent_get_given_on (self), &given) || g_date_compare (&given, date) > 0)
    return FALSE;
  if (ws_time_parse_date (ws_consent_get_expires_on (self), &limit) && g_date_compare (&limit, date) < 0)
    return FALSE;
  if (ws_time_parse_date (ws_consent_get_withdrawn_on (self), &limit) && g_date_compare (&limit, date) <= 0)
    return FALSE;
  return TRUE;
}

void
ws_consent_validate (WsConsent *self,
                     GPtrArray *problems)
{
  GDate given;
  GDate expires;
  GDate withdrawn;

  g_return_if_fail (WS_IS_CONSENT (self));
  g_return_if_fail (problems != NULL);

  check_required_text (problems, "recipient", ws_consent_get_recipient (self),
                       _("Enter who may receive the details (an agency or a person)"));
  check_length (problems, "recipient", ws_consent_get_recipient (self), 200);
  check_required_text (problems, "purpose", ws_consent_get_purpose (self), _("Enter what the details may be used for"));
  check_length (problems, "purpose", ws_consent_get_purpose (self), 500);
  check_date (problems, "given-on", ws_consent_get_given_on (self), TRUE, &given);
  check_not_future (problems, "given-on", &given, _("Consent cannot be recorded before it is given"));
  check_date (problems, "expires-on", ws_consent_get_expires_on (self), FALSE, &expires);
  check_order (problems, "expires-on", &given, &expires, _("Consent cannot expire before it was given"));
  check_date (problems, "withdrawn-on", ws_consent_get_withdrawn_on (self), FALSE, &withdrawn);
  check_order (problems, "withdrawn-on", &given, &withdrawn, _("Consent cannot be withdrawn before it was given"));
  check_not_future (problems, "withdrawn-on", &withdrawn, _("A withdrawal cannot be dated in the future"));
  check_length (problems, "notes", ws_consent_get_notes (self), 10000);
}

/* ------------------------------------------------------------------ */
/* Referrals                                                           */

DEFINE_RECORD (WsReferral, ws_referral, REFERRAL_N,
  F_ID ("id"), F_ID ("person-id"), F_ID ("agency-id"), F_STR ("agency-name"), F_STR ("purpose"),
  F_DATE ("referred-on"), F_ID ("consent-id"), F_STR ("override"))

WsReferral *
ws_referral_new (gint64 person_id)
{
  WsReferral *self = g_object_new (WS_TYPE_REFERRAL, NULL);

  RECORD (self)->v[REFERRAL_PERSON_ID].i = person_id;
  return self;
}

GET_INT (WsReferral, ws_referral, id, REFERRAL_ID, gint64)
GET_INT (WsReferral, ws_referral, person_id, REFERRAL_PERSON_ID, gint64)
INT_FIELD (WsReferral, ws_referral, agency_id, REFERRAL_AGENCY_ID, gint64)
GET_STRING (WsReferral, ws_referral, agency_name, REFERRAL_AGENCY_NAME)
STRING_FIELD (WsReferral, ws_referral, purpose, REFERRAL_PURPOSE)
STRING_FIELD (WsReferral, ws_referral, referred_on, REFERRAL_REFERRED_ON)
GET_INT (WsReferral, ws_referral, consent_id, REFERRAL_CONSENT_ID, gint64)
STRING_FIELD (WsReferral, ws_referral, override, REFERRAL_OVERRIDE)

void
ws_referral_validate (WsReferral *self,
                      GPtrArray  *problems)
{
  GDate day;

  g_return_if_fail (WS_IS_REFERRAL (self));
  g_return_if_fail (problems != NULL);

  if (ws_referral_get_agency_id (self) <= 0)
    ws_problems_add (problems, "agency", _("Choose the agency the witness is referred to"));
  check_required_text (problems, "purpose", ws_referral_get_purpose (self), _("Enter what the referral is for"));
  check_length (problems, "purpose", ws_referral_get_purpose (self), 500);
  if (check_date (problems, "referred-on", ws_referral_get_referred_on (self), TRUE, &day))
    check_not_future (problems, "referred-on", &day, _("A referral cannot be dated in the future"));
  check_length (problems, "override", ws_referral_get_override (self), 2000);
}

/* ------------------------------------------------------------------ */
/* Risk assessments                                                    */

DEFINE_RECORD (WsRiskAssessment, ws_risk_assessment, RISK_N,
  F_ID ("id"), F_ID ("person-id"), F_DATE ("assessed-on"),
  F_ENUM ("level", ws_risk_level_get_type, WS_RISK_LEVEL_MEDIUM), F_STR ("threats"),
  F_STR ("assessed-by"), F_DATE ("next-review"))

WsRiskAssessment *
ws_risk_assessment_new (gint64 person_id)
{
  WsRiskAssessment *self = g_object_new (WS_TYPE_RISK_ASSESSMENT, NULL);

  RECORD (self)->v[RISK_PERSON_ID].i = person_id;
  return self;
}

WsRiskAssessment *
ws_risk_assessment_copy (WsRiskAssessment *self)
{
  g_return_val_if_fail (WS_IS_RISK_ASSESSMENT (self), NULL);
  return _ws_record_copy (self);
}

GET_INT (WsRiskAssessment, ws_risk_assessment, id, RISK_ID, gint64)
GET_INT (WsRiskAssessment, ws_risk_assessment, person_id, RISK_PERSON_ID, gint64)
STRING_FIELD (WsRiskAssessment, ws_risk_assessment, assessed_on, RISK_ASSESSED_ON)
INT_FIELD (WsRiskAssessment, ws_risk_assessment, level, RISK_LEVEL, WsRiskLevel)
STRING_FIELD (WsRiskAssessment, ws_risk_assessment, threats, RISK_THREATS)
STRING_FIELD (WsRiskAssessment, ws_risk_assessment, assessed_by, RISK_ASSESSED_BY)
STRING_FIELD (WsRiskAssessment, ws_risk_assessment, next_review, RISK_NEXT_REVIEW)

void
ws_risk_assessment_validate (WsRiskAssessment *self,
                             GPtrArray        *problems)
{
  GDate assessed;
  GDate review;
  WsRiskLevel level;

  g_return_if_fail (WS_IS_RISK_ASSESSMENT (self));
  g_return_if_fail (problems != NULL);

  if (check_date (problems, "assessed-on", ws_risk_assessment_get_assessed_on (self), TRUE, &assessed))
    check_not_future (problems, "assessed-on", &assessed, _("An assessment cannot be dated in the future"));
  level = ws_risk_assessment_get_level (self);
  if (level != WS_RISK_LEVEL_LOW && level != WS_RISK_LEVEL_MEDIUM && level != WS_RISK_LEVEL_HIGH)
    ws_problems_add (problems, "level", _("Choose low, medium or high"));
  check_required_text (problems, "assessed-by", ws_risk_assessment_get_assessed_by (self),
                       _("Enter who made the assessment"));
  check_length (problems, "assessed-by", ws_risk_assessment_get_assessed_by (self), 200);
  check_length (problems, "threats", ws_risk_assessment_get_threats (self), 10000);
  check_date (problems, "next-review", ws_risk_assessment_get_next_review (self), FALSE, &review);
  check_order (problems, "next-review", &assessed, &review,
               _("The next review cannot be before the assessment"));
}

/* ------------------------------------------------------------------ */
/* Reflection and recovery period                                      */

DEFINE_RECORD (WsReflectionPeriod, ws_reflection_period, REFLECTION_N,
  F_ID ("id"), F_ID ("person-id"), F_DATE ("starts-on"), F_INT ("days", WS_REFLECTION_DEFAULT_DAYS),
  F_ENUM ("visa-status", ws_visa_status_get_type, WS_VISA_STATUS_NONE), F_DATE ("ends-on"))

static void
refresh_ends_on (WsReflectionPeriod *self)
{
  g_autofree char *ends_on = ws_reflection_period_dup_ends_on (self);

  _ws_record_set_string (self, REFLECTION_ENDS_ON, ends_on);
}

WsReflectionPeriod *
ws_reflection_period_new (gint64 person_id)
{
  WsReflectionPeriod *self = g_object_new (WS_TYPE_REFLECTION_PERIOD, NULL);

  RECORD (self)->v[REFLECTION_PERSON_ID].i = person_id;
  RECORD (self)->v[REFLECTION_DAYS].i = ws_plan_get_default_reflection_days ();
  return self;
}

GET_INT (WsReflectionPeriod, ws_reflection_period, id, REFLECTION_ID, gint64)
GET_INT (WsReflectionPeriod, ws_reflection_period, person_id, REFLECTION_PERSON_ID, gint64)
GET_STRING (WsReflectionPeriod, ws_reflection_period, starts_on, REFLECTION_STARTS_ON)
GET_INT (WsReflectionPeriod, ws_reflection_period, days, REFLECTION_DAYS, guint)
INT_FIELD (WsReflectionPeriod, ws_reflection_period, visa_status, REFLECTION_VISA_STATUS, WsVisaStatus)

void
ws_reflection_period_set_starts_on (WsReflectionPeriod *self,
                                    const char         *date)
{
  g_return_if_fail (WS_IS_REFLECTION_PERIOD (self));
  _ws_record_set_string (self, REFLECTION_STARTS_ON, date);
  refresh_ends_on (self);
}

void
ws_reflection_period_set_days (WsReflectionPeriod *self,
                               guint               days)
{
  g_return_if_fail (WS_IS_REFLECTION_PERIOD (self));
  _ws_record_set_int (self, REFLECTION_DAYS, days);
  refresh_ends_on (self);
}

char *
ws_reflection_period_dup_ends_on (WsReflectionPeriod *self)
{
  GDate last;
  guint days;

  g_return_val_if_fail (WS_IS_REFLECTION_PERIOD (self), NULL);

  days = ws_reflection_period_get_days (self);
  if (days < WS_REFLECTION_MIN_DAYS || days > WS_REFLECTION_MAX_DAYS ||
      !ws_time_parse_date (ws_reflection_period_get_starts_on (self), &last))
    return NULL;
  g_date_add_days (&last, days - 1);
  return ws_time_format_date (&last);
}

int
ws_reflection_period_get_days_left (WsReflectionPeriod *self,
                                    const GDate        *today)
{
  GDate start;
  GDate last;
  guint days;

  g_return_val_if_fail (WS_IS_REFLECTION_PERIOD (self), -1);
  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);

  days = ws_reflection_period_get_days (self);
  if (days < WS_REFLECTION_MIN_DAYS || days > WS_REFLECTION_MAX_DAYS ||
      !ws_time_parse_date (ws_reflection_period_get_starts_on (self), &start))
    return -1;
  if (g_date_compare (today, &start) < 0)
    return (int) days;
  last = start;
  g_date_add_days (&last, days - 1);
  return MAX (0, g_date_days_between (today, &last) + 1);
}

void
ws_reflection_period_validate (WsReflectionPeriod *self,
                               GPtrArray          *problems)
{
  GDate start;
  guint days;

  g_return_if_fail (WS_IS_REFLECTION_PERIOD (self));
  g_return_if_fail (problems != NULL);

  check_date (problems, "starts-on", ws_reflection_period_get_starts_on (self), TRUE, &start);
  days = ws_reflection_period_get_days (self);
  if (days < WS_REFLECTION_MIN_DAYS || days > WS_REFLECTION_MAX_DAYS)
    ws_problems_add (problems, "days", _("Enter a length between %d and %d days (usually 30 to 90)"),
                     WS_REFLECTION_MIN_DAYS, WS_REFLECTION_MAX_DAYS);
  if (!enum_is_valid (WS_TYPE_VISA_STATUS, ws_reflection_period_get_visa_status (self)))
    ws_problems_add (problems, "visa-status", _("Choose the visa status"));
}

/* ------------------------------------------------------------------ */
/* Information log                                                     */

DEFINE_RECORD (WsInformationGiven, ws_information_given, INFO_N,
  F_ID ("id"), F_ID ("person-id"), F_DATE ("given-on"), F_STR ("topic"), F_STR ("language"),
  F_ENUM ("mode", ws_information_mode_get_type, WS_INFORMATION_MODE_ORAL), F_STR ("notes"))

WsInformationGiven *
ws_information_given_new (gint64 person_id)
{
  WsInformationGiven *self = g_object_new (WS_TYPE_INFORMATION_GIVEN, NULL);

  RECORD (self)->v[INFO_PERSON_ID].i = person_id;
  return self;
}

GET_INT (WsInformationGiven, ws_information_given, id, INFO_ID, gint64)
GET_INT (WsInformationGiven, ws_information_given, person_id, INFO_PERSON_ID, gint64)
STRING_FIELD (WsInformationGiven, ws_information_given, given_on, INFO_GIVEN_ON)
STRING_FIELD (WsInformationGiven, ws_information_given, topic, INFO_TOPIC)
STRING_FIELD (WsInformationGiven, ws_information_given, language, INFO_LANGUAGE)
INT_FIELD (WsInformationGiven, ws_information_given, mode, INFO_MODE, WsInformationMode)
STRING_FIELD (WsInformationGiven, ws_information_given, notes, INFO_NOTES)

void
ws_information_given_validate (WsInformationGiven *self,
                               GPtrArray          *problems)
{
  GDate day;

  g_return_if_fail (WS_IS_INFORMATION_GIVEN (self));
  g_return_if_fail (problems != NULL);

  if (check_date (problems, "given-on", ws_information_given_get_given_on (self), TRUE, &day))
    check_not_future (problems, "given-on", &day, _("Information cannot be logged before it is given"));
  check_required_text (problems, "topic", ws_information_given_get_topic (self), _("Enter what the witness was told"));
  check_length (problems, "topic", ws_information_given_get_topic (self), 500);
  check_required_text (problems, "language", ws_information_given_get_language (self),
                       _("Enter the language it was given in"));
  check_length (problems, "language", ws_information_given_get_language (self), 100);
  if (!enum_is_valid (WS_TYPE_INFORMATION_MODE, ws_information_given_get_mode (self)))
    ws_problems_add (problems, "mode", _("Choose orally, in writing or both"));
  check_length (problems, "notes", ws_information_given_get_notes (self), 10000);
}

/* ------------------------------------------------------------------ */
/* Benefits                                                            */

DEFINE_RECORD (WsBenefit, ws_benefit, BENEFIT_N,
  F_ID ("id"), F_ID ("person-id"), F_DATE ("given-on"), F_STR ("kind"), F_INT ("amount-minor", 0),
  F_STR ("currency"), F_STR ("reason"), F_BOOL ("disclosable", TRUE))

WsBenefit *
ws_benefit_new (gint64 person_id)
{
  WsBenefit *self = g_object_new (WS_TYPE_BENEFIT, NULL);

  RECORD (self)->v[BENEFIT_PERSON_ID].i = person_id;
  RECORD (self)->v[BENEFIT_CURRENCY].s = g_strdup ("EUR");
  return self;
}

GET_INT (WsBenefit, ws_benefit, id, BENEFIT_ID, gint64)
GET_INT (WsBenefit, ws_benefit, person_id, BENEFIT_PERSON_ID, gint64)
STRING_FIELD (WsBenefit, ws_benefit, given_on, BENEFIT_GIVEN_ON)
STRING_FIELD (WsBenefit, ws_benefit, kind, BENEFIT_KIND)
INT_FIELD (WsBenefit, ws_benefit, amount_minor, BENEFIT_AMOUNT, gint64)
STRING_FIELD (WsBenefit, ws_benefit, currency, BENEFIT_CURRENCY)
STRING_FIELD (WsBenefit, ws_benefit, reason, BENEFIT_REASON)
INT_FIELD (WsBenefit, ws_benefit, disclosable, BENEFIT_DISCLOSABLE, gboolean)

static void
check_currency (GPtrArray  *problems,
                const char *currency)
{
  if (!ws_currency_is_valid (currency))
    ws_problems_add (problems, "currency", _("Enter a three-letter currency code such as EUR"));
}

void
ws_benefit_validate (WsBenefit *self,
                     GPtrArray *problems)
{
  GDate day;

  g_return_if_fail (WS_IS_BENEFIT (self));
  g_return_if_fail (problems != NULL);

  if (check_date (problems, "given-on", ws_benefit_get_given_on (self), TRUE, &day))
    check_not_future (problems, "given-on", &day, _("A benefit cannot be recorded before it is given"));
  check_required_text (problems, "kind", ws_benefit_get_kind (self),
                       _("Enter what was given, for example a travel allowance"));
  check_length (problems, "kind", ws_benefit_get_kind (self), 200);
  if (ws_benefit_get_amount_minor (self) < 0)
    ws_problems_add (problems, "amount", _("The amount cannot be negative"));
  check_currency (problems, ws_benefit_get_currency (self));
  check_length (problems, "reason", ws_benefit_get_reason (self), 2000);
}

/* ------------------------------------------------------------------ */
/* Verdicts                                                            */

DEFINE_RECORD (WsVerdict, ws_verdict, VERDICT_N,
  F_ID ("case-id"), F_DATE ("given-on"), F_STR ("outcome"), F_STR ("sentence"),
  F_INT ("sentence-months", -1), F_DATE ("release-on"), F_DATE ("appeal-by"))

WsVerdict *
ws_verdict_new (gint64 case_id)
{
  WsVerdict *self = g_object_new (WS_TYPE_VERDICT, NULL);

  RECORD (self)->v[VERDICT_CASE_ID].i = case_id;
  return self;
}

GET_INT (WsVerdict, ws_verdict, case_id, VERDICT_CASE_ID, gint64)
STRING_FIELD (WsVerdict, ws_verdict, given_on, VERDICT_GIVEN_ON)
STRING_FIELD (WsVerdict, ws_verdict, outcome, VERDICT_OUTCOME)
STRING_FIELD (WsVerdict, ws_verdict, sentence, VERDICT_SENTENCE)
INT_FIELD (WsVerdict, ws_verdict, sentence_months, VERDICT_MONTHS, int)
STRING_FIELD (WsVerdict, ws_verdict, release_on, VERDICT_RELEASE_ON)
STRING_FIELD (WsVerdict, ws_verdict, appeal_by, VERDICT_APPEAL_BY)

void
ws_verdict_validate (WsVerdict *self,
                     GPtrArray *problems)
{
  GDate given;
  GDate other;
  int months;

  g_return_if_fail (WS_IS_VERDICT (self));
  g_return_if_fail (problems != NULL);

  if (check_date (problems, "given-on", ws_verdict_get_given_on (self), TRUE, &given))
    check_not_future (problems, "given-on", &given, _("A verdict cannot be recorded before it is given"));
  check_required_text (problems, "outcome", ws_verdict_get_outcome (self),
                       _("Enter the outcome, for example convicted of trafficking"));
  check_length (problems, "outcome", ws_verdict_get_outcome (self), 500);
  check_length (problems, "sentence", ws_verdict_get_sentence (self), 1000);
  months = ws_verdict_get_sentence_months (self);
  if (months < -1 || months > 12 * 150)
    ws_problems_add (problems, "sentence-months", _("Enter the sentence length in months, or leave it empty"));
  check_date (problems, "release-on", ws_verdict_get_release_on (self), FALSE, &other);
  check_order (problems, "release-on", &given, &other, _("The release date cannot be before the verdict"));
  check_date (problems, "appeal-by", ws_verdict_get_appeal_by (self), FALSE, &other);
  check_order (problems, "appeal-by", &given, &other, _("The appeal deadline cannot be before the verdict"));
}

/* ------------------------------------------------------------------ */
/* Party outcomes                                                      */

DEFINE_RECORD (WsPartyOutcome, ws_party_outcome, OUTCOME_N,
  F_ID ("party-id"), F_ID ("case-id"), F_ID ("person-id"), F_STR ("case-reference"), F_STR ("label"),
  F_DATE ("verdict-on"), F_DATE ("outcome-told-on"),
  F_ENUM ("impact-statement", ws_impact_statement_get_type, WS_IMPACT_STATEMENT_NOT_OFFERED))

GET_INT (WsPartyOutcome, ws_party_outcome, party_id, OUTCOME_PARTY_ID, gint64)
GET_INT (WsPartyOutcome, ws_party_outcome, case_id, OUTCOME_CASE_ID, gint64)
GET_INT (WsPartyOutcome, ws_party_outcome, person_id, OUTCOME_PERSON_ID, gint64)
GET_STRING (WsPartyOutcome, ws_party_outcome, case_reference, OUTCOME_CASE_REFERENCE)
GET_STRING (WsPartyOutcome, ws_party_outcome, label, OUTCOME_LABEL)
GET_STRING (WsPartyOutcome, ws_party_outcome, verdict_on, OUTCOME_VERDICT_ON)
STRING_FIELD (WsPartyOutcome, ws_party_outcome, outcome_told_on, OUTCOME_TOLD_ON)
INT_FIELD (WsPartyOutcome, ws_party_outcome, impact_statement, OUTCOME_IMPACT, WsImpactStatement)

/* ------------------------------------------------------------------ */
/* Compensation claims                                                 */

DEFINE_RECORD (WsCompensationClaim, ws_compensation_claim, CLAIM_N,
  F_ID ("id"), F_ID ("person-id"), F_ID ("case-id"), F_STR ("case-reference"),
  F_ENUM ("head", ws_claim_head_get_type, WS_CLAIM_HEAD_UNPAID_WAGES),
  F_ENUM ("route", ws_claim_route_get_type, WS_CLAIM_ROUTE_CRIMINAL_ORDER),
  F_INT ("claimed-minor", 0), F_INT ("awarded-minor", -1), F_STR ("currency"),
  F_ENUM ("status", ws_claim_status_get_type, WS_CLAIM_STATUS_PLANNED))

WsCompensationClaim *
ws_compensation_claim_new (gint64 person_id)
{
  WsCompensationClaim *self = g_object_new (WS_TYPE_COMPENSATION_CLAIM, NULL);

  RECORD (self)->v[CLAIM_PERSON_ID].i = person_id;
  RECORD (self)->v[CLAIM_CURRENCY].s = g_strdup ("EUR");
  return self;
}

GET_INT (WsCompensationClaim, ws_compensation_claim, id, CLAIM_ID, gint64)
GET_INT (WsCompensationClaim, ws_compensation_claim, person_id, CLAIM_PERSON_ID, gint64)
INT_FIELD (WsCompensationClaim, ws_compensation_claim, case_id, CLAIM_CASE_ID, gint64)
GET_STRING (WsCompensationClaim, ws_compensation_claim, case_reference, CLAIM_CASE_REFERENCE)
INT_FIELD (WsCompensationClaim, ws_compensation_claim, head, CLAIM_HEAD, WsClaimHead)
INT_FIELD (WsCompensationClaim, ws_compensation_claim, route, CLAIM_ROUTE, WsClaimRoute)
INT_FIELD (WsCompensationClaim, ws_compensation_claim, claimed_minor, CLAIM_CLAIMED, gint64)
INT_FIELD (WsCompensationClaim, ws_compensation_claim, awarded_minor, CLAIM_AWARDED, gint64)
STRING_FIELD (WsCompensationClaim, ws_compensation_claim, currency, CLAIM_CURRENCY)
INT_FIELD (WsCompensationClaim, ws_compensation_claim, status, CLAIM_STATUS, WsClaimStatus)

void
ws_compensation_claim_validate (WsCompensationClaim *self,
                                GPtrArray           *problems)
{
  WsClaimStatus status;
  gint64 awarded;

  g_return_if_fail (WS_IS_COMPENSATION_CLAIM (self));
  g_return_if_fail (problems != NULL);

  if (!enum_is_valid (WS_TYPE_CLAIM_HEAD, ws_compensation_claim_get_head (self)))
    ws_problems_add (problems, "head", _("Choose what the claim is for"));
  if (!enum_is_valid (WS_TYPE_CLAIM_ROUTE, ws_compensation_claim_get_route (self)))
    ws_problems_add (problems, "route", _("Choose how the claim is pursued"));
  status = ws_compensation_claim_get_status (self);
  if (!enum_is_valid (WS_TYPE_CLAIM_STATUS, status))
    ws_problems_add (problems, "status", _("Choose a status"));
  if (ws_compensation_claim_get_claimed_minor (self) < 0)
    ws_problems_add (problems, "claimed", _("The amount claimed cannot be negative"));
  awarded = ws_compensation_claim_get_awarded_minor (self);
  if (awarded < -1)
    ws_problems_add (problems, "awarded", _("The amount awarded cannot be negative"));
  else if (awarded == -1 && (status == WS_CLAIM_STATUS_AWARDED || status == WS_CLAIM_STATUS_PAID))
    ws_problems_add (problems, "awarded", _("Enter the amount awarded"));
  check_currency (problems, ws_compensation_claim_get_currency (self));
}

/* ------------------------------------------------------------------ */

void
ws_plan_overview_clear (WsPlanOverview *overview)
{
  g_clear_pointer (&overview->phase_since, g_free);
  g_clear_pointer (&overview->next_review, g_free);
}
