/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"
#include "ws-document.h"
#include "ws-person.h"
#include "ws-redactor.h"

G_BEGIN_DECLS

/* The parts of an anonymised support summary an officer can choose. */
typedef enum { /*< flags >*/
  WS_SUMMARY_SECTION_PROFILE      = 1 << 0,  /*< nick=profile >*/      /* age band, gender if agreed, languages, interpreter */
  WS_SUMMARY_SECTION_PHASES       = 1 << 1,  /*< nick=phases >*/       /* current phase and timeline */
  WS_SUMMARY_SECTION_SUPPORT      = 1 << 2,  /*< nick=support >*/      /* support items and their status */
  WS_SUMMARY_SECTION_MEASURES     = 1 << 3,  /*< nick=measures >*/     /* protective measures and status */
  WS_SUMMARY_SECTION_SESSIONS     = 1 << 4,  /*< nick=sessions >*/     /* upcoming video-link sessions */
  WS_SUMMARY_SECTION_RISK         = 1 << 5,  /*< nick=risk >*/         /* risk level, never threat details */
  WS_SUMMARY_SECTION_CONSENT      = 1 << 6,  /*< nick=consent >*/      /* consent in force */
  WS_SUMMARY_SECTION_ALL          = 0x7f,    /*< skip >*/
} WsSummarySection;

typedef struct {
  WsSummarySection  sections;
  GDate             from;         /* period covered; cleared (invalid) = from first contact */
  GDate             to;           /* cleared = today */
  const char       *reader_zone;  /* IANA zone for session times; NULL = UTC */
} WsSummaryOptions;

void        ws_summary_options_init  (WsSummaryOptions   *options);
WsDocument *ws_summary_build         (WsDatabase         *db,
                                      WsPerson           *person,
                                      const WsSummaryOptions *options,
                                      WsRedactionReport  *report,
                                      GError            **error);

G_END_DECLS
