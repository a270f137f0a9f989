/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for the redactor (not a test: it prints figures, it does not
 * judge them). Run as
 *   _build/tests/bench-redactor [NOTES_KB]
 * It fills a demonstration unit of WS_DEMO_WITNESSES people, builds the
 * redactor for one of them, and redacts NOTES_KB (default 100) kilobytes
 * of notes in several scripts with identifiers of the unit planted in
 * them, many times over. It prints one JSON object with the median and
 * 95th percentile time of one redaction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ws-demo.h"
#include "ws-redactor.h"
#include "ws-store.h"
#include "ws-test-util.h"

#define RUNS 31

static const char * const filler[] = {
  "Prefers appointments in the morning and asked for written information as well. ",
  "The court familiarisation visit went well; the witness asked about the screens. ",
  "Interpreter booked for the hearing on 12.03.2025 at 09:30; test call the day before. ",
  "Allowance of 1 500 EUR paid for travel and lodging, recorded in the benefits ledger. ",
  "Свідок просить, щоб зустрічі відбувалися зранку, і хоче мати письмову інформацію. ",
  "طلبت الشاهدة معلومات مكتوبة عن الجلسة وعن الترجمة الفورية. ",
  "พยานขอให้มีล่ามหญิงในวันพิจารณาคดีและต้องการพักระหว่างการให้การ ",
  "Nhân chứng muốn gặp vào buổi sáng và cần thông tin bằng văn bản. ",
  "Case T202400003 moved to the trial stage; measures to be confirmed before the hearing. ",
};

/* Identifiers of the unit, as the notes might mention them. */
static GPtrArray *
collect_identifiers (WsDatabase *db,
                     GPtrArray  *persons)
{
  GPtrArray *identifiers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < persons->len; i++)
    {
      g_autoptr(WsIdentity) identity = ws_database_read_identity (db, g_ptr_array_index (persons, i), NULL);
      const char *name;

      if (identity == NULL)
        continue;
      name = ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME);
      if (name != NULL)
        g_ptr_array_add (identifiers, g_strdup (name));
      for (guint l = WS_IDENTITY_ALIASES; l <= WS_IDENTITY_DOCUMENTS; l++)
        {
          const char * const *items = ws_identity_get_list (identity, l);

          if (items[0] != NULL)
            g_ptr_array_add (identifiers, g_strdup (items[0]));
        }
    }
  return identifiers;
}

static char *
make_notes (GPtrArray *identifiers,
            gsize      size)
{
  GString *notes = g_string_sized_new (size + 256);
  GRand *rand = g_rand_new_with_seed (42);

  while (notes->len < size)
    {
      g_string_append (notes, filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))]);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_string_append (notes, g_ptr_array_index (identifiers, g_rand_int_range (rand, 0, identifiers->len)));
          g_string_append (notes, ". ");
        }
    }
  g_rand_free (rand);
  g_string_truncate (notes, g_utf8_find_prev_char (notes->str, notes->str + size) - notes->str);
  return g_string_free (notes, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  WsDatabase *db = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) identifiers = NULL;
  g_autoptr(WsRedactor) redactor = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *notes = NULL;
  guint kb = argc > 1 ? (guint) atoi (argv[1]) : 100;
  WsRedactionReport report;
  gint64 started;
  double build_ms;

  db = ws_test_open_tmp_db ("ws-bench-redactor-XXXXXX", &dir);
  ws_demo_fill (db, WS_DEMO_WITNESSES, WS_DEMO_SEED, &error);
  g_assert_no_error (error);

  persons = ws_database_list_persons (db, NULL, &error);
  g_assert_no_error (error);
  identifiers = collect_identifiers (db, persons);
  notes = make_notes (identifiers, kb * 1024);

  started = g_get_monotonic_time ();
  redactor = ws_redactor_new_for_unit (db, g_ptr_array_index (persons, 0), &error);
  g_assert_no_error (error);
  g_free (ws_redactor_redact (redactor, "warm up", NULL));
  build_ms = ws_test_ms_since (started);

  for (guint i = 0; i < RUNS; i++)
    {
      char *output;

      ws_redaction_report_clear (&report);
      started = g_get_monotonic_time ();
      output = ws_redactor_redact (redactor, notes, &report);
      g_array_append_val (times, (double) { ws_test_ms_since (started) });
      g_free (output);
    }

  g_print ("{\"notes_kb\": %u, \"people\": %u, \"terms\": %u, \"build_ms\": %.1f, "
           "\"redact_ms_median\": %.2f, \"redact_ms_p95\": %.2f, \"removed\": %u}\n",
           kb, persons->len, ws_redactor_get_n_terms (redactor), build_ms,
           ws_test_percentile (times, 0.5), ws_test_percentile (times, 0.95),
           ws_redaction_report_get_total (&report));

  g_clear_object (&redactor);
  ws_test_close_tmp_db (db, dir);
  return 0;
}
