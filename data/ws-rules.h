/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"

G_BEGIN_DECLS

/* Ordered so that a higher value is more pressing. */
typedef enum {
  WS_FINDING_SEVERITY_INFO,     /*< nick=info >*/
  WS_FINDING_SEVERITY_WARNING,  /*< nick=warning >*/
  WS_FINDING_SEVERITY_URGENT,   /*< nick=urgent >*/
} WsFindingSeverity;

const char *ws_finding_severity_get_label (WsFindingSeverity severity);

#define WS_TYPE_FINDING (ws_finding_get_type ())

G_DECLARE_FINAL_TYPE (WsFinding, ws_finding, WS, FINDING, GObject)

WsFindingSeverity  ws_finding_get_severity      (WsFinding  *self);
const char        *ws_finding_get_rule          (WsFinding  *self);
const char        *ws_finding_get_pseudonym     (WsFinding  *self);
gint64             ws_finding_get_person_id     (WsFinding  *self);
const char        *ws_finding_get_message       (WsFinding  *self);
const char        *ws_finding_get_action        (WsFinding  *self);
const GDate       *ws_finding_get_date          (WsFinding  *self);
const char        *ws_finding_get_subject_kind  (WsFinding  *self);
gint64             ws_finding_get_subject_id    (WsFinding  *self);
char              *ws_finding_to_line           (WsFinding  *self);

/* Thresholds, in days. Initialise with ws_rules_settings_init() so new
 * fields get their defaults. */
typedef struct {
  guint       undecided_days;    /* measure undecided with its hearing this close (14) */
  guint       unarranged_days;   /* granted, not arranged, hearing this close (7) */
  guint       urgent_days;       /* either of the above this close is urgent (3) */
  guint       session_days;      /* video link granted, no session, hearing this close (21) */
  guint       reflection_days;   /* reflection period ending this soon (7) */
  const char *zone;              /* IANA zone "today" is counted in; NULL = local */
  guint       hearing_risk_days; /* hearing this close with no risk assessment in as many days before it (14) */
  guint       outcome_working_days; /* verdict not told to the witness after this many working days (2) */
  guint       consent_days;      /* consent expiring this soon with nothing to follow it (14) */
} WsRulesSettings;

void        ws_rules_settings_init   (WsRulesSettings        *settings);
void        ws_rules_settings_read   (WsRulesSettings        *settings,
                                      GSettings              *gsettings);
gboolean    ws_rules_settings_load   (WsRulesSettings        *settings);
const char *ws_rules_get_title       (const char             *rule);
GStrv       ws_rules_list            (void);
GPtrArray  *ws_rules_evaluate        (WsDatabase             *db,
                                      GDateTime              *now,
                                      const WsRulesSettings  *settings,
                                      GError                **error);
void        ws_rules_evaluate_async  (WsDatabase             *db,
                                      GDateTime              *now,
                                      const WsRulesSettings  *settings,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
GPtrArray  *ws_rules_evaluate_finish (WsDatabase             *db,
                                      GAsyncResult           *result,
                                      GError                **error);
/* The findings about one witness only (a witness page), without reading
 * the rest of the unit. */
GPtrArray  *ws_rules_evaluate_person (WsDatabase             *db,
                                      gint64                  person_id,
                                      GDateTime              *now,
                                      const WsRulesSettings  *settings,
                                      GError                **error);

G_END_DECLS
