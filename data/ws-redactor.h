/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ws-database.h"
#include "ws-identity.h"
#include "ws-person.h"

G_BEGIN_DECLS

/* The redactor removes identifying details from free text (notes, reasons)
 * before it goes into anything that leaves the unit. It is given every
 * identifier it must remove (usually all the identities of the unit, see
 * ws_redactor_new_for_unit()) and compiles them once; redacting is then one
 * pass over the text, whatever the number of terms.
 *
 * Matching ignores case and diacritics (José, JOSE and jose are one name;
 * also Đ, Ł, Ø, ß), spacing and line breaks inside names, and which
 * script's digits a number is written in. Every match replaces the whole
 * span of the original text, combining marks included.
 *
 * What is removed:
 * - Names: the legal name, each alias (transliterations are kept as
 *   aliases), the guardian's and each relative's name ("Mira Petrova
 *   (sister)" and "Sister: Mira Petrova" both give "Mira Petrova"; titles
 *   such as "Dr." and what follows a comma in the guardian field are left
 *   out), each whole and each part alone. Whole words only, except at the
 *   edge of a name written in a script without spaces between words (Thai,
 *   Lao, Khmer, Myanmar, Chinese, Japanese), which matches anywhere.
 *   The person the text is about becomes their pseudonym; everyone else
 *   becomes "[name]". The subject's whole name is always their pseudonym;
 *   a part they share with someone else (a relative's family name) becomes
 *   "[name]". Neighbouring name parts become one replacement. Cyrillic
 *   names also match with a case ending of up to three letters (Оксану,
 *   Оксаною), Arabic names after a joined و ف ب ل ك (وسلمى).
 * - Name-part policy: a part of one letter (an initial) is only matched
 *   inside a longer name. A "weak" part, one of two letters, a name
 *   particle (al, bin, van, de…) or an ordinary English word (May, Will,
 *   Rose, Hope…), is matched alone only where the text writes it with a
 *   capital, or after a title (Ms May), or next to another matched name
 *   (so "rose petrova" and "ROSE" go, "a rose" stays); a weak part that is
 *   a month name is left alone beside a number ("3 May 2024"). In scripts
 *   without letter case a weak part is matched only next to another name.
 *   A full name is therefore never left behind, while ordinary words that
 *   happen to be name parts survive when written in lower case.
 * - Addresses: the whole address, each comma-separated part that holds a
 *   number (street and house number, post code and town, box), and the
 *   street or place name without its number ("Sample Lane", "Lindenhof
 *   Shelter" from "c/o Lindenhof Shelter"). The last part (the town) is
 *   never removed alone, so "London" in a court's name stays. A house
 *   number or post code next to a removed address part goes with it.
 * - Phone numbers, whatever their spacing, dots, dashes or brackets, with
 *   or without the country prefix (+43 / 0043) or the trunk 0: the digits
 *   are compared, and a match on the last seven digits or more counts.
 * - E-mail addresses (the unit's ones and any other), document numbers
 *   (what follows "Passport:" or the part with digits, ignoring spaces,
 *   dashes and case; also its digits alone when it has a letter prefix),
 *   and the date of birth written as 2001-03-04, 04/03/2001, 4.3.2001,
 *   4. 3. 01, 4 March 2001, 4th of March 2001, March 4, 2001 or 4 Mar 2001.
 * - Generic patterns, for people the unit does not know: any e-mail
 *   address; any run of 7 to 15 digits with phone separators that is not
 *   a date, an amount ("1 500 000", "2000000 EUR") or a file number
 *   ("123/2024"); any token that mixes letters with at least four digits
 *   in six or more characters ("AB1234567", "X-99-123456"). Terms given to
 *   ws_redactor_add_keep() (case references, for example) are never
 *   removed as a generic pattern, only as a known identifier.
 *
 * Overlapping matches are joined into one replacement named after the
 * longest; replacements never nest. Text that is not valid UTF-8 is
 * repaired (invalid bytes become U+FFFD) before it is redacted. A
 * nationality is not removed: alone it does not identify anyone. */

typedef enum {
  WS_REDACTION_NAME,
  WS_REDACTION_ADDRESS,
  WS_REDACTION_PHONE,
  WS_REDACTION_EMAIL,
  WS_REDACTION_DOCUMENT,
  WS_REDACTION_DATE_OF_BIRTH,
  WS_REDACTION_N_KINDS
} WsRedactionKind;

/* What was removed, by kind. Plain data: put it on the stack, clear it,
 * and pass it to any number of ws_redactor_redact() calls to add up. */
typedef struct {
  guint counts[WS_REDACTION_N_KINDS];
} WsRedactionReport;

#define WS_TYPE_REDACTOR (ws_redactor_get_type ())

G_DECLARE_FINAL_TYPE (WsRedactor, ws_redactor, WS, REDACTOR, GObject)

WsRedactor  *ws_redactor_new                (void);
WsRedactor  *ws_redactor_new_for_unit       (WsDatabase         *db,
                                             WsPerson           *subject,
                                             GError            **error);
void         ws_redactor_add_identity       (WsRedactor         *self,
                                             WsIdentity         *identity,
                                             const char         *pseudonym,
                                             gboolean            is_subject);
void         ws_redactor_add_term           (WsRedactor         *self,
                                             WsRedactionKind     kind,
                                             const char         *term,
                                             const char         *replacement);
void         ws_redactor_add_keep           (WsRedactor         *self,
                                             const char         *term);
guint        ws_redactor_get_n_terms        (WsRedactor         *self);
char        *ws_redactor_redact             (WsRedactor         *self,
                                             const char         *text,
                                             WsRedactionReport  *report);

const char  *ws_redaction_kind_get_label    (WsRedactionKind     kind);
const char  *ws_redaction_kind_get_placeholder (WsRedactionKind  kind);
void         ws_redaction_report_clear      (WsRedactionReport  *report);
guint        ws_redaction_report_get_total  (const WsRedactionReport *report);
char        *ws_redaction_report_format     (const WsRedactionReport *report);

G_END_DECLS
