/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *field;
  char *message;
} WsProblem;

const char *ws_text_fold_special_letter (gunichar     c);
char       *ws_text_fold            (const char  *text);
gboolean    ws_text_is_blank        (const char  *text);
char       *ws_text_strip_dup       (const char  *text);
char      **ws_text_split_list      (const char  *text);
char      **ws_text_split_list_by   (const char  *text,
                                     const char  *separators);
char       *ws_text_join_list       (const char * const *items);
char       *ws_language_format      (const char  *language,
                                     const char  *dialect);
gboolean    ws_language_parse       (const char  *text,
                                     char       **language,
                                     char       **dialect);

GPtrArray  *ws_problems_new         (void);
void        ws_problems_add         (GPtrArray   *problems,
                                     const char  *field,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
const char *ws_problems_lookup      (GPtrArray   *problems,
                                     const char  *field);

G_END_DECLS
