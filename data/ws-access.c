/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-access"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-profile.h"

#define OFFICER        (1u << WS_ROLE_OFFICER)
#define PROSECUTOR     (1u << WS_ROLE_PROSECUTOR)
#define INTERPRETER    (1u << WS_ROLE_INTERPRETER)
#define ADMINISTRATOR  (1u << WS_ROLE_ADMINISTRATOR)

/* The officer is withheld nothing (every identity read is audited); the
 * administrator works "as officer" and also manages the unit; the
 * prosecutor sees measures, risk and benefits but not where a witness
 * lives or how they are; the interpreter sees only their own sessions. */
static const guint role_table[WS_PERMISSION_LAST] = {
  [WS_PERMISSION_READ_IDENTITY]     = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_READ_PERSONS]      = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_EDIT_PERSONS]      = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_READ_PLAN]         = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_EDIT_PLAN]         = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_READ_RISK]         = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_EDIT_RISK]         = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_READ_BENEFITS]     = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_EDIT_BENEFITS]     = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_READ_CASES]        = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_EDIT_CASES]        = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_READ_MEASURES]     = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_EDIT_MEASURES]     = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_READ_SCHEDULE]     = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_EDIT_SCHEDULE]     = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_READ_OWN_SCHEDULE] = INTERPRETER,
  [WS_PERMISSION_READ_LINK_DETAILS] = OFFICER | ADMINISTRATOR | INTERPRETER,
  [WS_PERMISSION_MANAGE_DIRECTORY]  = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_MANAGE_CATALOGUES] = ADMINISTRATOR,
  [WS_PERMISSION_MANAGE_PROFILES]   = ADMINISTRATOR,
  [WS_PERMISSION_READ_AUDIT]        = ADMINISTRATOR,
  [WS_PERMISSION_BACKUP]            = OFFICER | ADMINISTRATOR,
  [WS_PERMISSION_PRINT_SUMMARY]     = OFFICER | ADMINISTRATOR | PROSECUTOR,
  [WS_PERMISSION_READ_ATTENTION]    = OFFICER | ADMINISTRATOR | PROSECUTOR,
};

gboolean
ws_role_may (WsRole       role,
             WsPermission permission)
{
  g_return_val_if_fail (permission < WS_PERMISSION_LAST, FALSE);

  if ((guint) role > WS_ROLE_ADMINISTRATOR)
    return FALSE;
  return (role_table[permission] & (1u << role)) != 0;
}

const char *
ws_permission_get_label (WsPermission permission)
{
  switch (permission)
    {
    case WS_PERMISSION_READ_IDENTITY: return _("see identifying details");
    case WS_PERMISSION_READ_PERSONS: return _("see witnesses");
    case WS_PERMISSION_EDIT_PERSONS: return _("change witnesses");
    case WS_PERMISSION_READ_PLAN: return _("see support plans");
    case WS_PERMISSION_EDIT_PLAN: return _("change support plans");
    case WS_PERMISSION_READ_RISK: return _("see risk assessments");
    case WS_PERMISSION_EDIT_RISK: return _("change risk assessments");
    case WS_PERMISSION_READ_BENEFITS: return _("see the benefits ledger");
    case WS_PERMISSION_EDIT_BENEFITS: return _("change the benefits ledger");
    case WS_PERMISSION_READ_CASES: return _("see cases and hearings");
    case WS_PERMISSION_EDIT_CASES: return _("change cases and hearings");
    case WS_PERMISSION_READ_MEASURES: return _("see protective measures");
    case WS_PERMISSION_EDIT_MEASURES: return _("change protective measures");
    case WS_PERMISSION_READ_SCHEDULE: return _("see the unit's schedule");
    case WS_PERMISSION_EDIT_SCHEDULE: return _("book or change sessions");
    case WS_PERMISSION_READ_OWN_SCHEDULE: return _("see an interpreter's own schedule");
    case WS_PERMISSION_READ_LINK_DETAILS: return _("see video-link addresses and PINs");
    case WS_PERMISSION_MANAGE_DIRECTORY: return _("change sites, interpreters and agencies");
    case WS_PERMISSION_MANAGE_CATALOGUES: return _("change the catalogues");
    case WS_PERMISSION_MANAGE_PROFILES: return _("manage user profiles");
    case WS_PERMISSION_READ_AUDIT: return _("see the audit trail");
    case WS_PERMISSION_BACKUP: return _("back up, restore or export the whole database");
    case WS_PERMISSION_PRINT_SUMMARY: return _("print summaries and sheets");
    case WS_PERMISSION_READ_ATTENTION: return _("see what needs attention");
    case WS_PERMISSION_LAST:
    default: return _("do this");
    }
}

gboolean
ws_database_may (WsDatabase   *self,
                 WsPermission  permission)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  if (ws_database_is_locked (self))
    return FALSE;
  return ws_role_may (ws_database_get_actor_role (self), permission);
}

gboolean
_ws_database_require (WsDatabase    *self,
                      WsPermission   permission,
                      GError       **error)
{
  WsRole role;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);

  if (ws_database_is_locked (self))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                   _("The database is locked; unlock it with your profile and passphrase"));
      return FALSE;
    }
  role = ws_database_get_actor_role (self);
  if (ws_role_may (role, permission))
    return TRUE;
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION,
               /* Translators: the first %s is a role such as "Prosecutor", the
                * second what it may not do, such as "see support plans" */
               _("Your role (%s) may not %s"),
               ws_role_get_label (role), ws_permission_get_label (permission));
  return FALSE;
}
