/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-summary-leak"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-identity.h"
#include "ws-page-renderer.h"
#include "ws-store.h"
#include "ws-summary.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

/* The leak test. A unit of synthetic witnesses, each with a full
 * identity, has those identifiers typed into every free-text field that
 * can reach a summary, their own and other witnesses', in the forms
 * people really type them: another case, no accents, spaced or dotted
 * phone numbers, a name part alone, a date of birth written out. Each
 * summary is exported to PDF and read back with pdftotext, and no
 * identifier of anybody may be in it, while the pseudonym must be.
 *
 * Every number planted is made of the digits 3, 4, 7, 8 and 9 only, so
 * it cannot turn up by chance in a date, a time or a reference printed
 * in the summary (those all hold a 0, 1, 2 or 6). */

#define N_WITNESSES 60
#define N_PER_CASE  3
#define NOW         "2026-03-20T12:00:00Z"
#define MARKER      "checked in"

typedef struct {
  const char *given;
  const char *family;
  const char *alias;   /* a transliteration or a nickname */
} NameSpec;

/* Made-up combinations; each written in its own script. */
static const NameSpec scripted[] = {
  { "Оксана", "Вигадченко", "Oksana Vyhadchenko" },
  { "Богдан", "Вигаданий", "Bohdan Vyhadanyi" },
  { "سلمى", "الخيالي", "Salma al-Khayali" },
  { "كريم", "المثالي", "Karim al-Mithali" },
  { "สมชาย", "สมมุติวงศ์", "Somchai Sommutwong" },
  { "มาลี", "ตัวอย่างดี", "Malee Tuayangdee" },
  { "Νίκος", "Φανταστικός", "Nikos Fantastikos" },
  { "Đức Mộng", "Trần", "Tran Duc Mong" },
};

static const char * const givens[] = {
  "José", "Zoë", "Łukasz", "Søren", "Ştefan", "Đorđe", "Małgorzata", "Renée", "Agnieszka", "Oleksandr",
  "Anişoara", "Thandiwe", "Chidinma", "Oluwaseun", "Dragoş", "Krisztián", "Jiří", "Björn", "Siobhán", "Iñaki",
};

static const char * const families[] = {
  "Ñúñez", "Dvořák", "Wróblewski", "Øvergaard", "Bălănescu", "Đurić", "Szőke", "Adebáyọ̀", "Çelikkaya",
  "Kovačević", "Fernández-Olmo", "Lindqvist", "Papadakis", "Jovanović", "Grünwaldt", "Trương",
};

static const char * const nicknames[] = {
  "Pepito", "Zuzik", "Lukko", "Sorri", "Stefko", "Djoki", "Gosik", "Renka", "Agusia", "Olesik",
};

static const char * const relatives[] = {
  "Mirela", "Radoslav", "Ludmila", "Teodor", "Evangelina", "Casimir", "Wilhelmina", "Bartholomew",
};

static const char * const guardians[] = {
  "Mag. Hieronymus Erfundenreich, Child and Youth Services",
  "Dr. Ottilie Sampleton-Vance",
  "Philippa Quillfeather, guardian ad litem",
};

static const char * const streets[] = {
  "Erfundenegasse", "Beispielstraße", "Quillmoor Lane", "Wrenfold Road", "Zauberweg", "Lindenhof Shelter",
  "Mustergasse", "Phantasiering",
};

static const char * const colours[] = { "Amber", "Cobalt", "Indigo", "Saffron", "Teal", "Umber" };
static const char * const birds[] = {
  "Kestrel", "Plover", "Avocet", "Curlew", "Dunlin", "Godwit", "Merlin", "Ouzel", "Pipit", "Shrike",
};

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
};

typedef struct {
  char       *pseudonym;
  char       *given;
  char       *family;
  char       *name;
  char       *alias;
  char       *relative;       /* "Mirela Ñúñez" */
  char       *guardian;       /* the name part of the guardian field, or NULL */
  char       *street;
  char       *address;
  char       *country;        /* "43" */
  char       *subscriber;     /* seven digits */
  char       *email;
  char       *passport;       /* seven digits */
  char       *card;           /* eight digits */
  GDate       dob;
  WsPerson   *person;
  GPtrArray  *words;          /* folded name parts, matched as words */
  GPtrArray  *phrases;        /* folded texts, matched anywhere */
  GPtrArray  *numbers;        /* digit strings */
} Witness;

typedef struct {
  char     *dir;
  WsDatabase *db;
  Witness   witnesses[N_WITNESSES];
} Unit;

/* ------------------------------------------------------------------ */
/* Folding, as the check compares                                      */

/* Letters that do not decompose into a base letter and a mark. */
static const char * const special[][2] = {
  { "đ", "d" }, { "Đ", "D" }, { "ł", "l" }, { "Ł", "L" }, { "ø", "o" }, { "Ø", "O" }, { "ß", "ss" },
  { "ı", "i" },
};

/* @text without diacritics, keeping its case: what people type on a
 * keyboard without accents ("Jose Nunez"). */
static char *
strip_accents (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean mapped = FALSE;

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (special) && !mapped; i++)
        if (c == g_utf8_get_char (special[i][0]))
          {
            g_string_append (out, special[i][1]);
            mapped = TRUE;
          }
      if (!mapped)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Case and diacritics folded, every run of spaces one space. */
static char *
fold (const char *text)
{
  g_autofree char *bare = strip_accents (text);
  g_autofree char *folded = ws_text_fold (bare);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* pdftotext wraps right-to-left runs in embedding marks. */
      if (g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
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

/* Runs of digits, joined across the separators phone numbers and
 * document numbers are written with. */
static GPtrArray *
digit_runs (const char *text)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_free);
  GString *run = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (run, *p);
      else if (*p == '\0' || strchr (" .-()/+\n", *p) == NULL)
        {
          if (run->len > 0)
            g_ptr_array_add (runs, g_strdup (run->str));
          g_string_truncate (run, 0);
          if (*p == '\0')
            break;
        }
    }
  g_string_free (run, TRUE);
  return runs;
}

/* Whether @text holds letters of a script pdftotext may give letter by
 * letter (-raw spaces out Arabic) or in visual order: such identifiers
 * are compared with every space taken out, both ways round. */
static gboolean
is_unspaced (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    switch ((int) g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_ARABIC:
      case G_UNICODE_SCRIPT_HEBREW:
      case G_UNICODE_SCRIPT_THAI:
      case G_UNICODE_SCRIPT_LAO:
      case G_UNICODE_SCRIPT_KHMER:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *folded;     /* the text, folded */
  char       *spaceless;  /* the same without spaces */
  GPtrArray  *runs;       /* its digit runs */
} Checked;

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* @word as a whole word (Latin, Cyrillic, Greek), anywhere otherwise. */
static gboolean
has_word (const char *haystack,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (haystack, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean before = p > haystack && is_word_char (g_utf8_find_prev_char (haystack, p));
      gboolean after = p[n] != '\0' && is_word_char (p + n);

      if (!before && !after)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_identifier (Checked    *text,
                const char *identifier,
                gboolean    whole_word)
{
  g_autofree char *bare = NULL;
  g_autofree char *reversed = NULL;

  if (!is_unspaced (identifier))
    return whole_word ? has_word (text->folded, identifier) : strstr (text->folded, identifier) != NULL;
  bare = without_spaces (identifier);
  reversed = g_utf8_strreverse (bare, -1);
  return strstr (text->spaceless, bare) != NULL || strstr (text->spaceless, reversed) != NULL;
}

/* ------------------------------------------------------------------ */
/* The synthetic unit                                                  */

/* Seven digits from 3, 4, 7, 8 and 9, different for each @seed. */
static char *
safe_digits (guint seed,
             guint n)
{
  static const char digits[] = "34789";
  GString *out = g_string_new (NULL);
  guint64 value = (guint64) seed * 2654435761u + 97;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, digits[value % 5]);
      value /= 5;
      if (value == 0)
        value = (guint64) seed * 40503u + i + 7;
    }
  return g_string_free (out, FALSE);
}

static void
add_word (GPtrArray  *words,
          const char *part)
{
  static const char * const particles[] = { "al", "bin", "van", "de", "la", "von", "der", NULL };
  g_autofree char *folded = fold (part);

  if (g_utf8_strlen (folded, -1) >= 3 && !g_strv_contains (particles, folded))
    g_ptr_array_add (words, g_steal_pointer (&folded));
}

/* Every name and each of its parts. */
static void
add_name (Witness    *w,
          const char *name)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s\\-,.]+", name, 0, 0);

  g_ptr_array_add (w->phrases, fold (name));
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      add_word (w->words, parts[i]);
}

static void
add_dob_forms (Witness *w)
{
  guint d = g_date_get_day (&w->dob), m = g_date_get_month (&w->dob), y = g_date_get_year (&w->dob);
  const char *month = months[m - 1];
  char *forms[] = {
    g_strdup_printf ("%04u-%02u-%02u", y, m, d), g_strdup_printf ("%02u/%02u/%04u", d, m, y),
    g_strdup_printf ("%u.%u.%u", d, m, y), g_strdup_printf ("%02u.%02u.%04u", d, m, y),
    g_strdup_printf ("%u %s %u", d, month, y), g_strdup_printf ("%s %u, %u", month, d, y),
    g_strdup_printf ("%u %.3s %u", d, month, y),
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_ptr_array_add (w->phrases, fold (forms[i]));
      g_free (forms[i]);
    }
}

static void
make_names (Witness *w,
            guint    i)
{
  if (i % 5 == 4)
    {
      const NameSpec *spec = &scripted[(i / 5) % G_N_ELEMENTS (scripted)];

      w->given = g_strdup (spec->given);
      w->family = g_strdup (spec->family);
      w->alias = g_strdup (spec->alias);
    }
  else
    {
      w->given = g_strdup (givens[(i * 7) % G_N_ELEMENTS (givens)]);
      w->family = g_strdup (families[(i * 3 + i / 16) % G_N_ELEMENTS (families)]);
      w->alias = g_strdup (nicknames[i % G_N_ELEMENTS (nicknames)]);
    }
  w->name = g_strdup_printf ("%s %s", w->given, w->family);
  w->relative = g_strdup_printf ("%s %s", relatives[i % G_N_ELEMENTS (relatives)], w->family);
  if (i % 3 == 0)
    {
      const char *field = guardians[(i / 3) % G_N_ELEMENTS (guardians)];
      const char *start = field;
      const char *comma;

      /* The title is not a name: the guardian field's name part only. */
      if (g_str_has_prefix (field, "Mag. ") || g_str_has_prefix (field, "Dr. "))
        start = strchr (field, ' ') + 1;
      comma = strchr (start, ',');

      w->guardian = comma != NULL ? g_strndup (start, comma - start) : g_strdup (start);
    }
}

static WsIdentity *
make_witness (Witness *w,
              guint    i)
{
  static const char * const countries[] = { "43", "44", "380", "66", "234" };
  WsIdentity *identity = ws_identity_new ();
  g_autofree char *phone = NULL;
  g_autofree char *passport = NULL;
  g_autofree char *card = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *local = NULL;
  g_autofree char *guardian_field = NULL;

  w->pseudonym = g_strdup_printf ("%s %s", colours[i % G_N_ELEMENTS (colours)], birds[i / G_N_ELEMENTS (colours)]);
  w->words = g_ptr_array_new_with_free_func (g_free);
  w->phrases = g_ptr_array_new_with_free_func (g_free);
  w->numbers = g_ptr_array_new_with_free_func (g_free);
  make_names (w, i);

  w->street = g_strdup (streets[i % G_N_ELEMENTS (streets)]);
  w->address = g_strdup_printf ("%s %u/%u, %u Wien", w->street, 3 + i % 40, 1 + i % 9, 1030 + (i % 20) * 10);
  w->country = g_strdup (countries[i % G_N_ELEMENTS (countries)]);
  w->subscriber = safe_digits (i + 1, 7);
  w->passport = safe_digits (i + 101, 7);
  w->card = safe_digits (i + 211, 8);
  g_date_clear (&w->dob, 1);
  g_date_set_dmy (&w->dob, 1 + (i * 5) % 28, 1 + i % 12, 1962 + (i * 7) % 48);

  ascii = strip_accents (w->alias);
  local = g_ascii_strdown (ascii, -1);
  g_strdelimit (local, " -", '.');
  w->email = g_strdup_printf ("%s%u@mail.example", local, i);
  phone = g_strdup_printf ("+%s 778 %s", w->country, w->subscriber);
  passport = g_strdup_printf ("Passport: PX%s", w->passport);
  card = g_strdup_printf ("ID card %.4s %s", w->card, w->card + 4);

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, w->name);
  ws_identity_set_text (identity, WS_IDENTITY_NATIONALITY, "Ruritanian");
  {
    g_autofree char *dob = ws_time_format_date (&w->dob);
    ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, dob);
  }
  if (w->guardian != NULL)
    ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, guardians[(i / 3) % G_N_ELEMENTS (guardians)]);
  ws_identity_set_list (identity, WS_IDENTITY_ALIASES, (const char *[]) { w->alias, NULL });
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, (const char *[]) { w->address, NULL });
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { phone, NULL });
  ws_identity_set_list (identity, WS_IDENTITY_EMAILS, (const char *[]) { w->email, NULL });
  ws_identity_set_list (identity, WS_IDENTITY_DOCUMENTS, (const char *[]) { passport, card, NULL });
  {
    g_autofree char *relative = g_strdup_printf ("%s (sister)", w->relative);
    ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char *[]) { relative, NULL });
  }

  add_name (w, w->name);
  add_name (w, w->alias);
  add_name (w, w->relative);
  if (w->guardian != NULL)
    add_name (w, w->guardian);
  g_ptr_array_add (w->phrases, fold (w->street));
  g_ptr_array_add (w->phrases, fold (w->email));
  add_dob_forms (w);
  g_ptr_array_add (w->numbers, g_strdup (w->subscriber));
  g_ptr_array_add (w->numbers, g_strdup (w->passport));
  g_ptr_array_add (w->numbers, g_strdup (w->card));
  return identity;
}

static void
witness_clear (Witness *w)
{
  g_free (w->pseudonym);
  g_free (w->given);
  g_free (w->family);
  g_free (w->name);
  g_free (w->alias);
  g_free (w->relative);
  g_free (w->guardian);
  g_free (w->street);
  g_free (w->address);
  g_free (w->country);
  g_free (w->subscriber);
  g_free (w->email);
  g_free (w->passport);
  g_free (w->card);
  g_clear_object (&w->person);
  g_clear_pointer (&w->words, g_ptr_array_unref);
  g_clear_pointer (&w->phrases, g_ptr_array_unref);
  g_clear_pointer (&w->numbers, g_ptr_array_unref);
}

/* ------------------------------------------------------------------ */
/* Planting identifiers in notes                                       */

/* A name the way someone might type it; @form picks the way. */
static char *
name_form (Witness *w,
           guint    form)
{
  g_autofree char *ascii = strip_accents (w->name);

  switch (form % 9)
    {
    case 0: return g_strdup (w->name);
    case 1: return g_utf8_strup (w->name, -1);
    case 2: return g_utf8_strdown (w->name, -1);
    case 3: return g_steal_pointer (&ascii);
    case 4: return g_ascii_strup (ascii, -1);
    case 5: return g_strdup (w->family);
    case 6: return g_strdup (w->given);
    case 7: return g_strdup (w->alias);
    default: return g_strdup_printf ("%s, %s", w->family, w->given);
    }
}

static char *
phone_form (Witness *w,
            guint    form)
{
  const char *s = w->subscriber;

  switch (form % 6)
    {
    case 0: return g_strdup_printf ("+%s 778 %.3s %.2s %s", w->country, s, s + 3, s + 5);
    case 1: return g_strdup_printf ("00%s-778-%.3s-%s", w->country, s, s + 3);
    case 2: return g_strdup_printf ("(0778) %.3s.%.2s.%s", s, s + 3, s + 5);
    case 3: return g_strdup_printf ("778 %.2s %.2s %s", s, s + 2, s + 4);
    case 4: return g_strdup_printf ("+%s.778.%s", w->country, s);
    default: return g_strdup_printf ("0778/%s", s);
    }
}

static char *
dob_form (Witness *w,
          guint    form)
{
  guint d = g_date_get_day (&w->dob), m = g_date_get_month (&w->dob), y = g_date_get_year (&w->dob);

  switch (form % 6)
    {
    case 0: return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
    case 1: return g_strdup_printf ("%02u/%02u/%04u", d, m, y);
    case 2: return g_strdup_printf ("%u.%u.%u", d, m, y);
    case 3: return g_strdup_printf ("%u %s %u", d, months[m - 1], y);
    case 4: return g_strdup_printf ("%s %u, %u", months[m - 1], d, y);
    default: return g_strdup_printf ("%u %.3s %u", d, months[m - 1], y);
    }
}

static char *
document_form (Witness *w,
               guint    form)
{
  const char *p = w->passport;

  switch (form % 4)
    {
    case 0: return g_strdup_printf ("px %.4s %s", p, p + 4);
    case 1: return g_strdup_printf ("PX-%.3s-%s", p, p + 3);
    case 2: return g_strdup_printf ("passport %s", p);
    default: return g_strdup_printf ("ID %.4s-%s", w->card, w->card + 4);
    }
}

/* A note about @w that names @a and @b (other witnesses) too. */
static char *
planted_note (Witness *w,
              Witness *a,
              Witness *b,
              guint    form)
{
  g_autofree char *own = name_form (w, form);
  g_autofree char *other = name_form (a, form + 3);
  g_autofree char *third = name_form (b, form + 5);
  g_autofree char *phone = phone_form (w, form);
  g_autofree char *other_phone = phone_form (a, form + 1);
  g_autofree char *dob = dob_form (w, form);
  g_autofree char *doc = document_form (a, form);
  g_autofree char *upper_street = g_utf8_strup (w->street, -1);

  return g_strdup_printf ("%s " MARKER " with %s and %s (%s). Born %s. Call %s or %s, e-mail %s. "
                          "Lives at %s; shelter %s. Papers: %s. Sister %s; guardian %s.",
                          own, other, third, a->relative, dob, phone, other_phone, b->email,
                          w->address, upper_street, doc, w->relative,
                          w->guardian != NULL ? w->guardian : b->alias);
}

static long long
save_case (WsDatabase *db,
           guint       index)
{
  g_autofree char *reference = g_strdup_printf ("T2026%05u", index);
  g_autoptr(WsCase) court_case = ws_test_add_case (db, reference, "Northgate Crown Court");

  return ws_case_get_id (court_case);
}

static void
plant_records (Unit      *unit,
               guint      i,
               long long  case_id,
               long long  hearing,
               long long  site)
{
  Witness *w = &unit->witnesses[i];
  Witness *a = &unit->witnesses[(i + 1) % N_WITNESSES];
  Witness *b = &unit->witnesses[(i + 7) % N_WITNESSES];
  long long id = ws_person_get_id (w->person);
  g_autofree char *n1 = planted_note (w, a, b, i);
  g_autofree char *n2 = planted_note (w, b, a, i + 4);
  g_autofree char *n3 = planted_note (a, w, b, i + 2);
  g_autofree char *own = name_form (w, i + 1);
  g_autofree char *other = name_form (a, i + 2);
  g_autofree char *recipient = g_strdup_printf ("Legal aid, attn. %s", b->guardian != NULL ? b->guardian : b->name);
  g_autofree char *link = g_strdup_printf ("https://video.example/join/%s", w->email);

  ws_test_exec (unit->db, "INSERT INTO support_item (person_id, need_code, phase, offered_on, consent, due_on, status, notes)"
                          " VALUES (%lld, 'health.counselling', 'initial', '2026-01-05', 'accepted', '2026-04-10', 'in-progress', %Q),"
                          " (%lld, 'legal.counsel', 'trial', '2026-03-01', 'accepted', '2026-03-10', 'done', %Q)", id, n1, id, n2);
  ws_test_exec (unit->db, "INSERT INTO measure (case_id, person_id, type, status, decided_on, refusal_reason, defence_position, notes)"
                          " VALUES (%lld, %lld, 'screens', 'refused', '2026-02-20', %Q, %Q, %Q)",
        case_id, id, n3, own, other);
  ws_test_exec (unit->db, "INSERT INTO consent (person_id, recipient, purpose, given_on) VALUES (%lld, %Q, %Q, '2026-01-01')",
        id, recipient, n2);
  ws_test_exec (unit->db, "INSERT INTO risk_assessment (person_id, assessed_on, level, threats, next_review)"
                          " VALUES (%lld, '2026-03-01', 'high', %Q, '2026-04-01')", id, n1);
  ws_test_exec (unit->db, "INSERT INTO phase_change (person_id, phase, began_at, moved_by, note)"
                          " VALUES (%lld, 'initial', '2026-01-05T09:00:00Z', %Q, %Q)", id, a->name, n1);
  ws_test_exec (unit->db, "INSERT INTO session (uid, hearing_id, person_id, court_site_id, remote_site_id, starts_at, ends_at,"
                          " platform_ref, link_address, link_pin, technical_contact, support_person)"
                          " VALUES ('leak-%u', %lld, %lld, %lld, %lld, '2026-03-25T%02u:00:00Z', '2026-03-25T%02u:30:00Z',"
                          " 'VL-2026-%05u', %Q, %Q, %Q, %Q)",
        i, hearing, id, site, site, 8 + i % 8, 8 + i % 8, i, link, w->card, w->name, b->relative);
}

/* A case-wide measure whose note names one of the case's witnesses:
 * every witness of the case sees it, the one named as their pseudonym. */
static void
plant_case (Unit      *unit,
            guint      first,
            long long  case_id)
{
  Witness *w = &unit->witnesses[first];
  g_autofree char *note = planted_note (w, &unit->witnesses[(first + 2) % N_WITNESSES],
                                        &unit->witnesses[(first + 11) % N_WITNESSES], first + 6);

  ws_test_exec (unit->db, "INSERT INTO measure (case_id, type, status, notes) VALUES (%lld, 'in-camera', 'granted', %Q)",
        case_id, note);
}

static void
fill_unit (Unit *unit)
{
  g_autoptr(GError) error = NULL;
  long long site, hearing = 0, case_id = 0;

  ws_test_exec (unit->db, "INSERT OR IGNORE INTO need (code, category, title) VALUES"
                          " ('health.counselling', 'Health', 'Psychological counselling and treatment'),"
                          " ('legal.counsel', 'Legal and migration', 'Independent legal counsel')");
  ws_test_exec (unit->db, "INSERT INTO site (name, kind, zone) VALUES ('Northgate Court Room 2', 'court-room', 'Europe/London')");
  site = _ws_database_last_insert_id (unit->db);

  for (guint i = 0; i < N_WITNESSES; i++)
    {
      Witness *w = &unit->witnesses[i];
      WsIdentity *identity = make_witness (w, i);

      w->person = ws_person_new ();
      ws_person_set_pseudonym (w->person, w->pseudonym);
      ws_person_set_first_contact_on (w->person, "2026-01-05");
      ws_person_set_languages (w->person, (const char *[]) { "Romanian", NULL });
      ws_test_save_person (unit->db, w->person, identity);
      g_object_unref (identity);
    }

  for (guint i = 0; i < N_WITNESSES; i++)
    {
      if (i % N_PER_CASE == 0)
        {
          case_id = save_case (unit->db, i / N_PER_CASE);
          ws_test_exec (unit->db, "INSERT INTO hearing (case_id, site_id, starts_at, ends_at, zone) VALUES"
                                  " (%lld, %lld, '2026-03-25T08:00:00Z', '2026-03-25T17:00:00Z', 'Europe/London')",
                case_id, site);
          hearing = _ws_database_last_insert_id (unit->db);
          plant_case (unit, i, case_id);
        }
      ws_database_link_party (unit->db, case_id, ws_person_get_id (unit->witnesses[i].person),
                              WS_PARTY_ROLE_VICTIM_WITNESS, unit->witnesses[i].pseudonym, &error);
      g_assert_no_error (error);
      plant_records (unit, i, case_id, hearing, site);
    }
}

/* ------------------------------------------------------------------ */
/* Checking                                                            */


/* How many identifiers of @w are in @text. */
static guint
count_leaks (Witness    *w,
             const char *where,
             Checked    *text)
{
  guint leaks = 0;

  for (guint k = 0; k < w->words->len; k++)
    if (has_identifier (text, g_ptr_array_index (w->words, k), TRUE))
      {
        g_test_message ("%s: name part “%s” of %s", where, (char *) g_ptr_array_index (w->words, k), w->pseudonym);
        leaks++;
      }
  for (guint k = 0; k < w->phrases->len; k++)
    if (has_identifier (text, g_ptr_array_index (w->phrases, k), FALSE))
      {
        g_test_message ("%s: “%s” of %s", where, (char *) g_ptr_array_index (w->phrases, k), w->pseudonym);
        leaks++;
      }
  for (guint k = 0; k < w->numbers->len; k++)
    for (guint r = 0; r < text->runs->len; r++)
      if (strstr (g_ptr_array_index (text->runs, r), g_ptr_array_index (w->numbers, k)) != NULL)
        {
          g_test_message ("%s: number %s of %s", where, (char *) g_ptr_array_index (w->numbers, k), w->pseudonym);
          leaks++;
        }
  return leaks;
}

static guint
check_text (Unit       *unit,
            Witness    *subject,
            const char *where,
            const char *text)
{
  g_autofree char *folded = fold (text);
  g_autofree char *pseudonym = fold (subject->pseudonym);
  g_autoptr(GPtrArray) runs = digit_runs (text);
  Checked checked = { folded, without_spaces (folded), runs };
  guint leaks = 0;

  for (guint j = 0; j < N_WITNESSES; j++)
    leaks += count_leaks (&unit->witnesses[j], where, &checked);
  if (strchr (text, '@') != NULL)
    {
      g_test_message ("%s: an e-mail address survives", where);
      leaks++;
    }
  /* The notes did reach the page, scrubbed, and the pseudonym is there. */
  g_assert_nonnull (strstr (folded, MARKER));
  g_assert_nonnull (strstr (folded, pseudonym));
  g_free (checked.spaceless);
  return leaks;
}

static guint
check_witness (Unit    *unit,
               guint    i)
{
  Witness *w = &unit->witnesses[i];
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) doc = NULL;
  g_autofree char *pdf = g_strdup_printf ("%s/summary-%02u.pdf", unit->dir, i);
  g_autofree char *text = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *where = g_strdup_printf ("%s (document)", w->pseudonym);
  g_autofree char *where_pdf = g_strdup_printf ("%s (PDF)", w->pseudonym);
  WsRedactionReport report;
  WsSummaryOptions options;
  guint leaks;

  ws_redaction_report_clear (&report);
  ws_summary_options_init (&options);
  options.reader_zone = "Europe/London";
  doc = ws_summary_build (unit->db, w->person, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ws_redaction_report_get_total (&report), >=, 20);

  text = ws_document_to_text (doc);
  leaks = check_text (unit, w, where, text);

  ws_page_renderer_export_pdf (doc, pdf, &error);
  g_assert_no_error (error);
  /* The test was skipped up front where pdftotext is missing. */
  extracted = ws_test_pdf_text (pdf, "-raw");
  g_assert_nonnull (extracted);
  leaks += check_text (unit, w, where_pdf, extracted);
  if (leaks > 0)
    g_test_message ("%s", extracted);
  g_remove (pdf);
  return leaks;
}

/* The checks themselves must find what they look for. */
static void
test_checks_find_identifiers (void)
{
  Witness w = { 0 };
  g_autoptr(WsIdentity) identity = make_witness (&w, 0);
  g_autofree char *note = planted_note (&w, &w, &w, 3);
  g_autofree char *folded = fold (note);
  g_autoptr(GPtrArray) runs = digit_runs (note);
  g_autofree char *upper = g_utf8_strup (w.name, -1);

  g_autofree char *spaceless = without_spaces (folded);
  Checked checked = { folded, spaceless, runs };

  g_test_message ("%s", note);
  g_assert_true (has_word (folded, "jose"));
  g_assert_false (has_word ("josefine", "jose"));
  g_assert_cmpuint (count_leaks (&w, "self-check", &checked), >=, 6);
  g_assert_true (has_identifier (&checked, "jose nunez", FALSE));
  {
    g_autofree char *thai = fold ("met สมชายที่ศาล");
    g_autofree char *thai_bare = without_spaces (thai);
    Checked in_thai = { thai, thai_bare, runs };

    g_assert_true (has_identifier (&in_thai, "สมชาย", TRUE));
  }
  /* pdftotext -raw gives Arabic letter by letter, and maybe reversed. */
  {
    g_autofree char *raw = fold ("met \u202bس ل م ى\u202c and");
    g_autofree char *raw_bare = without_spaces (raw);
    Checked spaced = { raw, raw_bare, runs };
    g_autofree char *visual = fold ("ى م ل س");
    g_autofree char *visual_bare = without_spaces (visual);
    Checked reversed = { visual, visual_bare, runs };

    g_assert_true (has_identifier (&spaced, "سلمى", TRUE));
    g_assert_true (has_identifier (&reversed, "سلمى", TRUE));
  }
  {
    g_autofree char *f = fold (upper);
    g_autofree char *expect = fold ("JOSE ÑUÑEZ");
    g_assert_cmpstr (f, ==, expect);
  }
  witness_clear (&w);
}

static void
test_no_identifier_leaves (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  Unit unit = { 0 };
  guint leaks = 0;
  gint64 started = g_get_monotonic_time ();

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  ws_test_set_now (NOW);
  unit.db = ws_test_open_tmp_db ("ws-test-summary-leak-XXXXXX", &unit.dir);
  fill_unit (&unit);

  for (guint i = 0; i < N_WITNESSES; i++)
    leaks += check_witness (&unit, i);
  g_test_message ("%u summaries checked in %.1f s", N_WITNESSES, (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (leaks, ==, 0);

  for (guint i = 0; i < N_WITNESSES; i++)
    witness_clear (&unit.witnesses[i]);
  ws_test_close_tmp_db (unit.db, unit.dir);
  ws_time_set_now (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ws/summary-leak/checks-find-identifiers", test_checks_find_identifiers);
  g_test_add_func ("/ws/summary-leak/no-identifier-leaves", test_no_identifier_leaves);

  return g_test_run ();
}
