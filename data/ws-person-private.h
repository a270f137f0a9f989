/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-person.h"

G_BEGIN_DECLS

void _ws_person_set_id              (WsPerson           *self,
                                     gint64              id);
void _ws_person_set_case_references (WsPerson           *self,
                                     const char * const *references);

G_END_DECLS
