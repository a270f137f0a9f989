/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-database.h"

G_BEGIN_DECLS

/* The audit trail: append-only (triggers refuse UPDATE and DELETE), and
 * chained: each record stores the SHA-256 of its own content together
 * with the previous record's hash, so changing, inserting or removing a
 * record in the middle (with the triggers dropped by someone holding the
 * file) breaks the chain at that record. Records never hold identity:
 * people are named by pseudonym.
 *
 * Actions recorded include "login", "login-failed", "lock", "headless",
 * "profile-created", "profile-removed", "profile-role", "passphrase-changed",
 * "identity-read", "identity-read-all", "identity-search-index",
 * "export", "import", "backup", "restore", "print", "export-summary". */

#define WS_TYPE_AUDIT_RECORD (ws_audit_record_get_type ())

G_DECLARE_FINAL_TYPE (WsAuditRecord, ws_audit_record, WS, AUDIT_RECORD, GObject)

gint64      ws_audit_record_get_id        (WsAuditRecord *self);
/* ISO-8601 UTC instant. */
const char *ws_audit_record_get_at        (WsAuditRecord *self);
/* The name the actor worked under. */
const char *ws_audit_record_get_actor     (WsAuditRecord *self);
WsRole      ws_audit_record_get_role      (WsAuditRecord *self);
/* The unlocked profile, "" in an unprotected database or headless. */
const char *ws_audit_record_get_profile   (WsAuditRecord *self);
const char *ws_audit_record_get_action    (WsAuditRecord *self);
/* Whom it was about, "" when nobody in particular. */
const char *ws_audit_record_get_pseudonym (WsAuditRecord *self);
const char *ws_audit_record_get_detail    (WsAuditRecord *self);

/* Words for an action ("Identity read", "Failed login"); the action itself
 * when unknown. */
const char *ws_audit_action_get_label     (const char    *action);

/* Audit records matching every given filter, newest first, at most @limit
 * (0: no limit). @actor matches the actor or profile name, case-folded,
 * as a substring; @action exactly; @since/@until (UTC, inclusive/exclusive)
 * the instant. Needs WS_PERMISSION_READ_AUDIT. */
GListModel *ws_database_list_audit        (WsDatabase    *self,
                                           const char    *actor,
                                           const char    *action,
                                           GDateTime     *since,
                                           GDateTime     *until,
                                           guint          limit,
                                           GError       **error);

/* The distinct actions in the trail, sorted (for a filter menu). Needs
 * WS_PERMISSION_READ_AUDIT. */
GStrv       ws_database_list_audit_actions (WsDatabase   *self,
                                            GError      **error);

/* Walks the whole chain. Returns TRUE when intact, with @n_checked set.
 * Otherwise FALSE with WS_DATABASE_ERROR_TAMPERED and @broken_id set to the
 * first record whose hash or link does not match (other errors leave it 0).
 * Needs no unlock: the chain reveals nothing and anyone may check it. */
gboolean    ws_database_verify_audit      (WsDatabase    *self,
                                           guint         *n_checked,
                                           gint64        *broken_id,
                                           GError       **error);

G_END_DECLS
