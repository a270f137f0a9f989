/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-redactor"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ws-demo.h"
#include "ws-redactor.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

/* ------------------------------------------------------------------ */
/* A small unit: the subject, other witnesses and their families        */

static WsIdentity *
subject_identity (void)
{
  WsIdentity *identity = ws_identity_new ();

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, "José Ñúñez");
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, "2001-03-04");
  ws_identity_set_text (identity, WS_IDENTITY_NATIONALITY, "Ruritanian");
  ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, "Mag. Anna Musterfrau, Child and Youth Services");
  ws_identity_set_list (identity, WS_IDENTITY_ALIASES, (const char *[]) { "Pepe", "Хосе Нуньєс", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, (const char *[]) {
    "Erfundenegasse 12/3, 1100 Wien", "c/o Lindenhof Shelter, Postfach 123, 1010 Wien", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "+43 660 1234567", "(01) 234-5678", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_EMAILS, (const char *[]) { "Jose.Nunez@example.org", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_DOCUMENTS, (const char *[]) {
    "Passport: AB7654321", "Residence card 8765 4321", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char *[]) {
    "Mira Petrova (sister)", "Mother: María Ñúñez", NULL });
  return identity;
}

static WsIdentity *
make_identity (const char         *name,
               const char * const *aliases,
               const char * const *relatives)
{
  WsIdentity *identity = ws_identity_new ();

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, name);
  if (aliases != NULL)
    ws_identity_set_list (identity, WS_IDENTITY_ALIASES, aliases);
  if (relatives != NULL)
    ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, relatives);
  return identity;
}

static WsIdentity *
oksana_identity (void)
{
  WsIdentity *identity = make_identity ("Оксана Вигадченко",
                                        (const char *[]) { "Oksana Vyhadchenko", NULL }, NULL);

  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, "1995-11-20");
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, (const char *[]) {
    "12 Sample Lane, London E1 4ZZ", "вул. Вигадана, 12, кв. 34, Київ", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "+380 (67) 555-12-34", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_EMAILS, (const char *[]) { "oksana.v@mail.example", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_DOCUMENTS, (const char *[]) { "Passport FX 987654", NULL });
  return identity;
}

static void
add (WsRedactor *redactor,
     WsIdentity *identity,
     const char *pseudonym,
     gboolean    is_subject)
{
  ws_redactor_add_identity (redactor, identity, pseudonym, is_subject);
  g_object_unref (identity);
}

static WsRedactor *
unit_redactor (void)
{
  WsRedactor *redactor = ws_redactor_new ();

  add (redactor, subject_identity (), "Lark", TRUE);
  add (redactor, oksana_identity (), "Willow", FALSE);
  add (redactor, make_identity ("Rose May", NULL, (const char *[]) { "Will Ao (brother)", NULL }), "Heron", FALSE);
  add (redactor, make_identity ("สมชาย สมมุติวงศ์", (const char *[]) { "Somchai Sommutwong", NULL }, NULL), "Finch", FALSE);
  add (redactor, make_identity ("سلمى الخيالي", (const char *[]) { "Salma al-Khayali", NULL }, NULL), "Robin", FALSE);
  add (redactor, make_identity ("Hư Thị Mơ", (const char *[]) { "Hu Thi Mo", NULL }, NULL), "Wren", FALSE);
  add (redactor, make_identity ("Trần Đức Mộng", NULL, NULL), "Sage", FALSE);
  add (redactor, make_identity ("Petrova, Anastasia", NULL, NULL), "Moss", FALSE);
  add (redactor, make_identity ("Ana Sample", NULL, NULL), "Fern", FALSE);
  ws_redactor_add_keep (redactor, "T202400001");
  return redactor;
}

/* Redacts @input and compares with @expected exactly. */
static void
assert_redacts (WsRedactor *redactor,
                const char *input,
                const char *expected)
{
  g_autofree char *output = ws_redactor_redact (redactor, input, NULL);

  if (g_strcmp0 (output, expected) != 0)
    g_test_message ("input:    %s\nexpected: %s\nactual:   %s", input, expected, output);
  g_assert_cmpstr (output, ==, expected);
}

/* Each line of @lines redacts to @expected alone. */
static void
assert_each_redacts (WsRedactor         *redactor,
                     const char * const *lines,
                     const char         *expected)
{
  for (guint i = 0; lines[i] != NULL; i++)
    assert_redacts (redactor, lines[i], expected);
}

static void
assert_unchanged (WsRedactor *redactor,
                  const char *input)
{
  assert_redacts (redactor, input, input);
}

/* ------------------------------------------------------------------ */

static void
test_empty (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  WsRedactionReport report;
  g_autofree char *empty = NULL;
  g_autofree char *none = NULL;

  ws_redaction_report_clear (&report);
  empty = ws_redactor_redact (redactor, "", &report);
  none = ws_redactor_redact (redactor, NULL, &report);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (ws_redaction_report_get_total (&report), ==, 0);
  assert_unchanged (redactor, " ");
  assert_unchanged (redactor, "\n\n");
}

static void
test_unchanged (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  const char *text =
    "Prefers appointments in the morning; may bring a friend from the shelter.\r\n"
    "Hearing on 12.03.2024 at 10:30 (Europe/Vienna), again on 2024-05-06 and on 3 May 2024.\n"
    "Allowance of 1 500 000 UAH paid, 12.500.000 VND, 2000000 EUR and € 7500000 — all in the ledger.\n"
    "File 123/2024, case T202400001, room 12, floor 3, COVID-19, A4 copies, 10000km, 2024-05-06T10:30.\n"
    "We will see a rose in spring; the banana, the bananas and the van were fine.\n"
    "Hearing at the Wien regional court and at Northgate Crown Court, London.\n"
    "Интерпретатор пришёл вовремя. المترجم وصل. ล่ามมาถึงแล้ว. Phiên dịch đã đến.\n"
    "Combining: e\xcc\x81 and emoji \xf0\x9f\x99\x82, tab\tand   spaces.\n";

  assert_unchanged (redactor, text);
}

static void
test_names_case_and_diacritics (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  assert_redacts (redactor,
                  "José Ñúñez came. JOSE NUNEZ signed; jose nunez called; José Ñúñez again.",
                  "Lark came. Lark signed; Lark called; Lark again.");
  assert_redacts (redactor, "José, JOSÉ, Jose and jose", "Lark, Lark, Lark and Lark");
  assert_redacts (redactor, "José's bag; JOSÉ’S bag", "Lark's bag; Lark’S bag");
  /* Decomposed accents and line breaks inside the name. */
  assert_redacts (redactor, "Jose\xcc\x81 N\xcc\x83u\xcc\x81n\xcc\x83\x65z left", "Lark left");
  assert_redacts (redactor, "José\n  Ñúñez left", "Lark left");
}

static void
test_names_parts_and_aliases (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  assert_redacts (redactor, "Pepe arrived early.", "Lark arrived early.");
  assert_redacts (redactor, "PEPE, pepe.", "Lark, Lark.");
  /* The alias in another script, and its parts. */
  assert_redacts (redactor, "Хосе Нуньєс прийшов. Хосе пішов.", "Lark прийшов. Lark пішов.");
  /* A surname shared with the mother is not the subject's alone. */
  assert_redacts (redactor, "Ñúñez was calm.", "[name] was calm.");
  assert_redacts (redactor, "María Ñúñez phoned José.", "[name] phoned Lark.");
  /* Parts found apart read as one name. */
  assert_redacts (redactor, "Pepe Ñúñez and José-Pepe", "Lark and Lark");
}

static void
test_names_whole_words (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  /* "Ana" is a name; "Banana" and "Anastasia" are not it. */
  assert_redacts (redactor, "Ana ate a banana.", "[name] ate a banana.");
  assert_unchanged (redactor, "Bananas, Anabel and Santana.");
  /* Anastasia is a name of its own here (written "Petrova, Anastasia"). */
  assert_redacts (redactor, "Anastasia Petrova and Anastasia", "[name] and [name]");
  assert_redacts (redactor, "ANA:ana;Ana.", "[name]:[name];[name].");
  assert_unchanged (redactor, "Joseph and Pepes and Lindenhofer");
}

static void
test_names_other_people (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  assert_redacts (redactor, "Met Oksana Vyhadchenko and Оксана Вигадченко.", "Met [name] and [name].");
  assert_redacts (redactor, "Oksana's lawyer; VYHADCHENKO", "[name]'s lawyer; [name]");
  /* Cyrillic names take case endings. */
  assert_redacts (redactor, "Ми бачили Оксану і брата Вигадченка.", "Ми бачили [name] і брата [name].");
  assert_redacts (redactor, "Поговорили з Оксаною.", "Поговорили з [name].");
  /* Relatives, with the relation in brackets or in front. */
  assert_redacts (redactor, "Mira Petrova (sister) visited; Mira called; PETROVA too.",
                  "[name] (sister) visited; [name] called; [name] too.");
  assert_redacts (redactor, "Her mother María came.", "Her mother [name] came.");
  /* The guardian, without the title and the organisation. */
  assert_redacts (redactor, "Mag. Anna Musterfrau of Child and Youth Services agreed; Ms Musterfrau signed.",
                  "Mag. [name] of Child and Youth Services agreed; Ms [name] signed.");
  /* A name in family-name-first order. */
  assert_redacts (redactor, "PETROVA, Anastasia", "[name], [name]");
}

static void
test_names_scripts (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  /* Thai has no spaces between words. */
  assert_redacts (redactor, "คุณสมชายมาถึงแล้ว", "คุณ[name]มาถึงแล้ว");
  assert_redacts (redactor, "สมชาย สมมุติวงศ์ได้รับจดหมาย", "[name]ได้รับจดหมาย");
  assert_redacts (redactor, "Somchai Sommutwong and SOMCHAI", "[name] and [name]");
  /* Arabic, with a joined "and". */
  assert_redacts (redactor, "وصلت سلمى اليوم", "وصلت [name] اليوم");
  assert_redacts (redactor, "وسلمى الخيالي", "و[name]");
  assert_redacts (redactor, "Salma al-Khayali, Salma al Khayali, Khayali", "[name], [name], [name]");
  /* Vietnamese, with and without tones; Đ folds to D. */
  assert_redacts (redactor, "Hư Thị Mơ đã đến; Hu Thi Mo too", "[name] đã đến; [name] too");
  assert_redacts (redactor, "Tran Duc Mong and TRẦN ĐỨC MỘNG", "[name] and [name]");
}

static void
test_names_weak_parts (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  /* A full name goes however it is written. */
  assert_redacts (redactor, "Rose May attended; rose may; ROSE MAY.", "[name] attended; [name]; [name].");
  assert_redacts (redactor, "Will Ao came.", "[name] came.");
  /* Ordinary words stay in lower case and as months beside a number. */
  assert_unchanged (redactor, "She may call; a rose in the garden; we will see; tao ao dai.");
  assert_unchanged (redactor, "Hearing on 3 May 2024, then May 5 and 4th May.");
  /* Written as a name: capital, title, or next to another name. */
  assert_redacts (redactor, "Rose said so. Then May left.", "[name] said so. Then [name] left.");
  assert_redacts (redactor, "ms may agreed", "ms [name] agreed");
  assert_redacts (redactor, "ROSE and WILL", "[name] and [name]");
  assert_redacts (redactor, "rose Petrova", "[name]");
  assert_redacts (redactor, "Ao called; ao is a word part", "[name] called; ao is a word part");
  /* The price of never leaking: a capitalised weak part at the start of
   * a sentence is taken for the name. */
  assert_redacts (redactor, "May I call?", "[name] I call?");
}

static void
test_addresses (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  assert_redacts (redactor, "Lives at Erfundenegasse 12/3, 1100 Wien now.", "Lives at [address] now.");
  assert_redacts (redactor, "ERFUNDENEGASSE 12/3", "[address]");
  assert_redacts (redactor, "Moved from erfundenegasse to the shelter.", "Moved from [address] to the shelter.");
  assert_redacts (redactor, "Erfundenegasse 12 in 1100 Wien", "[address] in [address]");
  assert_redacts (redactor, "Letters to Lindenhof Shelter, Postfach 123, please.",
                  "Letters to [address], [address], please.");
  assert_redacts (redactor, "At 12 Sample Lane, London E1 4ZZ and 12 Sample Lane.",
                  "At [address] and [address].");
  assert_redacts (redactor, "Went to Sample Lane 14.", "Went to [address].");
  assert_redacts (redactor, "Жила на вул. Вигадана, 12 і на Вигаданій.", "Жила на [address] і на Вигаданій.");
  /* A town alone, and a name part that is also in an address. */
  assert_unchanged (redactor, "Wien, London and Київ are cities.");
  assert_redacts (redactor, "Ana Sample lives at 12 Sample Lane", "[name] lives at [address]");
}

static void
test_phones (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  const char * const subject_forms[] = {
    "+43 660 1234567", "+43-660-123 45 67", "0043 660 1234567", "0660/1234567", "(0660) 123 45 67",
    "660.123.4567", "1234567", "+43 (0) 660 1234567", "+43 1 2345678", "01 234 56 78", "(01) 234-5678",
    "０６６０ １２３４５６７", NULL,
  };
  const char * const other_forms[] = {
    "+380 (67) 555-12-34", "+380 67 5551234", "067 555 12 34", "00380675551234", NULL,
  };

  assert_each_redacts (redactor, subject_forms, "[phone]");
  assert_each_redacts (redactor, other_forms, "[phone]");
  assert_redacts (redactor, "Call +43 660 1234567.", "Call [phone].");
  assert_redacts (redactor, "Tel. 0660 1234567, or +44 7700 900123, or 07700 900456!",
                  "Tel. [phone], or [phone], or [phone]!");
  /* Arabic-Indic digits. */
  assert_redacts (redactor, "هاتف ٠٦٦٠ ١٢٣٤٥٦٧", "هاتف [phone]");
  /* A date and a phone number on one line stay apart. */
  assert_redacts (redactor, "On 04.05.2024 0664 7654321", "On 04.05.2024 [phone]");
  assert_redacts (redactor, "1234567\n2024", "[phone]\n2024");
}

static void
test_emails (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();

  assert_redacts (redactor, "Wrote to JOSE.NUNEZ@EXAMPLE.ORG.", "Wrote to [e-mail].");
  assert_redacts (redactor, "jose.nunez@example.org", "[e-mail]");
  assert_redacts (redactor, "mailto:someone.else+tag@mail.example.com, or «x_y@z.co.uk»",
                  "mailto:[e-mail], or «[e-mail]»");
  assert_unchanged (redactor, "name@localhost, @handle, a@b, me@example.1");
}

static void
test_documents (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  const char * const forms[] = {
    "AB7654321", "ab7654321", "AB 765 4321", "AB-765-4321", "ab.7654321", "7654321", "87654321",
    "8765-4321", "FX987654", "fx 987 654", "FX-987654", "X-99-123456", "ZZ9876543", "RU 7654321",
    "VL-2024-00001", NULL,
  };

  assert_each_redacts (redactor, forms, "[document number]");
  assert_redacts (redactor, "Passport AB 765 4321 expired.", "Passport [document number] expired.");
  assert_redacts (redactor, "Residence card 8765 4321 renewed.", "Residence card [document number] renewed.");
  assert_redacts (redactor, "Passport no. 987654321 was kept.", "Passport no. [document number] was kept.");
  /* Kept terms and look-alikes. */
  assert_unchanged (redactor, "Case T202400001, COVID-19, 2024th, 10000km, A4, MP3, 2024-05-06T10:30.");
}

static void
test_dates_of_birth (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  const char * const forms[] = {
    "2001-03-04", "2001/03/04", "04/03/2001", "4/3/2001", "4.3.2001", "04.03.2001", "4. 3. 2001",
    "04.03.01", "4-3-2001", "4 March 2001", "4th of March 2001", "4th March, 2001", "March 4, 2001",
    "MARCH 4TH, 2001", "Mar 4 2001", "4 Mar. 2001", "03/04/2001", "4. März 2001", "20.11.1995", NULL,
  };

  assert_each_redacts (redactor, forms, "[date of birth]");
  assert_redacts (redactor, "Born 4 March 2001 in Ruritania.", "Born [date of birth] in Ruritania.");
  assert_unchanged (redactor, "2001-03-05, 4 March 2002, 14.03.2001, 2001, March 2001, 4 March");
}

static void
test_overlaps (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  WsRedactionReport report;
  g_autofree char *output = NULL;

  /* Names inside an e-mail address: one replacement, the longest. */
  assert_redacts (redactor, "jose.nunez@example.org or pepe@example.org", "[e-mail] or [e-mail]");
  /* At the start and at the end of the text. */
  assert_redacts (redactor, "José: +43 660 1234567", "Lark: [phone]");
  assert_redacts (redactor, "Pepe", "Lark");
  /* Repeated. */
  ws_redaction_report_clear (&report);
  output = ws_redactor_redact (redactor, "Pepe, Pepe and Pepe", &report);
  g_assert_cmpstr (output, ==, "Lark, Lark and Lark");
  g_assert_cmpuint (report.counts[WS_REDACTION_NAME], ==, 3);
  /* A name next to an address and a document next to a phone. */
  assert_redacts (redactor, "Lindenhof Shelter Pepe", "[address] Lark");
  assert_redacts (redactor, "AB7654321 +43 660 1234567", "[document number] [phone]");
}

static void
test_report (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  WsRedactionReport report;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *nothing = NULL;

  ws_redaction_report_clear (&report);
  nothing = ws_redaction_report_format (&report);
  g_assert_cmpstr (nothing, ==, "Nothing was removed");

  first = ws_redactor_redact (redactor, "José met Oksana and Mira; call +43 660 1234567.", &report);
  g_assert_cmpstr (first, ==, "Lark met [name] and [name]; call [phone].");
  g_assert_cmpuint (report.counts[WS_REDACTION_NAME], ==, 3);
  g_assert_cmpuint (report.counts[WS_REDACTION_PHONE], ==, 1);
  summary = ws_redaction_report_format (&report);
  g_assert_cmpstr (summary, ==, "3 names, 1 phone number removed");

  /* Reports add up over several texts. */
  second = ws_redactor_redact (redactor, "Born 4 March 2001, e-mail jose.nunez@example.org, "
                                         "at Erfundenegasse 12/3, passport AB7654321.", &report);
  g_assert_cmpstr (second, ==, "Born [date of birth], e-mail [e-mail], at [address], passport [document number].");
  g_assert_cmpuint (report.counts[WS_REDACTION_NAME], ==, 3);
  g_assert_cmpuint (report.counts[WS_REDACTION_ADDRESS], ==, 1);
  g_assert_cmpuint (report.counts[WS_REDACTION_EMAIL], ==, 1);
  g_assert_cmpuint (report.counts[WS_REDACTION_DOCUMENT], ==, 1);
  g_assert_cmpuint (report.counts[WS_REDACTION_DATE_OF_BIRTH], ==, 1);
  g_assert_cmpuint (ws_redaction_report_get_total (&report), ==, 8);

  for (guint i = 0; i < WS_REDACTION_N_KINDS; i++)
    {
      g_assert_nonnull (ws_redaction_kind_get_label (i));
      g_assert_nonnull (ws_redaction_kind_get_placeholder (i));
    }
  g_assert_cmpstr (ws_redaction_kind_get_label (WS_REDACTION_NAME), ==, "names");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  const char *inputs[] = {
    "José\xff\xfe Ñúñez and Pepe", "\xc3", "Pepe\xe0\xa4", "\xf0\x9f\x99", "+43 660\xff 1234567 Pepe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *output = ws_redactor_redact (redactor, inputs[i], NULL);

      g_assert_nonnull (output);
      g_assert_true (g_utf8_validate (output, -1, NULL));
      g_assert_null (strstr (output, "Pepe"));
      g_assert_null (strstr (output, "José"));
    }
}

static void
test_custom_terms (void)
{
  g_autoptr(WsRedactor) redactor = ws_redactor_new ();

  /* Without terms only the generic patterns go. */
  assert_redacts (redactor, "Mail a@example.org or call 0664 1234567 about X-99-123456.",
                  "Mail [e-mail] or call [phone] about [document number].");
  ws_redactor_add_term (redactor, WS_REDACTION_NAME, "Tomasz Przykład", "Witness C");
  ws_redactor_add_term (redactor, WS_REDACTION_ADDRESS, "Ulica Wzorowa 7, 00-950 Warszawa", NULL);
  ws_redactor_add_term (redactor, WS_REDACTION_DATE_OF_BIRTH, "1988-12-01", NULL);
  g_assert_cmpuint (ws_redactor_get_n_terms (redactor), >, 4);
  assert_redacts (redactor, "Tomasz (PRZYKLAD) lived at Ulica Wzorowa 7 since 1.12.1988.",
                  "Witness C (Witness C) lived at [address] since [date of birth].");
}

static void
test_many_people_fast (void)
{
  g_autoptr(WsRedactor) redactor = unit_redactor ();
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *output = NULL;
  WsRedactionReport report;
  gint64 started;

  for (guint i = 0; i < 2000; i++)
    g_string_append (notes, "Pepe met the officer about the hearing; call 0660 1234567. ");
  ws_redaction_report_clear (&report);
  started = g_get_monotonic_time ();
  output = ws_redactor_redact (redactor, notes->str, &report);
  g_test_message ("%zu bytes in %.1f ms", notes->len, (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpuint (report.counts[WS_REDACTION_NAME], ==, 2000);
  g_assert_cmpuint (report.counts[WS_REDACTION_PHONE], ==, 2000);
  g_assert_null (strstr (output, "Pepe"));
}

/* ------------------------------------------------------------------ */
/* The unit, read from a database                                       */

typedef struct {
  char       *dir;
  WsDatabase *db;
  WsPerson   *subject;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WsIdentity) subject = subject_identity ();
  g_autoptr(WsIdentity) oksana = oksana_identity ();
  g_autoptr(WsPerson) other = NULL;
  g_autoptr(WsCase) court_case = NULL;

  fixture->db = ws_test_open_tmp_db ("ws-test-redactor-XXXXXX", &fixture->dir);
  fixture->subject = ws_test_add_person (fixture->db, "Lark", subject);
  other = ws_test_add_person (fixture->db, "Willow", oksana);
  court_case = ws_test_add_case (fixture->db, "T202400001", "Northgate Crown Court");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->subject);
  ws_test_close_tmp_db (fixture->db, fixture->dir);
}

static void
test_unit_officer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsRedactor) redactor = NULL;
  g_autoptr(WsRedactor) for_other = NULL;
  g_autoptr(WsPerson) other = NULL;
  guint before = ws_database_count_audit (fixture->db, "identity-read-all");

  redactor = ws_redactor_new_for_unit (fixture->db, fixture->subject, &error);
  g_assert_no_error (error);
  g_assert_nonnull (redactor);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read-all"), ==, before + 1);

  assert_redacts (redactor, "José Ñúñez met Oksana Vyhadchenko about case T202400001 on 04.03.2001.",
                  "Lark met [name] about case T202400001 on [date of birth].");

  /* The same unit seen from the other witness's summary. */
  other = ws_database_find_person (fixture->db, "Willow", &error);
  g_assert_no_error (error);
  for_other = ws_redactor_new_for_unit (fixture->db, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read-all"), ==, before + 2);
  assert_redacts (for_other, "José Ñúñez met Oksana Vyhadchenko.", "[name] met Willow.");
}

static void
test_unit_prosecutor (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsRedactor) redactor = NULL;
  guint before = ws_database_count_audit (fixture->db, "identity-read-all");

  ws_database_set_actor (fixture->db, "Petra Prosecutor", WS_ROLE_PROSECUTOR);
  redactor = ws_redactor_new_for_unit (fixture->db, fixture->subject, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_null (redactor);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read-all"), ==, before);
}

/* ------------------------------------------------------------------ */
/* The whole demonstration unit: nothing identifying survives           */

typedef struct {
  GPtrArray *planted;         /* what went into the notes */
  GPtrArray *names;           /* of those, names and name parts (whole words) */
} Plants;

static void
plant (Plants     *plants,
       GString    *notes,
       const char *text,
       gboolean    is_name)
{
  g_string_append_printf (notes, "Noted: %s; ", text);
  g_ptr_array_add (is_name ? plants->names : plants->planted, g_strdup (text));
}

static void
plant_name (Plants     *plants,
            GString    *notes,
            const char *entry)
{
  g_autofree char *name = g_strdup (entry);
  g_autofree char *upper = NULL;
  g_auto(GStrv) parts = NULL;
  char *colon = strchr (name, ':');
  char *comma;

  if (colon != NULL)
    memmove (name, colon + 1, strlen (colon + 1) + 1);
  comma = strchr (name, ',');
  if (comma != NULL)
    *comma = '\0';
  g_strstrip (name);
  upper = g_utf8_strup (name, -1);
  plant (plants, notes, name, TRUE);
  plant (plants, notes, upper, TRUE);
  /* Each part alone, but for initials, titles and particles ("أبو",
   * "al"), which the redactor leaves alone by design. */
  parts = g_strsplit_set (name, " -", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_utf8_strlen (parts[i], -1) >= 3 && !g_str_has_suffix (parts[i], ".") &&
        !g_strv_contains ((const char * const []) { "أبو", "Abu", "Bin", NULL }, parts[i]))
      plant (plants, notes, parts[i], TRUE);
}

static char *
spaced_digits (const char *phone)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        if (n > 0 && n % 3 == 0)
          g_string_append_c (out, n % 2 ? '-' : ' ');
        g_string_append_c (out, *p);
        n++;
      }
  return g_string_free (out, FALSE);
}

static void
plant_identity (Plants     *plants,
                GString    *notes,
                WsIdentity *identity)
{
  const char * const *items;
  const char *dob = ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH);
  static const char * const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December" };

  plant_name (plants, notes, ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME));
  items = ws_identity_get_list (identity, WS_IDENTITY_ALIASES);
  for (guint i = 0; items[i] != NULL; i++)
    plant_name (plants, notes, items[i]);
  items = ws_identity_get_list (identity, WS_IDENTITY_RELATIVES);
  for (guint i = 0; items[i] != NULL; i++)
    plant_name (plants, notes, items[i]);
  if (ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN) != NULL)
    plant_name (plants, notes, ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN));

  items = ws_identity_get_list (identity, WS_IDENTITY_ADDRESSES);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *upper = g_utf8_strup (items[i], -1);

      plant (plants, notes, items[i], FALSE);
      plant (plants, notes, upper, FALSE);
    }
  items = ws_identity_get_list (identity, WS_IDENTITY_PHONES);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *spaced = spaced_digits (items[i]);

      plant (plants, notes, items[i], FALSE);
      plant (plants, notes, spaced, FALSE);
    }
  items = ws_identity_get_list (identity, WS_IDENTITY_EMAILS);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (items[i], -1);

      plant (plants, notes, upper, FALSE);
    }
  items = ws_identity_get_list (identity, WS_IDENTITY_DOCUMENTS);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *number = strrchr (items[i], ' ');
      g_autofree char *lower = g_ascii_strdown (number != NULL ? number + 1 : items[i], -1);
      g_autofree char *dashed = g_strdup_printf ("%.3s-%s", lower, strlen (lower) > 3 ? lower + 3 : "");

      plant (plants, notes, items[i], FALSE);
      plant (plants, notes, lower, FALSE);
      plant (plants, notes, dashed, FALSE);
    }
  if (dob != NULL)
    {
      GDate date;
      g_autofree char *dotted = NULL;
      g_autofree char *spelled = NULL;
      g_autofree char *american = NULL;

      g_assert_true (ws_time_parse_date (dob, &date));
      dotted = g_strdup_printf ("%d.%d.%d", g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
      spelled = g_strdup_printf ("%d %s %d", g_date_get_day (&date), months[g_date_get_month (&date) - 1],
                                 g_date_get_year (&date));
      american = g_strdup_printf ("%s %d, %d", months[g_date_get_month (&date) - 1], g_date_get_day (&date),
                                  g_date_get_year (&date));
      plant (plants, notes, dob, FALSE);
      plant (plants, notes, dotted, FALSE);
      plant (plants, notes, spelled, FALSE);
      plant (plants, notes, american, FALSE);
    }
}

static gboolean
is_word_boundary (const char *text,
                  const char *at)
{
  gunichar c;

  if (at <= text || *at == '\0')
    return TRUE;
  c = g_utf8_get_char (at);
  return !g_unichar_isalnum (c);
}

/* Whether @needle survives in @output, ignoring case and diacritics, as a
 * whole word for names outside scripts without spaces. */
static gboolean
survives (const char *output,
          const char *needle,
          gboolean    whole_word)
{
  g_autofree char *haystack = ws_text_fold (output);
  g_autofree char *folded = ws_text_fold (needle);
  gunichar first = g_utf8_get_char (folded);

  if (g_unichar_get_script (first) == G_UNICODE_SCRIPT_THAI)
    whole_word = FALSE;
  for (const char *at = strstr (haystack, folded); at != NULL; at = strstr (at + 1, folded))
    {
      const char *end = at + strlen (folded);
      const char *before = at > haystack ? g_utf8_find_prev_char (haystack, at) : NULL;

      if (!whole_word ||
          ((before == NULL || is_word_boundary (haystack, before)) && is_word_boundary (haystack, end)))
        return TRUE;
    }
  return FALSE;
}

static void
test_demo_unit_never_leaks (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  WsDatabase *db = ws_test_open_tmp_db ("ws-test-redactor-demo-XXXXXX", &dir);
  g_autoptr(GPtrArray) persons = NULL;
  guint leaks = 0;

  ws_demo_fill (db, WS_DEMO_WITNESSES, WS_DEMO_SEED, &error);
  g_assert_no_error (error);
  persons = ws_database_list_persons (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, >=, 20);

  for (guint i = 0; i < persons->len; i++)
    {
      WsPerson *person = g_ptr_array_index (persons, i);
      WsPerson *other = g_ptr_array_index (persons, (i + 1) % persons->len);
      g_autoptr(WsRedactor) redactor = ws_redactor_new_for_unit (db, person, &error);
      g_autoptr(WsIdentity) identity = ws_database_read_identity (db, person, &error);
      g_autoptr(WsIdentity) other_identity = ws_database_read_identity (db, other, &error);
      g_autoptr(GPtrArray) planted = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) notes = g_string_new ("Met the officer. ");
      Plants plants = { planted, names };
      g_autofree char *output = NULL;

      g_assert_no_error (error);
      plant_identity (&plants, notes, identity);
      plant_identity (&plants, notes, other_identity);
      output = ws_redactor_redact (redactor, notes->str, NULL);

      for (guint k = 0; k < planted->len; k++)
        if (survives (output, g_ptr_array_index (planted, k), FALSE))
          {
            g_test_message ("%s: \"%s\" survives in: %s", ws_person_get_pseudonym (person),
                            (char *) g_ptr_array_index (planted, k), output);
            leaks++;
          }
      for (guint k = 0; k < names->len; k++)
        if (survives (output, g_ptr_array_index (names, k), TRUE))
          {
            g_test_message ("%s: name \"%s\" survives in: %s", ws_person_get_pseudonym (person),
                            (char *) g_ptr_array_index (names, k), output);
            leaks++;
          }
      if (strstr (output, ws_person_get_pseudonym (person)) == NULL)
        {
          g_test_message ("%s: pseudonym missing in: %s", ws_person_get_pseudonym (person), output);
          leaks++;
        }
    }
  g_assert_cmpuint (leaks, ==, 0);

  g_clear_pointer (&persons, g_ptr_array_unref);
  ws_test_close_tmp_db (db, dir);
}

int
main (int   argc,
      char *argv[])
{
  /* So that messages about failures show their text in any script. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ws/redactor/empty", test_empty);
  g_test_add_func ("/ws/redactor/unchanged", test_unchanged);
  g_test_add_func ("/ws/redactor/names/case-and-diacritics", test_names_case_and_diacritics);
  g_test_add_func ("/ws/redactor/names/parts-and-aliases", test_names_parts_and_aliases);
  g_test_add_func ("/ws/redactor/names/whole-words", test_names_whole_words);
  g_test_add_func ("/ws/redactor/names/other-people", test_names_other_people);
  g_test_add_func ("/ws/redactor/names/scripts", test_names_scripts);
  g_test_add_func ("/ws/redactor/names/weak-parts", test_names_weak_parts);
  g_test_add_func ("/ws/redactor/addresses", test_addresses);
  g_test_add_func ("/ws/redactor/phones", test_phones);
  g_test_add_func ("/ws/redactor/emails", test_emails);
  g_test_add_func ("/ws/redactor/documents", test_documents);
  g_test_add_func ("/ws/redactor/dates-of-birth", test_dates_of_birth);
  g_test_add_func ("/ws/redactor/overlaps", test_overlaps);
  g_test_add_func ("/ws/redactor/report", test_report);
  g_test_add_func ("/ws/redactor/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ws/redactor/custom-terms", test_custom_terms);
  g_test_add_func ("/ws/redactor/many-people-fast", test_many_people_fast);
  g_test_add ("/ws/redactor/unit/officer", Fixture, NULL,
              fixture_set_up, test_unit_officer, fixture_tear_down);
  g_test_add ("/ws/redactor/unit/prosecutor", Fixture, NULL,
              fixture_set_up, test_unit_prosecutor, fixture_tear_down);
  g_test_add_func ("/ws/redactor/unit/demo-never-leaks", test_demo_unit_never_leaks);

  return g_test_run ();
}
