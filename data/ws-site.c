/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-site"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-schedule-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* ------------------------------------------------------------------ */
/* Periods */

struct _WsPeriod
{
  GObject     parent_instance;

  gint64      id;
  gint64      owner_id;
  GDateTime  *starts_at;
  GDateTime  *ends_at;
  char       *reason;
};

G_DEFINE_FINAL_TYPE (WsPeriod, ws_period, G_TYPE_OBJECT)

static void
ws_period_finalize (GObject *object)
{
  WsPeriod *self = WS_PERIOD (object);

  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_free (self->reason);
  G_OBJECT_CLASS (ws_period_parent_class)->finalize (object);
}

static void
ws_period_class_init (WsPeriodClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_period_finalize;
}

static void
ws_period_init (WsPeriod *self)
{
}

WsPeriod *
_ws_period_new (gint64      id,
                gint64      owner_id,
                GDateTime  *starts_at,
                GDateTime  *ends_at,
                const char *reason)
{
  WsPeriod *self = g_object_new (WS_TYPE_PERIOD, NULL);

  self->id = id;
  self->owner_id = owner_id;
  self->starts_at = g_date_time_to_utc (starts_at);
  self->ends_at = g_date_time_to_utc (ends_at);
  self->reason = g_strdup (reason != NULL ? reason : "");
  return self;
}

gint64
ws_period_get_id (WsPeriod *self)
{
  g_return_val_if_fail (WS_IS_PERIOD (self), 0);
  return self->id;
}

gint64
ws_period_get_owner_id (WsPeriod *self)
{
  g_return_val_if_fail (WS_IS_PERIOD (self), 0);
  return self->owner_id;
}

GDateTime *
ws_period_get_starts_at (WsPeriod *self)
{
  g_return_val_if_fail (WS_IS_PERIOD (self), NULL);
  return self->starts_at;
}

GDateTime *
ws_period_get_ends_at (WsPeriod *self)
{
  g_return_val_if_fail (WS_IS_PERIOD (self), NULL);
  return self->ends_at;
}

const char *
ws_period_get_reason (WsPeriod *self)
{
  g_return_val_if_fail (WS_IS_PERIOD (self), NULL);
  return self->reason;
}

gboolean
ws_period_overlaps (WsPeriod  *self,
                    GDateTime *from,
                    GDateTime *to)
{
  g_return_val_if_fail (WS_IS_PERIOD (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  return g_date_time_compare (self->starts_at, to) < 0 && g_date_time_compare (self->ends_at, from) > 0;
}

/* ------------------------------------------------------------------ */
/* Labels */

const char *
ws_site_kind_get_label (WsSiteKind kind)
{
  switch (kind)
    {
    case WS_SITE_KIND_COURT_ROOM: return _("Court room");
    case WS_SITE_KIND_REMOTE_SUITE: return _("Remote witness suite");
    case WS_SITE_KIND_SITE_ABROAD: return _("Site abroad");
    default: return _("Unknown");
    }
}

static const char *
weekday_short (guint day)
{
  switch (day)
    {
    case 0: return C_("weekday", "Mon");
    case 1: return C_("weekday", "Tue");
    case 2: return C_("weekday", "Wed");
    case 3: return C_("weekday", "Thu");
    case 4: return C_("weekday", "Fri");
    case 5: return C_("weekday", "Sat");
    default: return C_("weekday", "Sun");
    }
}

/**
 * ws_weekdays_format:
 *
 * Runs of three days or more are joined with a dash, and a week that
 * wraps (Sunday to Thursday) is read from its first working day.
 *
 * Returns: (transfer full): the days, or "No working days"
 */
char *
ws_weekdays_format (WsWeekdays days)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint start = 0;
  guint i = 0;

  days &= 0x7f;
  if (days == 0)
    return g_strdup (_("No working days"));
  if (days == 0x7f)
    return g_strdup (_("Every day"));
  /* Begin after a day off so that a run across Sunday stays whole. */
  while (days & (1u << start))
    start = (start + 1) % 7;
  while (i < 7)
    {
      guint day = (start + i) % 7;
      guint run = 0;

      if (!(days & (1u << day)))
        {
          i++;
          continue;
        }
      while (i + run < 7 && (days & (1u << ((start + i + run) % 7))))
        run++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (run >= 3)
        /* Translators: a run of days such as "Mon–Fri" */
        g_string_append_printf (text, _("%s–%s"), weekday_short (day), weekday_short ((day + run - 1) % 7));
      else
        for (guint k = 0; k < run; k++)
          g_string_append_printf (text, "%s%s", k > 0 ? ", " : "", weekday_short ((day + k) % 7));
      i += run;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
_ws_clock_parse (const char *clock)
{
  int h, m, n = 0;

  if (clock == NULL || strlen (clock) != 5 || clock[2] != ':' ||
      !g_ascii_isdigit (clock[0]) || !g_ascii_isdigit (clock[1]) ||
      !g_ascii_isdigit (clock[3]) || !g_ascii_isdigit (clock[4]))
    return -1;
  if (sscanf (clock, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || h > 23 || m > 59)
    return -1;
  return h * 60 + m;
}

/* ------------------------------------------------------------------ */
/* Sites */

struct _WsSite
{
  GObject      parent_instance;

  gint64       id;
  char        *name;
  WsSiteKind   kind;
  char        *zone;
  char        *opens_at;
  char        *closes_at;
  WsWeekdays   working_days;
  char        *contact;
  char        *technical_contact;

  GTimeZone   *tz;   /* cached from zone */
};

G_DEFINE_FINAL_TYPE (WsSite, ws_site, G_TYPE_OBJECT)

static void
ws_site_finalize (GObject *object)
{
  WsSite *self = WS_SITE (object);

  g_free (self->name);
  g_free (self->zone);
  g_free (self->opens_at);
  g_free (self->closes_at);
  g_free (self->contact);
  g_free (self->technical_contact);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  G_OBJECT_CLASS (ws_site_parent_class)->finalize (object);
}

static void
ws_site_class_init (WsSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_site_finalize;
}

static void
ws_site_init (WsSite *self)
{
  self->name = g_strdup ("");
  self->zone = g_strdup ("UTC");
  self->opens_at = g_strdup ("09:00");
  self->closes_at = g_strdup ("17:00");
  self->working_days = WS_WEEKDAYS_MONDAY_TO_FRIDAY;
  self->contact = g_strdup ("");
  self->technical_contact = g_strdup ("");
}

WsSite *
ws_site_new (void)
{
  return g_object_new (WS_TYPE_SITE, NULL);
}

/**
 * ws_site_copy:
 *
 * Returns: (transfer full): an editable copy, with the same id
 */
WsSite *
ws_site_copy (WsSite *self)
{
  WsSite *copy;

  g_return_val_if_fail (WS_IS_SITE (self), NULL);

  copy = ws_site_new ();
  copy->id = self->id;
  ws_site_set_name (copy, self->name);
  copy->kind = self->kind;
  ws_site_set_zone (copy, self->zone);
  ws_site_set_opens_at (copy, self->opens_at);
  ws_site_set_closes_at (copy, self->closes_at);
  copy->working_days = self->working_days;
  ws_site_set_contact (copy, self->contact);
  ws_site_set_technical_contact (copy, self->technical_contact);
  return copy;
}

void
_ws_replace_text (char       **field,
                  const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

gint64 ws_site_get_id (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), 0); return self->id; }
void _ws_site_set_id (WsSite *self, gint64 id) { self->id = id; }
const char *ws_site_get_name (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), NULL); return self->name; }
void ws_site_set_name (WsSite *self, const char *name) { g_return_if_fail (WS_IS_SITE (self)); _ws_replace_text (&self->name, name); }
WsSiteKind ws_site_get_kind (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), 0); return self->kind; }
void ws_site_set_kind (WsSite *self, WsSiteKind kind) { g_return_if_fail (WS_IS_SITE (self)); self->kind = kind; }
const char *ws_site_get_zone (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), NULL); return self->zone; }
const char *ws_site_get_opens_at (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), NULL); return self->opens_at; }
void ws_site_set_opens_at (WsSite *self, const char *clock) { g_return_if_fail (WS_IS_SITE (self)); _ws_replace_text (&self->opens_at, clock); }
const char *ws_site_get_closes_at (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), NULL); return self->closes_at; }
void ws_site_set_closes_at (WsSite *self, const char *clock) { g_return_if_fail (WS_IS_SITE (self)); _ws_replace_text (&self->closes_at, clock); }
WsWeekdays ws_site_get_working_days (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), 0); return self->working_days; }
void ws_site_set_working_days (WsSite *self, WsWeekdays days) { g_return_if_fail (WS_IS_SITE (self)); self->working_days = days & 0x7f; }
const char *ws_site_get_contact (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), NULL); return self->contact; }
void ws_site_set_contact (WsSite *self, const char *contact) { g_return_if_fail (WS_IS_SITE (self)); _ws_replace_text (&self->contact, contact); }
const char *ws_site_get_technical_contact (WsSite *self) { g_return_val_if_fail (WS_IS_SITE (self), NULL); return self->technical_contact; }
void ws_site_set_technical_contact (WsSite *self, const char *contact) { g_return_if_fail (WS_IS_SITE (self)); _ws_replace_text (&self->technical_contact, contact); }

void
ws_site_set_zone (WsSite     *self,
                  const char *zone)
{
  g_return_if_fail (WS_IS_SITE (self));

  _ws_replace_text (&self->zone, zone);
  g_clear_pointer (&self->tz, g_time_zone_unref);
}

GTimeZone *
_ws_site_get_time_zone (WsSite *self)
{
  if (self->tz == NULL)
    {
      self->tz = g_time_zone_new_identifier (self->zone);
      if (self->tz == NULL)
        self->tz = g_time_zone_new_utc ();
    }
  return self->tz;
}

/**
 * ws_site_validate:
 * @problems: (element-type WsProblem): where to add what is wrong, by field
 */
void
ws_site_validate (WsSite    *self,
                  GPtrArray *problems)
{
  int opens, closes;

  g_return_if_fail (WS_IS_SITE (self));
  g_return_if_fail (problems != NULL);

  if (ws_text_is_blank (self->name))
    ws_problems_add (problems, "name", "%s", _("Give the site a name"));
  if (!ws_time_zone_is_valid (self->zone))
    ws_problems_add (problems, "zone",
                     _("“%s” is not a time zone this computer knows; use a name such as Europe/London"),
                     self->zone);
  opens = _ws_clock_parse (self->opens_at);
  closes = _ws_clock_parse (self->closes_at);
  if (opens < 0)
    ws_problems_add (problems, "opens_at", "%s", _("Give the opening time as hours and minutes, such as 08:30"));
  if (closes < 0)
    ws_problems_add (problems, "closes_at", "%s", _("Give the closing time as hours and minutes, such as 17:00"));
  else if (opens >= 0 && closes <= opens)
    ws_problems_add (problems, "closes_at", "%s", _("The site must close after it opens"));
  if ((self->working_days & 0x7f) == 0)
    ws_problems_add (problems, "working_days", "%s", _("Choose at least one working day"));
}

static GDateTime *
local_clock (WsSite      *self,
             const GDate *date,
             const char  *clock)
{
  int minutes = _ws_clock_parse (clock);
  guint weekday = g_date_get_weekday (date);  /* 1 = Monday */
  g_autoptr(GDateTime) local = NULL;

  if (minutes < 0 || !(self->working_days & (1u << (weekday - 1))))
    return NULL;
  local = g_date_time_new (_ws_site_get_time_zone (self), g_date_get_year (date),
                           g_date_get_month (date), g_date_get_day (date),
                           minutes / 60, minutes % 60, 0);
  return local != NULL ? g_date_time_to_utc (local) : NULL;
}

/**
 * ws_site_dup_opening:
 *
 * Returns: (transfer full) (nullable): the UTC instant the site opens on
 *   @date, a day of its own calendar
 */
GDateTime *
ws_site_dup_opening (WsSite      *self,
                     const GDate *date)
{
  g_return_val_if_fail (WS_IS_SITE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return local_clock (self, date, self->opens_at);
}

/**
 * ws_site_dup_closing:
 *
 * Returns: (transfer full) (nullable): the UTC instant the site closes on @date
 */
GDateTime *
ws_site_dup_closing (WsSite      *self,
                     const GDate *date)
{
  g_return_val_if_fail (WS_IS_SITE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return local_clock (self, date, self->closes_at);
}

gboolean
ws_site_is_working_between (WsSite    *self,
                            GDateTime *from,
                            GDateTime *to)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) opening = NULL;
  g_autoptr(GDateTime) closing = NULL;
  GDate date;

  g_return_val_if_fail (WS_IS_SITE (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  local = g_date_time_to_timezone (from, _ws_site_get_time_zone (self));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  opening = local_clock (self, &date, self->opens_at);
  closing = local_clock (self, &date, self->closes_at);
  return opening != NULL && closing != NULL &&
         g_date_time_compare (from, opening) >= 0 && g_date_time_compare (to, closing) <= 0;
}

/**
 * ws_site_format_local_time:
 *
 * Returns: (transfer full): @instant as "HH:MM" on the site's clock
 */
char *
ws_site_format_local_time (WsSite    *self,
                           GDateTime *instant)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (WS_IS_SITE (self), NULL);
  g_return_val_if_fail (instant != NULL, NULL);

  local = g_date_time_to_timezone (instant, _ws_site_get_time_zone (self));
  return g_date_time_format (local, "%H:%M");
}

/* ------------------------------------------------------------------ */
/* Store */

gboolean
_ws_require_schedule_read (WsDatabase  *db,
                           GError     **error)
{
  if (ws_database_may (db, WS_PERMISSION_READ_OWN_SCHEDULE))
    return TRUE;
  return _ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error);
}

WsSite *
_ws_site_from_row (sqlite3_stmt *stmt,
                   int           first)
{
  WsSite *site = ws_site_new ();
  int kind = 0;

  site->id = sqlite3_column_int64 (stmt, first);
  ws_site_set_name (site, (const char *) sqlite3_column_text (stmt, first + 1));
  ws_enum_from_nick (WS_TYPE_SITE_KIND, (const char *) sqlite3_column_text (stmt, first + 2), &kind);
  site->kind = kind;
  ws_site_set_zone (site, (const char *) sqlite3_column_text (stmt, first + 3));
  ws_site_set_opens_at (site, (const char *) sqlite3_column_text (stmt, first + 4));
  ws_site_set_closes_at (site, (const char *) sqlite3_column_text (stmt, first + 5));
  site->working_days = sqlite3_column_int (stmt, first + 6) & 0x7f;
  ws_site_set_contact (site, (const char *) sqlite3_column_text (stmt, first + 7));
  ws_site_set_technical_contact (site, (const char *) sqlite3_column_text (stmt, first + 8));
  return site;
}

static GPtrArray *
query_sites (WsDatabase  *db,
             const char  *where,
             gint64       id,
             const char  *name,
             GError     **error)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " WS_SITE_COLUMNS " FROM site s ", where,
                                      " ORDER BY s.name COLLATE NOCASE", NULL);
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  if (sqlite3_bind_parameter_index (stmt, ":id") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  if (sqlite3_bind_parameter_index (stmt, ":name") > 0)
    _ws_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":name"), name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sites, _ws_site_from_row (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the sites"));
      g_clear_pointer (&sites, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&sites);
}

GPtrArray *
_ws_load_sites (WsDatabase  *db,
                GError     **error)
{
  return query_sites (db, "", 0, NULL, error);
}

/**
 * ws_database_list_sites:
 *
 * Returns: (transfer container) (element-type WsSite): every site, by name
 */
GPtrArray *
ws_database_list_sites (WsDatabase  *db,
                        GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  return query_sites (db, "", 0, NULL, error);
}

static WsSite *
one_site (WsDatabase  *db,
          const char  *where,
          gint64       id,
          const char  *name,
          GError     **error)
{
  g_autoptr(GPtrArray) sites = NULL;

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  sites = query_sites (db, where, id, name, error);
  if (sites == NULL)
    return NULL;
  if (sites->len == 0)
    {
      if (name != NULL)
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                     _("There is no site called “%s”"), name);
      else
        g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                             _("The site is no longer there"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (sites, 0));
}

/**
 * ws_database_get_site:
 *
 * Returns: (transfer full): the site, or %NULL with NOT_FOUND
 */
WsSite *
ws_database_get_site (WsDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return one_site (db, "WHERE s.id = :id", id, NULL, error);
}

/**
 * ws_database_find_site:
 *
 * Returns: (transfer full): the site named @name (case-insensitive)
 */
WsSite *
ws_database_find_site (WsDatabase  *db,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return one_site (db, "WHERE s.name = :name", 0, name, error);
}

gboolean
_ws_directory_name_taken (WsDatabase *db,
                          const char *table,
                          const char *name,
                          gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean taken = FALSE;
  g_autofree char *stripped = ws_text_strip_dup (name);
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE name = ? AND id <> ?", table);

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, NULL);
  if (stmt != NULL)
    {
      _ws_bind_text (stmt, 1, stripped);
      sqlite3_bind_int64 (stmt, 2, id);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return taken;
}

gboolean
_ws_directory_refuse (WsDatabase  *db,
                      const char  *table,
                      const char  *name,
                      gint64       id,
                      GPtrArray   *problems,
                      GError     **error)
{
  WsProblem *first;

  if (problems->len == 0)
    return FALSE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, WS_DATABASE_ERROR,
                       _ws_directory_name_taken (db, table, name, id) ? WS_DATABASE_ERROR_DUPLICATE
                                                                      : WS_DATABASE_ERROR_INVALID,
                       first->message);
  return TRUE;
}

/**
 * ws_database_check_site:
 * @problems: (element-type WsProblem): where to add what is wrong, by field
 */
void
ws_database_check_site (WsDatabase *db,
                        WsSite     *site,
                        GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_SITE (site));

  ws_site_validate (site, problems);
  if (ws_problems_lookup (problems, "name") == NULL && _ws_directory_name_taken (db, "site", site->name, site->id))
    ws_problems_add (problems, "name", _("Another site is already called “%s”"), site->name);
}

gboolean
ws_database_save_site (WsDatabase  *db,
                       WsSite      *site,
                       GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 old_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_SITE (site), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  ws_database_check_site (db, site, problems);
  if (_ws_directory_refuse (db, "site", site->name, site->id, problems, error))
    return FALSE;

  old_id = site->id;
  name = ws_text_strip_dup (site->name);
  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, old_id == 0
                               ? "INSERT INTO site (name, kind, zone, opens_at, closes_at, working_days, contact,"
                                 " technical_contact) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                               : "UPDATE site SET name = ?1, kind = ?2, zone = ?3, opens_at = ?4, closes_at = ?5,"
                                 " working_days = ?6, contact = ?7, technical_contact = ?8 WHERE id = ?9",
                               error);
  if (stmt == NULL)
    goto fail;
  _ws_bind_text (stmt, 1, name);
  _ws_bind_text (stmt, 2, ws_enum_to_nick (WS_TYPE_SITE_KIND, site->kind));
  _ws_bind_text (stmt, 3, site->zone);
  _ws_bind_text (stmt, 4, site->opens_at);
  _ws_bind_text (stmt, 5, site->closes_at);
  sqlite3_bind_int (stmt, 6, site->working_days);
  _ws_bind_text (stmt, 7, site->contact);
  _ws_bind_text (stmt, 8, site->technical_contact);
  if (old_id != 0)
    sqlite3_bind_int64 (stmt, 9, old_id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  site->id = _ws_database_saved_id (db, old_id, _("The site is no longer there"), error);
  if (site->id == 0)
    goto fail;
  if (!_ws_database_record_change (db, "site", site->id, old_id == 0 ? "created" : "edited", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    {
      site->id = old_id;
      return FALSE;
    }
  ws_site_set_name (site, name);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  site->id = old_id;
  return FALSE;
}

gboolean
ws_database_delete_site (WsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM site WHERE id = ?", id, "site",
                                  _("The site is no longer there"), error);
}

/* Periods of @table ("site_closure" or "interpreter_unavailability")
 * owned by @owner_id through @owner_column. */
GPtrArray *
_ws_list_periods (WsDatabase  *db,
                  const char  *table,
                  const char  *owner_column,
                  gint64       owner_id,
                  GDateTime   *from,
                  GError     **error)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s, starts_at, ends_at, reason FROM %s"
                                          " WHERE %s = ?1 AND (?2 IS NULL OR ends_at > ?2)"
                                          " ORDER BY starts_at, id", owner_column, table, owner_column);
  g_autofree char *from_text = from != NULL ? ws_time_format_instant (from) : NULL;
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, owner_id);
  _ws_bind_optional (stmt, 2, from_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) starts = ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, 2));
      g_autoptr(GDateTime) ends = ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, 3));

      if (starts != NULL && ends != NULL)
        g_ptr_array_add (periods, _ws_period_new (sqlite3_column_int64 (stmt, 0), owner_id, starts, ends,
                                                  (const char *) sqlite3_column_text (stmt, 4)));
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the database"));
      g_clear_pointer (&periods, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&periods);
}

gint64
_ws_add_period (WsDatabase  *db,
                const char  *table,
                const char  *owner_table,
                const char  *owner_column,
                gint64       owner_id,
                GDateTime   *starts_at,
                GDateTime   *ends_at,
                const char  *reason,
                const char  *change,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *why = NULL;
  gint64 id;

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return 0;
  if (starts_at == NULL || ends_at == NULL)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Give both the start and the end of the period"));
      return 0;
    }
  if (g_date_time_compare (ends_at, starts_at) <= 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("The period must end after it starts"));
      return 0;
    }
  if (ws_text_is_blank (reason))
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Give a reason for the period"));
      return 0;
    }
  starts = ws_time_format_instant (starts_at);
  ends = ws_time_format_instant (ends_at);
  why = ws_text_strip_dup (reason);
  sql = g_strdup_printf ("INSERT INTO %s (%s, starts_at, ends_at, reason)"
                         " SELECT id, ?2, ?3, ?4 FROM %s WHERE id = ?1", table, owner_column, owner_table);
  if (!_ws_database_begin (db, error))
    return 0;
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  _ws_bind_text (stmt, 2, starts);
  _ws_bind_text (stmt, 3, ends);
  _ws_bind_text (stmt, 4, why);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (_ws_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                           _("The record is no longer there"));
      goto fail;
    }
  id = _ws_database_last_insert_id (db);
  if (!_ws_database_record_change (db, owner_table, owner_id, change, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    return 0;
  return id;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return 0;
}

/**
 * ws_database_list_site_closures:
 * @from: (nullable): leave out periods that ended before this
 *
 * Returns: (transfer container) (element-type WsPeriod): by start
 */
GPtrArray *
ws_database_list_site_closures (WsDatabase  *db,
                                gint64       site_id,
                                GDateTime   *from,
                                GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  return _ws_list_periods (db, "site_closure", "site_id", site_id, from, error);
}

gint64
ws_database_add_site_closure (WsDatabase  *db,
                              gint64       site_id,
                              GDateTime   *starts_at,
                              GDateTime   *ends_at,
                              const char  *reason,
                              GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), 0);

  return _ws_add_period (db, "site_closure", "site", "site_id", site_id, starts_at, ends_at, reason,
                         "closure added", error);
}

gboolean
ws_database_delete_site_closure (WsDatabase  *db,
                                 gint64       closure_id,
                                 GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM site_closure WHERE id = ?", closure_id, "site-closure",
                                  _("The closure is no longer there"), error);
}
