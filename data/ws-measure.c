/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-measure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-enums.h"
#include "ws-measure-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* ------------------------------------------------------------------ */
/* The catalogue (DOMAIN.md, "Protective (special) measures")          */

#define SESSION_NEEDS N_("A confirmed video-link session for the witness at the hearing, or a booking reference.")
#define BY_HAND_NEEDS N_("Marked arranged by hand once it is in place.")

/* Codes are stored in measure.type and the exchange format: never
 * rename one. The order is the order pickers show. */
static const WsMeasureType catalogue[] = {
  { "video-link-room", N_("Video link from another room of the court"), SESSION_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_SESSION, TRUE, TRUE },
  { "cctv-other-city", N_("Video link or CCTV from another city"), SESSION_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_SESSION, TRUE, FALSE },
  { "video-link-abroad", N_("Video link from another country"), SESSION_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_SESSION, TRUE, FALSE },
  { "screens", N_("Screens shielding the witness from the accused and the public"),
    N_("The screen and court room booked, recorded as the booking reference."),
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BOOKING, TRUE, TRUE },
  { "in-camera", N_("Closed hearing (in camera)"),
    N_("The closed session's room and time recorded as the booking reference."),
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BOOKING, TRUE, FALSE },
  { "pseudonym", N_("Pseudonym; identifying details withheld from the record"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, FALSE, FALSE },
  { "voice-distortion", N_("Voice distortion"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "image-distortion", N_("Image distortion"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "support-person", N_("Support person present"),
    N_("A support person named on the witness's session for the hearing, or a booking reference."),
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_SUPPORT_PERSON, TRUE, TRUE },
  { "intermediary", N_("Intermediary or communication aid"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "robes-removed", N_("Robes and uniforms removed"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "recorded-interview", N_("Video-recorded interview admitted as evidence in chief"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, TRUE },
  { "written-statement", N_("Written statement admitted in lieu of live testimony"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "earlier-trial-evidence", N_("Evidence from an earlier trial re-admitted"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "separate-waiting", N_("Separate waiting area, entrance and timing"),
    N_("The waiting room and arrival times recorded as the booking reference."),
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BOOKING, TRUE, FALSE },
  { "questioning-limits", N_("Limits on how the witness is questioned"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_IN_COURT, WS_ARRANGEMENT_BY_HAND, TRUE, FALSE },
  { "non-disclosure", N_("Non-disclosure of identity and location"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_OUT_OF_COURT, WS_ARRANGEMENT_BY_HAND, FALSE, FALSE },
  { "shelter-security", N_("Security measures at the shelter"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_OUT_OF_COURT, WS_ARRANGEMENT_BY_HAND, FALSE, FALSE },
  { "pretrial-detention", N_("Pre-trial detention of the accused (a court matter, recorded for risk)"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_OUT_OF_COURT, WS_ARRANGEMENT_BY_HAND, FALSE, FALSE },
  { "protection-programme", N_("Witness protection programme"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_OUT_OF_COURT, WS_ARRANGEMENT_BY_HAND, FALSE, FALSE },
  { "post-trial-protection", N_("Ongoing protection after the trial"), BY_HAND_NEEDS,
    WS_MEASURE_SETTING_OUT_OF_COURT, WS_ARRANGEMENT_BY_HAND, FALSE, FALSE },
};

/**
 * ws_measure_types_get_all:
 * @n_types: (out): how many there are
 *
 * Returns: (array length=n_types): the catalogue of protective measures
 */
const WsMeasureType *
ws_measure_types_get_all (guint *n_types)
{
  g_return_val_if_fail (n_types != NULL, NULL);

  *n_types = G_N_ELEMENTS (catalogue);
  return catalogue;
}

/**
 * ws_measure_type_lookup:
 *
 * Returns: (nullable): the catalogue entry for @code, or %NULL if unknown
 */
const WsMeasureType *
ws_measure_type_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (g_str_equal (catalogue[i].code, code))
      return &catalogue[i];
  return NULL;
}

/**
 * ws_measure_type_get_label:
 *
 * Returns: the translated name of the measure, or @code itself if the
 *   catalogue does not know it (a record imported from elsewhere)
 */
const char *
ws_measure_type_get_label (const char *code)
{
  const WsMeasureType *type = ws_measure_type_lookup (code);

  return type != NULL ? _(type->label) : code;
}

/**
 * ws_measure_type_get_needs:
 *
 * Returns: what arranging the measure needs, translated
 */
const char *
ws_measure_type_get_needs (const char *code)
{
  const WsMeasureType *type = ws_measure_type_lookup (code);

  return _(type != NULL ? type->needs : BY_HAND_NEEDS);
}

const char *
ws_measure_status_get_label (WsMeasureStatus status)
{
  switch (status)
    {
    case WS_MEASURE_STATUS_PROPOSED: return _("Proposed");
    case WS_MEASURE_STATUS_APPLIED_FOR: return _("Applied for");
    case WS_MEASURE_STATUS_GRANTED: return _("Granted");
    case WS_MEASURE_STATUS_REFUSED: return _("Refused");
    case WS_MEASURE_STATUS_WITHDRAWN: return _("Withdrawn");
    case WS_MEASURE_STATUS_ARRANGED: return _("Arranged");
    default: return _("Unknown status");
    }
}

/* The same, inside a sentence ("a measure that is applied for …"). */
static const char *
status_in_sentence (WsMeasureStatus status)
{
  switch (status)
    {
    case WS_MEASURE_STATUS_PROPOSED: return C_("measure status in a sentence", "proposed");
    case WS_MEASURE_STATUS_APPLIED_FOR: return C_("measure status in a sentence", "applied for");
    case WS_MEASURE_STATUS_GRANTED: return C_("measure status in a sentence", "granted");
    case WS_MEASURE_STATUS_REFUSED: return C_("measure status in a sentence", "refused");
    case WS_MEASURE_STATUS_WITHDRAWN: return C_("measure status in a sentence", "withdrawn");
    case WS_MEASURE_STATUS_ARRANGED: return C_("measure status in a sentence", "arranged");
    default: return "?";
    }
}

const char *
ws_readiness_get_label (WsReadiness readiness)
{
  switch (readiness)
    {
    case WS_READINESS_UNDECIDED: return _("Undecided");
    case WS_READINESS_GRANTED_NOT_ARRANGED: return _("Granted, not arranged");
    case WS_READINESS_ARRANGED: return _("Arranged");
    case WS_READINESS_REFUSED: return _("Refused");
    case WS_READINESS_WITHDRAWN: return _("Withdrawn");
    default: return _("Unknown");
    }
}

/**
 * ws_arranged_by_get_label:
 * @type: (nullable): the measure's type, for a more precise wording
 *
 * Returns: what arranged a measure, in a few words
 */
const char *
ws_arranged_by_get_label (WsArrangedBy  arranged_by,
                          const char   *type)
{
  const WsMeasureType *entry = ws_measure_type_lookup (type);

  switch (arranged_by)
    {
    case WS_ARRANGED_BY_SESSION:
      return entry != NULL && entry->arrangement == WS_ARRANGEMENT_SUPPORT_PERSON
             ? _("Support person named for the hearing") : _("Confirmed video-link session");
    case WS_ARRANGED_BY_BOOKING: return _("Booking recorded");
    case WS_ARRANGED_BY_HAND: return _("Marked arranged");
    case WS_ARRANGED_BY_NOTHING:
    default: return _("Not arranged");
    }
}

/* ------------------------------------------------------------------ */
/* The status machine                                                  */

#define BIT(status) (1u << (status))

/* proposed → applied for → granted | refused | withdrawn; granted →
 * arranged | withdrawn; arranged → withdrawn; refused → applied for.
 * A proposal may also be dropped (withdrawn) before anyone applies:
 * the system proposes aids by itself and "considered, not wanted" must
 * be recordable without deleting the record. Arranged falling back to
 * granted is computed from the data, never a stored step. */
static const guint allowed[] = {
  [WS_MEASURE_STATUS_PROPOSED] = BIT (WS_MEASURE_STATUS_APPLIED_FOR) | BIT (WS_MEASURE_STATUS_WITHDRAWN),
  [WS_MEASURE_STATUS_APPLIED_FOR] = BIT (WS_MEASURE_STATUS_GRANTED) | BIT (WS_MEASURE_STATUS_REFUSED) |
                                    BIT (WS_MEASURE_STATUS_WITHDRAWN),
  [WS_MEASURE_STATUS_GRANTED] = BIT (WS_MEASURE_STATUS_ARRANGED) | BIT (WS_MEASURE_STATUS_WITHDRAWN),
  [WS_MEASURE_STATUS_REFUSED] = BIT (WS_MEASURE_STATUS_APPLIED_FOR),
  [WS_MEASURE_STATUS_WITHDRAWN] = 0,
  [WS_MEASURE_STATUS_ARRANGED] = BIT (WS_MEASURE_STATUS_WITHDRAWN),
};

static gboolean
status_is_valid (WsMeasureStatus status)
{
  return (guint) status < G_N_ELEMENTS (allowed);
}

gboolean
ws_measure_status_can_change (WsMeasureStatus from,
                              WsMeasureStatus to)
{
  return status_is_valid (from) && status_is_valid (to) && (allowed[from] & BIT (to)) != 0;
}

/* What to do instead, said so the officer knows the next step. */
static const char *
change_hint (WsMeasureStatus from,
             WsMeasureStatus to)
{
  if (from == WS_MEASURE_STATUS_WITHDRAWN)
    return _("a withdrawn measure stays withdrawn; record it again to propose it anew");
  if (from == WS_MEASURE_STATUS_REFUSED)
    return _("apply again first");
  if (to == WS_MEASURE_STATUS_PROPOSED)
    return _("a measure is proposed only when it is first recorded");
  if (from == WS_MEASURE_STATUS_ARRANGED && to == WS_MEASURE_STATUS_GRANTED)
    return _("it counts as not arranged by itself when what arranged it is removed");
  if (to == WS_MEASURE_STATUS_ARRANGED)
    return _("the court must grant it first");
  if (from == WS_MEASURE_STATUS_PROPOSED)
    return _("apply for it first");
  return _("the court has already granted it; withdraw it instead");
}

/**
 * ws_measure_status_check_change:
 *
 * Returns: %TRUE if a measure that is @from may become @to, or %FALSE
 *   with @error (%WS_DATABASE_ERROR_INVALID) saying why not and what to
 *   do instead
 */
gboolean
ws_measure_status_check_change (WsMeasureStatus   from,
                                WsMeasureStatus   to,
                                GError          **error)
{
  g_return_val_if_fail (status_is_valid (from) && status_is_valid (to), FALSE);

  if (ws_measure_status_can_change (from, to))
    return TRUE;
  if (from == to)
    g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                 /* Translators: %s is a status such as "granted" */
                 _("The measure is already %s"), status_in_sentence (from));
  else
    g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                 /* Translators: "A measure that is refused cannot become arranged; apply again first" */
                 _("A measure that is %s cannot become %s; %s"),
                 status_in_sentence (from), status_in_sentence (to), change_hint (from, to));
  return FALSE;
}

WsReadiness
_ws_readiness_from (WsMeasureStatus status,
                    WsArrangedBy    arranged_by)
{
  switch (status)
    {
    case WS_MEASURE_STATUS_PROPOSED:
    case WS_MEASURE_STATUS_APPLIED_FOR:
      return WS_READINESS_UNDECIDED;
    case WS_MEASURE_STATUS_REFUSED:
      return WS_READINESS_REFUSED;
    case WS_MEASURE_STATUS_WITHDRAWN:
      return WS_READINESS_WITHDRAWN;
    case WS_MEASURE_STATUS_GRANTED:
    case WS_MEASURE_STATUS_ARRANGED:
    default:
      return arranged_by != WS_ARRANGED_BY_NOTHING ? WS_READINESS_ARRANGED : WS_READINESS_GRANTED_NOT_ARRANGED;
    }
}

/* ------------------------------------------------------------------ */
/* Readiness in SQL                                                    */

static void
append_codes (GString       *sql,
              WsArrangement  arrangement)
{
  gboolean first = TRUE;

  g_string_append_c (sql, '(');
  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (catalogue[i].arrangement == arrangement)
      {
        /* Codes are compile-time constants without quotes. */
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", catalogue[i].code);
        first = FALSE;
      }
  g_string_append_c (sql, ')');
}

/* Sessions of the measure's witness at its target hearing; with no
 * target (a whole-proceedings measure and no hearing ahead), at any
 * hearing of the case. */
#define SESSION_AT_TARGET \
  "EXISTS (SELECT 1 FROM session s WHERE s.person_id = m.person_id AND %s" \
  " AND (s.hearing_id = m.th OR (m.th IS NULL AND s.hearing_id IN" \
  " (SELECT hx.id FROM hearing hx WHERE hx.case_id = m.case_id))))"

static char *
build_arranged_by_sql (void)
{
  GString *sql = g_string_new ("(CASE WHEN m.status NOT IN ('granted', 'arranged') THEN 0");

  g_string_append (sql, " WHEN m.type IN ");
  append_codes (sql, WS_ARRANGEMENT_SESSION);
  g_string_append_printf (sql, " AND " SESSION_AT_TARGET " THEN %d", "s.status = 'confirmed'", WS_ARRANGED_BY_SESSION);
  g_string_append (sql, " WHEN m.type IN ");
  append_codes (sql, WS_ARRANGEMENT_SUPPORT_PERSON);
  g_string_append_printf (sql, " AND " SESSION_AT_TARGET " THEN %d",
                          "s.status <> 'cancelled' AND trim (s.support_person) <> ''", WS_ARRANGED_BY_SESSION);
  /* Every type the data can tell about; the rest are arranged by hand. */
  g_string_append (sql, " WHEN m.type IN ");
  append_codes (sql, WS_ARRANGEMENT_SESSION);
  g_string_append (sql, " OR m.type IN ");
  append_codes (sql, WS_ARRANGEMENT_SUPPORT_PERSON);
  g_string_append (sql, " OR m.type IN ");
  append_codes (sql, WS_ARRANGEMENT_BOOKING);
  g_string_append_printf (sql, " THEN iif (trim (m.booking_reference) <> '', %d, %d)",
                          WS_ARRANGED_BY_BOOKING, WS_ARRANGED_BY_NOTHING);
  g_string_append_printf (sql, " WHEN m.status = 'arranged' THEN %d ELSE %d END)",
                          WS_ARRANGED_BY_HAND, WS_ARRANGED_BY_NOTHING);
  return g_string_free (sql, FALSE);
}

/**
 * _ws_measure_arranged_by_sql:
 *
 * An SQL expression giving the #WsArrangedBy of a measure row aliased
 * `m` that also has a column `th`: the hearing it is judged against.
 */
const char *
_ws_measure_arranged_by_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, build_arranged_by_sql ());
  return sql;
}

static char *
build_readiness_sql (void)
{
  return g_strdup_printf ("(CASE WHEN m.status IN ('proposed', 'applied-for') THEN %d"
                          " WHEN m.status = 'refused' THEN %d WHEN m.status = 'withdrawn' THEN %d"
                          " WHEN %s <> %d THEN %d ELSE %d END)",
                          WS_READINESS_UNDECIDED, WS_READINESS_REFUSED, WS_READINESS_WITHDRAWN,
                          _ws_measure_arranged_by_sql (), WS_ARRANGED_BY_NOTHING,
                          WS_READINESS_ARRANGED, WS_READINESS_GRANTED_NOT_ARRANGED);
}

/**
 * _ws_measure_readiness_sql:
 *
 * An SQL expression giving the #WsReadiness of a row as for
 * _ws_measure_arranged_by_sql(), so lists of hearings count readiness
 * in one query instead of one per measure.
 */
const char *
_ws_measure_readiness_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, build_readiness_sql ());
  return sql;
}

/* ------------------------------------------------------------------ */
/* WsMeasure                                                           */

/* Free-text and date columns, in property order. */
enum {
  S_TYPE,
  S_REQUESTED_BY,
  S_APPLIED_ON,
  S_DECIDED_BY,
  S_DECIDED_ON,
  S_LEGAL_BASIS,
  S_REFUSAL_REASON,
  S_DEFENCE_POSITION,
  S_BOOKING_REFERENCE,
  S_NOTES,
  S_ALTERNATIVE,
  N_STRINGS
};

struct _WsMeasure
{
  GObject          parent_instance;

  gint64           id;
  gint64           case_id;
  gint64           person_id;
  gint64           hearing_id;
  WsMeasureStatus  status;
  char            *strings[N_STRINGS];

  /* read-only, filled when loaded */
  char            *pseudonym;
  char            *case_reference;
  GDateTime       *hearing_starts_at;
  char            *hearing_zone;
  WsArrangedBy     arranged_by;
};

G_DEFINE_FINAL_TYPE (WsMeasure, ws_measure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_PERSON_ID,
  PROP_HEARING_ID,
  PROP_STATUS,
  PROP_MEASURE_TYPE,
  PROP_REQUESTED_BY,
  PROP_APPLIED_ON,
  PROP_DECIDED_BY,
  PROP_DECIDED_ON,
  PROP_LEGAL_BASIS,
  PROP_REFUSAL_REASON,
  PROP_DEFENCE_POSITION,
  PROP_BOOKING_REFERENCE,
  PROP_NOTES,
  PROP_ALTERNATIVE,
  PROP_PSEUDONYM,
  PROP_CASE_REFERENCE,
  PROP_HEARING_STARTS_AT,
  PROP_HEARING_ZONE,
  PROP_READINESS,
  PROP_ARRANGED_BY,
  N_PROPS
};

#define FIRST_STRING_PROP PROP_MEASURE_TYPE
G_STATIC_ASSERT (PROP_ALTERNATIVE - FIRST_STRING_PROP == S_ALTERNATIVE);

static GParamSpec *properties[N_PROPS];

static gboolean
is_date_field (guint index)
{
  return index == S_APPLIED_ON || index == S_DECIDED_ON;
}

/* Dates are NULL when not set (they are NULL in SQL); text is "". */
static void
set_string (WsMeasure  *self,
            guint       index,
            const char *value)
{
  if (is_date_field (index) && value != NULL && *value == '\0')
    value = NULL;
  if (!is_date_field (index) && value == NULL)
    value = "";
  if (g_strcmp0 (self->strings[index], value) == 0)
    return;
  g_free (self->strings[index]);
  self->strings[index] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[FIRST_STRING_PROP + index]);
}

static void
set_id (WsMeasure *self,
        gint64    *field,
        gint64     value,
        guint      prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
ws_measure_finalize (GObject *object)
{
  WsMeasure *self = (WsMeasure *)object;

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  g_free (self->pseudonym);
  g_free (self->case_reference);
  g_clear_pointer (&self->hearing_starts_at, g_date_time_unref);
  g_free (self->hearing_zone);

  G_OBJECT_CLASS (ws_measure_parent_class)->finalize (object);
}

static void
ws_measure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WsMeasure *self = WS_MEASURE (object);

  if (prop_id >= FIRST_STRING_PROP && prop_id < FIRST_STRING_PROP + N_STRINGS)
    {
      g_value_set_string (value, self->strings[prop_id - FIRST_STRING_PROP]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CASE_ID: g_value_set_int64 (value, self->case_id); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_HEARING_ID: g_value_set_int64 (value, self->hearing_id); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_PSEUDONYM: g_value_set_string (value, self->pseudonym); break;
    case PROP_CASE_REFERENCE: g_value_set_string (value, self->case_reference); break;
    case PROP_HEARING_STARTS_AT: g_value_set_boxed (value, self->hearing_starts_at); break;
    case PROP_HEARING_ZONE: g_value_set_string (value, self->hearing_zone); break;
    case PROP_READINESS: g_value_set_enum (value, ws_measure_get_readiness (self)); break;
    case PROP_ARRANGED_BY: g_value_set_enum (value, self->arranged_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_measure_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WsMeasure *self = WS_MEASURE (object);

  if (prop_id >= FIRST_STRING_PROP && prop_id < FIRST_STRING_PROP + N_STRINGS)
    {
      set_string (self, prop_id - FIRST_STRING_PROP, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_CASE_ID: ws_measure_set_case_id (self, g_value_get_int64 (value)); break;
    case PROP_PERSON_ID: ws_measure_set_person_id (self, g_value_get_int64 (value)); break;
    case PROP_HEARING_ID: ws_measure_set_hearing_id (self, g_value_get_int64 (value)); break;
    case PROP_STATUS: ws_measure_set_status (self, g_value_get_enum (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_measure_class_init (WsMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[N_STRINGS] = {
    "measure-type", "requested-by", "applied-on", "decided-by", "decided-on", "legal-basis",
    "refusal-reason", "defence-position", "booking-reference", "notes", "alternative",
  };

  object_class->finalize = ws_measure_finalize;
  object_class->get_property = ws_measure_get_property;
  object_class->set_property = ws_measure_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HEARING_ID] = g_param_spec_int64 ("hearing-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, WS_TYPE_MEASURE_STATUS,
                                               WS_MEASURE_STATUS_PROPOSED, rw);
  for (guint i = 0; i < N_STRINGS; i++)
    properties[FIRST_STRING_PROP + i] = g_param_spec_string (string_names[i], NULL, NULL,
                                                             is_date_field (i) ? NULL : "", rw);
  properties[PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, ro);
  properties[PROP_CASE_REFERENCE] = g_param_spec_string ("case-reference", NULL, NULL, NULL, ro);
  properties[PROP_HEARING_STARTS_AT] = g_param_spec_boxed ("hearing-starts-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_HEARING_ZONE] = g_param_spec_string ("hearing-zone", NULL, NULL, NULL, ro);
  properties[PROP_READINESS] = g_param_spec_enum ("readiness", NULL, NULL, WS_TYPE_READINESS,
                                                  WS_READINESS_UNDECIDED, ro);
  properties[PROP_ARRANGED_BY] = g_param_spec_enum ("arranged-by", NULL, NULL, WS_TYPE_ARRANGED_BY,
                                                    WS_ARRANGED_BY_NOTHING, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ws_measure_init (WsMeasure *self)
{
  for (guint i = 0; i < N_STRINGS; i++)
    if (!is_date_field (i))
      self->strings[i] = g_strdup ("");
}

WsMeasure *
ws_measure_new (void)
{
  return g_object_new (WS_TYPE_MEASURE, NULL);
}

/**
 * ws_measure_copy:
 *
 * Returns: (transfer full): an independent copy for editing, with what
 *   was computed when @self was loaded
 */
WsMeasure *
ws_measure_copy (WsMeasure *self)
{
  WsMeasure *copy;

  g_return_val_if_fail (WS_IS_MEASURE (self), NULL);

  copy = ws_measure_new ();
  copy->id = self->id;
  copy->case_id = self->case_id;
  copy->person_id = self->person_id;
  copy->hearing_id = self->hearing_id;
  copy->status = self->status;
  for (guint i = 0; i < N_STRINGS; i++)
    {
      g_free (copy->strings[i]);
      copy->strings[i] = g_strdup (self->strings[i]);
    }
  _ws_measure_set_loaded (copy, self->pseudonym, self->case_reference, self->hearing_starts_at,
                          self->hearing_zone, self->arranged_by);
  return copy;
}

void
_ws_measure_set_id (WsMeasure *self,
                    gint64     id)
{
  set_id (self, &self->id, id, PROP_ID);
}

void
_ws_measure_set_loaded (WsMeasure    *self,
                        const char   *pseudonym,
                        const char   *case_reference,
                        GDateTime    *hearing_starts_at,
                        const char   *hearing_zone,
                        WsArrangedBy  arranged_by)
{
  g_free (self->pseudonym);
  self->pseudonym = g_strdup (pseudonym);
  g_free (self->case_reference);
  self->case_reference = g_strdup (case_reference);
  g_clear_pointer (&self->hearing_starts_at, g_date_time_unref);
  self->hearing_starts_at = hearing_starts_at != NULL ? g_date_time_ref (hearing_starts_at) : NULL;
  g_free (self->hearing_zone);
  self->hearing_zone = g_strdup (hearing_zone);
  self->arranged_by = arranged_by;
}

gint64
ws_measure_get_id (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), 0);
  return self->id;
}

gint64
ws_measure_get_case_id (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), 0);
  return self->case_id;
}

void
ws_measure_set_case_id (WsMeasure *self,
                        gint64     case_id)
{
  g_return_if_fail (WS_IS_MEASURE (self));
  set_id (self, &self->case_id, case_id, PROP_CASE_ID);
}

/**
 * ws_measure_get_person_id:
 *
 * Returns: the witness the measure is for, or 0 for every witness of the case
 */
gint64
ws_measure_get_person_id (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), 0);
  return self->person_id;
}

void
ws_measure_set_person_id (WsMeasure *self,
                          gint64     person_id)
{
  g_return_if_fail (WS_IS_MEASURE (self));
  set_id (self, &self->person_id, person_id, PROP_PERSON_ID);
}

/**
 * ws_measure_get_hearing_id:
 *
 * Returns: the hearing the measure is for, or 0 for the whole proceedings
 */
gint64
ws_measure_get_hearing_id (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), 0);
  return self->hearing_id;
}

void
ws_measure_set_hearing_id (WsMeasure *self,
                           gint64     hearing_id)
{
  g_return_if_fail (WS_IS_MEASURE (self));
  set_id (self, &self->hearing_id, hearing_id, PROP_HEARING_ID);
}

WsMeasureStatus
ws_measure_get_status (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), WS_MEASURE_STATUS_PROPOSED);
  return self->status;
}

/**
 * ws_measure_set_status:
 *
 * Sets the status of a measure being recorded for the first time; an
 * existing measure changes status only through
 * ws_database_change_measure_status(), which keeps its history.
 */
void
ws_measure_set_status (WsMeasure       *self,
                       WsMeasureStatus  status)
{
  g_return_if_fail (WS_IS_MEASURE (self));
  g_return_if_fail (status_is_valid (status));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINESS]);
}

#define STRING_ACCESSORS(name, index)                         \
  const char *                                                \
  ws_measure_get_##name (WsMeasure *self)                     \
  {                                                           \
    g_return_val_if_fail (WS_IS_MEASURE (self), NULL);        \
    return self->strings[index];                              \
  }                                                           \
                                                              \
  void                                                        \
  ws_measure_set_##name (WsMeasure  *self,                    \
                         const char *value)                   \
  {                                                           \
    g_return_if_fail (WS_IS_MEASURE (self));                  \
    set_string (self, index, value);                          \
  }

STRING_ACCESSORS (measure_type, S_TYPE)
STRING_ACCESSORS (requested_by, S_REQUESTED_BY)
STRING_ACCESSORS (applied_on, S_APPLIED_ON)
STRING_ACCESSORS (decided_by, S_DECIDED_BY)
STRING_ACCESSORS (decided_on, S_DECIDED_ON)
STRING_ACCESSORS (legal_basis, S_LEGAL_BASIS)
STRING_ACCESSORS (refusal_reason, S_REFUSAL_REASON)
STRING_ACCESSORS (defence_position, S_DEFENCE_POSITION)
STRING_ACCESSORS (booking_reference, S_BOOKING_REFERENCE)
STRING_ACCESSORS (notes, S_NOTES)
STRING_ACCESSORS (alternative, S_ALTERNATIVE)

/**
 * ws_measure_get_pseudonym:
 *
 * Returns: (nullable): the witness's pseudonym, %NULL for a measure for
 *   every witness of the case or one not loaded from the database
 */
const char *
ws_measure_get_pseudonym (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), NULL);
  return self->pseudonym;
}

const char *
ws_measure_get_case_reference (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), NULL);
  return self->case_reference;
}

/**
 * ws_measure_get_hearing_starts_at:
 *
 * Returns: (nullable) (transfer none): when the measure's hearing starts
 *   (UTC), %NULL for a whole-proceedings measure
 */
GDateTime *
ws_measure_get_hearing_starts_at (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), NULL);
  return self->hearing_starts_at;
}

/**
 * ws_measure_get_hearing_zone:
 *
 * Returns: (nullable): the IANA zone of the measure's hearing
 */
const char *
ws_measure_get_hearing_zone (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), NULL);
  return self->hearing_zone;
}

/**
 * ws_measure_get_arranged_by:
 *
 * Returns: what showed the measure arranged when it was loaded. For a
 *   whole-proceedings measure loaded with a hearing, that hearing was
 *   checked; loaded on its own, the case's next hearing (or, with none
 *   ahead, any hearing of the case).
 */
WsArrangedBy
ws_measure_get_arranged_by (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), WS_ARRANGED_BY_NOTHING);
  return self->arranged_by;
}

/**
 * ws_measure_get_readiness:
 *
 * Returns: the readiness computed from the status and what arranged the
 *   measure when it was loaded (see ws_measure_get_arranged_by())
 */
WsReadiness
ws_measure_get_readiness (WsMeasure *self)
{
  g_return_val_if_fail (WS_IS_MEASURE (self), WS_READINESS_UNDECIDED);
  return _ws_readiness_from (self->status, self->arranged_by);
}

static gboolean
validate_date (GPtrArray  *problems,
               const char *field,
               const char *value,
               GDate      *date)
{
  if (value == NULL)
    return FALSE;
  if (!ws_time_parse_date (value, date))
    {
      /* Translators: %s is what the user typed */
      ws_problems_add (problems, field, _("%s is not a date (use YYYY-MM-DD)"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_decided (WsMeasureStatus status)
{
  return status == WS_MEASURE_STATUS_GRANTED || status == WS_MEASURE_STATUS_REFUSED ||
         status == WS_MEASURE_STATUS_ARRANGED;
}

/**
 * ws_measure_validate:
 * @problems: (element-type WsProblem): where to add what is wrong, by field name
 *
 * Checks the rules that need no database: a known type, dates that exist
 * and are in order, a decision with who made it and when, a refusal
 * with its reason.
 */
void
ws_measure_validate (WsMeasure *self,
                     GPtrArray *problems)
{
  GDate applied, decided;
  gboolean has_applied, has_decided;

  g_return_if_fail (WS_IS_MEASURE (self));
  g_return_if_fail (problems != NULL);

  if (self->case_id <= 0)
    ws_problems_add (problems, "case", _("A measure belongs to a case"));
  if (ws_text_is_blank (self->strings[S_TYPE]))
    ws_problems_add (problems, "type", _("Choose the kind of measure"));
  else if (ws_measure_type_lookup (self->strings[S_TYPE]) == NULL)
    ws_problems_add (problems, "type", _("“%s” is not a protective measure this program knows"),
                     self->strings[S_TYPE]);

  has_applied = validate_date (problems, "applied_on", self->strings[S_APPLIED_ON], &applied);
  has_decided = validate_date (problems, "decided_on", self->strings[S_DECIDED_ON], &decided);
  if (has_applied && has_decided && g_date_compare (&applied, &decided) > 0)
    ws_problems_add (problems, "decided_on", _("The decision cannot come before the application"));

  if (is_decided (self->status))
    {
      if (ws_text_is_blank (self->strings[S_DECIDED_BY]))
        ws_problems_add (problems, "decided_by", _("Record who decided (the court or judge)"));
      if (self->strings[S_DECIDED_ON] == NULL)
        ws_problems_add (problems, "decided_on", _("Record the date of the decision"));
    }
  if (self->status == WS_MEASURE_STATUS_REFUSED && ws_text_is_blank (self->strings[S_REFUSAL_REASON]))
    ws_problems_add (problems, "refusal_reason", _("Record the court's reason for refusing"));
}

/* ------------------------------------------------------------------ */
/* WsMeasureChange                                                     */

struct _WsMeasureChange
{
  GObject          parent_instance;

  gint64           id;
  gint64           measure_id;
  WsMeasureStatus  status;
  GDateTime       *changed_at;
  char            *changed_by;
  char            *note;
};

G_DEFINE_FINAL_TYPE (WsMeasureChange, ws_measure_change, G_TYPE_OBJECT)

enum {
  CHANGE_PROP_0,
  CHANGE_PROP_STATUS,
  CHANGE_PROP_CHANGED_AT,
  CHANGE_PROP_CHANGED_BY,
  CHANGE_PROP_NOTE,
  CHANGE_N_PROPS
};

static GParamSpec *change_properties[CHANGE_N_PROPS];

static void
ws_measure_change_finalize (GObject *object)
{
  WsMeasureChange *self = (WsMeasureChange *)object;

  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self->note);

  G_OBJECT_CLASS (ws_measure_change_parent_class)->finalize (object);
}

static void
ws_measure_change_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WsMeasureChange *self = WS_MEASURE_CHANGE (object);

  switch (prop_id)
    {
    case CHANGE_PROP_STATUS: g_value_set_enum (value, self->status); break;
    case CHANGE_PROP_CHANGED_AT: g_value_set_boxed (value, self->changed_at); break;
    case CHANGE_PROP_CHANGED_BY: g_value_set_string (value, self->changed_by); break;
    case CHANGE_PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_measure_change_class_init (WsMeasureChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_measure_change_finalize;
  object_class->get_property = ws_measure_change_get_property;

  change_properties[CHANGE_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, WS_TYPE_MEASURE_STATUS, WS_MEASURE_STATUS_PROPOSED, ro);
  change_properties[CHANGE_PROP_CHANGED_AT] =
    g_param_spec_boxed ("changed-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  change_properties[CHANGE_PROP_CHANGED_BY] = g_param_spec_string ("changed-by", NULL, NULL, NULL, ro);
  change_properties[CHANGE_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, CHANGE_N_PROPS, change_properties);
}

static void
ws_measure_change_init (WsMeasureChange *self)
{
}

WsMeasureChange *
_ws_measure_change_new (gint64           id,
                        gint64           measure_id,
                        WsMeasureStatus  status,
                        GDateTime       *changed_at,
                        const char      *changed_by,
                        const char      *note)
{
  WsMeasureChange *self = g_object_new (WS_TYPE_MEASURE_CHANGE, NULL);

  self->id = id;
  self->measure_id = measure_id;
  self->status = status;
  self->changed_at = changed_at != NULL ? g_date_time_ref (changed_at) : NULL;
  self->changed_by = g_strdup (changed_by);
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

gint64
ws_measure_change_get_id (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), 0);
  return self->id;
}

gint64
ws_measure_change_get_measure_id (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), 0);
  return self->measure_id;
}

WsMeasureStatus
ws_measure_change_get_status (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), WS_MEASURE_STATUS_PROPOSED);
  return self->status;
}

/**
 * ws_measure_change_get_changed_at:
 *
 * Returns: (transfer none) (nullable): when, in UTC; %NULL only for a
 *   malformed imported record
 */
GDateTime *
ws_measure_change_get_changed_at (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), NULL);
  return self->changed_at;
}

const char *
ws_measure_change_get_changed_by (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), NULL);
  return self->changed_by;
}

const char *
ws_measure_change_get_note (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), NULL);
  return self->note;
}

/**
 * ws_measure_change_is_automatic:
 *
 * Returns: %TRUE if the program made this change by itself (for
 *   example testimonial aids proposed for a child)
 */
gboolean
ws_measure_change_is_automatic (WsMeasureChange *self)
{
  g_return_val_if_fail (WS_IS_MEASURE_CHANGE (self), FALSE);
  return g_strcmp0 (self->changed_by, WS_MEASURE_SYSTEM_ACTOR) == 0;
}

/* ------------------------------------------------------------------ */
/* WsScreening                                                         */

struct _WsScreening
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  gint64   case_id;
  gint64   accused_id;
  char    *accused_label;
  char    *pseudonym;
  char    *case_reference;
};

G_DEFINE_FINAL_TYPE (WsScreening, ws_screening, G_TYPE_OBJECT)

enum {
  SCREENING_PROP_0,
  SCREENING_PROP_ACCUSED_LABEL,
  SCREENING_PROP_PSEUDONYM,
  SCREENING_PROP_CASE_REFERENCE,
  SCREENING_N_PROPS
};

static GParamSpec *screening_properties[SCREENING_N_PROPS];

static void
ws_screening_finalize (GObject *object)
{
  WsScreening *self = (WsScreening *)object;

  g_free (self->accused_label);
  g_free (self->pseudonym);
  g_free (self->case_reference);

  G_OBJECT_CLASS (ws_screening_parent_class)->finalize (object);
}

static void
ws_screening_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WsScreening *self = WS_SCREENING (object);

  switch (prop_id)
    {
    case SCREENING_PROP_ACCUSED_LABEL: g_value_set_string (value, self->accused_label); break;
    case SCREENING_PROP_PSEUDONYM: g_value_set_string (value, self->pseudonym); break;
    case SCREENING_PROP_CASE_REFERENCE: g_value_set_string (value, self->case_reference); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_screening_class_init (WsScreeningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_screening_finalize;
  object_class->get_property = ws_screening_get_property;

  screening_properties[SCREENING_PROP_ACCUSED_LABEL] = g_param_spec_string ("accused-label", NULL, NULL, NULL, ro);
  screening_properties[SCREENING_PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, ro);
  screening_properties[SCREENING_PROP_CASE_REFERENCE] = g_param_spec_string ("case-reference", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, SCREENING_N_PROPS, screening_properties);
}

static void
ws_screening_init (WsScreening *self)
{
}

WsScreening *
_ws_screening_new (gint64      id,
                   gint64      person_id,
                   gint64      case_id,
                   gint64      accused_id,
                   const char *accused_label,
                   const char *pseudonym,
                   const char *case_reference)
{
  WsScreening *self = g_object_new (WS_TYPE_SCREENING, NULL);

  self->id = id;
  self->person_id = person_id;
  self->case_id = case_id;
  self->accused_id = accused_id;
  self->accused_label = g_strdup (accused_label);
  self->pseudonym = g_strdup (pseudonym);
  self->case_reference = g_strdup (case_reference);
  return self;
}

gint64
ws_screening_get_id (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), 0);
  return self->id;
}

gint64
ws_screening_get_person_id (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), 0);
  return self->person_id;
}

gint64
ws_screening_get_case_id (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), 0);
  return self->case_id;
}

/**
 * ws_screening_get_accused_id:
 *
 * Returns: the accused the witness must not meet, or 0 for every accused
 */
gint64
ws_screening_get_accused_id (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), 0);
  return self->accused_id;
}

/**
 * ws_screening_get_accused_label:
 *
 * Returns: (nullable): the accused's label such as "Accused 2", or %NULL
 *   for every accused of the case
 */
const char *
ws_screening_get_accused_label (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), NULL);
  return self->accused_label;
}

const char *
ws_screening_get_pseudonym (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), NULL);
  return self->pseudonym;
}

const char *
ws_screening_get_case_reference (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), NULL);
  return self->case_reference;
}

gboolean
ws_screening_is_every_accused (WsScreening *self)
{
  g_return_val_if_fail (WS_IS_SCREENING (self), FALSE);
  return self->accused_id == 0;
}
