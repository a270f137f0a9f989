/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ws-database.h"
#include "ws-person.h"

G_BEGIN_DECLS

/* The fields of a person's identity. Plain text ones and lists are kept
 * apart so a form can show each list as one line per item. */
typedef enum {
  WS_IDENTITY_LEGAL_NAME,
  WS_IDENTITY_DATE_OF_BIRTH,
  WS_IDENTITY_NATIONALITY,
  WS_IDENTITY_GUARDIAN,
  WS_IDENTITY_N_TEXTS
} WsIdentityText;

typedef enum {
  WS_IDENTITY_ALIASES,
  WS_IDENTITY_ADDRESSES,
  WS_IDENTITY_PHONES,
  WS_IDENTITY_EMAILS,
  WS_IDENTITY_DOCUMENTS,
  WS_IDENTITY_RELATIVES,
  WS_IDENTITY_N_LISTS
} WsIdentityList;

#define WS_TYPE_IDENTITY (ws_identity_get_type ())

G_DECLARE_FINAL_TYPE (WsIdentity, ws_identity, WS, IDENTITY, GObject)

WsIdentity         *ws_identity_new              (void);
const char         *ws_identity_get_text         (WsIdentity      *self,
                                                  WsIdentityText   field);
void                ws_identity_set_text         (WsIdentity      *self,
                                                  WsIdentityText   field,
                                                  const char      *value);
const char * const *ws_identity_get_list         (WsIdentity      *self,
                                                  WsIdentityList   field);
void                ws_identity_set_list         (WsIdentity      *self,
                                                  WsIdentityList   field,
                                                  const char * const *items);
gboolean            ws_identity_is_empty         (WsIdentity      *self);
const char         *ws_identity_text_key         (WsIdentityText   field);
const char         *ws_identity_list_key         (WsIdentityList   field);
void                ws_identity_validate         (WsIdentity      *self,
                                                  GPtrArray       *problems);
JsonNode           *ws_identity_to_json          (WsIdentity      *self);
WsIdentity         *ws_identity_from_json        (JsonNode        *node,
                                                  GPtrArray       *problems);

WsIdentity         *ws_database_read_identity    (WsDatabase      *db,
                                                  WsPerson        *person,
                                                  GError         **error);
GHashTable         *ws_database_search_identity  (WsDatabase      *db,
                                                  const char      *folded_query);
char               *ws_database_read_age_band    (WsDatabase      *db,
                                                  WsPerson        *person,
                                                  const GDate     *on,
                                                  GError         **error);

G_END_DECLS
