/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-store-plans"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-plan-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* ------------------------------------------------------------------ */
/* One description per table, so listing, loading and saving are       */
/* written once                                                        */

typedef struct {
  const char          *subject;   /* in change history */
  GType              (*type) (void);
  const char          *select;    /* columns in field order, table aliased t */
  const char          *table;
  const char * const  *columns;   /* stored columns, NULL-terminated ... */
  const guint         *fields;    /* ... and the field each is bound from */
  WsPermission         read;
  WsPermission         edit;
  const char          *gone;      /* msgid: the record is not there */
} Store;

#define COLUMNS(...) (const char * const[]) { __VA_ARGS__, NULL }
#define FIELDS(...) (const guint[]) { __VA_ARGS__ }

static const Store agency_store = {
  "agency", ws_agency_get_type,
  "SELECT t.id, t.name, t.kind, t.contact FROM agency t", "agency",
  COLUMNS ("name", "kind", "contact"), FIELDS (AGENCY_NAME, AGENCY_KIND, AGENCY_CONTACT),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_MANAGE_DIRECTORY,
  N_("There is no such agency; it may have been deleted"),
};

static const Store item_store = {
  "support-item", ws_support_item_get_type,
  "SELECT t.id, t.person_id, t.need_code, n.title, t.phase, t.offered_on, t.consent, t.agency_id, a.name,"
  " t.owner, t.due_on, t.status, t.notes FROM support_item t LEFT JOIN need n ON n.code = t.need_code"
  " LEFT JOIN agency a ON a.id = t.agency_id", "support_item",
  COLUMNS ("person_id", "need_code", "phase", "offered_on", "consent", "agency_id", "owner", "due_on", "status", "notes"),
  FIELDS (ITEM_PERSON_ID, ITEM_NEED_CODE, ITEM_PHASE, ITEM_OFFERED_ON, ITEM_CONSENT, ITEM_AGENCY_ID, ITEM_OWNER,
          ITEM_DUE_ON, ITEM_STATUS, ITEM_NOTES),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such need or service in the plan; it may have been deleted"),
};

/* A change is due an assessment when it is the person's latest and no
 * assessment is dated on or after the day it happened. */
#define ASSESSMENT_DUE(alias) \
  "(" alias ".id = (SELECT p2.id FROM phase_change p2 WHERE p2.person_id = " alias ".person_id" \
  " ORDER BY p2.began_at DESC, p2.id DESC LIMIT 1) AND NOT EXISTS (SELECT 1 FROM risk_assessment r" \
  " WHERE r.person_id = " alias ".person_id AND r.assessed_on >= substr (" alias ".began_at, 1, 10)))"

static const Store phase_store = {
  "phase-change", ws_phase_change_get_type,
  "SELECT t.id, t.person_id, t.phase, t.began_at, t.moved_by, t.note, " ASSESSMENT_DUE ("t")
  " FROM phase_change t", "phase_change",
  COLUMNS ("person_id", "phase", "began_at", "moved_by", "note"),
  FIELDS (PHASE_PERSON_ID, PHASE_PHASE, PHASE_BEGAN_AT, PHASE_MOVED_BY, PHASE_NOTE),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such phase change"),
};

static const Store check_store = {
  "checklist-item", ws_checklist_item_get_type,
  "SELECT t.id, t.person_id, t.track, t.code, t.title, t.state, t.done_on, t.done_by, t.reason"
  " FROM checklist_item t", "checklist_item",
  COLUMNS ("person_id", "track", "code", "title", "state", "done_on", "done_by", "reason"),
  FIELDS (CHECK_PERSON_ID, CHECK_TRACK, CHECK_CODE, CHECK_TITLE, CHECK_STATE, CHECK_DONE_ON, CHECK_DONE_BY,
          CHECK_REASON),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such checklist item; it may have been deleted"),
};

static const Store consent_store = {
  "consent", ws_consent_get_type,
  "SELECT t.id, t.person_id, t.recipient, t.purpose, t.given_on, t.expires_on, t.withdrawn_on, t.notes"
  " FROM consent t", "consent",
  COLUMNS ("person_id", "recipient", "purpose", "given_on", "expires_on", "withdrawn_on", "notes"),
  FIELDS (CONSENT_PERSON_ID, CONSENT_RECIPIENT, CONSENT_PURPOSE, CONSENT_GIVEN_ON, CONSENT_EXPIRES_ON,
          CONSENT_WITHDRAWN_ON, CONSENT_NOTES),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such consent; it may have been deleted"),
};

static const Store referral_store = {
  "referral", ws_referral_get_type,
  "SELECT t.id, t.person_id, t.agency_id, a.name, t.purpose, t.referred_on, t.consent_id, t.override"
  " FROM referral t LEFT JOIN agency a ON a.id = t.agency_id", "referral",
  COLUMNS ("person_id", "agency_id", "purpose", "referred_on", "consent_id", "override"),
  FIELDS (REFERRAL_PERSON_ID, REFERRAL_AGENCY_ID, REFERRAL_PURPOSE, REFERRAL_REFERRED_ON, REFERRAL_CONSENT_ID,
          REFERRAL_OVERRIDE),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such referral"),
};

static const Store risk_store = {
  "risk-assessment", ws_risk_assessment_get_type,
  "SELECT t.id, t.person_id, t.assessed_on, t.level, t.threats, t.assessed_by, t.next_review"
  " FROM risk_assessment t", "risk_assessment",
  COLUMNS ("person_id", "assessed_on", "level", "threats", "assessed_by", "next_review"),
  FIELDS (RISK_PERSON_ID, RISK_ASSESSED_ON, RISK_LEVEL, RISK_THREATS, RISK_ASSESSED_BY, RISK_NEXT_REVIEW),
  WS_PERMISSION_READ_RISK, WS_PERMISSION_EDIT_RISK,
  N_("There is no such risk assessment; it may have been deleted"),
};

static const Store reflection_store = {
  "reflection-period", ws_reflection_period_get_type,
  "SELECT t.id, t.person_id, t.starts_on, t.days, t.visa_status,"
  " date (t.starts_on, '+' || (t.days - 1) || ' days') FROM reflection_period t", "reflection_period",
  COLUMNS ("person_id", "starts_on", "days", "visa_status"),
  FIELDS (REFLECTION_PERSON_ID, REFLECTION_STARTS_ON, REFLECTION_DAYS, REFLECTION_VISA_STATUS),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such reflection period; it may have been deleted"),
};

static const Store info_store = {
  "information-given", ws_information_given_get_type,
  "SELECT t.id, t.person_id, t.given_on, t.topic, t.language, t.mode, t.notes FROM information_given t",
  "information_given",
  COLUMNS ("person_id", "given_on", "topic", "language", "mode", "notes"),
  FIELDS (INFO_PERSON_ID, INFO_GIVEN_ON, INFO_TOPIC, INFO_LANGUAGE, INFO_MODE, INFO_NOTES),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such entry in the information log; it may have been deleted"),
};

static const Store benefit_store = {
  "benefit", ws_benefit_get_type,
  "SELECT t.id, t.person_id, t.given_on, t.kind, t.amount_minor, t.currency, t.reason, t.disclosable"
  " FROM benefit t", "benefit",
  COLUMNS ("person_id", "given_on", "kind", "amount_minor", "currency", "reason", "disclosable"),
  FIELDS (BENEFIT_PERSON_ID, BENEFIT_GIVEN_ON, BENEFIT_KIND, BENEFIT_AMOUNT, BENEFIT_CURRENCY, BENEFIT_REASON,
          BENEFIT_DISCLOSABLE),
  WS_PERMISSION_READ_BENEFITS, WS_PERMISSION_EDIT_BENEFITS,
  N_("There is no such benefit; it may have been deleted"),
};

static const Store claim_store = {
  "compensation-claim", ws_compensation_claim_get_type,
  "SELECT t.id, t.person_id, t.case_id, c.reference, t.head, t.route, t.claimed_minor, t.awarded_minor,"
  " t.currency, t.status FROM compensation_claim t LEFT JOIN court_case c ON c.id = t.case_id",
  "compensation_claim",
  COLUMNS ("person_id", "case_id", "head", "route", "claimed_minor", "awarded_minor", "currency", "status"),
  FIELDS (CLAIM_PERSON_ID, CLAIM_CASE_ID, CLAIM_HEAD, CLAIM_ROUTE, CLAIM_CLAIMED, CLAIM_AWARDED, CLAIM_CURRENCY,
          CLAIM_STATUS),
  WS_PERMISSION_READ_PLAN, WS_PERMISSION_EDIT_PLAN,
  N_("There is no such compensation claim; it may have been deleted"),
};

#define VERDICT_SELECT \
  "SELECT t.case_id, t.given_on, t.outcome, t.sentence, t.sentence_months, t.release_on, t.appeal_by FROM verdict t"
#define OUTCOME_SELECT \
  "SELECT t.id, t.case_id, t.person_id, c.reference, t.label, v.given_on, t.outcome_told_on, t.impact_statement" \
  " FROM case_party t JOIN court_case c ON c.id = t.case_id LEFT JOIN verdict v ON v.case_id = t.case_id"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gboolean
fail_with_problems (GPtrArray  *problems,
                    GError    **error)
{
  WsProblem *first;

  if (problems->len == 0)
    return FALSE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID, first->message);
  return TRUE;
}

static void
set_gone (GError     **error,
          const char  *message)
{
  g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND, _(message));
}

/* Runs @sql with ?1 = @a and ?2 = @b (text when @b_text is given);
 * TRUE if it gave a row. */
static gboolean
exists (WsDatabase *db,
        const char *sql,
        gint64      a,
        const char *b_text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      if (b_text != NULL)
        sqlite3_bind_text (stmt, 2, b_text, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return found;
}

static gboolean
person_exists (WsDatabase *db,
               gint64      person_id)
{
  return person_id > 0 && exists (db, "SELECT 1 FROM person WHERE id = ?1", person_id, NULL);
}

static void
check_person (WsDatabase *db,
              gint64      person_id,
              GPtrArray  *problems)
{
  if (!person_exists (db, person_id))
    ws_problems_add (problems, "person", _("The witness no longer exists"));
}

/* Loads the rows of @sql (a store's select with a WHERE and ORDER BY)
 * with ?1 bound to @id; the caller holds the lock. */
static GPtrArray *
load_rows (WsDatabase  *db,
           GType        type,
           const char  *sql,
           gint64       id,
           const char  *text,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _ws_record_from_row (type, stmt));
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the support plan"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static GPtrArray *
query (WsDatabase   *db,
       const Store  *store,
       const char   *where_order,
       gint64        id,
       GError      **error)
{
  g_autofree char *sql = g_strconcat (store->select, " ", where_order, NULL);
  GPtrArray *rows;

  if (!_ws_database_require (db, store->read, error))
    return NULL;
  _ws_database_lock (db);
  rows = load_rows (db, store->type (), sql, id, NULL, error);
  _ws_database_unlock (db);
  return rows;
}

/* The one record @rows (the result of a select by id) should hold;
 * NOT_FOUND with the store's words when it is empty. */
static gpointer
only_row (GPtrArray    *rows,
          const Store  *store,
          GError      **error)
{
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      set_gone (error, store->gone);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static gpointer
get_one (WsDatabase   *db,
         const Store  *store,
         gint64        id,
         GError      **error)
{
  g_autoptr(GPtrArray) rows = query (db, store, "WHERE t.id = ?1", id, error);

  return only_row (rows, store, error);
}

/* The caller holds the lock. */
static gpointer
reload (WsDatabase   *db,
        const Store  *store,
        gint64        id,
        GError      **error)
{
  g_autofree char *sql = g_strconcat (store->select, " WHERE t.id = ?1", NULL);
  g_autoptr(GPtrArray) rows = load_rows (db, store->type (), sql, id, NULL, error);

  return only_row (rows, store, error);
}

/* Inserts (id 0) or updates the row of @record inside the caller's
 * transaction, records the change and sets the id. */
static gboolean
write_row (WsDatabase   *db,
           const Store  *store,
           gpointer      record,
           GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GObject) before = NULL;
  g_autofree char *change = NULL;
  gint64 id = _ws_record_get_int (record, 0);
  guint n = 0;

  if (id > 0)
    {
      before = reload (db, store, id, error);
      if (before == NULL)
        return FALSE;
      g_string_append_printf (sql, "UPDATE %s SET ", store->table);
      for (n = 0; store->columns[n] != NULL; n++)
        g_string_append_printf (sql, "%s%s = ?%u", n > 0 ? ", " : "", store->columns[n], n + 1);
      g_string_append_printf (sql, " WHERE id = ?%u", n + 1);
    }
  else
    {
      g_string_append_printf (sql, "INSERT INTO %s (", store->table);
      for (n = 0; store->columns[n] != NULL; n++)
        g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", store->columns[n]);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }

  stmt = _ws_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    _ws_record_bind (record, store->fields[i], stmt, (int) i + 1);
  if (id > 0)
    sqlite3_bind_int64 (stmt, (int) n + 1, id);
  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  if (id == 0)
    {
      id = _ws_database_last_insert_id (db);
      change = g_strdup ("created");
    }
  else
    {
      g_autofree char *diff = _ws_record_diff (before, record);

      change = diff != NULL ? g_strconcat ("edited: ", diff, NULL) : g_strdup ("saved unchanged");
    }
  if (!_ws_database_record_change (db, store->subject, id, change, error))
    return FALSE;
  _ws_record_set_int (record, 0, id);
  return TRUE;
}

typedef gboolean (*AfterWrite) (WsDatabase  *db,
                                gpointer     record,
                                GError     **error);

/* The whole of a save: permission, checks already done by the caller,
 * one transaction, the record refreshed with what the database filled
 * in. Nothing changes in @record when it fails. */
static gboolean
save (WsDatabase   *db,
      const Store  *store,
      gpointer      record,
      AfterWrite    after,
      GError      **error)
{
  g_autoptr(GObject) copy = _ws_record_copy (record);
  g_autoptr(GObject) fresh = NULL;

  if (!_ws_database_require (db, store->edit, error))
    return FALSE;
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!write_row (db, store, copy, error) ||
      (after != NULL && !after (db, copy, error)) ||
      (fresh = reload (db, store, _ws_record_get_int (copy, 0), error)) == NULL)
    {
      _ws_database_rollback (db);
      return FALSE;
    }
  if (!_ws_database_commit (db, error))
    return FALSE;
  _ws_record_update_from (record, fresh);
  return TRUE;
}

static gboolean
delete_row (WsDatabase   *db,
            const Store  *store,
            gint64        id,
            GError      **error)
{
  g_autofree char *sql = NULL;

  if (!_ws_database_require (db, store->edit, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", store->table);
  return _ws_database_delete_row (db, sql, id, store->subject, _(store->gone), error);
}

static char *
today_text (void)
{
  g_autoptr(GDate) today = ws_time_today ();

  return ws_time_format_date (today);
}

/* ------------------------------------------------------------------ */
/* The catalogue of needs                                              */

#define NEED_SELECT "SELECT t.code, t.category, t.title, t.builtin FROM need t"

static int
category_rank (const char *category)
{
  const char * const *all = ws_need_categories_get_all ();

  for (int i = 0; all[i] != NULL; i++)
    if (g_strcmp0 (all[i], category) == 0)
      return i;
  return G_MAXINT;
}

static int
compare_needs (gconstpointer a,
               gconstpointer b)
{
  WsNeed *x = *(WsNeed **) a;
  WsNeed *y = *(WsNeed **) b;
  int rx = category_rank (ws_need_get_category (x));
  int ry = category_rank (ws_need_get_category (y));

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return g_utf8_collate (ws_need_get_title (x), ws_need_get_title (y));
}

/**
 * ws_database_list_needs:
 *
 * Returns: (transfer container) (element-type WsNeed): the catalogue
 */
GPtrArray *
ws_database_list_needs (WsDatabase  *db,
                        GError     **error)
{
  GPtrArray *needs;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_PLAN, error))
    return NULL;
  _ws_database_lock (db);
  needs = load_rows (db, WS_TYPE_NEED, NEED_SELECT, 0, NULL, error);
  _ws_database_unlock (db);
  if (needs != NULL)
    g_ptr_array_sort (needs, compare_needs);
  return needs;
}

/**
 * ws_database_get_need:
 *
 * Returns: (transfer full): the need, or %NULL with @error set
 */
WsNeed *
ws_database_get_need (WsDatabase  *db,
                      const char  *code,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_PLAN, error))
    return NULL;
  _ws_database_lock (db);
  rows = load_rows (db, WS_TYPE_NEED, NEED_SELECT " WHERE t.code = ?2", 0, code, error);
  _ws_database_unlock (db);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      set_gone (error, N_("There is no such need in the catalogue"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static gboolean
need_exists (WsDatabase *db,
             const char *code,
             gboolean   *builtin)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT builtin FROM need WHERE code = ?", NULL);
  if (stmt != NULL)
    {
      _ws_bind_text (stmt, 1, code);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      if (found && builtin != NULL)
        *builtin = sqlite3_column_int (stmt, 0) != 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return found;
}

void
ws_database_check_need (WsDatabase *db,
                        WsNeed     *need,
                        gboolean    is_new,
                        GPtrArray  *problems)
{
  gboolean builtin = FALSE;
  gboolean found;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_NEED (need));
  g_return_if_fail (problems != NULL);

  ws_need_validate (need, problems);
  if (ws_problems_lookup (problems, "code") != NULL)
    return;
  found = need_exists (db, ws_need_get_code (need), &builtin);
  if (is_new && found)
    ws_problems_add (problems, "code", _("The catalogue already has a need with the code “%s”"),
                     ws_need_get_code (need));
  else if (!is_new && !found)
    ws_problems_add (problems, "code", _("There is no such need in the catalogue"));
  else if (!is_new && builtin)
    ws_problems_add (problems, "code", _("Needs shipped with the program cannot be changed; add your own instead"));
}

gboolean
ws_database_save_need (WsDatabase  *db,
                       WsNeed      *need,
                       gboolean     is_new,
                       GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_NEED (need), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_CATALOGUES, error))
    return FALSE;
  ws_database_check_need (db, need, is_new, problems);
  if (fail_with_problems (problems, error))
    return FALSE;

  title = ws_text_strip_dup (ws_need_get_title (need));
  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, is_new ? "INSERT INTO need (code, category, title, builtin) VALUES (?1, ?2, ?3, 0)"
                                          : "UPDATE need SET category = ?2, title = ?3 WHERE code = ?1 AND builtin = 0",
                               error);
  if (stmt == NULL)
    goto fail;
  _ws_bind_text (stmt, 1, ws_need_get_code (need));
  _ws_bind_text (stmt, 2, ws_need_get_category (need));
  _ws_bind_text (stmt, 3, title);
  /* The need's code is its key: change history records its rowid. */
  if (!_ws_database_step_done (db, stmt, error) ||
      !_ws_database_record_change (db, "need", _ws_database_last_insert_id (db),
                                   is_new ? "created" : "edited", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    return FALSE;
  ws_need_set_title (need, title);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

gboolean
ws_database_delete_need (WsDatabase  *db,
                         const char  *code,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean builtin = FALSE;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_CATALOGUES, error))
    return FALSE;
  if (!need_exists (db, code, &builtin))
    {
      set_gone (error, N_("There is no such need in the catalogue"));
      return FALSE;
    }
  if (builtin)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Needs shipped with the program cannot be deleted"));
      return FALSE;
    }
  if (exists (db, "SELECT 1 FROM support_item WHERE need_code = ?2", 0, code))
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Support plans use this need; it cannot be deleted"));
      return FALSE;
    }
  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, "DELETE FROM need WHERE code = ? AND builtin = 0", error);
  if (stmt == NULL)
    goto fail;
  _ws_bind_text (stmt, 1, code);
  if (!_ws_database_step_done (db, stmt, error) ||
      !_ws_database_record_change (db, "need", 0, "deleted", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (db, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Agencies                                                            */

/**
 * ws_database_list_agencies:
 *
 * Returns: (transfer container) (element-type WsAgency): the directory
 */
GPtrArray *
ws_database_list_agencies (WsDatabase  *db,
                           GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &agency_store, "ORDER BY t.name COLLATE NOCASE", 0, error);
}

/**
 * ws_database_get_agency:
 *
 * Returns: (transfer full): the agency, or %NULL with @error set
 */
WsAgency *
ws_database_get_agency (WsDatabase  *db,
                        gint64       id,
                        GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return get_one (db, &agency_store, id, error);
}

void
ws_database_check_agency (WsDatabase *db,
                          WsAgency   *agency,
                          GPtrArray  *problems)
{
  g_autofree char *name = NULL;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_AGENCY (agency));
  g_return_if_fail (problems != NULL);

  ws_agency_validate (agency, problems);
  name = ws_text_strip_dup (ws_agency_get_name (agency));
  if (ws_problems_lookup (problems, "name") == NULL &&
      exists (db, "SELECT 1 FROM agency WHERE name = ?2 COLLATE NOCASE AND id <> ?1",
              ws_agency_get_id (agency), name))
    ws_problems_add (problems, "name", _("The directory already has an agency called “%s”"), name);
}

gboolean
ws_database_save_agency (WsDatabase  *db,
                         WsAgency    *agency,
                         GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_AGENCY (agency), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  ws_database_check_agency (db, agency, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  name = ws_text_strip_dup (ws_agency_get_name (agency));
  ws_agency_set_name (agency, name);
  return save (db, &agency_store, agency, NULL, error);
}

gboolean
ws_database_delete_agency (WsDatabase  *db,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  if (exists (db, "SELECT 1 FROM referral WHERE agency_id = ?1", id, NULL))
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Witnesses were referred to this agency; it stays in the directory for the record"));
      return FALSE;
    }
  return delete_row (db, &agency_store, id, error);
}

/* ------------------------------------------------------------------ */
/* Support items                                                       */

static void
translate_item (WsSupportItem *item)
{
  const char *stored = ws_support_item_get_need_title (item);
  const char *shown = _ws_need_translate (ws_support_item_get_need_code (item), stored);

  if (shown != stored)
    _ws_record_set_string (item, ITEM_NEED_TITLE, shown);
}

/**
 * ws_database_list_support_items:
 *
 * Returns: (transfer container) (element-type WsSupportItem): the items
 */
GPtrArray *
ws_database_list_support_items (WsDatabase    *db,
                                gint64         person_id,
                                WsItemFilter   filter,
                                GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDate) today = ws_time_today ();
  guint statuses = filter & (WS_ITEM_FILTER_PLANNED | WS_ITEM_FILTER_IN_PROGRESS | WS_ITEM_FILTER_DONE |
                             WS_ITEM_FILTER_CANCELLED);

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  items = query (db, &item_store, "WHERE t.person_id = ?1 ORDER BY t.due_on IS NULL, t.due_on, t.id",
                 person_id, error);
  if (items == NULL)
    return NULL;
  for (guint i = items->len; i-- > 0;)
    {
      WsSupportItem *item = g_ptr_array_index (items, i);
      guint bit = 1u << ws_support_item_get_status (item);

      if ((statuses != 0 && (statuses & bit) == 0) ||
          ((filter & WS_ITEM_FILTER_OVERDUE) && !ws_support_item_is_overdue (item, today)))
        g_ptr_array_remove_index (items, i);
      else
        translate_item (item);
    }
  return g_steal_pointer (&items);
}

/**
 * ws_database_get_support_item:
 *
 * Returns: (transfer full): the item, or %NULL with @error set
 */
WsSupportItem *
ws_database_get_support_item (WsDatabase  *db,
                              gint64       id,
                              GError     **error)
{
  WsSupportItem *item;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  item = get_one (db, &item_store, id, error);
  if (item != NULL)
    translate_item (item);
  return item;
}

void
ws_database_check_support_item (WsDatabase    *db,
                                WsSupportItem *item,
                                GPtrArray     *problems)
{
  const char *code;
  gint64 agency_id;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_SUPPORT_ITEM (item));
  g_return_if_fail (problems != NULL);

  ws_support_item_validate (item, problems);
  check_person (db, ws_support_item_get_person_id (item), problems);
  code = ws_support_item_get_need_code (item);
  if (ws_problems_lookup (problems, "need") == NULL && !need_exists (db, code, NULL))
    ws_problems_add (problems, "need", _("“%s” is not in the catalogue of needs"), code);
  agency_id = ws_support_item_get_agency_id (item);
  if (agency_id != 0 && !exists (db, "SELECT 1 FROM agency WHERE id = ?1", agency_id, NULL))
    ws_problems_add (problems, "agency", _("The agency is no longer in the directory"));
}

gboolean
ws_database_save_support_item (WsDatabase     *db,
                               WsSupportItem  *item,
                               GError        **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_SUPPORT_ITEM (item), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_support_item (db, item, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  ok = save (db, &item_store, item, NULL, error);
  if (ok)
    translate_item (item);
  return ok;
}

gboolean
ws_database_delete_support_item (WsDatabase  *db,
                                 gint64       id,
                                 GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  return delete_row (db, &item_store, id, error);
}

/* ------------------------------------------------------------------ */
/* Checklists                                                          */

static gboolean
read_person_facts (WsDatabase  *db,
                   gint64       person_id,
                   WsPhase     *phase,
                   WsAgeStatus *age,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (db, "SELECT phase, age_status FROM person WHERE id = ?", error);
  int value = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_gone (error, N_("The witness no longer exists"));
      return FALSE;
    }
  if (phase != NULL)
    *phase = ws_enum_from_nick (WS_TYPE_PHASE, (const char *) sqlite3_column_text (stmt, 0), &value) ? value : 0;
  if (age != NULL)
    *age = ws_enum_from_nick (WS_TYPE_AGE_STATUS, (const char *) sqlite3_column_text (stmt, 1), &value) ? value : 0;
  return TRUE;
}

/* Inside the caller's transaction. */
static gboolean
add_track (WsDatabase  *db,
           gint64       person_id,
           WsTrack      track,
           guint       *n_added,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const WsCheckTemplate *items;
  guint n_items;
  guint added = 0;

  items = _ws_track_get_template (track, &n_items);
  stmt = _ws_database_prepare (db, "INSERT OR IGNORE INTO checklist_item (person_id, track, code, title)"
                                   " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, ws_enum_to_nick (WS_TYPE_TRACK, track), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, items[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, items[i].title, -1, SQLITE_STATIC);
      if (!_ws_database_step_done (db, stmt, error))
        return FALSE;
      added += sqlite3_changes (_ws_database_get_handle (db));
    }
  if (added > 0)
    {
      g_autofree char *change = g_strdup_printf ("checklist added: %s", ws_enum_to_nick (WS_TYPE_TRACK, track));

      if (!_ws_database_record_change (db, "person", person_id, change, error))
        return FALSE;
    }
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

gboolean
ws_database_add_track (WsDatabase  *db,
                       gint64       person_id,
                       WsTrack      track,
                       guint       *n_added,
                       GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ws_enum_to_nick (WS_TYPE_TRACK, track) != NULL, FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  if (!person_exists (db, person_id))
    {
      set_gone (error, N_("The witness no longer exists"));
      return FALSE;
    }
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!add_track (db, person_id, track, n_added, error))
    {
      _ws_database_rollback (db);
      return FALSE;
    }
  return _ws_database_commit (db, error);
}

static guint
template_position (WsTrack     track,
                   const char *code)
{
  guint n;
  const WsCheckTemplate *items = _ws_track_get_template (track, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (items[i].code, code) == 0)
      return i;
  return G_MAXUINT;
}

static int
compare_checks (gconstpointer a,
                gconstpointer b)
{
  WsChecklistItem *x = *(WsChecklistItem **) a;
  WsChecklistItem *y = *(WsChecklistItem **) b;
  WsTrack tx = ws_checklist_item_get_track (x);
  WsTrack ty = ws_checklist_item_get_track (y);
  guint px;
  guint py;

  if (tx != ty)
    return tx < ty ? -1 : 1;
  px = template_position (tx, ws_checklist_item_get_code (x));
  py = template_position (ty, ws_checklist_item_get_code (y));
  if (px != py)
    return px < py ? -1 : 1;
  return ws_checklist_item_get_id (x) < ws_checklist_item_get_id (y) ? -1 : 1;
}

static void
translate_check (WsChecklistItem *item)
{
  const char *stored = ws_checklist_item_get_title (item);
  const char *shown = _ws_check_translate (ws_checklist_item_get_track (item), ws_checklist_item_get_code (item),
                                           stored);

  if (shown != stored)
    _ws_record_set_string (item, CHECK_TITLE, shown);
}

/**
 * ws_database_list_checklist:
 *
 * Returns: (transfer container) (element-type WsChecklistItem): the items
 */
GPtrArray *
ws_database_list_checklist (WsDatabase  *db,
                            gint64       person_id,
                            GError     **error)
{
  GPtrArray *items;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  items = query (db, &check_store, "WHERE t.person_id = ?1", person_id, error);
  if (items == NULL)
    return NULL;
  g_ptr_array_sort (items, compare_checks);
  for (guint i = 0; i < items->len; i++)
    translate_check (g_ptr_array_index (items, i));
  return items;
}

gboolean
ws_database_set_checklist_state (WsDatabase        *db,
                                 gint64             item_id,
                                 WsChecklistState   state,
                                 const char        *date,
                                 const char        *reason,
                                 GError           **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsChecklistItem) item = NULL;
  g_autoptr(WsChecklistItem) after = NULL;
  g_autofree char *today = today_text ();
  g_autofree char *clean_reason = ws_text_strip_dup (reason);
  g_autofree char *clean_date = ws_text_strip_dup (date);

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_checklist_check_state (state, clean_date, clean_reason, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  item = get_one (db, &check_store, item_id, error);
  if (item == NULL)
    return FALSE;

  after = _ws_record_copy (item);
  _ws_record_set_int (after, CHECK_STATE, state);
  switch (state)
    {
    case WS_CHECKLIST_STATE_DONE:
      _ws_record_set_string (after, CHECK_DONE_ON, clean_date != NULL && *clean_date != '\0' ? clean_date : today);
      _ws_record_set_string (after, CHECK_DONE_BY, ws_database_get_actor_name (db));
      _ws_record_set_string (after, CHECK_REASON, "");
      break;
    case WS_CHECKLIST_STATE_NOT_APPLICABLE:
      _ws_record_set_string (after, CHECK_DONE_ON, today);
      _ws_record_set_string (after, CHECK_DONE_BY, ws_database_get_actor_name (db));
      _ws_record_set_string (after, CHECK_REASON, clean_reason);
      break;
    case WS_CHECKLIST_STATE_OPEN:
    default:
      _ws_record_set_string (after, CHECK_DONE_ON, NULL);
      _ws_record_set_string (after, CHECK_DONE_BY, "");
      _ws_record_set_string (after, CHECK_REASON, "");
      break;
    }
  return save (db, &check_store, after, NULL, error);
}

/* ------------------------------------------------------------------ */
/* Phases                                                              */

/**
 * ws_database_list_phase_changes:
 *
 * Returns: (transfer container) (element-type WsPhaseChange): the timeline
 */
GPtrArray *
ws_database_list_phase_changes (WsDatabase  *db,
                                gint64       person_id,
                                GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &phase_store, "WHERE t.person_id = ?1 ORDER BY t.began_at, t.id", person_id, error);
}

void
ws_database_check_phase_move (WsDatabase *db,
                              gint64      person_id,
                              WsPhase     phase,
                              const char *note,
                              GPtrArray  *problems)
{
  WsPhase current = WS_PHASE_INITIAL;
  gboolean found;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (problems != NULL);

  if (ws_enum_to_nick (WS_TYPE_PHASE, phase) == NULL)
    {
      ws_problems_add (problems, "phase", _("Choose a phase"));
      return;
    }
  _ws_database_lock (db);
  found = read_person_facts (db, person_id, &current, NULL, NULL);
  _ws_database_unlock (db);
  if (!found)
    ws_problems_add (problems, "person", _("The witness no longer exists"));
  else if (current == phase)
    ws_problems_add (problems, "phase", _("The plan is already in this phase"));
  if (note != NULL && g_utf8_strlen (note, -1) > 2000)
    ws_problems_add (problems, "note", _("This is too long: keep it under %ld characters"), 2000L);
}

/* Inside the caller's transaction: the timeline row and the phase's
 * checklist; the person row is the caller's. */
static gboolean
record_phase (WsDatabase  *db,
              gint64       person_id,
              WsPhase      phase,
              const char  *note,
              gint64      *change_id,
              GError     **error)
{
  g_autoptr(WsPhaseChange) change = _ws_record_new (WS_TYPE_PHASE_CHANGE);
  g_autoptr(GDateTime) now = ws_time_now ();
  WsTrack track;

  _ws_record_set_int (change, PHASE_PERSON_ID, person_id);
  _ws_record_set_int (change, PHASE_PHASE, phase);
  g_object_set (change, "began-at", now, NULL);
  _ws_record_set_string (change, PHASE_MOVED_BY, ws_database_get_actor_name (db));
  _ws_record_set_string (change, PHASE_NOTE, note);
  if (!write_row (db, &phase_store, change, error))
    return FALSE;
  if (change_id != NULL)
    *change_id = ws_phase_change_get_id (change);
  return !ws_track_for_phase (phase, &track) || add_track (db, person_id, track, NULL, error);
}

/**
 * ws_database_move_to_phase:
 *
 * Returns: (transfer full): the new phase change, or %NULL with @error set
 */
WsPhaseChange *
ws_database_move_to_phase (WsDatabase  *db,
                           gint64       person_id,
                           WsPhase      phase,
                           const char  *note,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_note = ws_text_strip_dup (note);
  g_autofree char *now = ws_time_now_iso ();
  gint64 change_id = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return NULL;
  ws_database_check_phase_move (db, person_id, phase, clean_note, problems);
  if (fail_with_problems (problems, error))
    return NULL;

  if (!_ws_database_begin (db, error))
    return NULL;
  stmt = _ws_database_prepare (db, "UPDATE person SET phase = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, ws_enum_to_nick (WS_TYPE_PHASE, phase), -1, SQLITE_STATIC);
  _ws_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, person_id);
  if (!_ws_database_step_done (db, stmt, error) ||
      !record_phase (db, person_id, phase, clean_note, &change_id, error) ||
      !_ws_database_record_change (db, "person", person_id, "phase changed", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    return NULL;
  return get_one (db, &phase_store, change_id, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return NULL;
}

static gboolean
latest_phase (WsDatabase *db,
              gint64      person_id,
              WsPhase    *phase)
{
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (db, "SELECT phase FROM phase_change WHERE person_id = ?"
                                                           " ORDER BY began_at DESC, id DESC LIMIT 1", NULL);
  int value = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      !ws_enum_from_nick (WS_TYPE_PHASE, (const char *) sqlite3_column_text (stmt, 0), &value))
    return FALSE;
  *phase = value;
  return TRUE;
}

gboolean
_ws_plan_sync_person (WsDatabase  *db,
                      gint64       person_id,
                      gboolean     is_new,
                      GError     **error)
{
  WsPhase phase = WS_PHASE_INITIAL;
  WsPhase recorded = WS_PHASE_INITIAL;
  WsAgeStatus age = WS_AGE_STATUS_ADULT;
  gboolean has_timeline;

  if (!read_person_facts (db, person_id, &phase, &age, error))
    return FALSE;
  has_timeline = latest_phase (db, person_id, &recorded);
  if (is_new && !add_track (db, person_id, WS_TRACK_OPENING, NULL, error))
    return FALSE;
  /* A new plan starts its timeline; a phase changed in the person's
   * editor is recorded as if moved here. */
  if ((!has_timeline || recorded != phase) &&
      !record_phase (db, person_id, phase, has_timeline ? "" : _("Plan started"), NULL, error))
    return FALSE;
  if (age != WS_AGE_STATUS_ADULT && !add_track (db, person_id, WS_TRACK_CHILD, NULL, error))
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Consent and referrals                                               */

/**
 * ws_database_list_consents:
 *
 * Returns: (transfer container) (element-type WsConsent): the consents
 */
GPtrArray *
ws_database_list_consents (WsDatabase  *db,
                           gint64       person_id,
                           GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &consent_store, "WHERE t.person_id = ?1 ORDER BY t.given_on DESC, t.id DESC", person_id, error);
}

/**
 * ws_database_get_consent:
 *
 * Returns: (transfer full): the consent, or %NULL with @error set
 */
WsConsent *
ws_database_get_consent (WsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return get_one (db, &consent_store, id, error);
}

void
ws_database_check_consent (WsDatabase *db,
                           WsConsent  *consent,
                           GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_CONSENT (consent));
  g_return_if_fail (problems != NULL);

  ws_consent_validate (consent, problems);
  check_person (db, ws_consent_get_person_id (consent), problems);
  if (ws_consent_get_id (consent) != 0 &&
      !exists (db, "SELECT 1 FROM consent WHERE id = ?1", ws_consent_get_id (consent), NULL))
    ws_problems_add (problems, "consent", _("There is no such consent; it may have been deleted"));
}

static void
trim_consent (WsConsent *consent)
{
  g_autofree char *recipient = ws_text_strip_dup (ws_consent_get_recipient (consent));
  g_autofree char *purpose = ws_text_strip_dup (ws_consent_get_purpose (consent));

  ws_consent_set_recipient (consent, recipient);
  ws_consent_set_purpose (consent, purpose);
}

gboolean
ws_database_save_consent (WsDatabase  *db,
                          WsConsent   *consent,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsConsent) copy = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_CONSENT (consent), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_consent (db, consent, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  copy = ws_consent_copy (consent);
  trim_consent (copy);
  if (!save (db, &consent_store, copy, NULL, error))
    return FALSE;
  _ws_record_update_from (consent, copy);
  return TRUE;
}

gboolean
ws_database_withdraw_consent (WsDatabase  *db,
                              gint64       id,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(WsConsent) consent = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autofree char *today = today_text ();

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  consent = get_one (db, &consent_store, id, error);
  if (consent == NULL)
    return FALSE;
  if (ws_consent_get_withdrawn_on (consent) != NULL)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("This consent was already withdrawn"));
      return FALSE;
    }
  ws_consent_set_withdrawn_on (consent, date != NULL && *date != '\0' ? date : today);
  ws_consent_validate (consent, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  return save (db, &consent_store, consent, NULL, error);
}

gboolean
ws_database_delete_consent (WsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  if (exists (db, "SELECT 1 FROM referral WHERE consent_id = ?1", id, NULL))
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("A referral relies on this consent; record a withdrawal instead of deleting it"));
      return FALSE;
    }
  return delete_row (db, &consent_store, id, error);
}

/* Recipient is the agency's name; purposes match trimmed and without
 * regard to case. The caller holds the lock. */
#define COVERING_CONSENT \
  "SELECT k.id FROM consent k JOIN agency a ON a.id = ?2" \
  " WHERE k.person_id = ?1 AND trim (k.recipient) = a.name COLLATE NOCASE" \
  " AND trim (k.purpose) = trim (?3) COLLATE NOCASE AND k.given_on <= ?4" \
  " AND (k.expires_on IS NULL OR k.expires_on >= ?4) AND (k.withdrawn_on IS NULL OR k.withdrawn_on > ?4)" \
  " ORDER BY k.given_on DESC, k.id DESC LIMIT 1"

static gboolean
find_covering (WsDatabase  *db,
               gint64       person_id,
               gint64       agency_id,
               const char  *purpose,
               const char  *date,
               gint64      *consent_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (db, COVERING_CONSENT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  _ws_bind_text (stmt, 3, purpose);
  _ws_bind_text (stmt, 4, date);
  rc = sqlite3_step (stmt);
  *consent_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Looking for the witness's consent"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ws_database_find_covering_consent (WsDatabase  *db,
                                   gint64       person_id,
                                   gint64       agency_id,
                                   const char  *purpose,
                                   const char  *date,
                                   gint64      *consent_id,
                                   GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (consent_id != NULL, FALSE);

  *consent_id = 0;
  if (!_ws_database_require (db, WS_PERMISSION_READ_PLAN, error))
    return FALSE;
  _ws_database_lock (db);
  ok = find_covering (db, person_id, agency_id, purpose, date, consent_id, error);
  _ws_database_unlock (db);
  return ok;
}

/**
 * ws_database_list_referrals:
 *
 * Returns: (transfer container) (element-type WsReferral): the referrals
 */
GPtrArray *
ws_database_list_referrals (WsDatabase  *db,
                            gint64       person_id,
                            GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &referral_store, "WHERE t.person_id = ?1 ORDER BY t.referred_on DESC, t.id DESC",
                person_id, error);
}

void
ws_database_check_referral (WsDatabase *db,
                            WsReferral *referral,
                            GPtrArray  *problems)
{
  gint64 consent_id = 0;
  g_autofree char *purpose = NULL;
  g_autofree char *reason = NULL;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_REFERRAL (referral));
  g_return_if_fail (problems != NULL);

  ws_referral_validate (referral, problems);
  check_person (db, ws_referral_get_person_id (referral), problems);
  if (ws_referral_get_id (referral) != 0)
    ws_problems_add (problems, "referral", _("A referral is a record of what happened and cannot be changed"));
  if (ws_referral_get_agency_id (referral) > 0 &&
      !exists (db, "SELECT 1 FROM agency WHERE id = ?1", ws_referral_get_agency_id (referral), NULL))
    ws_problems_add (problems, "agency", _("The agency is no longer in the directory"));
  if (problems->len > 0)
    return;
  purpose = ws_text_strip_dup (ws_referral_get_purpose (referral));
  reason = ws_text_strip_dup (ws_referral_get_override (referral));
  _ws_database_lock (db);
  find_covering (db, ws_referral_get_person_id (referral), ws_referral_get_agency_id (referral), purpose,
                 ws_referral_get_referred_on (referral), &consent_id, NULL);
  _ws_database_unlock (db);
  if (consent_id == 0 && *reason == '\0')
    ws_problems_add (problems, "consent",
                     _("No valid consent of the witness covers sharing with this agency for this purpose on that day."
                       " Record the consent first, or give a written reason for referring without it"));
}

static gboolean
audit_override (WsDatabase  *db,
                gpointer     record,
                GError     **error)
{
  WsReferral *referral = record;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *detail = NULL;

  if (ws_referral_get_consent_id (referral) != 0)
    return TRUE;
  stmt = _ws_database_prepare (db, "SELECT p.pseudonym, a.name FROM person p, agency a WHERE p.id = ? AND a.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws_referral_get_person_id (referral));
  sqlite3_bind_int64 (stmt, 2, ws_referral_get_agency_id (referral));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_gone (error, N_("The witness or the agency no longer exists"));
      return FALSE;
    }
  pseudonym = _ws_column_dup (stmt, 0);
  /* The agency, purpose and reason; never identifying details. */
  detail = g_strdup_printf ("referral %" G_GINT64_FORMAT " to %s for “%s” without consent: %s",
                            ws_referral_get_id (referral), (const char *) sqlite3_column_text (stmt, 1),
                            ws_referral_get_purpose (referral), ws_referral_get_override (referral));
  return _ws_database_audit (db, "referral-override", pseudonym, detail, error);
}

gboolean
ws_database_save_referral (WsDatabase  *db,
                           WsReferral  *referral,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsReferral) copy = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *reason = NULL;
  gint64 consent_id = 0;
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_REFERRAL (referral), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_referral (db, referral, problems);
  if (fail_with_problems (problems, error))
    return FALSE;

  copy = _ws_record_copy (referral);
  purpose = ws_text_strip_dup (ws_referral_get_purpose (referral));
  reason = ws_text_strip_dup (ws_referral_get_override (referral));
  _ws_database_lock (db);
  ok = find_covering (db, ws_referral_get_person_id (copy), ws_referral_get_agency_id (copy), purpose,
                      ws_referral_get_referred_on (copy), &consent_id, error);
  if (ok)
    {
      ws_referral_set_purpose (copy, purpose);
      _ws_record_set_int (copy, REFERRAL_CONSENT_ID, consent_id);
      /* An override only stands where there is no consent to rely on. */
      ws_referral_set_override (copy, consent_id != 0 ? "" : reason);
      ok = save (db, &referral_store, copy, audit_override, error);
    }
  _ws_database_unlock (db);
  if (ok)
    _ws_record_update_from (referral, copy);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Risk assessments                                                    */

/**
 * ws_database_list_risk_assessments:
 *
 * Returns: (transfer container) (element-type WsRiskAssessment): newest first
 */
GPtrArray *
ws_database_list_risk_assessments (WsDatabase  *db,
                                   gint64       person_id,
                                   GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &risk_store, "WHERE t.person_id = ?1 ORDER BY t.assessed_on DESC, t.id DESC", person_id, error);
}

void
ws_database_check_risk_assessment (WsDatabase       *db,
                                   WsRiskAssessment *assessment,
                                   GPtrArray        *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_RISK_ASSESSMENT (assessment));
  g_return_if_fail (problems != NULL);

  ws_risk_assessment_validate (assessment, problems);
  check_person (db, ws_risk_assessment_get_person_id (assessment), problems);
}

/* The person's level is that of the latest assessment, or unknown. */
static gboolean
follow_latest (WsDatabase  *db,
               gint64       person_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ws_database_prepare (db, "UPDATE person SET risk_level = COALESCE ((SELECT r.level FROM risk_assessment r"
                                   " WHERE r.person_id = person.id ORDER BY r.assessed_on DESC, r.id DESC LIMIT 1),"
                                   " 'unknown') WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return _ws_database_step_done (db, stmt, error);
}

static gboolean
risk_written (WsDatabase  *db,
              gpointer     record,
              GError     **error)
{
  return follow_latest (db, ws_risk_assessment_get_person_id (record), error);
}

gboolean
ws_database_save_risk_assessment (WsDatabase        *db,
                                  WsRiskAssessment  *assessment,
                                  GError           **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_RISK_ASSESSMENT (assessment), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_RISK, error))
    return FALSE;
  ws_database_check_risk_assessment (db, assessment, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  return save (db, &risk_store, assessment, risk_written, error);
}

gboolean
ws_database_delete_risk_assessment (WsDatabase  *db,
                                    gint64       id,
                                    GError     **error)
{
  g_autoptr(WsRiskAssessment) assessment = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_RISK, error))
    return FALSE;
  assessment = get_one (db, &risk_store, id, error);
  if (assessment == NULL)
    return FALSE;
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!delete_row (db, &risk_store, id, error) ||
      !follow_latest (db, ws_risk_assessment_get_person_id (assessment), error))
    {
      _ws_database_rollback (db);
      return FALSE;
    }
  return _ws_database_commit (db, error);
}

/* ------------------------------------------------------------------ */
/* Reflection periods                                                  */

/**
 * ws_database_list_reflection_periods:
 *
 * Returns: (transfer container) (element-type WsReflectionPeriod): newest first
 */
GPtrArray *
ws_database_list_reflection_periods (WsDatabase  *db,
                                     gint64       person_id,
                                     GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &reflection_store, "WHERE t.person_id = ?1 ORDER BY t.starts_on DESC, t.id DESC",
                person_id, error);
}

/**
 * ws_database_get_current_reflection_period:
 *
 * Returns: (transfer full) (nullable): the latest period, %NULL if none
 */
WsReflectionPeriod *
ws_database_get_current_reflection_period (WsDatabase  *db,
                                           gint64       person_id,
                                           GError     **error)
{
  g_autoptr(GPtrArray) periods = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  periods = ws_database_list_reflection_periods (db, person_id, error);
  if (periods == NULL || periods->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (periods, 0));
}

void
ws_database_check_reflection_period (WsDatabase         *db,
                                     WsReflectionPeriod *period,
                                     GPtrArray          *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_REFLECTION_PERIOD (period));
  g_return_if_fail (problems != NULL);

  ws_reflection_period_validate (period, problems);
  check_person (db, ws_reflection_period_get_person_id (period), problems);
}

gboolean
ws_database_save_reflection_period (WsDatabase          *db,
                                    WsReflectionPeriod  *period,
                                    GError             **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_REFLECTION_PERIOD (period), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_reflection_period (db, period, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  return save (db, &reflection_store, period, NULL, error);
}

gboolean
ws_database_delete_reflection_period (WsDatabase  *db,
                                      gint64       id,
                                      GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  return delete_row (db, &reflection_store, id, error);
}

/* ------------------------------------------------------------------ */
/* Information log                                                     */

/**
 * ws_database_list_information:
 *
 * Returns: (transfer container) (element-type WsInformationGiven): newest first
 */
GPtrArray *
ws_database_list_information (WsDatabase  *db,
                              gint64       person_id,
                              GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &info_store, "WHERE t.person_id = ?1 ORDER BY t.given_on DESC, t.id DESC", person_id, error);
}

void
ws_database_check_information (WsDatabase         *db,
                               WsInformationGiven *info,
                               GPtrArray          *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_INFORMATION_GIVEN (info));
  g_return_if_fail (problems != NULL);

  ws_information_given_validate (info, problems);
  check_person (db, ws_information_given_get_person_id (info), problems);
}

gboolean
ws_database_save_information (WsDatabase          *db,
                              WsInformationGiven  *info,
                              GError             **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_INFORMATION_GIVEN (info), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_information (db, info, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  return save (db, &info_store, info, NULL, error);
}

gboolean
ws_database_delete_information (WsDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  return delete_row (db, &info_store, id, error);
}

/* ------------------------------------------------------------------ */
/* Benefits                                                            */

/**
 * ws_database_list_benefits:
 *
 * Returns: (transfer container) (element-type WsBenefit): newest first
 */
GPtrArray *
ws_database_list_benefits (WsDatabase  *db,
                           gint64       person_id,
                           GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &benefit_store, "WHERE t.person_id = ?1 ORDER BY t.given_on DESC, t.id DESC", person_id, error);
}

void
ws_database_check_benefit (WsDatabase *db,
                           WsBenefit  *benefit,
                           GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_BENEFIT (benefit));
  g_return_if_fail (problems != NULL);

  ws_benefit_validate (benefit, problems);
  check_person (db, ws_benefit_get_person_id (benefit), problems);
}

gboolean
ws_database_save_benefit (WsDatabase  *db,
                          WsBenefit   *benefit,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_BENEFIT (benefit), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_BENEFITS, error))
    return FALSE;
  ws_database_check_benefit (db, benefit, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  return save (db, &benefit_store, benefit, NULL, error);
}

gboolean
ws_database_delete_benefit (WsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  return delete_row (db, &benefit_store, id, error);
}

/* ------------------------------------------------------------------ */
/* Verdicts                                                            */

WsVerdict *
ws_database_get_verdict (WsDatabase  *db,
                         gint64       case_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;
  _ws_database_lock (db);
  rows = load_rows (db, WS_TYPE_VERDICT, VERDICT_SELECT " WHERE t.case_id = ?1", case_id, NULL, error);
  _ws_database_unlock (db);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

void
ws_database_check_verdict (WsDatabase *db,
                           WsVerdict  *verdict,
                           GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_VERDICT (verdict));
  g_return_if_fail (problems != NULL);

  ws_verdict_validate (verdict, problems);
  if (!exists (db, "SELECT 1 FROM court_case WHERE id = ?1", ws_verdict_get_case_id (verdict), NULL))
    ws_problems_add (problems, "case", _("The case no longer exists"));
}

gboolean
ws_database_save_verdict (WsDatabase  *db,
                          WsVerdict   *verdict,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 case_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_VERDICT (verdict), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;
  ws_database_check_verdict (db, verdict, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  case_id = ws_verdict_get_case_id (verdict);

  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, "INSERT INTO verdict (case_id, given_on, outcome, sentence, sentence_months,"
                                   " release_on, appeal_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                   " ON CONFLICT (case_id) DO UPDATE SET given_on = excluded.given_on,"
                                   " outcome = excluded.outcome, sentence = excluded.sentence,"
                                   " sentence_months = excluded.sentence_months, release_on = excluded.release_on,"
                                   " appeal_by = excluded.appeal_by", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < VERDICT_N; i++)
    _ws_record_bind (verdict, i, stmt, (int) i + 1);
  if (!_ws_database_step_done (db, stmt, error) ||
      !_ws_database_record_change (db, "verdict", case_id, "saved", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (db, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

gboolean
ws_database_delete_verdict (WsDatabase  *db,
                            gint64       case_id,
                            GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM verdict WHERE case_id = ?", case_id, "verdict",
                                  _("The case has no verdict recorded"), error);
}

/* ------------------------------------------------------------------ */
/* Party outcomes                                                      */

/**
 * ws_database_list_party_outcomes:
 *
 * Returns: (transfer container) (element-type WsPartyOutcome): by case
 */
GPtrArray *
ws_database_list_party_outcomes (WsDatabase  *db,
                                 gint64       person_id,
                                 GError     **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error) ||
      !_ws_database_require (db, WS_PERMISSION_READ_PLAN, error))
    return NULL;
  _ws_database_lock (db);
  rows = load_rows (db, WS_TYPE_PARTY_OUTCOME, OUTCOME_SELECT " WHERE t.person_id = ?1"
                    " ORDER BY c.reference COLLATE NOCASE", person_id, NULL, error);
  _ws_database_unlock (db);
  return rows;
}

void
ws_database_check_party_outcome (WsDatabase     *db,
                                 WsPartyOutcome *outcome,
                                 GPtrArray      *problems)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *told = NULL;
  const char *verdict_on = NULL;
  WsImpactStatement statement;
  GDate told_day;
  GDate verdict_day;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_PARTY_OUTCOME (outcome));
  g_return_if_fail (problems != NULL);

  _ws_database_lock (db);
  rows = load_rows (db, WS_TYPE_PARTY_OUTCOME, OUTCOME_SELECT " WHERE t.id = ?1",
                    ws_party_outcome_get_party_id (outcome), NULL, NULL);
  _ws_database_unlock (db);
  if (rows == NULL || rows->len == 0)
    {
      ws_problems_add (problems, "party", _("The witness is no longer a party to this case"));
      return;
    }
  /* The verdict as stored now, not as it was when the form opened. */
  verdict_on = ws_party_outcome_get_verdict_on (g_ptr_array_index (rows, 0));
  told = ws_party_outcome_get_outcome_told_on (outcome);
  g_date_clear (&told_day, 1);
  g_date_clear (&verdict_day, 1);
  if (told != NULL)
    {
      g_autoptr(GDate) today = ws_time_today ();

      if (!ws_time_parse_date (told, &told_day))
        ws_problems_add (problems, "outcome-told-on", _("Enter the date as year-month-day, for example 2024-03-01"));
      else if (verdict_on == NULL)
        ws_problems_add (problems, "outcome-told-on", _("There is no verdict to tell the witness about yet"));
      else if (ws_time_parse_date (verdict_on, &verdict_day) && g_date_compare (&told_day, &verdict_day) < 0)
        ws_problems_add (problems, "outcome-told-on", _("The witness cannot be told the outcome before the verdict"));
      else if (g_date_compare (&told_day, today) > 0)
        ws_problems_add (problems, "outcome-told-on", _("This cannot be dated in the future"));
    }
  statement = ws_party_outcome_get_impact_statement (outcome);
  if (ws_enum_to_nick (WS_TYPE_IMPACT_STATEMENT, statement) == NULL)
    ws_problems_add (problems, "impact-statement", _("Choose what happened with the impact statement"));
  else if (verdict_on == NULL &&
           (statement == WS_IMPACT_STATEMENT_MADE || statement == WS_IMPACT_STATEMENT_DECLINED))
    ws_problems_add (problems, "impact-statement",
                     _("A victim impact statement is made after the verdict; there is none yet"));
}

gboolean
ws_database_save_party_outcome (WsDatabase      *db,
                                WsPartyOutcome  *outcome,
                                GError         **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 party_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_PARTY_OUTCOME (outcome), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_party_outcome (db, outcome, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  party_id = ws_party_outcome_get_party_id (outcome);

  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, "UPDATE case_party SET outcome_told_on = ?, impact_statement = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  _ws_record_bind (outcome, OUTCOME_TOLD_ON, stmt, 1);
  _ws_record_bind (outcome, OUTCOME_IMPACT, stmt, 2);
  sqlite3_bind_int64 (stmt, 3, party_id);
  if (!_ws_database_step_done (db, stmt, error) ||
      !_ws_database_record_change (db, "case-party", party_id, "outcome and impact statement", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (db, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Compensation claims                                                 */

/**
 * ws_database_list_compensation_claims:
 *
 * Returns: (transfer container) (element-type WsCompensationClaim): by id
 */
GPtrArray *
ws_database_list_compensation_claims (WsDatabase  *db,
                                      gint64       person_id,
                                      GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  return query (db, &claim_store, "WHERE t.person_id = ?1 ORDER BY t.id", person_id, error);
}

void
ws_database_check_compensation_claim (WsDatabase          *db,
                                      WsCompensationClaim *claim,
                                      GPtrArray           *problems)
{
  gint64 case_id;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_COMPENSATION_CLAIM (claim));
  g_return_if_fail (problems != NULL);

  ws_compensation_claim_validate (claim, problems);
  check_person (db, ws_compensation_claim_get_person_id (claim), problems);
  case_id = ws_compensation_claim_get_case_id (claim);
  if (case_id != 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean linked = FALSE;

      _ws_database_lock (db);
      stmt = _ws_database_prepare (db, "SELECT 1 FROM case_party WHERE person_id = ? AND case_id = ?", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, ws_compensation_claim_get_person_id (claim));
          sqlite3_bind_int64 (stmt, 2, case_id);
          linked = sqlite3_step (stmt) == SQLITE_ROW;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      _ws_database_unlock (db);
      if (!linked)
        ws_problems_add (problems, "case", _("The witness is not a party to this case"));
    }
}

gboolean
ws_database_save_compensation_claim (WsDatabase           *db,
                                     WsCompensationClaim  *claim,
                                     GError              **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_COMPENSATION_CLAIM (claim), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PLAN, error))
    return FALSE;
  ws_database_check_compensation_claim (db, claim, problems);
  if (fail_with_problems (problems, error))
    return FALSE;
  return save (db, &claim_store, claim, NULL, error);
}

gboolean
ws_database_delete_compensation_claim (WsDatabase  *db,
                                       gint64       id,
                                       GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  return delete_row (db, &claim_store, id, error);
}

/* ------------------------------------------------------------------ */
/* The plan at a glance                                                */

gboolean
ws_database_get_plan_overview (WsDatabase      *db,
                               gint64           person_id,
                               WsPlanOverview  *overview,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = today_text ();
  gboolean may_risk;
  int value = 0;
  int rc;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (overview != NULL, FALSE);

  memset (overview, 0, sizeof *overview);
  overview->reflection_days_left = -1;
  if (!_ws_database_require (db, WS_PERMISSION_READ_PLAN, error))
    return FALSE;
  may_risk = ws_database_may (db, WS_PERMISSION_READ_RISK);

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db,
    "SELECT p.phase, p.risk_level,"
    " (SELECT substr (began_at, 1, 10) FROM phase_change WHERE person_id = p.id ORDER BY began_at DESC, id DESC LIMIT 1),"
    " (SELECT count(*) FROM support_item WHERE person_id = p.id AND status IN ('planned', 'in-progress')),"
    " (SELECT count(*) FROM support_item WHERE person_id = p.id AND status IN ('planned', 'in-progress')"
    "  AND due_on < ?2),"
    " (SELECT count(*) FROM checklist_item WHERE person_id = p.id AND state = 'open'),"
    " (SELECT max (0, julianday (date (starts_on, '+' || (days - 1) || ' days')) - julianday (max (?2, starts_on)) + 1)"
    "  FROM reflection_period WHERE person_id = p.id ORDER BY starts_on DESC, id DESC LIMIT 1),"
    " (SELECT next_review FROM risk_assessment WHERE person_id = p.id ORDER BY assessed_on DESC, id DESC LIMIT 1),"
    " EXISTS (SELECT 1 FROM phase_change t WHERE t.person_id = p.id AND " ASSESSMENT_DUE ("t") ")"
    " FROM person p WHERE p.id = ?1", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  _ws_bind_text (stmt, 2, today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      overview->phase = ws_enum_from_nick (WS_TYPE_PHASE, (const char *) sqlite3_column_text (stmt, 0), &value)
                        ? value : WS_PHASE_INITIAL;
      overview->risk_level = may_risk && ws_enum_from_nick (WS_TYPE_RISK_LEVEL,
                                                            (const char *) sqlite3_column_text (stmt, 1), &value)
                             ? value : WS_RISK_LEVEL_UNKNOWN;
      overview->phase_since = _ws_column_dup (stmt, 2);
      overview->open_items = sqlite3_column_int (stmt, 3);
      overview->overdue_items = sqlite3_column_int (stmt, 4);
      overview->open_checks = sqlite3_column_int (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        overview->reflection_days_left = sqlite3_column_int (stmt, 6);
      overview->next_review = may_risk ? _ws_column_dup (stmt, 7) : NULL;
      overview->assessment_due = sqlite3_column_int (stmt, 8) != 0;
    }
  else if (rc == SQLITE_DONE)
    set_gone (error, N_("The witness no longer exists"));
  else
    _ws_database_set_error (db, error, _("Reading the support plan"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return rc == SQLITE_ROW;
}
