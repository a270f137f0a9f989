/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-schedule-private.h"
#include "ws-text.h"
#include "ws-time.h"

const char *
ws_session_status_get_label (WsSessionStatus status)
{
  switch (status)
    {
    case WS_SESSION_STATUS_PLANNED: return _("Planned");
    case WS_SESSION_STATUS_CONFIRMED: return _("Confirmed");
    case WS_SESSION_STATUS_CANCELLED: return _("Cancelled");
    default: return _("Unknown");
    }
}

/* ------------------------------------------------------------------ */
/* Sessions */

typedef struct {
  gint64  id;
  char   *name;
  char   *language;
} Interpreter;

struct _WsSession
{
  GObject          parent_instance;

  gint64           id;
  char            *uid;
  guint            sequence;
  gint64           hearing_id;
  gint64           case_id;
  char            *case_reference;
  gint64           person_id;
  char            *pseudonym;
  gint64           court_site_id;
  char            *court_name;
  char            *court_zone;
  gint64           remote_site_id;
  char            *remote_name;
  char            *remote_zone;
  GDateTime       *starts_at;
  GDateTime       *ends_at;
  GDateTime       *test_call_at;
  char            *platform_ref;
  char            *link_address;
  char            *link_pin;
  char            *technical_contact;
  char            *support_person;
  WsSessionStatus  status;
  char            *cancel_reason;
  GArray          *interpreters;  /* Interpreter */
  gboolean         link_loaded;
  gboolean         link_changed;
};

G_DEFINE_FINAL_TYPE (WsSession, ws_session, G_TYPE_OBJECT)

static void
interpreter_clear (gpointer data)
{
  Interpreter *i = data;

  g_free (i->name);
  g_free (i->language);
}

static void
ws_session_finalize (GObject *object)
{
  WsSession *self = WS_SESSION (object);

  g_free (self->uid);
  g_free (self->case_reference);
  g_free (self->pseudonym);
  g_free (self->court_name);
  g_free (self->court_zone);
  g_free (self->remote_name);
  g_free (self->remote_zone);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_clear_pointer (&self->test_call_at, g_date_time_unref);
  g_free (self->platform_ref);
  g_free (self->link_address);
  g_free (self->link_pin);
  g_free (self->technical_contact);
  g_free (self->support_person);
  g_free (self->cancel_reason);
  g_array_unref (self->interpreters);
  G_OBJECT_CLASS (ws_session_parent_class)->finalize (object);
}

static void
ws_session_class_init (WsSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_session_finalize;
}

static void
ws_session_init (WsSession *self)
{
  self->platform_ref = g_strdup ("");
  self->link_address = g_strdup ("");
  self->link_pin = g_strdup ("");
  self->technical_contact = g_strdup ("");
  self->support_person = g_strdup ("");
  self->cancel_reason = g_strdup ("");
  self->interpreters = g_array_new (FALSE, TRUE, sizeof (Interpreter));
  g_array_set_clear_func (self->interpreters, interpreter_clear);
  self->link_loaded = TRUE;  /* a new draft has nothing hidden */
}

WsSession *
ws_session_new (void)
{
  return g_object_new (WS_TYPE_SESSION, NULL);
}

static void
replace_nullable (char       **field,
                  const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
set_instant (GDateTime **field,
             GDateTime  *value)
{
  GDateTime *utc = value != NULL ? g_date_time_to_utc (value) : NULL;

  g_clear_pointer (field, g_date_time_unref);
  *field = utc;
}

/**
 * ws_session_copy:
 *
 * Returns: (transfer full): an editable copy with the same id and UID
 */
WsSession *
ws_session_copy (WsSession *self)
{
  WsSession *copy;

  g_return_val_if_fail (WS_IS_SESSION (self), NULL);

  copy = ws_session_new ();
  copy->id = self->id;
  replace_nullable (&copy->uid, self->uid);
  copy->sequence = self->sequence;
  copy->hearing_id = self->hearing_id;
  copy->case_id = self->case_id;
  replace_nullable (&copy->case_reference, self->case_reference);
  copy->person_id = self->person_id;
  replace_nullable (&copy->pseudonym, self->pseudonym);
  copy->court_site_id = self->court_site_id;
  replace_nullable (&copy->court_name, self->court_name);
  replace_nullable (&copy->court_zone, self->court_zone);
  copy->remote_site_id = self->remote_site_id;
  replace_nullable (&copy->remote_name, self->remote_name);
  replace_nullable (&copy->remote_zone, self->remote_zone);
  set_instant (&copy->starts_at, self->starts_at);
  set_instant (&copy->ends_at, self->ends_at);
  set_instant (&copy->test_call_at, self->test_call_at);
  _ws_replace_text (&copy->platform_ref, self->platform_ref);
  _ws_replace_text (&copy->link_address, self->link_address);
  _ws_replace_text (&copy->link_pin, self->link_pin);
  _ws_replace_text (&copy->technical_contact, self->technical_contact);
  _ws_replace_text (&copy->support_person, self->support_person);
  copy->status = self->status;
  _ws_replace_text (&copy->cancel_reason, self->cancel_reason);
  for (guint i = 0; i < self->interpreters->len; i++)
    {
      Interpreter *it = &g_array_index (self->interpreters, Interpreter, i);
      Interpreter c = { it->id, g_strdup (it->name), g_strdup (it->language) };

      g_array_append_val (copy->interpreters, c);
    }
  copy->link_loaded = self->link_loaded;
  copy->link_changed = self->link_changed;
  return copy;
}

#define GETTER(type, name, field, fallback) \
  type ws_session_get_##name (WsSession *self) \
  { g_return_val_if_fail (WS_IS_SESSION (self), fallback); return self->field; }

GETTER (gint64, id, id, 0)
GETTER (const char *, uid, uid, NULL)
GETTER (guint, sequence, sequence, 0)
GETTER (gint64, hearing_id, hearing_id, 0)
GETTER (gint64, case_id, case_id, 0)
GETTER (const char *, case_reference, case_reference, NULL)
GETTER (gint64, person_id, person_id, 0)
GETTER (const char *, pseudonym, pseudonym, NULL)
GETTER (gint64, court_site_id, court_site_id, 0)
GETTER (const char *, court_site_name, court_name, NULL)
GETTER (const char *, court_zone, court_zone, NULL)
GETTER (gint64, remote_site_id, remote_site_id, 0)
GETTER (const char *, remote_site_name, remote_name, NULL)
GETTER (const char *, remote_zone, remote_zone, NULL)
GETTER (GDateTime *, starts_at, starts_at, NULL)
GETTER (GDateTime *, ends_at, ends_at, NULL)
GETTER (GDateTime *, test_call_at, test_call_at, NULL)
GETTER (const char *, platform_ref, platform_ref, NULL)
GETTER (const char *, link_address, link_address, NULL)
GETTER (const char *, link_pin, link_pin, NULL)
GETTER (const char *, technical_contact, technical_contact, NULL)
GETTER (const char *, support_person, support_person, NULL)
GETTER (WsSessionStatus, status, status, 0)
GETTER (const char *, cancel_reason, cancel_reason, NULL)

#undef GETTER

gboolean
ws_session_has_link_details (WsSession *self)
{
  g_return_val_if_fail (WS_IS_SESSION (self), FALSE);
  return self->link_loaded;
}

void
ws_session_set_hearing_id (WsSession *self,
                           gint64     hearing_id)
{
  g_return_if_fail (WS_IS_SESSION (self));
  if (self->hearing_id != hearing_id)
    {
      self->hearing_id = hearing_id;
      self->case_id = 0;
      g_clear_pointer (&self->case_reference, g_free);
    }
}

void
ws_session_set_person_id (WsSession *self,
                          gint64     person_id)
{
  g_return_if_fail (WS_IS_SESSION (self));
  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_clear_pointer (&self->pseudonym, g_free);
    }
}

void
ws_session_set_court_site_id (WsSession *self,
                              gint64     site_id)
{
  g_return_if_fail (WS_IS_SESSION (self));
  if (self->court_site_id != site_id)
    {
      self->court_site_id = site_id;
      g_clear_pointer (&self->court_name, g_free);
      g_clear_pointer (&self->court_zone, g_free);
    }
}

void
ws_session_set_remote_site_id (WsSession *self,
                               gint64     site_id)
{
  g_return_if_fail (WS_IS_SESSION (self));
  if (self->remote_site_id != site_id)
    {
      self->remote_site_id = site_id;
      g_clear_pointer (&self->remote_name, g_free);
      g_clear_pointer (&self->remote_zone, g_free);
    }
}

/**
 * ws_session_set_starts_at:
 * @starts_at: (nullable):
 */
void
ws_session_set_starts_at (WsSession *self,
                          GDateTime *starts_at)
{
  g_return_if_fail (WS_IS_SESSION (self));
  set_instant (&self->starts_at, starts_at);
}

/**
 * ws_session_set_ends_at:
 * @ends_at: (nullable):
 */
void
ws_session_set_ends_at (WsSession *self,
                        GDateTime *ends_at)
{
  g_return_if_fail (WS_IS_SESSION (self));
  set_instant (&self->ends_at, ends_at);
}

/**
 * ws_session_set_test_call_at:
 * @test_call_at: (nullable):
 */
void
ws_session_set_test_call_at (WsSession *self,
                             GDateTime *test_call_at)
{
  g_return_if_fail (WS_IS_SESSION (self));
  set_instant (&self->test_call_at, test_call_at);
}

void
ws_session_set_platform_ref (WsSession  *self,
                             const char *reference)
{
  g_return_if_fail (WS_IS_SESSION (self));
  _ws_replace_text (&self->platform_ref, reference);
}

void
ws_session_set_link_address (WsSession  *self,
                             const char *address)
{
  g_return_if_fail (WS_IS_SESSION (self));
  _ws_replace_text (&self->link_address, address);
  self->link_changed = TRUE;
}

void
ws_session_set_link_pin (WsSession  *self,
                         const char *pin)
{
  g_return_if_fail (WS_IS_SESSION (self));
  _ws_replace_text (&self->link_pin, pin);
  self->link_changed = TRUE;
}

void
ws_session_set_technical_contact (WsSession  *self,
                                  const char *contact)
{
  g_return_if_fail (WS_IS_SESSION (self));
  _ws_replace_text (&self->technical_contact, contact);
}

void
ws_session_set_support_person (WsSession  *self,
                               const char *support_person)
{
  g_return_if_fail (WS_IS_SESSION (self));
  _ws_replace_text (&self->support_person, support_person);
}

guint
ws_session_get_n_interpreters (WsSession *self)
{
  g_return_val_if_fail (WS_IS_SESSION (self), 0);
  return self->interpreters->len;
}

gint64
ws_session_get_interpreter_id (WsSession *self,
                               guint      index)
{
  g_return_val_if_fail (WS_IS_SESSION (self), 0);
  g_return_val_if_fail (index < self->interpreters->len, 0);
  return g_array_index (self->interpreters, Interpreter, index).id;
}

const char *
ws_session_get_interpreter_name (WsSession *self,
                                 guint      index)
{
  g_return_val_if_fail (WS_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->interpreters->len, NULL);
  return g_array_index (self->interpreters, Interpreter, index).name;
}

const char *
ws_session_get_interpreter_language (WsSession *self,
                                     guint      index)
{
  g_return_val_if_fail (WS_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->interpreters->len, NULL);
  return g_array_index (self->interpreters, Interpreter, index).language;
}

/* Adding an interpreter already there changes their language. */
void
ws_session_add_interpreter (WsSession  *self,
                            gint64      interpreter_id,
                            const char *language)
{
  Interpreter it = { 0 };

  g_return_if_fail (WS_IS_SESSION (self));
  g_return_if_fail (interpreter_id > 0);

  for (guint i = 0; i < self->interpreters->len; i++)
    {
      Interpreter *old = &g_array_index (self->interpreters, Interpreter, i);

      if (old->id == interpreter_id)
        {
          _ws_replace_text (&old->language, language);
          return;
        }
    }
  it.id = interpreter_id;
  it.language = ws_text_strip_dup (language != NULL ? language : "");
  g_array_append_val (self->interpreters, it);
}

void
ws_session_remove_interpreter (WsSession *self,
                               gint64     interpreter_id)
{
  g_return_if_fail (WS_IS_SESSION (self));

  for (guint i = 0; i < self->interpreters->len; i++)
    if (g_array_index (self->interpreters, Interpreter, i).id == interpreter_id)
      {
        g_array_remove_index (self->interpreters, i);
        return;
      }
}

void
ws_session_clear_interpreters (WsSession *self)
{
  g_return_if_fail (WS_IS_SESSION (self));
  g_array_set_size (self->interpreters, 0);
}

void _ws_session_set_id (WsSession *self, gint64 id) { self->id = id; }
void _ws_session_set_uid (WsSession *self, const char *uid) { replace_nullable (&self->uid, uid); }
void _ws_session_set_sequence (WsSession *self, guint sequence) { self->sequence = sequence; }
void _ws_session_set_link_loaded (WsSession *self, gboolean loaded) { self->link_loaded = loaded; self->link_changed = FALSE; }
gboolean _ws_session_link_changed (WsSession *self) { return self->link_changed; }

void
_ws_session_set_status (WsSession       *self,
                        WsSessionStatus  status,
                        const char      *cancel_reason)
{
  self->status = status;
  _ws_replace_text (&self->cancel_reason, cancel_reason);
}

void
_ws_session_set_loaded (WsSession  *self,
                        gint64      case_id,
                        const char *case_reference,
                        const char *pseudonym)
{
  self->case_id = case_id;
  replace_nullable (&self->case_reference, case_reference);
  replace_nullable (&self->pseudonym, pseudonym);
}

void
_ws_session_set_site_names (WsSession  *self,
                            const char *court_name,
                            const char *court_zone,
                            const char *remote_name,
                            const char *remote_zone)
{
  replace_nullable (&self->court_name, court_name);
  replace_nullable (&self->court_zone, court_zone);
  replace_nullable (&self->remote_name, remote_name);
  replace_nullable (&self->remote_zone, remote_zone);
}

void
_ws_session_set_interpreter_name (WsSession  *self,
                                  guint       index,
                                  const char *name)
{
  replace_nullable (&g_array_index (self->interpreters, Interpreter, index).name, name);
}

/**
 * ws_session_validate:
 * @problems: (element-type WsProblem):
 */
void
ws_session_validate (WsSession *self,
                     GPtrArray *problems)
{
  g_return_if_fail (WS_IS_SESSION (self));
  g_return_if_fail (problems != NULL);

  if (self->hearing_id <= 0)
    ws_problems_add (problems, "hearing", "%s", _("Choose the hearing the session is for"));
  if (self->person_id <= 0)
    ws_problems_add (problems, "person", "%s", _("Choose the witness who testifies"));
  if (self->starts_at == NULL)
    ws_problems_add (problems, "starts_at", "%s", _("Give the time the session starts"));
  if (self->ends_at == NULL)
    ws_problems_add (problems, "ends_at", "%s", _("Give the time the session ends"));
  else if (self->starts_at != NULL)
    {
      GTimeSpan span = g_date_time_difference (self->ends_at, self->starts_at);

      if (span <= 0)
        ws_problems_add (problems, "ends_at", "%s", _("The session must end after it starts"));
      else if (span > (GTimeSpan) WS_SESSION_MAX_HOURS * G_TIME_SPAN_HOUR)
        ws_problems_add (problems, "ends_at", _("A session may last at most %d hours; book another one for the rest"),
                         WS_SESSION_MAX_HOURS);
    }
  if (self->test_call_at != NULL && self->starts_at != NULL &&
      g_date_time_compare (self->test_call_at, self->starts_at) >= 0)
    ws_problems_add (problems, "test_call_at", "%s", _("The test call must come before the session"));
  if (self->court_site_id <= 0 && self->remote_site_id <= 0)
    ws_problems_add (problems, "sites", "%s", _("Choose the court room, the remote site or both"));
  else if (self->court_site_id == self->remote_site_id)
    ws_problems_add (problems, "sites", "%s", _("The court room and the remote site must be different places"));
  for (guint i = 0; i < self->interpreters->len; i++)
    if (ws_text_is_blank (g_array_index (self->interpreters, Interpreter, i).language))
      {
        ws_problems_add (problems, "interpreters", "%s", _("Give the language each interpreter interprets"));
        break;
      }
}

static char *
format_span (GDateTime  *from,
             GDateTime  *to,
             GTimeZone  *tz)
{
  g_autoptr(GDateTime) a = g_date_time_to_timezone (from, tz);
  g_autoptr(GDateTime) b = g_date_time_to_timezone (to, tz);
  g_autofree char *sa = g_date_time_format (a, "%H:%M");
  g_autofree char *sb = g_date_time_format (b, "%H:%M");

  if (g_date_time_get_day_of_year (a) != g_date_time_get_day_of_year (b))
    {
      g_autofree char *day = g_date_time_format (b, "%a");

      /* Translators: a time span ending the next day, "23:00–01:00 (Tue)" */
      return g_strdup_printf (_("%s–%s (%s)"), sa, sb, day);
    }
  /* Translators: a time span, "10:00–11:30" */
  return g_strdup_printf (_("%s–%s"), sa, sb);
}

/**
 * ws_session_format_times:
 * @zone: (nullable): an IANA zone, or %NULL for the local zone
 *
 * Returns: (transfer full): start and end on that clock, "" if unset
 */
char *
ws_session_format_times (WsSession  *self,
                         const char *zone)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (WS_IS_SESSION (self), NULL);

  if (self->starts_at == NULL || self->ends_at == NULL)
    return g_strdup ("");
  tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  return format_span (self->starts_at, self->ends_at, tz);
}

/* "Asia/Ho_Chi_Minh" → "Ho Chi Minh" */
char *
_ws_zone_city (const char *zone)
{
  const char *slash = zone != NULL ? strrchr (zone, '/') : NULL;
  char *city = g_strdup (slash != NULL ? slash + 1 : zone != NULL ? zone : "");

  g_strdelimit (city, "_", ' ');
  return city;
}

/**
 * ws_session_format_remote_times:
 *
 * Returns: (transfer full) (nullable): the times on the remote site's clock
 */
char *
ws_session_format_remote_times (WsSession *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *span = NULL;
  g_autofree char *city = NULL;

  g_return_val_if_fail (WS_IS_SESSION (self), NULL);

  if (self->remote_zone == NULL || self->starts_at == NULL || self->ends_at == NULL)
    return NULL;
  tz = g_time_zone_new_identifier (self->remote_zone);
  if (tz == NULL)
    return NULL;
  span = format_span (self->starts_at, self->ends_at, tz);
  city = _ws_zone_city (self->remote_zone);
  /* Translators: "16:00–17:30 Bangkok time" */
  return g_strdup_printf (_("%s %s time"), span, city);
}

gboolean
ws_session_overlaps (WsSession *self,
                     GDateTime *from,
                     GDateTime *to)
{
  g_return_val_if_fail (WS_IS_SESSION (self), FALSE);

  return self->starts_at != NULL && self->ends_at != NULL &&
         g_date_time_compare (self->starts_at, to) < 0 && g_date_time_compare (self->ends_at, from) > 0;
}

/* ------------------------------------------------------------------ */
/* History */

struct _WsSessionChange
{
  GObject     parent_instance;

  GDateTime  *at;
  char       *by;
  char       *text;
};

G_DEFINE_FINAL_TYPE (WsSessionChange, ws_session_change, G_TYPE_OBJECT)

static void
ws_session_change_finalize (GObject *object)
{
  WsSessionChange *self = WS_SESSION_CHANGE (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->by);
  g_free (self->text);
  G_OBJECT_CLASS (ws_session_change_parent_class)->finalize (object);
}

static void
ws_session_change_class_init (WsSessionChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_session_change_finalize;
}

static void
ws_session_change_init (WsSessionChange *self)
{
}

GDateTime *ws_session_change_get_at (WsSessionChange *self) { g_return_val_if_fail (WS_IS_SESSION_CHANGE (self), NULL); return self->at; }
const char *ws_session_change_get_by (WsSessionChange *self) { g_return_val_if_fail (WS_IS_SESSION_CHANGE (self), NULL); return self->by; }
const char *ws_session_change_get_text (WsSessionChange *self) { g_return_val_if_fail (WS_IS_SESSION_CHANGE (self), NULL); return self->text; }

/* ------------------------------------------------------------------ */
/* Store */

static WsSession *
session_from_row (sqlite3_stmt *stmt,
                  gboolean      with_link)
{
  WsSession *s = ws_session_new ();
  const char *text;
  int status = 0;

  s->id = sqlite3_column_int64 (stmt, 0);
  s->uid = _ws_column_dup (stmt, 1);
  s->sequence = sqlite3_column_int (stmt, 2);
  s->hearing_id = sqlite3_column_int64 (stmt, 3);
  s->person_id = sqlite3_column_int64 (stmt, 4);
  s->court_site_id = sqlite3_column_int64 (stmt, 5);
  s->remote_site_id = sqlite3_column_int64 (stmt, 6);
  s->starts_at = ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, 7));
  s->ends_at = ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, 8));
  text = (const char *) sqlite3_column_text (stmt, 9);
  s->test_call_at = text != NULL ? ws_time_parse_instant (text) : NULL;
  _ws_replace_text (&s->platform_ref, (const char *) sqlite3_column_text (stmt, 10));
  if (with_link)
    {
      _ws_replace_text (&s->link_address, (const char *) sqlite3_column_text (stmt, 11));
      _ws_replace_text (&s->link_pin, (const char *) sqlite3_column_text (stmt, 12));
    }
  s->link_loaded = with_link;
  _ws_replace_text (&s->technical_contact, (const char *) sqlite3_column_text (stmt, 13));
  _ws_replace_text (&s->support_person, (const char *) sqlite3_column_text (stmt, 14));
  ws_enum_from_nick (WS_TYPE_SESSION_STATUS, (const char *) sqlite3_column_text (stmt, 15), &status);
  s->status = status;
  _ws_replace_text (&s->cancel_reason, (const char *) sqlite3_column_text (stmt, 16));
  s->case_id = sqlite3_column_int64 (stmt, 17);
  s->case_reference = _ws_column_dup (stmt, 18);
  s->pseudonym = _ws_column_dup (stmt, 19);
  s->court_name = _ws_column_dup (stmt, 20);
  s->court_zone = _ws_column_dup (stmt, 21);
  s->remote_name = _ws_column_dup (stmt, 22);
  s->remote_zone = _ws_column_dup (stmt, 23);
  return s;
}

/* The lock is held by the caller. */
GPtrArray *
_ws_query_sessions (WsDatabase    *db,
                    sqlite3_stmt  *stmt,
                    gboolean       with_link,
                    GError       **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(sqlite3_stmt) its = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WsSession *s = session_from_row (stmt, with_link);

      g_ptr_array_add (sessions, s);
      g_hash_table_insert (by_id, &s->id, s);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", s->id);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the sessions"));
      return NULL;
    }
  if (sessions->len == 0)
    return g_steal_pointer (&sessions);
  g_string_append_c (ids, ']');

  its = _ws_database_prepare (db, "SELECT si.session_id, si.interpreter_id, i.name, si.language"
                                  " FROM session_interpreter si JOIN interpreter i ON i.id = si.interpreter_id"
                                  " WHERE si.session_id IN (SELECT value FROM json_each (?))"
                                  " ORDER BY si.session_id, si.rowid", error);
  if (its == NULL)
    return NULL;
  _ws_bind_text (its, 1, ids->str);
  while ((rc = sqlite3_step (its)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (its, 0);
      WsSession *s = g_hash_table_lookup (by_id, &id);
      Interpreter it = { 0 };

      if (s == NULL)
        continue;
      it.id = sqlite3_column_int64 (its, 1);
      it.name = _ws_column_dup (its, 2);
      it.language = _ws_column_dup (its, 3);
      g_array_append_val (s->interpreters, it);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the sessions"));
      return NULL;
    }
  return g_steal_pointer (&sessions);
}

static GPtrArray *
select_sessions (WsDatabase  *db,
                 const char  *where,
                 gint64       id,
                 const char  *text1,
                 const char  *text2,
                 const char  *text3,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " WS_SESSION_COLUMNS " FROM session s" WS_SESSION_JOINS " ",
                                      where, " ORDER BY s.starts_at, s.id", NULL);
  GPtrArray *sessions;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  if (sqlite3_bind_parameter_index (stmt, ":id") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  if (sqlite3_bind_parameter_index (stmt, ":a") > 0)
    _ws_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":a"), text1);
  if (sqlite3_bind_parameter_index (stmt, ":b") > 0)
    _ws_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":b"), text2);
  if (sqlite3_bind_parameter_index (stmt, ":c") > 0)
    _ws_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":c"), text3);
  sessions = _ws_query_sessions (db, stmt, ws_database_may (db, WS_PERMISSION_READ_LINK_DETAILS), error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return sessions;
}

static WsSession *
one_session (GPtrArray  *sessions,
             GError    **error)
{
  if (sessions == NULL)
    return NULL;
  if (sessions->len == 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                           _("The session is no longer there"));
      g_ptr_array_unref (sessions);
      return NULL;
    }
  {
    WsSession *s = g_object_ref (g_ptr_array_index (sessions, 0));

    g_ptr_array_unref (sessions);
    return s;
  }
}

/**
 * ws_database_get_session:
 *
 * Returns: (transfer full): the session, or %NULL with NOT_FOUND
 */
WsSession *
ws_database_get_session (WsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  return one_session (select_sessions (db, "WHERE s.id = :id", id, NULL, NULL, NULL, error), error);
}

/**
 * ws_database_find_session:
 *
 * Returns: (transfer full): the session with that UID
 */
WsSession *
ws_database_find_session (WsDatabase  *db,
                          const char  *uid,
                          GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  return one_session (select_sessions (db, "WHERE s.uid = :a", 0, uid, NULL, NULL, error), error);
}

/* Sessions are at most WS_SESSION_MAX_HOURS long, so those overlapping a
 * window start no earlier than that before it: the index on starts_at
 * reads only the window. */
char *
_ws_window_floor (GDateTime *from)
{
  g_autoptr(GDateTime) floor = g_date_time_add_hours (from, -WS_SESSION_MAX_HOURS);

  return ws_time_format_instant (floor);
}

/**
 * ws_database_list_sessions:
 *
 * Returns: (transfer container) (element-type WsSession): sessions
 *   overlapping @from–@to, by start
 */
GPtrArray *
ws_database_list_sessions (WsDatabase  *db,
                           GDateTime   *from,
                           GDateTime   *to,
                           GError     **error)
{
  g_autofree char *floor = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from_text = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  floor = _ws_window_floor (from);
  from_text = ws_time_format_instant (from);
  to_text = ws_time_format_instant (to);
  return select_sessions (db, "WHERE s.starts_at >= :a AND s.starts_at < :b AND s.ends_at > :c", 0,
                          floor, to_text, from_text, error);
}

/**
 * ws_database_list_sessions_of_person:
 *
 * Returns: (transfer container) (element-type WsSession): by start
 */
GPtrArray *
ws_database_list_sessions_of_person (WsDatabase  *db,
                                     gint64       person_id,
                                     GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  return select_sessions (db, "WHERE s.person_id = :id", person_id, NULL, NULL, NULL, error);
}

static gpointer
session_change_from_row (sqlite3_stmt *stmt,
                         gpointer      user_data)
{
  WsSessionChange *change = g_object_new (WS_TYPE_SESSION_CHANGE, NULL);

  change->at = ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, 0));
  change->by = _ws_column_dup (stmt, 1);
  change->text = _ws_column_dup (stmt, 2);
  return change;
}

/**
 * ws_database_list_session_history:
 *
 * Returns: (transfer container) (element-type WsSessionChange): oldest first
 */
GPtrArray *
ws_database_list_session_history (WsDatabase  *db,
                                  gint64       session_id,
                                  GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  return _ws_database_list_rows (db, "SELECT changed_at, changed_by, change FROM session_history"
                                     " WHERE session_id = ? ORDER BY changed_at, id", session_id,
                                 session_change_from_row, NULL, _("Reading the session's history"), error);
}

static gboolean
add_history (WsDatabase  *db,
             gint64       session_id,
             const char  *change,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();

  stmt = _ws_database_prepare (db, "INSERT INTO session_history (session_id, changed_at, changed_by, change)"
                                   " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  _ws_bind_text (stmt, 2, now);
  _ws_bind_text (stmt, 3, ws_database_get_actor_name (db));
  _ws_bind_text (stmt, 4, change);
  return _ws_database_step_done (db, stmt, error) &&
         _ws_database_record_change (db, "session", session_id, change, error);
}

static char *
format_utc (GDateTime *instant)
{
  if (instant == NULL)
    return g_strdup (_("none"));
  return g_date_time_format (instant, "%Y-%m-%d %H:%M UTC");
}

static void
note_change (GString    *text,
             const char *what,
             const char *before,
             const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  if (text->len > 0)
    g_string_append (text, "; ");
  if (before != NULL && after != NULL)
    /* Translators: a change in a session's history: "start 2026-03-02 09:00 UTC → 2026-03-02 10:00 UTC" */
    g_string_append_printf (text, _("%s %s → %s"), what, before, after);
  else
    g_string_append (text, what);
}

static char *
interpreters_text (WsSession *s)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < s->interpreters->len; i++)
    {
      Interpreter *it = &g_array_index (s->interpreters, Interpreter, i);

      g_string_append_printf (text, "%s%s (%s)", i > 0 ? ", " : "",
                              it->name != NULL ? it->name : "?", it->language);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What changed between the stored @old and @new, in words; link
 * details are named but never written out. */
static char *
describe_change (WsSession *old,
                 WsSession *new)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *os = format_utc (old->starts_at);
  g_autofree char *ns = format_utc (new->starts_at);
  g_autofree char *oe = format_utc (old->ends_at);
  g_autofree char *ne = format_utc (new->ends_at);
  g_autofree char *ot = format_utc (old->test_call_at);
  g_autofree char *nt = format_utc (new->test_call_at);
  g_autofree char *oi = interpreters_text (old);
  g_autofree char *ni = interpreters_text (new);

  note_change (text, _("start"), os, ns);
  note_change (text, _("end"), oe, ne);
  note_change (text, _("test call"), ot, nt);
  if (old->hearing_id != new->hearing_id)
    note_change (text, _("hearing changed"), NULL, NULL);
  if (old->person_id != new->person_id)
    note_change (text, _("witness"), old->pseudonym, new->pseudonym);
  if (old->court_site_id != new->court_site_id)
    note_change (text, _("court room"), old->court_name != NULL ? old->court_name : _("none"),
                 new->court_name != NULL ? new->court_name : _("none"));
  if (old->remote_site_id != new->remote_site_id)
    note_change (text, _("remote site"), old->remote_name != NULL ? old->remote_name : _("none"),
                 new->remote_name != NULL ? new->remote_name : _("none"));
  note_change (text, _("interpreters"), oi, ni);
  note_change (text, _("platform reference"), old->platform_ref, new->platform_ref);
  if (new->link_changed && (g_strcmp0 (old->link_address, new->link_address) != 0 ||
                            g_strcmp0 (old->link_pin, new->link_pin) != 0))
    note_change (text, _("link details changed"), NULL, NULL);
  note_change (text, _("technical contact"), old->technical_contact, new->technical_contact);
  note_change (text, _("support person"), old->support_person, new->support_person);
  if (text->len == 0)
    return g_strdup (_("Saved without changes"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Fills names and zones of sites and interpreters so that messages and
 * history can name them (lock held). */
gboolean
_ws_session_fill_names (WsDatabase  *db,
                        WsSession   *s,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ws_database_prepare (db, "SELECT (SELECT name FROM site WHERE id = ?1), (SELECT zone FROM site WHERE id = ?1),"
                                   " (SELECT name FROM site WHERE id = ?2), (SELECT zone FROM site WHERE id = ?2),"
                                   " (SELECT pseudonym FROM person WHERE id = ?3),"
                                   " (SELECT h.case_id FROM hearing h WHERE h.id = ?4),"
                                   " (SELECT c.reference FROM hearing h JOIN court_case c ON c.id = h.case_id"
                                   "  WHERE h.id = ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->court_site_id);
  sqlite3_bind_int64 (stmt, 2, s->remote_site_id);
  sqlite3_bind_int64 (stmt, 3, s->person_id);
  sqlite3_bind_int64 (stmt, 4, s->hearing_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _ws_database_set_error (db, error, _("Reading the session"));
      return FALSE;
    }
  _ws_session_set_site_names (s, (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3));
  _ws_session_set_loaded (s, sqlite3_column_int64 (stmt, 5), (const char *) sqlite3_column_text (stmt, 6),
                          (const char *) sqlite3_column_text (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "SELECT name FROM interpreter WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < s->interpreters->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (s->interpreters, Interpreter, i).id);
      _ws_session_set_interpreter_name (s, i, sqlite3_step (stmt) == SQLITE_ROW
                                        ? (const char *) sqlite3_column_text (stmt, 0) : NULL);
    }
  return TRUE;
}

static gboolean
write_interpreters (WsDatabase  *db,
                    WsSession   *s,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) del = _ws_database_prepare (db, "DELETE FROM session_interpreter WHERE session_id = ?", error);
  g_autoptr(sqlite3_stmt) ins = NULL;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, s->id);
  if (!_ws_database_step_done (db, del, error))
    return FALSE;
  ins = _ws_database_prepare (db, "INSERT INTO session_interpreter (session_id, interpreter_id, language)"
                                  " VALUES (?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < s->interpreters->len; i++)
    {
      Interpreter *it = &g_array_index (s->interpreters, Interpreter, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, s->id);
      sqlite3_bind_int64 (ins, 2, it->id);
      _ws_bind_text (ins, 3, it->language);
      if (!_ws_database_step_done (db, ins, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Loads the stored row for an edit, with link details (lock held). */
static WsSession *
load_for_edit (WsDatabase  *db,
               gint64       id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  stmt = _ws_database_prepare (db, "SELECT " WS_SESSION_COLUMNS " FROM session s" WS_SESSION_JOINS
                                   " WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sessions = _ws_query_sessions (db, stmt, TRUE, error);
  return one_session (g_steal_pointer (&sessions), error);
}

gboolean
ws_database_save_session (WsDatabase                *db,
                          WsSession                 *session,
                          const WsScheduleSettings  *settings,
                          GError                   **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(WsSession) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *test = NULL;
  g_autofree char *change = NULL;
  const char *address;
  const char *pin;
  guint sequence = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_SESSION (session), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_SCHEDULE, error))
    return FALSE;
  ws_session_validate (session, problems);
  if (problems->len > 0)
    {
      WsProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID, first->message);
      return FALSE;
    }

  if (!_ws_database_begin (db, error))
    return FALSE;
  if (session->id > 0)
    {
      old = load_for_edit (db, session->id, error);
      if (old == NULL)
        goto fail;
      if (old->status == WS_SESSION_STATUS_CANCELLED)
        {
          g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                               _("A cancelled session cannot be changed; book a new one"));
          goto fail;
        }
      sequence = old->sequence + 1;
    }
  /* Checked inside the transaction, so nothing is booked in between. */
  conflicts = ws_database_check_session (db, session, settings, error);
  if (conflicts == NULL)
    goto fail;
  for (guint i = 0; i < conflicts->len; i++)
    {
      WsConflict *conflict = g_ptr_array_index (conflicts, i);

      if (ws_conflict_get_severity (conflict) == WS_CONFLICT_REFUSE)
        {
          g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                               ws_conflict_get_message (conflict));
          goto fail;
        }
    }
  if (!_ws_session_fill_names (db, session, error))
    goto fail;

  if (old != NULL)
    uid = g_strdup (old->uid);
  else
    {
      g_autofree char *random = g_uuid_string_random ();

      uid = g_strdup_printf ("%s@witness-support", random);
    }
  starts = ws_time_format_instant (session->starts_at);
  ends = ws_time_format_instant (session->ends_at);
  test = session->test_call_at != NULL ? ws_time_format_instant (session->test_call_at) : NULL;
  /* Link details the role could not read are kept as stored. */
  address = old != NULL && !session->link_loaded && !session->link_changed ? old->link_address : session->link_address;
  pin = old != NULL && !session->link_loaded && !session->link_changed ? old->link_pin : session->link_pin;

  stmt = _ws_database_prepare (db, old == NULL
                               ? "INSERT INTO session (uid, sequence, hearing_id, person_id, court_site_id,"
                                 " remote_site_id, starts_at, ends_at, test_call_at, platform_ref, link_address,"
                                 " link_pin, technical_contact, support_person, status)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'planned')"
                               : "UPDATE session SET uid = ?1, sequence = ?2, hearing_id = ?3, person_id = ?4,"
                                 " court_site_id = ?5, remote_site_id = ?6, starts_at = ?7, ends_at = ?8,"
                                 " test_call_at = ?9, platform_ref = ?10, link_address = ?11, link_pin = ?12,"
                                 " technical_contact = ?13, support_person = ?14 WHERE id = ?15", error);
  if (stmt == NULL)
    goto fail;
  _ws_bind_text (stmt, 1, uid);
  sqlite3_bind_int (stmt, 2, sequence);
  sqlite3_bind_int64 (stmt, 3, session->hearing_id);
  sqlite3_bind_int64 (stmt, 4, session->person_id);
  bind_id_or_null (stmt, 5, session->court_site_id);
  bind_id_or_null (stmt, 6, session->remote_site_id);
  _ws_bind_text (stmt, 7, starts);
  _ws_bind_text (stmt, 8, ends);
  _ws_bind_optional (stmt, 9, test);
  _ws_bind_text (stmt, 10, session->platform_ref);
  _ws_bind_text (stmt, 11, address);
  _ws_bind_text (stmt, 12, pin);
  _ws_bind_text (stmt, 13, session->technical_contact);
  _ws_bind_text (stmt, 14, session->support_person);
  if (old != NULL)
    sqlite3_bind_int64 (stmt, 15, old->id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  if (old == NULL)
    session->id = _ws_database_last_insert_id (db);
  if (!write_interpreters (db, session, error))
    goto fail;
  if (old == NULL)
    {
      g_autofree char *when = format_utc (session->starts_at);

      /* Translators: the first entry of a session's history */
      change = g_strdup_printf (_("Booked for %s"), when);
    }
  else
    change = describe_change (old, session);
  if (!add_history (db, session->id, change, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    {
      if (old == NULL)
        session->id = 0;
      return FALSE;
    }
  _ws_session_set_uid (session, uid);
  session->sequence = sequence;
  if (old != NULL)
    _ws_session_set_status (session, old->status, old->cancel_reason);
  session->link_changed = FALSE;
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  if (old == NULL)
    session->id = 0;
  return FALSE;
}

static gboolean
change_status (WsDatabase       *db,
               gint64            id,
               WsSessionStatus   status,
               const char       *reason,
               GError          **error)
{
  g_autoptr(WsSession) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *change = NULL;

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_SCHEDULE, error))
    return FALSE;
  if (!_ws_database_begin (db, error))
    return FALSE;
  old = load_for_edit (db, id, error);
  if (old == NULL)
    goto fail;
  if (old->status == WS_SESSION_STATUS_CANCELLED)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("The session is already cancelled"));
      goto fail;
    }
  if (old->status == status)
    {
      g_clear_object (&old);
      _ws_database_rollback (db);
      return TRUE;
    }
  stmt = _ws_database_prepare (db, "UPDATE session SET status = ?, cancel_reason = ?, sequence = sequence + 1"
                                   " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _ws_bind_text (stmt, 1, ws_enum_to_nick (WS_TYPE_SESSION_STATUS, status));
  _ws_bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  if (status == WS_SESSION_STATUS_CANCELLED)
    /* Translators: %s is the reason given */
    change = g_strdup_printf (_("Cancelled: %s"), reason);
  else
    change = g_strdup (_("Confirmed"));
  if (!add_history (db, id, change, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (db, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

gboolean
ws_database_confirm_session (WsDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  return change_status (db, id, WS_SESSION_STATUS_CONFIRMED, "", error);
}

gboolean
ws_database_cancel_session (WsDatabase  *db,
                            gint64       id,
                            const char  *reason,
                            GError     **error)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (ws_text_is_blank (reason))
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Give the reason the session is cancelled"));
      return FALSE;
    }
  why = ws_text_strip_dup (reason);
  return change_status (db, id, WS_SESSION_STATUS_CANCELLED, why, error);
}
