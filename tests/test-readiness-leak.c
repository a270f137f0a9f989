/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-readiness-leak"

#include "config.h"

#include <string.h>

#include "ws-demo.h"
#include "ws-hearing.h"
#include "ws-identity.h"
#include "ws-page-renderer.h"
#include "ws-readiness.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"

/* The readiness sheet leaves the unit for the court. On the
 * demonstration unit, with every witness's legal name, aliases, phones,
 * e-mail addresses, documents and addresses also typed into every free
 * text a hearing and its measures hold (notes, reasons, alternatives,
 * the defence's position, booking references), the sheets of the
 * hearings are exported to PDF and read back with pdftotext: each names
 * its witnesses by pseudonym and holds no identifier of anybody. */

#define MAX_SHEETS 24

typedef struct {
  GPtrArray *phrases;  /* folded identifiers, matched anywhere */
  GPtrArray *numbers;  /* digit strings of phones and documents */
} Identifiers;

/* Lower case, every run of white space one space: a name wrapped at a
 * line end in the PDF still matches. */
static char *
fold (const char *text)
{
  g_autofree char *folded = ws_text_fold (text);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
digits_of (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
add_phrase (Identifiers *ids,
            const char  *text)
{
  /* Short fragments ("Ana") could be any word; full values are checked. */
  if (text != NULL && g_utf8_strlen (text, -1) >= 5)
    g_ptr_array_add (ids->phrases, fold (text));
}

static void
add_number (Identifiers *ids,
            const char  *text)
{
  g_autofree char *digits = digits_of (text);

  if (strlen (digits) >= 6)
    g_ptr_array_add (ids->numbers, g_steal_pointer (&digits));
}

/* Everything identifying about one person, joined as one string to plant. */
static char *
collect (WsIdentity  *identity,
         Identifiers *ids)
{
  static const WsIdentityList lists[] = { WS_IDENTITY_ALIASES, WS_IDENTITY_ADDRESSES, WS_IDENTITY_PHONES,
                                          WS_IDENTITY_EMAILS, WS_IDENTITY_DOCUMENTS };
  GString *plant = g_string_new (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME));

  add_phrase (ids, ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      const char * const *values = ws_identity_get_list (identity, lists[l]);

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        {
          if (lists[l] == WS_IDENTITY_PHONES || lists[l] == WS_IDENTITY_DOCUMENTS)
            add_number (ids, values[i]);
          else
            add_phrase (ids, values[i]);
          g_string_append_printf (plant, "; %s", values[i]);
        }
    }
  return g_string_free (plant, FALSE);
}

/* Every free text of the person's measures, and of the hearings and
 * cases they are in, gets their identifiers. */
static void
plant (WsDatabase  *db,
       WsPerson    *person,
       const char  *text)
{
  long long id = ws_person_get_id (person);

  ws_test_exec (db, "UPDATE measure SET notes = %Q, alternative = %Q, defence_position = %Q,"
                    " booking_reference = %Q, refusal_reason = CASE WHEN status = 'refused' THEN %Q"
                    " ELSE refusal_reason END WHERE person_id = %lld", text, text, text, text, text, id);
  ws_test_exec (db, "UPDATE hearing SET notes = notes || ' ' || %Q WHERE case_id IN"
                    " (SELECT case_id FROM case_party WHERE person_id = %lld)", text, id);
  ws_test_exec (db, "UPDATE court_case SET notes = notes || ' ' || %Q WHERE id IN"
                    " (SELECT case_id FROM case_party WHERE person_id = %lld)", text, id);
}

static void
assert_clean (const char  *text,
              Identifiers *ids,
              gint64       hearing_id)
{
  g_autofree char *folded = fold (text);
  g_autofree char *digits = digits_of (text);

  for (guint i = 0; i < ids->phrases->len; i++)
    if (strstr (folded, g_ptr_array_index (ids->phrases, i)) != NULL)
      g_error ("The sheet of hearing %" G_GINT64_FORMAT " holds the identifier “%s”", hearing_id,
               (const char *) g_ptr_array_index (ids->phrases, i));
  for (guint i = 0; i < ids->numbers->len; i++)
    if (strstr (digits, g_ptr_array_index (ids->numbers, i)) != NULL)
      g_error ("The sheet of hearing %" G_GINT64_FORMAT " holds the number %s", hearing_id,
               (const char *) g_ptr_array_index (ids->numbers, i));
}

static void
test_sheets_anonymised (void)
{
  g_autofree char *dir = NULL;
  WsDatabase *db = ws_test_open_tmp_db ("ws-readiness-leak-XXXXXX", &dir);
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) hearings = NULL;
  g_autoptr(GError) error = NULL;
  Identifiers ids = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  guint checked = 0;
  guint pseudonyms = 0;

  g_assert_true (ws_demo_fill (db, WS_DEMO_WITNESSES, 5, &error));
  g_assert_no_error (error);
  persons = ws_database_list_persons (db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < persons->len; i++)
    {
      WsPerson *person = g_ptr_array_index (persons, i);
      g_autoptr(WsIdentity) identity = ws_database_read_identity (db, person, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = collect (identity, &ids);
      plant (db, person, text);
    }
  g_assert_cmpuint (ids.phrases->len, >, persons->len);
  g_assert_cmpuint (ids.numbers->len, >, 0);

  hearings = ws_database_list_hearings (db, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hearings->len && checked < MAX_SHEETS; i++)
    {
      gint64 id = ws_hearing_get_id (g_ptr_array_index (hearings, i));
      g_autoptr(GPtrArray) witnesses = ws_database_list_hearing_witnesses (db, id, &error);
      g_autoptr(WsDocument) sheet = NULL;
      g_autofree char *name = g_strdup_printf ("hearing-%" G_GINT64_FORMAT ".pdf", id);
      g_autofree char *pdf = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;

      g_assert_no_error (error);
      if (witnesses->len == 0)
        continue;
      sheet = ws_readiness_sheet_build (db, id, &error);
      g_assert_no_error (error);
      g_assert_true (ws_page_renderer_export_pdf (sheet, pdf, &error));
      g_assert_no_error (error);
      text = ws_test_pdf_text (pdf, "-raw");
      if (text == NULL)
        break;
      folded = fold (text);
      for (guint w = 0; w < witnesses->len; w++)
        {
          const char *pseudonym = ws_hearing_witness_get_pseudonym (g_ptr_array_index (witnesses, w));
          g_autofree char *wanted = pseudonym != NULL ? fold (pseudonym) : NULL;

          if (wanted == NULL)
            continue;
          g_assert_nonnull (strstr (folded, wanted));
          pseudonyms++;
        }
      assert_clean (text, &ids, id);
      checked++;
    }
  g_test_message ("%u sheets, %u pseudonyms, %u identifiers and %u numbers checked",
                  checked, pseudonyms, ids.phrases->len, ids.numbers->len);
  if (checked > 0)
    g_assert_cmpuint (pseudonyms, >=, checked);

  g_ptr_array_unref (ids.phrases);
  g_ptr_array_unref (ids.numbers);
  g_clear_pointer (&hearings, g_ptr_array_unref);
  g_clear_pointer (&persons, g_ptr_array_unref);
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
}

/* The check itself must be able to fail: a sheet with a name in it is caught. */
static void
test_check_catches (void)
{
  if (g_test_subprocess ())
    {
      Identifiers ids = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };

      add_phrase (&ids, "Rosalind Quennell");
      add_number (&ids, "+43 664 987 3344");
      assert_clean ("Witness A (Rosa)\nNotes: rosalind\nquennell", &ids, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*rosalind quennell*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ws/readiness-leak/check-catches", test_check_catches);
  g_test_add_func ("/ws/readiness-leak/sheets-anonymised", test_sheets_anonymised);

  return g_test_run ();
}
