/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-database.h"

G_BEGIN_DECLS

/* What a role may do. The table lives in ws-access.c and follows
 * "Who uses the product" in DOMAIN.md; every store function checks the
 * permission it needs with _ws_database_require() before touching a row,
 * so a role that may not do something fails with
 * WS_DATABASE_ERROR_PERMISSION whatever the window shows. Widgets ask
 * ws_database_may() only to leave out what would fail anyway. */
typedef enum {
  WS_PERMISSION_READ_IDENTITY,     /* names, birth dates, addresses, phones, documents */
  WS_PERMISSION_READ_PERSONS,      /* pseudonyms, languages, age band, risk level, phase */
  WS_PERMISSION_EDIT_PERSONS,
  WS_PERMISSION_READ_PLAN,         /* needs and services, checklists, consent, information log,
                                    * referrals, reflection period: health and shelter live here */
  WS_PERMISSION_EDIT_PLAN,
  WS_PERMISSION_READ_RISK,         /* risk assessments (the prosecutor sees them) */
  WS_PERMISSION_EDIT_RISK,
  WS_PERMISSION_READ_BENEFITS,     /* the benefits ledger (disclosable to the defence) */
  WS_PERMISSION_EDIT_BENEFITS,
  WS_PERMISSION_READ_CASES,        /* cases, parties, hearings, verdicts */
  WS_PERMISSION_EDIT_CASES,
  WS_PERMISSION_READ_MEASURES,
  WS_PERMISSION_EDIT_MEASURES,
  WS_PERMISSION_READ_SCHEDULE,     /* every session of the unit */
  WS_PERMISSION_EDIT_SCHEDULE,
  WS_PERMISSION_READ_OWN_SCHEDULE, /* an interpreter's own sessions only */
  WS_PERMISSION_READ_LINK_DETAILS, /* a session's address and PIN */
  WS_PERMISSION_MANAGE_DIRECTORY,  /* sites, closures, interpreters, agencies */
  WS_PERMISSION_MANAGE_CATALOGUES, /* the needs and measures catalogues */
  WS_PERMISSION_MANAGE_PROFILES,   /* user profiles and their roles */
  WS_PERMISSION_READ_AUDIT,
  WS_PERMISSION_BACKUP,            /* backup, restore, whole-database exchange */
  WS_PERMISSION_PRINT_SUMMARY,     /* anonymised summaries and readiness sheets */
  WS_PERMISSION_READ_ATTENTION,    /* the findings of the rules engine */
  WS_PERMISSION_LAST,
} WsPermission;

gboolean    ws_role_may                    (WsRole         role,
                                            WsPermission   permission);
const char *ws_permission_get_label        (WsPermission   permission);
gboolean    ws_database_may                (WsDatabase    *self,
                                            WsPermission   permission);

/* Sets a permission error naming the role and what it may not do. */
gboolean    _ws_database_require           (WsDatabase    *self,
                                            WsPermission   permission,
                                            GError       **error);

G_END_DECLS
