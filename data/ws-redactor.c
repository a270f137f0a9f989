/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-redactor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-identity-private.h"
#include "ws-redactor.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-time.h"

/* How it works. Every term is folded (lower case, no diacritics, one
 * space for any run of white space, the script's own digits as ASCII) and
 * put in one Aho–Corasick automaton; document numbers go in a second one
 * without their spaces and dashes. A text is folded the same way, keeping
 * for each folded byte the offset of the character it came from, so a
 * match in the folded text replaces exactly the right span of the
 * original. Phone numbers, e-mail addresses, dates and the generic
 * patterns are found by small scanners over the same folded text. All
 * matches become candidates; weak name parts are kept only in context;
 * overlapping candidates are joined; then the original is copied with the
 * joined spans replaced. See ws-redactor.h for the rules. */

#define KIND_KEEP       WS_REDACTION_N_KINDS
#define NO_NODE         G_MAXUINT32
#define MIN_PHONE       7     /* digits that make a number a phone number */
#define MAX_PHONE       15
#define MAX_INFLECTION  3     /* letters after a Cyrillic stem */

typedef struct {
  char   *folded;
  char   *replacement;        /* NULL: the kind's placeholder */
  char   *shared;             /* the pseudonym of a name shared with others */
  guint8  kind;               /* WsRedactionKind or KIND_KEEP */
  guint8  weak : 1;           /* a name part matched alone only in context */
  guint8  caseless : 1;       /* … in a script without letter case */
  guint8  month : 1;          /* … that is also the name of a month */
  guint8  loose_start : 1;    /* needs no word boundary before it */
  guint8  loose_end : 1;      /* needs no word boundary after it */
  guint8  inflects : 1;       /* may carry a short case ending */
  guint8  arabic : 1;         /* may carry a one- or two-letter proclitic */
  guint8  primary : 1;        /* the subject's own whole name: theirs alone */
} Term;

typedef struct {
  guint8  byte;
  guint32 target;
} Edge;

typedef struct {
  guint32 first_edge;
  guint32 n_edges;
  guint32 fail;
  guint32 output;             /* next node on the fail chain that ends a term; 0 if none */
  gint32  term;               /* the term ending here, or -1 */
  guint32 depth;
} Node;

typedef struct {
  GArray  *nodes;
  GArray  *edges;
  guint32  root[256];
} Automaton;

typedef struct {
  GPtrArray  *terms;          /* Term */
  GHashTable *index;          /* folded → Term, borrowed */
  Automaton  *automaton;      /* NULL until first needed after a change */
} TermSet;

typedef struct {
  int   year;
  int   month;
  int   day;
  char *replacement;
} Birthday;

struct _WsRedactor
{
  GObject     parent_instance;

  /* owned */
  GMutex      lock;           /* terms may be added and texts redacted from any thread */
  TermSet     words;          /* names, addresses, e-mail addresses, kept terms */
  TermSet     compact;        /* document numbers, without separators */
  GHashTable *phone_keys;     /* last seven digits (or all, if fewer) → replacement, "" for none */
  GArray     *birthdays;      /* Birthday */
};

G_DEFINE_FINAL_TYPE (WsRedactor, ws_redactor, G_TYPE_OBJECT)

/* Byte offsets, one pushed per folded byte: a plain array of 32-bit
 * offsets, as this is the innermost loop of redaction and the largest
 * buffer it fills (texts over 4 GiB are refused). */
typedef struct {
  guint32 *data;
  gsize    len;
  gsize    alloc;
} Offsets;

/* A text being redacted. */
typedef struct {
  const char *original;
  gsize       original_len;
  GString    *folded;
  Offsets     origin;         /* per folded byte, and one for the end */
} Folded;

typedef struct {
  gsize        start;         /* in the original text */
  gsize        end;
  gsize        fstart;        /* in the folded text */
  gsize        fend;
  const char  *replacement;
  const Term  *term;          /* NULL for a pattern match */
  guint8       kind;
  guint8       known : 1;     /* a known identifier, not a generic pattern */
} Candidate;

typedef struct {
  WsRedactor *self;
  Folded      text;
  GArray     *candidates;     /* Candidate */
  GArray     *pending;        /* Candidate: weak name parts awaiting context */
} Scan;

typedef struct {
  gsize            start;
  gsize            end;
  const Candidate *best;
} Span;

/* ------------------------------------------------------------------ */
/* Word lists                                                          */

/* Folded forms. Ordinary English words that are also given or family
 * names: such a part alone is matched only in context. */
static const char * const common_words[] = {
  "amber", "angel", "april", "art", "ash", "august", "autumn", "baker", "banks", "bear",
  "bell", "bill", "birch", "bird", "bishop", "black", "bliss", "blue", "bob", "brook",
  "brown", "buck", "bud", "bush", "carter", "case", "cash", "cedar", "chase", "clay",
  "cliff", "cook", "cooper", "crane", "crystal", "daisy", "dale", "dawn", "dean", "don",
  "dove", "drew", "duke", "earl", "east", "ebony", "eden", "faith", "fern", "field",
  "fields", "finch", "fisher", "fox", "frank", "frost", "gale", "gene", "glen", "golden",
  "grace", "gray", "green", "grey", "guy", "happy", "harmony", "haven", "hawk", "hazel",
  "heather", "hill", "holly", "honor", "hope", "hunter", "iris", "ivy", "jack", "jade",
  "joy", "judge", "june", "justice", "king", "lamb", "lane", "lark", "law", "liberty",
  "lily", "little", "long", "lord", "love", "lucky", "major", "march", "mark", "mason",
  "may", "melody", "mercy", "miles", "miller", "misty", "moss", "noble", "north", "oak",
  "olive", "page", "parker", "pat", "patience", "pearl", "penny", "pine", "poppy", "porter",
  "price", "prince", "rain", "ray", "red", "reed", "rich", "river", "rob", "robin",
  "rock", "rose", "ruby", "rush", "sage", "sam", "sandy", "sharp", "silver", "sky",
  "snow", "south", "spring", "star", "sterling", "stone", "storm", "strong", "sue", "summer",
  "sunny", "swift", "taylor", "turner", "violet", "walker", "ward", "wells", "west", "white",
  "will", "willow", "winter", "wise", "wolf", "wood", "woods", "wren", "young",
};

/* Particles of names in many languages; never enough alone. */
static const char * const particles[] = {
  "abu", "abou", "af", "al", "ap", "ben", "bin", "bint", "da", "das", "de", "del", "della",
  "der", "di", "do", "dos", "du", "el", "ibn", "la", "le", "mac", "mc", "o", "san", "st",
  "ten", "ter", "thi", "umm", "van", "von", "y", "zu",
  "أبو", "ابو", "ابن", "بن", "بنت", "ام", "أم",
};

static const char * const titles[] = {
  "dame", "dipl", "dr", "frau", "herr", "ing", "mag", "miss", "mlle", "mme", "mr", "mrs",
  "ms", "mx", "pan", "pani", "prof", "sir", "sr", "sra",
};

typedef struct {
  const char *name;
  int         month;
} MonthName;

/* English, and German as written in the unit's home court. */
static const MonthName month_names[] = {
  { "january", 1 }, { "jan", 1 }, { "januar", 1 }, { "janner", 1 },
  { "february", 2 }, { "feb", 2 }, { "februar", 2 },
  { "march", 3 }, { "mar", 3 }, { "marz", 3 },
  { "april", 4 }, { "apr", 4 },
  { "may", 5 }, { "mai", 5 },
  { "june", 6 }, { "jun", 6 }, { "juni", 6 },
  { "july", 7 }, { "jul", 7 }, { "juli", 7 },
  { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "october", 10 }, { "oct", 10 }, { "oktober", 10 }, { "okt", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 }, { "dezember", 12 }, { "dez", 12 },
};

/* Words that make a number next to them an amount, not a phone number. */
static const char * const currencies[] = {
  "aud", "chf", "dollar", "dollars", "eur", "euro", "euros", "gbp", "jod", "ngn", "pound",
  "pounds", "ron", "thb", "uah", "usd", "vnd",
};

/* Words that make a bare number a document number rather than a phone. */
static const char * const document_words[] = {
  "card", "document", "id", "identity", "licence", "license", "pass", "passport", "permit",
  "reisepass", "visa",
};

/* Letters after a number that make it a quantity, not a document. */
static const char * const units[] = {
  "am", "cm", "eur", "gb", "h", "hrs", "kb", "kg", "km", "mb", "mg", "min", "ml", "mm",
  "nd", "pm", "rd", "s", "st", "th", "usd",
};

/* Parts of an address that are not distinctive without their number. */
static const char * const address_words[] = {
  "ap", "apartment", "apt", "bezirk", "bl", "block", "box", "c/o", "district", "et", "flat",
  "floor", "nr", "no", "p", "po", "postfach", "phuong", "quan", "sc", "sector", "stiege",
  "suite", "top", "unit", "кв", "буд",
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

#define IN_LIST(list, word) in_list (list, G_N_ELEMENTS (list), word)

static int
lookup_month (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (month_names[i].name, word) == 0)
      return month_names[i].month;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */

static gboolean
is_apostrophe (gunichar c)
{
  return c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x02BC || c == 0x02BB ||
         c == 0x00B4 || c == 0x0060 || c == 0xFF07;
}

/* Appends the folded form of one character other than white space. */
static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT:
      return;
    case G_UNICODE_DECIMAL_NUMBER:
      g_string_append_c (out, (char) ('0' + g_unichar_digit_value (c)));
      return;
    case G_UNICODE_DASH_PUNCTUATION:
      g_string_append_c (out, '-');
      return;
    default:
      break;
    }
  if (is_apostrophe (c))
    {
      g_string_append_c (out, '\'');
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    {
      GUnicodeType type = g_unichar_type (parts[i]);
      gunichar lower;
      const char *special;

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      lower = g_unichar_tolower (parts[i]);
      special = ws_text_fold_special_letter (lower);
      if (special != NULL)
        g_string_append (out, special);
      else if (lower < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) lower));
      else
        g_string_append_unichar (out, lower);
    }
}

static gboolean
is_newline (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static void
offsets_init (Offsets *o,
              gsize    size)
{
  o->data = g_new (guint32, MAX (size, 16));
  o->len = 0;
  o->alloc = MAX (size, 16);
}

static inline void
offsets_push (Offsets *o,
              guint32  value)
{
  if (G_UNLIKELY (o->len == o->alloc))
    {
      o->alloc *= 2;
      o->data = g_renew (guint32, o->data, o->alloc);
    }
  o->data[o->len++] = value;
}

/* Runs of white space become one space, or one newline if they hold a
 * line break, so numbers on two lines never join into one. */
static void
append_space (Folded   *f,
              gsize     at,
              gboolean  newline)
{
  GString *out = f->folded;

  if (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n'))
    {
      if (newline)
        out->str[out->len - 1] = '\n';
      return;
    }
  g_string_append_c (out, newline ? '\n' : ' ');
  offsets_push (&f->origin, (guint32) at);
}

static void
folded_init (Folded     *f,
             const char *text,
             gsize       len)
{
  const char *end = text + len;

  f->original = text;
  f->original_len = len;
  f->folded = g_string_sized_new (len + 1);
  offsets_init (&f->origin, len + 1);

  for (const char *p = text; p < end;)
    {
      gsize at = p - text;
      guchar b = (guchar) *p;
      gunichar c;
      gsize before;

      if (b < 0x80)
        {
          if (g_ascii_isspace (b))
            append_space (f, at, is_newline (b));
          else
            {
              g_string_append_c (f->folded, g_ascii_tolower (b));
              offsets_push (&f->origin, (guint32) at);
            }
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (g_unichar_isspace (c))
        {
          append_space (f, at, is_newline (c));
          continue;
        }
      before = f->folded->len;
      append_folded (f->folded, c);
      for (gsize i = before; i < f->folded->len; i++)
        offsets_push (&f->origin, (guint32) at);
    }
  offsets_push (&f->origin, (guint32) len);
}

static void
folded_clear (Folded *f)
{
  g_string_free (f->folded, TRUE);
  g_free (f->origin.data);
}

/* The folded form of a term: as a text, without white space at the ends. */
static char *
fold_term (const char *text)
{
  Folded f;
  char *result;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  folded_init (&f, text, strlen (text));
  for (gsize i = 0; i < f.folded->len; i++)
    if (f.folded->str[i] == '\n')
      f.folded->str[i] = ' ';
  result = g_strstrip (g_strdup (f.folded->str));
  folded_clear (&f);
  return result;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Scripts written without spaces between words, where a name has no
 * word boundary to look for. */
static gboolean
script_without_spaces (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_BALINESE:
    case G_UNICODE_SCRIPT_JAVANESE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_case (gunichar c)
{
  return g_unichar_toupper (c) != c || g_unichar_tolower (c) != c || g_unichar_istitle (c);
}

static gunichar
char_at (const GString *s,
         gsize          i)
{
  return i < s->len ? g_utf8_get_char (s->str + i) : 0;
}

static gunichar
char_before (const GString *s,
             gsize          i)
{
  const char *p;

  if (i == 0)
    return 0;
  p = g_utf8_find_prev_char (s->str, s->str + i);
  return p != NULL ? g_utf8_get_char (p) : 0;
}

/* Where a match ending at folded byte @fend ends in the original: after
 * the whole character, and after any marks that go with it. */
static gsize
original_end (const Folded *f,
              gsize         fend)
{
  const char *end = f->original + f->original_len;
  const char *p = f->original + f->origin.data[fend - 1];

  p = g_utf8_next_char (p);
  while (p < end)
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_ENCLOSING_MARK &&
          type != G_UNICODE_SPACING_MARK && type != G_UNICODE_FORMAT)
        break;
      p = g_utf8_next_char (p);
    }
  return MIN ((gsize) (p - f->original), f->original_len);
}

/* ------------------------------------------------------------------ */
/* The automaton                                                       */

static void
automaton_free (Automaton *a)
{
  g_array_unref (a->nodes);
  g_array_unref (a->edges);
  g_free (a);
}

static guint32
find_edge (const Automaton *a,
           guint32          state,
           guint8           byte)
{
  const Node *node = &g_array_index (a->nodes, Node, state);
  const Edge *edges = &g_array_index (a->edges, Edge, node->first_edge);
  guint32 lo = 0, hi = node->n_edges;

  if (state == 0)
    return a->root[byte] != 0 ? a->root[byte] : NO_NODE;
  while (lo < hi)
    {
      guint32 mid = (lo + hi) / 2;

      if (edges[mid].byte == byte)
        return edges[mid].target;
      if (edges[mid].byte < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NO_NODE;
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  return (int) ((const Edge *) a)->byte - (int) ((const Edge *) b)->byte;
}

/* Builds the trie with one growing edge list per node, then lays the
 * edges out sorted in one array. */
static void
automaton_insert_all (Automaton *a,
                      GPtrArray *terms)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  Node root = { 0, 0, 0, 0, -1, 0 };

  g_array_append_val (a->nodes, root);
  g_ptr_array_add (children, g_array_new (FALSE, FALSE, sizeof (Edge)));

  for (guint t = 0; t < terms->len; t++)
    {
      const Term *term = g_ptr_array_index (terms, t);
      guint32 state = 0;

      for (const guchar *p = (const guchar *) term->folded; *p != '\0'; p++)
        {
          GArray *edges = g_ptr_array_index (children, state);
          guint32 target = NO_NODE;

          for (guint i = 0; i < edges->len && target == NO_NODE; i++)
            if (g_array_index (edges, Edge, i).byte == *p)
              target = g_array_index (edges, Edge, i).target;
          if (target == NO_NODE)
            {
              Node node = { 0, 0, 0, 0, -1, g_array_index (a->nodes, Node, state).depth + 1 };
              Edge edge = { *p, a->nodes->len };

              target = edge.target;
              g_array_append_val (edges, edge);
              g_array_append_val (a->nodes, node);
              g_ptr_array_add (children, g_array_new (FALSE, FALSE, sizeof (Edge)));
            }
          state = target;
        }
      g_array_index (a->nodes, Node, state).term = (gint32) t;
    }

  for (guint32 n = 0; n < a->nodes->len; n++)
    {
      GArray *edges = g_ptr_array_index (children, n);
      Node *node = &g_array_index (a->nodes, Node, n);

      g_array_sort (edges, compare_edges);
      node->first_edge = a->edges->len;
      node->n_edges = edges->len;
      g_array_append_vals (a->edges, edges->data, edges->len);
      if (n == 0)
        for (guint i = 0; i < edges->len; i++)
          a->root[g_array_index (edges, Edge, i).byte] = g_array_index (edges, Edge, i).target;
    }
}

/* Failure and output links, breadth first. */
static void
automaton_link (Automaton *a)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < 256; i++)
    if (a->root[i] != 0)
      g_array_append_val (queue, a->root[i]);

  for (guint head = 0; head < queue->len; head++)
    {
      guint32 u = g_array_index (queue, guint32, head);
      Node node_u = g_array_index (a->nodes, Node, u);

      for (guint32 e = 0; e < node_u.n_edges; e++)
        {
          Edge edge = g_array_index (a->edges, Edge, node_u.first_edge + e);
          guint32 f = node_u.fail;
          guint32 target = NO_NODE;
          Node *v;

          while (f != 0 && (target = find_edge (a, f, edge.byte)) == NO_NODE)
            f = g_array_index (a->nodes, Node, f).fail;
          if (f == 0)
            target = a->root[edge.byte];
          v = &g_array_index (a->nodes, Node, edge.target);
          v->fail = target;
          v->output = g_array_index (a->nodes, Node, target).term >= 0
                      ? target : g_array_index (a->nodes, Node, target).output;
          g_array_append_val (queue, edge.target);
        }
    }
}

static Automaton *
automaton_build (GPtrArray *terms)
{
  Automaton *a = g_new0 (Automaton, 1);

  a->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  a->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  automaton_insert_all (a, terms);
  automaton_link (a);
  return a;
}

typedef void (*MatchFunc) (Scan *scan, const Term *term, gsize start, gsize end, gpointer data);

static void
automaton_scan (const Automaton *a,
                GPtrArray       *terms,
                const char      *text,
                gsize            len,
                MatchFunc        func,
                Scan            *scan,
                gpointer         data)
{
  const Node *nodes = (const Node *) (gpointer) a->nodes->data;
  guint32 state = 0;

  for (gsize i = 0; i < len; i++)
    {
      /* Names and addresses may run over a line break. */
      guint8 byte = text[i] == '\n' ? ' ' : (guint8) text[i];

      for (;;)
        {
          guint32 next;

          if (state == 0)
            {
              state = a->root[byte];
              break;
            }
          next = find_edge (a, state, byte);
          if (next != NO_NODE)
            {
              state = next;
              break;
            }
          state = nodes[state].fail;
        }

      for (guint32 out = nodes[state].term >= 0 ? state : nodes[state].output;
           out != 0; out = nodes[out].output)
        func (scan, g_ptr_array_index (terms, nodes[out].term), i + 1 - nodes[out].depth, i + 1, data);
    }
}

/* ------------------------------------------------------------------ */
/* Terms                                                               */

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->folded);
  g_free (term->replacement);
  g_free (term->shared);
  g_free (term);
}

static void
term_set_init (TermSet *set)
{
  set->terms = g_ptr_array_new_with_free_func (term_free);
  set->index = g_hash_table_new (g_str_hash, g_str_equal);
  set->automaton = NULL;
}

static void
term_set_clear (TermSet *set)
{
  g_clear_pointer (&set->automaton, automaton_free);
  g_clear_pointer (&set->index, g_hash_table_unref);
  g_clear_pointer (&set->terms, g_ptr_array_unref);
}

static void
term_set_edges (Term *term)
{
  const char *last = g_utf8_find_prev_char (term->folded, term->folded + strlen (term->folded));
  gunichar first_char = g_utf8_get_char (term->folded);
  gunichar last_char = g_utf8_get_char (last);

  term->loose_start = !is_word_char (first_char) || script_without_spaces (first_char);
  term->loose_end = !is_word_char (last_char) || script_without_spaces (last_char);
  term->arabic = g_unichar_get_script (first_char) == G_UNICODE_SCRIPT_ARABIC;
}

/* One term per folded string. When two identifiers fold alike the more
 * specific kind wins (a name reads best), and two people's names that
 * fold alike become "[name]" rather than either pseudonym. */
static Term *
term_set_add (TermSet    *set,
              const char *folded,
              guint8      kind,
              const char *replacement)
{
  Term *term;

  if (*folded == '\0')
    return NULL;

  term = g_hash_table_lookup (set->index, folded);
  if (term == NULL)
    {
      term = g_new0 (Term, 1);
      term->folded = g_strdup (folded);
      term->replacement = g_strdup (replacement);
      term->kind = kind;
      term_set_edges (term);
      g_ptr_array_add (set->terms, term);
      g_hash_table_insert (set->index, term->folded, term);
      g_clear_pointer (&set->automaton, automaton_free);
      return term;
    }

  if (kind == KIND_KEEP)
    return term;
  if (kind < term->kind)
    {
      term->kind = kind;
      g_free (term->replacement);
      term->replacement = g_strdup (replacement);
      term->weak = term->caseless = term->month = term->inflects = FALSE;
      g_clear_pointer (&term->shared, g_free);
    }
  else if (kind == term->kind && !term->primary && g_strcmp0 (term->replacement, replacement) != 0)
    {
      if (term->shared == NULL)
        term->shared = g_strdup (term->replacement != NULL ? term->replacement : replacement);
      g_clear_pointer (&term->replacement, g_free);
    }
  return term;
}

static guint
count_letters (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      n++;
  return n;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Decides how a one-word name is matched alone (see ws-redactor.h). */
static void
classify_name (Term     *term,
               gunichar  first_original)
{
  guint letters = count_letters (term->folded);
  gunichar first = g_utf8_get_char (term->folded);
  GUnicodeScript script = g_unichar_get_script (first);
  gboolean caseless = !has_case (first_original) && !has_case (first);

  if (strchr (term->folded, ' ') != NULL || term->kind != WS_REDACTION_NAME)
    return;
  if (IN_LIST (particles, term->folded))
    term->weak = TRUE;
  else if (caseless)
    term->weak = letters < 2;
  else
    term->weak = letters <= 2 || IN_LIST (common_words, term->folded) || lookup_month (term->folded) != 0;
  term->caseless = caseless;
  term->month = lookup_month (term->folded) != 0;
  term->inflects = !term->weak && script == G_UNICODE_SCRIPT_CYRILLIC && letters >= 4;
}

static void
add_name_term (WsRedactor *self,
               const char *text,
               const char *replacement,
               gboolean    whole)
{
  g_autofree char *folded = fold_term (text);
  Term *term;

  /* An initial alone is matched only inside a longer name. */
  if (count_letters (folded) < 2)
    return;
  term = term_set_add (&self->words, folded, WS_REDACTION_NAME, replacement);
  if (term != NULL && term->kind == WS_REDACTION_NAME)
    classify_name (term, g_utf8_get_char (text));

  /* In the subject's own text their whole name is theirs, even if someone
   * else in the unit bears it too; a shared part alone stays "[name]". */
  if (term != NULL && term->kind == WS_REDACTION_NAME && whole && replacement != NULL && !term->primary)
    {
      g_free (term->replacement);
      term->replacement = g_strdup (replacement);
      term->primary = TRUE;
    }

  /* Cyrillic names change their ending with the grammatical case
   * (Оксана, Оксани, Оксаною): the stem without its final vowel also
   * matches, and both may carry a short ending. */
  if (term != NULL && term->inflects)
    {
      glong n = g_utf8_strlen (folded, -1);
      const char *last = g_utf8_offset_to_pointer (folded, n - 1);

      if (n >= 5 && g_utf8_strchr ("аеєиіїоуюяьй", -1, g_utf8_get_char (last)) != NULL)
        {
          g_autofree char *stem = g_strndup (folded, last - folded);
          Term *stem_term = term_set_add (&self->words, stem, WS_REDACTION_NAME, replacement);

          if (stem_term != NULL && stem_term->kind == WS_REDACTION_NAME)
            stem_term->inflects = TRUE;
        }
    }
}

/* Drops titles ("Dr.", "Mag.", "Ms") in front of a name. */
static char *
strip_titles (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean leading = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;
      gsize len;

      if (*words[i] == '\0')
        continue;
      folded = fold_term (words[i]);
      len = strlen (folded);
      while (len > 0 && folded[len - 1] == '.')
        folded[--len] = '\0';
      if (leading && IN_LIST (titles, folded))
        continue;
      leading = FALSE;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;
  return n;
}

typedef enum {
  NAME_OWN,       /* legal name or alias: "Family, Given" is a name order */
  NAME_OTHER,     /* relative or guardian: what follows a comma is a note */
} NameSource;

/* The name in an entry such as "Mira Petrova (sister)", "Sister: Mira
 * Petrova" or "Mag. Anna Musterfrau, Child and Youth Services", in each
 * order it may be written in. */
static GPtrArray *
names_in_entry (const char *entry,
                NameSource  source)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = g_strstrip (g_strdup (entry));
  g_auto(GStrv) segments = NULL;
  char *colon;
  gsize len = strlen (text);

  if (len > 0 && text[len - 1] == ')' && strrchr (text, '(') != NULL)
    *strrchr (text, '(') = '\0';
  colon = strchr (text, ':');
  if (colon != NULL && source == NAME_OTHER)
    {
      *colon = '\0';
      if (count_words (text) <= 3 && !has_digit (text))
        memmove (text, colon + 1, strlen (colon + 1) + 1);
      else
        *colon = ':';
    }

  segments = g_strsplit (text, ",", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    g_strstrip (segments[i]);
  if (segments[0] == NULL || *segments[0] == '\0')
    return names;

  g_ptr_array_add (names, strip_titles (segments[0]));
  if (segments[1] != NULL && *segments[1] != '\0' && segments[2] == NULL && !has_digit (segments[1]) &&
      (source == NAME_OWN || (count_words (segments[0]) == 1 && count_words (segments[1]) <= 2)))
    {
      g_autofree char *given_first = g_strdup_printf ("%s %s", segments[1], segments[0]);

      g_autofree char *family_first = g_strdup_printf ("%s %s", segments[0], segments[1]);

      g_ptr_array_add (names, strip_titles (given_first));
      g_ptr_array_add (names, strip_titles (family_first));
      g_ptr_array_add (names, strip_titles (segments[1]));
    }
  return names;
}

/* A name whole, with its hyphens as spaces, and each part alone. */
static void
add_name_and_parts (WsRedactor *self,
                    const char *name,
                    const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit_set (name, " \t-", -1);

  add_name_term (self, name, replacement, TRUE);
  if (strchr (name, '-') != NULL)
    {
      g_autofree char *spaced = g_strdelimit (g_strdup (name), "-", ' ');

      add_name_term (self, spaced, replacement, TRUE);
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      gsize len = strlen (part);

      while (len > 0 && strchr (".,;\"", part[len - 1]) != NULL)
        part[--len] = '\0';
      if (parts[1] != NULL && *part != '\0')
        add_name_term (self, part, replacement, FALSE);
    }
}

static void
add_name (WsRedactor *self,
          const char *entry,
          const char *replacement,
          NameSource  source)
{
  g_autoptr(GPtrArray) names = NULL;

  if (entry == NULL || !g_utf8_validate (entry, -1, NULL))
    return;
  names = names_in_entry (entry, source);
  for (guint i = 0; i < names->len; i++)
    add_name_and_parts (self, g_ptr_array_index (names, i), replacement);
}

/* ------------------------------------------------------------------ */
/* Addresses, phones, documents, dates                                 */

/* A street or place name without its numbers and flat or box words. */
static char *
street_name (const char *segment)
{
  g_auto(GStrv) words = g_strsplit (segment, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup (words[i]);
      gsize len = strlen (key);

      while (len > 0 && (key[len - 1] == '.' || key[len - 1] == ','))
        key[--len] = '\0';
      if (len == 0 || has_digit (key) || IN_LIST (address_words, key))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
distinctive_place (const char *name)
{
  return count_letters (name) >= 4 && (count_words (name) >= 2 || count_letters (name) >= 6);
}

static void
add_address_part (WsRedactor *self,
                  const char *segment,
                  gboolean    locality,
                  const char *replacement)
{
  g_autofree char *street = NULL;
  const char *space;

  if (has_digit (segment) && count_letters (segment) > 0)
    term_set_add (&self->words, segment, WS_REDACTION_ADDRESS, replacement);
  if (locality)
    return;

  street = street_name (segment);
  if (distinctive_place (street))
    term_set_add (&self->words, street, WS_REDACTION_ADDRESS, replacement);

  /* Without an abbreviated street type in front ("вул. Вигадана"). */
  space = strchr (street, ' ');
  if (space != NULL && space > street && space[-1] == '.' && distinctive_place (space + 1))
    term_set_add (&self->words, space + 1, WS_REDACTION_ADDRESS, replacement);
}

static void
add_address (WsRedactor *self,
             const char *text,
             const char *replacement)
{
  g_autofree char *whole = fold_term (text);
  g_auto(GStrv) arabic = g_strsplit (whole, "،", -1);
  g_autofree char *commas = g_strjoinv (",", arabic);
  g_auto(GStrv) segments = g_strsplit_set (commas, ",;\n", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      char *segment = g_strstrip (segments[i]);

      if (g_str_has_prefix (segment, "c/o "))
        segment = g_strstrip (segment + 4);
      if (*segment != '\0')
        g_ptr_array_add (parts, segment);
    }

  /* A town alone is not an address (see ws-redactor.h). */
  if (has_digit (whole) || parts->len > 1 || count_words (whole) > 1)
    term_set_add (&self->words, whole, WS_REDACTION_ADDRESS, replacement);
  for (guint i = 0; i < parts->len; i++)
    add_address_part (self, g_ptr_array_index (parts, i), parts->len > 1 && i == parts->len - 1, replacement);
}

/* Phone numbers compare without an international "00" or trunk "0"
 * prefix, on their last seven digits. */
static const char *
phone_core (const char *digits)
{
  if (digits[0] == '0' && digits[1] == '0')
    return digits + 2;
  if (digits[0] == '0')
    return digits + 1;
  return digits;
}

static const char *
phone_key (const char *core)
{
  gsize len = strlen (core);

  return len > MIN_PHONE ? core + len - MIN_PHONE : core;
}

static char *
digits_of (const char *text)
{
  g_autofree char *folded = fold_term (text);
  GString *digits = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static void
add_phone (WsRedactor *self,
           const char *text,
           const char *replacement)
{
  g_autofree char *digits = digits_of (text);
  const char *key = phone_key (phone_core (digits));
  const char *value = replacement != NULL ? replacement : "";
  char *existing;

  if (strlen (phone_core (digits)) < 5)
    return;
  if (g_hash_table_lookup_extended (self->phone_keys, key, NULL, (gpointer *) &existing) &&
      g_strcmp0 (existing, value) != 0)
    value = "";
  g_hash_table_insert (self->phone_keys, g_strdup (key), g_strdup (value));
}

/* The number in "Passport: AB1234567", "Passport RU1234567" or
 * "Residence card 1234 5678", folded and without separators. */
static char *
document_number (const char *item)
{
  g_autofree char *folded = fold_term (item);
  const char *colon = strrchr (folded, ':');
  g_auto(GStrv) words = NULL;
  GString *number = g_string_new (NULL);
  guint first = 0;

  words = g_strsplit (colon != NULL ? colon + 1 : folded, " ", -1);
  if (colon == NULL)
    {
      while (words[first] != NULL && !has_digit (words[first]))
        first++;
      /* A short letter series written apart ("AB 123 4567"). */
      if (words[first] != NULL && first > 0 && g_utf8_strlen (words[first - 1], -1) <= 3 &&
          count_letters (words[first - 1]) > 0)
        first--;
    }
  for (guint i = first; words[i] != NULL; i++)
    for (const char *p = words[i]; *p != '\0'; p++)
      if (strchr ("-./", *p) == NULL)
        g_string_append_c (number, *p);
  return g_string_free (number, FALSE);
}

static void
add_document (WsRedactor *self,
              const char *text,
              const char *replacement)
{
  g_autofree char *number = document_number (text);
  gsize len = strlen (number);
  gsize digits = 0;

  if (len < 4 || !has_digit (number))
    return;
  term_set_add (&self->compact, number, WS_REDACTION_DOCUMENT, replacement);

  /* Its digits alone, when they follow a letter series. */
  while (digits < len && g_ascii_isdigit (number[len - 1 - digits]))
    digits++;
  if (digits >= 6 && digits < len)
    term_set_add (&self->compact, number + len - digits, WS_REDACTION_DOCUMENT, replacement);
}

static void
add_date_of_birth (WsRedactor *self,
                   const char *text,
                   const char *replacement)
{
  GDate date;
  Birthday birthday;
  g_autofree char *folded = NULL;

  g_date_clear (&date, 1);
  if (!ws_time_parse_date (text, &date))
    {
      folded = fold_term (text);
      if (count_letters (folded) + strlen (folded) > 3)
        term_set_add (&self->words, folded, WS_REDACTION_DATE_OF_BIRTH, replacement);
      return;
    }
  birthday.year = g_date_get_year (&date);
  birthday.month = g_date_get_month (&date);
  birthday.day = g_date_get_day (&date);
  birthday.replacement = g_strdup (replacement);
  g_array_append_val (self->birthdays, birthday);
}

/* ------------------------------------------------------------------ */
/* Scanning a text                                                     */

static void
add_candidate (Scan        *scan,
               gsize        fstart,
               gsize        fend,
               guint8       kind,
               const char  *replacement,
               const Term  *term,
               gboolean     known)
{
  Candidate c;

  if (fend <= fstart)
    return;
  c.fstart = fstart;
  c.fend = fend;
  c.start = scan->text.origin.data[fstart];
  c.end = original_end (&scan->text, fend);
  c.replacement = replacement;
  c.term = term;
  c.kind = kind;
  c.known = known;
  g_array_append_val (term != NULL && term->weak ? scan->pending : scan->candidates, c);
}

/* Arabic writes "and", "by", "for", "as" and "so" as one letter joined to
 * the next word (وسلمى, "and Salma"). */
static gboolean
after_arabic_proclitic (const GString *s,
                        gsize          start)
{
  gsize i = start;
  guint n = 0;

  while (n < 2 && i > 0)
    {
      gunichar c = char_before (s, i);

      if (c == 0 || g_utf8_strchr ("وفبلك", -1, c) == NULL)
        break;
      i -= g_unichar_to_utf8 (c, NULL);
      n++;
    }
  return n > 0 && !is_word_char (char_before (s, i));
}

/* Skips a case ending of up to three letters after a Cyrillic stem. */
static gsize
skip_inflection (const GString *s,
                 gsize          end)
{
  for (guint n = 0; n < MAX_INFLECTION && end < s->len; n++)
    {
      gunichar c = char_at (s, end);

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_CYRILLIC || !g_unichar_isalpha (c))
        break;
      end = g_utf8_next_char (s->str + end) - s->str;
    }
  return end;
}

/* A house number ("12", "12/3", "4b") or post code belongs with the
 * street or town it stands beside. */
static gboolean
is_number_token (const GString *s,
                 gsize          start,
                 gsize          end)
{
  gboolean digit = FALSE;

  if (end <= start || end - start > 8)
    return FALSE;
  for (gsize i = start; i < end; i++)
    digit |= g_ascii_isdigit (s->str[i]);
  return digit;
}

static gsize
absorb_number_before (const GString *s,
                      gsize          start)
{
  gsize i = start;

  if (i < 2 || s->str[i - 1] != ' ')
    return start;
  i--;
  while (i > 0 && (g_ascii_isalnum (s->str[i - 1]) || s->str[i - 1] == '/'))
    i--;
  if (!is_number_token (s, i, start - 1) || is_word_char (char_before (s, i)))
    return start;
  return i;
}

static gsize
absorb_number_after (const GString *s,
                     gsize          end)
{
  gsize i = end;
  gsize token;

  if (i < s->len && s->str[i] == ',')
    i++;
  if (i >= s->len || s->str[i] != ' ')
    return end;
  token = ++i;
  while (i < s->len && (g_ascii_isalnum (s->str[i]) || s->str[i] == '/' || s->str[i] == '-'))
    i++;
  if (!is_number_token (s, token, i) || is_word_char (char_at (s, i)))
    return end;
  return i;
}

static void
word_matched (Scan        *scan,
              const Term  *term,
              gsize        start,
              gsize        end,
              gpointer     data)
{
  const GString *s = scan->text.folded;

  if (!term->loose_start && is_word_char (char_before (s, start)) &&
      !(term->arabic && after_arabic_proclitic (s, start)))
    return;
  if (term->inflects && is_word_char (char_at (s, end)))
    end = skip_inflection (s, end);
  if (!term->loose_end && is_word_char (char_at (s, end)))
    return;
  if (term->kind == WS_REDACTION_ADDRESS)
    {
      start = absorb_number_before (s, start);
      end = absorb_number_after (s, end);
    }
  add_candidate (scan, start, end, term->kind, term->replacement, term, TRUE);
}

static void
document_matched (Scan        *scan,
                  const Term  *term,
                  gsize        cstart,
                  gsize        cend,
                  gpointer     data)
{
  const Offsets *map = data;
  const GString *s = scan->text.folded;
  gsize fstart = map->data[cstart];
  gsize fend = map->data[cend - 1] + 1;

  if (is_word_char (char_before (s, fstart)) || is_word_char (char_at (s, fend)))
    return;
  add_candidate (scan, fstart, fend, term->kind, term->replacement, term, TRUE);
}

/* Document numbers are looked for in the folded text without the
 * spaces, dots, dashes and slashes people put in them. */
static void
scan_documents (Scan *scan)
{
  const GString *s = scan->text.folded;
  GString *compact;
  Offsets map;

  if (scan->self->compact.terms->len == 0)
    return;
  compact = g_string_sized_new (s->len);
  offsets_init (&map, s->len + 1);
  for (gsize i = 0; i < s->len; i++)
    {
      switch (s->str[i])
        {
        case ' ': case '-': case '.': case '/':
          continue;
        default:
          g_string_append_c (compact, s->str[i]);
          offsets_push (&map, (guint32) i);
        }
    }
  automaton_scan (scan->self->compact.automaton, scan->self->compact.terms,
                  compact->str, compact->len, document_matched, scan, &map);
  g_free (map.data);
  g_string_free (compact, TRUE);
}

/* The word before @pos in the folded text, skipping spaces and light
 * punctuation; empty if there is none. */
static void
word_before (const GString *s,
             gsize          pos,
             gsize         *start,
             gsize         *end)
{
  gsize i = pos;

  while (i > 0 && strchr (" .:#,(", s->str[i - 1]) != NULL && s->str[i - 1] != '\0')
    i--;
  *end = i;
  while (i > 0 && is_word_char (char_before (s, i)))
    i = g_utf8_find_prev_char (s->str, s->str + i) - s->str;
  *start = i;
}

static void
word_after (const GString *s,
            gsize          pos,
            gsize         *start,
            gsize         *end)
{
  gsize i = pos;

  while (i < s->len && strchr (" .,)", s->str[i]) != NULL && s->str[i] != '\0')
    i++;
  *start = i;
  while (i < s->len && is_word_char (char_at (s, i)))
    i = g_utf8_next_char (s->str + i) - s->str;
  *end = i;
}

static gboolean
word_in_list (const GString      *s,
              gsize               start,
              gsize               end,
              const char * const *list,
              gsize               n)
{
  char word[24];

  if (end <= start || end - start >= sizeof word)
    return FALSE;
  memcpy (word, s->str + start, end - start);
  word[end - start] = '\0';
  return in_list (list, n, word);
}

typedef struct {
  gsize start;
  gsize end;
  char  sep[4];               /* the separator before this group */
} Group;

/* Collects the digit groups of a number starting at @pos: digits joined
 * by up to three of " -./()". Returns where the number ends. */
static gsize
collect_groups (const GString *s,
                gsize          pos,
                GArray        *groups)
{
  char sep[4] = "";

  g_array_set_size (groups, 0);
  for (;;)
    {
      Group group;
      gsize sep_start;

      group.start = pos;
      while (pos < s->len && g_ascii_isdigit (s->str[pos]))
        pos++;
      group.end = pos;
      memcpy (group.sep, sep, sizeof sep);
      g_array_append_val (groups, group);

      sep_start = pos;
      while (pos < s->len && pos - sep_start < 3 && s->str[pos] != '\0' && strchr (" -./()", s->str[pos]) != NULL)
        pos++;
      if (pos == sep_start || pos >= s->len || !g_ascii_isdigit (s->str[pos]))
        return group.end;
      memset (sep, 0, sizeof sep);
      memcpy (sep, s->str + sep_start, pos - sep_start);
    }
}

static char
date_separator (const char *sep)
{
  if (sep[0] == '.' && (sep[1] == '\0' || (sep[1] == ' ' && sep[2] == '\0')))
    return '.';
  if ((sep[0] == '/' || sep[0] == '-') && sep[1] == '\0')
    return sep[0];
  return '\0';
}

#define GROUP(k) (&g_array_index (groups, Group, (k)))
#define GROUP_LEN(k) (GROUP (k)->end - GROUP (k)->start)

/* Three groups that read as a date (2001-03-04, 04.03.2001, 4/3/01) and
 * are not part of a longer chain joined the same way (01-23-45-67-89). */
static gboolean
is_date_at (GArray *groups,
            guint   k)
{
  char sep;
  gsize l0, l1, l2;

  if (k + 2 >= groups->len)
    return FALSE;
  sep = date_separator (GROUP (k + 1)->sep);
  if (sep == '\0' || date_separator (GROUP (k + 2)->sep) != sep)
    return FALSE;
  if (date_separator (GROUP (k)->sep) == sep ||
      (k + 3 < groups->len && date_separator (GROUP (k + 3)->sep) == sep))
    return FALSE;
  l0 = GROUP_LEN (k);
  l1 = GROUP_LEN (k + 1);
  l2 = GROUP_LEN (k + 2);
  if (l0 == 4)
    return l1 <= 2 && l2 <= 2;
  return l0 <= 2 && l1 <= 2 && (l2 == 4 || (l2 == 2 && sep != '-'));
}

/* "1 500 000" or "12.500.000": thousands, not a phone number. */
static gboolean
looks_like_amount (const GString *s,
                   GArray        *groups,
                   guint          a,
                   guint          b)
{
  const char *sep;

  if (b - a < 2 || s->str[GROUP (a)->start] == '0' || GROUP_LEN (a) > 3)
    return FALSE;
  sep = GROUP (a + 1)->sep;
  if (strcmp (sep, " ") != 0 && strcmp (sep, ".") != 0)
    return FALSE;
  for (guint k = a + 1; k < b; k++)
    if (GROUP_LEN (k) != 3 || strcmp (GROUP (k)->sep, sep) != 0)
      return FALSE;
  return TRUE;
}

/* "123/2024": a file number with its year. */
static gboolean
looks_like_file_number (GArray *groups,
                        guint   a,
                        guint   b)
{
  return b - a == 2 && strcmp (GROUP (a + 1)->sep, "/") == 0 &&
         (GROUP_LEN (a + 1) == 2 || GROUP_LEN (a + 1) == 4);
}

static gboolean
near_currency (const GString *s,
               gsize          start,
               gsize          end)
{
  gsize ws, we;
  gunichar before;

  word_after (s, end, &ws, &we);
  if (word_in_list (s, ws, we, currencies, G_N_ELEMENTS (currencies)) ||
      g_unichar_type (char_at (s, ws)) == G_UNICODE_CURRENCY_SYMBOL)
    return TRUE;
  word_before (s, start, &ws, &we);
  before = char_before (s, start > 0 && s->str[start - 1] == ' ' ? start - 1 : start);
  return word_in_list (s, ws, we, currencies, G_N_ELEMENTS (currencies)) ||
         g_unichar_type (before) == G_UNICODE_CURRENCY_SYMBOL;
}

static gboolean
document_word_before (const GString *s,
                      gsize          pos)
{
  for (guint n = 0; n < 2 && pos > 0; n++)
    {
      gsize ws, we;

      word_before (s, pos, &ws, &we);
      if (word_in_list (s, ws, we, document_words, G_N_ELEMENTS (document_words)))
        return TRUE;
      pos = ws;
    }
  return FALSE;
}

static void
evaluate_number (Scan   *scan,
                 GArray *groups,
                 guint   a,
                 guint   b,
                 gsize   prefix)
{
  const GString *s = scan->text.folded;
  g_autoptr(GString) digits = g_string_new (NULL);
  gsize total = 0;
  guint t = a;
  gsize start;
  const char *replacement;
  gboolean plus;

  if (a >= b)
    return;
  for (guint k = a; k < b; k++)
    total += GROUP_LEN (k);
  while (total > MAX_PHONE && t + 1 < b)
    {
      total -= GROUP_LEN (t);
      t++;
    }
  for (guint k = t; k < b; k++)
    g_string_append_len (digits, s->str + GROUP (k)->start, GROUP_LEN (k));
  start = t == a ? prefix : GROUP (t)->start;
  plus = start < GROUP (a)->start;

  if (g_hash_table_lookup_extended (scan->self->phone_keys, phone_key (phone_core (digits->str)),
                                    NULL, (gpointer *) &replacement))
    {
      add_candidate (scan, start, GROUP (b - 1)->end, WS_REDACTION_PHONE,
                     *replacement != '\0' ? replacement : NULL, NULL, TRUE);
      return;
    }
  if (total < MIN_PHONE || total > MAX_PHONE || looks_like_amount (s, groups, t, b) ||
      looks_like_file_number (groups, t, b) || near_currency (s, start, GROUP (b - 1)->end))
    return;
  add_candidate (scan, start, GROUP (b - 1)->end,
                 !plus && b - t == 1 && document_word_before (s, start) ? WS_REDACTION_DOCUMENT : WS_REDACTION_PHONE,
                 NULL, NULL, FALSE);
}

/* Cuts a number at any date inside it, and looks at each piece. */
static void
evaluate_run (Scan   *scan,
              GArray *groups,
              gsize   prefix)
{
  guint from = 0;

  for (guint k = 0; k < groups->len;)
    {
      if (is_date_at (groups, k))
        {
          evaluate_number (scan, groups, from, k, from == 0 ? prefix : GROUP (from)->start);
          k += 3;
          from = k;
        }
      else
        k++;
    }
  evaluate_number (scan, groups, from, groups->len, from == 0 ? prefix : GROUP (MIN (from, groups->len - 1))->start);
}

static void
scan_phones (Scan *scan)
{
  const GString *s = scan->text.folded;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  gsize i = 0;

  while (i < s->len)
    {
      gsize prefix = i;
      gsize end;

      if (!g_ascii_isdigit (s->str[i]))
        {
          i++;
          continue;
        }
      while (prefix > 0 && i - prefix < 2 && (s->str[prefix - 1] == '+' || s->str[prefix - 1] == '('))
        prefix--;
      if (is_word_char (char_before (s, prefix)))
        {
          while (i < s->len && g_ascii_isalnum (s->str[i]))
            i++;
          continue;
        }
      end = collect_groups (s, i, groups);
      /* "12th", "1234567abc": the last group belongs to a word. */
      if (is_word_char (char_at (s, end)))
        g_array_set_size (groups, groups->len - 1);
      if (groups->len > 0)
        evaluate_run (scan, groups, prefix);
      i = end;
      while (i < s->len && g_ascii_isalnum (s->str[i]))
        i++;
    }
}

#undef GROUP
#undef GROUP_LEN

static gboolean
is_email_local_char (gunichar c)
{
  return is_word_char (c) || (c < 0x80 && c != 0 && strchr ("._%+-'", (int) c) != NULL);
}

static gboolean
is_email_domain_char (gunichar c)
{
  return is_word_char (c) || c == '-' || c == '.';
}

/* A domain with at least two labels, the last of two letters or more. */
static gboolean
valid_domain (const char *domain,
              gsize       len)
{
  const char *dot = g_strrstr_len (domain, len, ".");
  gsize tld;

  if (dot == NULL || domain[0] == '.' || g_strstr_len (domain, len, "..") != NULL)
    return FALSE;
  tld = domain + len - dot - 1;
  for (gsize i = 1; i <= tld; i++)
    if (g_ascii_isdigit (dot[i]))
      return FALSE;
  return tld >= 2;
}

static void
scan_emails (Scan *scan)
{
  const GString *s = scan->text.folded;

  for (const char *at = memchr (s->str, '@', s->len); at != NULL;
       at = memchr (at + 1, '@', s->len - (at + 1 - s->str)))
    {
      gsize i = at - s->str;
      gsize left = i;
      gsize right = i + 1;

      while (left > 0 && is_email_local_char (char_before (s, left)))
        left = g_utf8_find_prev_char (s->str, s->str + left) - s->str;
      while (left < i && s->str[left] == '.')
        left++;
      while (right < s->len && is_email_domain_char (char_at (s, right)))
        right = g_utf8_next_char (s->str + right) - s->str;
      while (right > i + 1 && (s->str[right - 1] == '.' || s->str[right - 1] == '-'))
        right--;
      if (left < i && right > i + 1 && valid_domain (s->str + i + 1, right - i - 1))
        add_candidate (scan, left, right, WS_REDACTION_EMAIL, NULL, NULL, FALSE);
    }
}

static gboolean
unit_suffix (const char *token,
             gsize       len)
{
  gsize i = 0;
  char unit[8];

  while (i < len && g_ascii_isdigit (token[i]))
    i++;
  if (i == 0 || len - i >= sizeof unit)
    return FALSE;
  memcpy (unit, token + i, len - i);
  unit[len - i] = '\0';
  return IN_LIST (units, unit);
}

/* "2024-03-01t10": a timestamp. */
static gboolean
looks_like_timestamp (const char *token,
                      gsize       len)
{
  static const char pattern[] = "dddd-dd-ddt";

  if (len < sizeof pattern - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (token[i]) : token[i] != pattern[i])
      return FALSE;
  return TRUE;
}

static void
evaluate_token (Scan  *scan,
                gsize  start,
                gsize  end,
                guint  letters,
                guint  digits)
{
  const GString *s = scan->text.folded;
  const char *original = scan->text.original + scan->text.origin.data[start];
  gsize after = end + 1;

  if (letters >= 1 && digits >= 4 && letters + digits >= 6 &&
      !unit_suffix (s->str + start, end - start) && !looks_like_timestamp (s->str + start, end - start))
    {
      add_candidate (scan, start, end, WS_REDACTION_DOCUMENT, NULL, NULL, FALSE);
      return;
    }

  /* A capital series written apart from its number: "AB 1234567". */
  if (digits == 0 && letters >= 1 && letters <= 2 && end - start == letters &&
      g_unichar_isupper (g_utf8_get_char (original)) && end < s->len && s->str[end] == ' ')
    {
      while (after < s->len && g_ascii_isdigit (s->str[after]))
        after++;
      if (after - end - 1 >= 6 && !is_word_char (char_at (s, after)))
        add_candidate (scan, start, after, WS_REDACTION_DOCUMENT, NULL, NULL, FALSE);
    }
}

/* Tokens of letters and digits, joined by single dashes. */
static void
scan_generic_documents (Scan *scan)
{
  const GString *s = scan->text.folded;
  gsize i = 0;

  while (i < s->len)
    {
      gsize start = i;
      guint letters = 0, digits = 0;

      if (!is_word_char (char_at (s, i)))
        {
          i = g_utf8_next_char (s->str + i) - s->str;
          continue;
        }
      for (;;)
        {
          gunichar c = char_at (s, i);

          if (is_word_char (c))
            {
              if (c < 0x80 && g_ascii_isdigit (c))
                digits++;
              else if (g_unichar_isalpha (c))
                letters++;
              i = g_utf8_next_char (s->str + i) - s->str;
            }
          else if (c == '-' && i > start && is_word_char (char_at (s, i + 1)))
            i++;
          else
            break;
        }
      evaluate_token (scan, start, i, letters, digits);
    }
}

/* ------------------------------------------------------------------ */
/* Dates of birth                                                      */

static gsize
read_number (const GString *s,
             gsize          i,
             guint          max_digits,
             int           *value)
{
  gsize start = i;

  *value = 0;
  while (i < s->len && g_ascii_isdigit (s->str[i]))
    {
      *value = *value * 10 + (s->str[i] - '0');
      i++;
      if (i - start > max_digits)
        return 0;
    }
  return i - start;
}

static gsize
read_month (const GString *s,
            gsize          i,
            int           *month)
{
  char word[12];
  gsize n = 0;

  while (i + n < s->len && g_ascii_isalpha (s->str[i + n]) && n < sizeof word - 1)
    {
      word[n] = s->str[i + n];
      n++;
    }
  if (n < 3 || (i + n < s->len && is_word_char (char_at (s, i + n))))
    return 0;
  word[n] = '\0';
  *month = lookup_month (word);
  if (*month == 0)
    return 0;
  if (i + n < s->len && s->str[i + n] == '.')
    n++;
  return n;
}

static gsize
skip_text (const GString *s,
           gsize          i,
           const char    *text)
{
  gsize len = strlen (text);

  if (i + len <= s->len && memcmp (s->str + i, text, len) == 0)
    return i + len;
  return i;
}

static gsize
skip_ordinal (const GString *s,
              gsize          i)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th" };

  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      gsize after = skip_text (s, i, suffixes[k]);

      if (after != i && !is_word_char (char_at (s, after)))
        return after;
    }
  return i;
}

typedef struct {
  int  day;
  int  month;
  int  year;
  gboolean short_year;
} DateGuess;

static gboolean
date_is_birthday (WsRedactor      *self,
                  const DateGuess *guess,
                  const char     **replacement)
{
  for (guint i = 0; i < self->birthdays->len; i++)
    {
      const Birthday *b = &g_array_index (self->birthdays, Birthday, i);

      if (b->day == guess->day && b->month == guess->month &&
          (guess->short_year ? b->year % 100 == guess->year : b->year == guess->year))
        {
          *replacement = b->replacement;
          return TRUE;
        }
    }
  return FALSE;
}

/* 2001-03-04, 04/03/2001, 4.3.2001, 4. 3. 01; day first or month first. */
static gsize
parse_numeric_date (const GString *s,
                    gsize          i,
                    DateGuess      guesses[2],
                    guint         *n_guesses)
{
  int v[3];
  gsize len[3];
  char sep = '\0';

  for (guint k = 0; k < 3; k++)
    {
      len[k] = read_number (s, i, 4, &v[k]);
      if (len[k] == 0)
        return 0;
      i += len[k];
      if (k == 2)
        break;
      if (i >= s->len || strchr ("./-", s->str[i]) == NULL || (sep != '\0' && s->str[i] != sep))
        return 0;
      sep = s->str[i++];
      if (sep == '.' && i < s->len && s->str[i] == ' ')
        i++;
    }
  if (i + 1 < s->len && strchr ("./-", s->str[i]) != NULL && g_ascii_isdigit (s->str[i + 1]))
    return 0;

  *n_guesses = 0;
  if (len[0] == 4 && len[1] <= 2 && len[2] <= 2)
    guesses[(*n_guesses)++] = (DateGuess) { v[2], v[1], v[0], FALSE };
  else if (len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || len[2] == 2))
    {
      guesses[(*n_guesses)++] = (DateGuess) { v[0], v[1], v[2], len[2] == 2 };
      guesses[(*n_guesses)++] = (DateGuess) { v[1], v[0], v[2], len[2] == 2 };
    }
  return *n_guesses > 0 ? i : 0;
}

/* 4 March 2001, 4th of March, 2001, 4. Mar 2001 */
static gsize
parse_day_month_year (const GString *s,
                      gsize          i,
                      DateGuess     *guess)
{
  gsize n;

  n = read_number (s, i, 2, &guess->day);
  if (n == 0)
    return 0;
  i = skip_ordinal (s, i + n);
  i = skip_text (s, i, ".");
  if (i >= s->len || s->str[i] != ' ')
    return 0;
  i = skip_text (s, i + 1, "of ");
  n = read_month (s, i, &guess->month);
  if (n == 0)
    return 0;
  i = skip_text (s, i + n, ",");
  if (i >= s->len || s->str[i] != ' ' || read_number (s, i + 1, 4, &guess->year) != 4)
    return 0;
  guess->short_year = FALSE;
  return i + 5;
}

/* March 4, 2001; Mar. 4th 2001 */
static gsize
parse_month_day_year (const GString *s,
                      gsize          i,
                      DateGuess     *guess)
{
  gsize n = read_month (s, i, &guess->month);

  if (n == 0)
    return 0;
  i += n;
  if (i >= s->len || s->str[i] != ' ')
    return 0;
  n = read_number (s, i + 1, 2, &guess->day);
  if (n == 0)
    return 0;
  i = skip_ordinal (s, i + 1 + n);
  i = skip_text (s, i, ",");
  if (i >= s->len || s->str[i] != ' ' || read_number (s, i + 1, 4, &guess->year) != 4)
    return 0;
  guess->short_year = FALSE;
  return i + 5;
}

static void
scan_dates (Scan *scan)
{
  const GString *s = scan->text.folded;

  if (scan->self->birthdays->len == 0)
    return;
  for (gsize i = 0; i < s->len; i++)
    {
      DateGuess guesses[2];
      guint n = 1;
      gsize end = 0;
      char c = s->str[i];
      const char *replacement;

      if (!g_ascii_isalnum (c) || (i > 0 && is_word_char (char_before (s, i))))
        continue;
      if (g_ascii_isdigit (c))
        {
          end = parse_numeric_date (s, i, guesses, &n);
          if (end == 0)
            end = parse_day_month_year (s, i, &guesses[0]), n = 1;
        }
      else if (strchr ("adfjmnos", c) != NULL)
        end = parse_month_day_year (s, i, &guesses[0]);
      if (end == 0 || is_word_char (char_at (s, end)))
        continue;
      for (guint k = 0; k < n; k++)
        if (date_is_birthday (scan->self, &guesses[k], &replacement))
          {
            add_candidate (scan, i, end, WS_REDACTION_DATE_OF_BIRTH, replacement, NULL, TRUE);
            break;
          }
    }
}

/* ------------------------------------------------------------------ */
/* Deciding what to replace                                            */

static gboolean
written_with_capital (const Scan      *scan,
                      const Candidate *c)
{
  gunichar first = g_utf8_get_char (scan->text.original + c->start);

  return g_unichar_isupper (first) || g_unichar_istitle (first);
}

static gboolean
after_title (const Scan      *scan,
             const Candidate *c)
{
  gsize ws, we;

  word_before (scan->text.folded, c->fstart, &ws, &we);
  return word_in_list (scan->text.folded, ws, we, titles, G_N_ELEMENTS (titles));
}

/* "3 May 2024", "May 3": the month, not Ms May. */
static gboolean
beside_number (const Scan      *scan,
               const Candidate *c)
{
  const GString *s = scan->text.folded;
  gsize ws, we;

  word_before (s, c->fstart, &ws, &we);
  for (gsize i = ws; i < we; i++)
    if (g_ascii_isdigit (s->str[i]))
      return TRUE;
  word_after (s, c->fend, &ws, &we);
  return ws < we && g_ascii_isdigit (s->str[ws]);
}

#define POS_KEY(pos) GSIZE_TO_POINTER ((pos) + 1)

static gboolean
next_to_name (const Scan      *scan,
              const Candidate *c,
              GHashTable      *starts,
              GHashTable      *ends)
{
  const char *text = scan->text.original;
  gsize i = c->start;
  gsize j = c->end;

  while (i > 0 && c->start - i < 3 && strchr (" \t\n-", text[i - 1]) != NULL && text[i - 1] != '\0')
    i--;
  if (i < c->start && g_hash_table_contains (ends, POS_KEY (i)))
    return TRUE;
  while (j < scan->text.original_len && j - c->end < 3 && text[j] != '\0' && strchr (" \t\n-", text[j]) != NULL)
    j++;
  return j > c->end && g_hash_table_contains (starts, POS_KEY (j));
}

static void
accept_name (Scan            *scan,
             const Candidate *c,
             GHashTable      *starts,
             GHashTable      *ends)
{
  g_array_append_val (scan->candidates, *c);
  g_hash_table_add (starts, POS_KEY (c->start));
  g_hash_table_add (ends, POS_KEY (c->end));
}

/* Weak name parts stay only where the text shows they are names: a
 * capital, a title in front, or another name next to them. */
static void
accept_weak_names (Scan *scan)
{
  g_autoptr(GHashTable) starts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ends = g_hash_table_new (NULL, NULL);
  g_autofree gboolean *done = g_new0 (gboolean, scan->pending->len + 1);
  gboolean changed = TRUE;

  for (guint i = 0; i < scan->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (scan->candidates, Candidate, i);

      if (c->kind == WS_REDACTION_NAME)
        {
          g_hash_table_add (starts, POS_KEY (c->start));
          g_hash_table_add (ends, POS_KEY (c->end));
        }
    }

  for (guint i = 0; i < scan->pending->len; i++)
    {
      Candidate c = g_array_index (scan->pending, Candidate, i);

      if (!c.term->caseless && (written_with_capital (scan, &c) || after_title (scan, &c)) &&
          !(c.term->month && beside_number (scan, &c)))
        {
          accept_name (scan, &c, starts, ends);
          done[i] = TRUE;
        }
    }

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < scan->pending->len; i++)
        {
          Candidate c = g_array_index (scan->pending, Candidate, i);

          if (!done[i] && next_to_name (scan, &c, starts, ends))
            {
              accept_name (scan, &c, starts, ends);
              done[i] = changed = TRUE;
            }
        }
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

static gboolean
better_candidate (const Candidate *a,
                  const Candidate *b)
{
  gsize la = a->end - a->start, lb = b->end - b->start;

  if (la != lb)
    return la > lb;
  if (a->known != b->known)
    return a->known;
  return a->kind < b->kind;
}

/* Kept terms shield their text from the generic patterns only. */
static GArray *
drop_shielded (Scan *scan)
{
  g_autoptr(GArray) keeps = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *result = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), scan->candidates->len);

  for (guint i = 0; i < scan->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (scan->candidates, Candidate, i);

      if (c->kind == KIND_KEEP)
        g_array_append_val (keeps, *c);
    }
  for (guint i = 0; i < scan->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (scan->candidates, Candidate, i);
      gboolean shielded = c->kind == KIND_KEEP;

      for (guint k = 0; k < keeps->len && !shielded && !c->known; k++)
        {
          const Candidate *keep = &g_array_index (keeps, Candidate, k);

          shielded = c->start < keep->end && keep->start < c->end;
        }
      if (!shielded)
        g_array_append_val (result, *c);
    }
  g_array_sort (result, compare_candidates);
  return result;
}

static const char *
span_replacement (const Span *span)
{
  if (span->best->replacement != NULL)
    return span->best->replacement;
  return ws_redaction_kind_get_placeholder (span->best->kind);
}

/* The replacement of two name spans read as one, if they may be: the
 * same, or a name shared with the subject beside the subject's own
 * ("Pepe Ñúñez" when the mother is also a Ñúñez). */
static const Candidate *
joined_name (const Span *previous,
             const Span *span)
{
  const char *a = span_replacement (previous);
  const char *b = span_replacement (span);
  const Term *ta = previous->best->term;
  const Term *tb = span->best->term;

  if (g_strcmp0 (a, b) == 0)
    return previous->best;
  if (ta != NULL && g_strcmp0 (ta->shared, b) == 0)
    return span->best;
  if (tb != NULL && g_strcmp0 (tb->shared, a) == 0)
    return previous->best;
  return NULL;
}

/* Name spans apart only by spaces or a hyphen read as one name. */
static const Candidate *
joins_previous (const Scan *scan,
                const Span *previous,
                const Span *span)
{
  if (previous->best->kind != WS_REDACTION_NAME || span->best->kind != WS_REDACTION_NAME ||
      span->start <= previous->end || span->start - previous->end > 3)
    return NULL;
  for (gsize i = previous->end; i < span->start; i++)
    if (strchr (" \t-", scan->text.original[i]) == NULL || scan->text.original[i] == '\0')
      return NULL;
  return joined_name (previous, span);
}

/* Overlapping candidates join into one span named after the best. */
static GArray *
join_spans (Scan   *scan,
            GArray *sorted)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < sorted->len; i++)
    {
      const Candidate *c = &g_array_index (sorted, Candidate, i);
      Span *last = spans->len > 0 ? &g_array_index (spans, Span, spans->len - 1) : NULL;
      Span span = { c->start, c->end, c };
      const Candidate *joined;

      if (last != NULL && c->start < last->end)
        {
          last->end = MAX (last->end, c->end);
          if (better_candidate (c, last->best))
            last->best = c;
        }
      else if (last != NULL && (joined = joins_previous (scan, last, &span)) != NULL)
        {
          last->end = c->end;
          last->best = joined;
        }
      else
        g_array_append_val (spans, span);
    }
  return spans;
}

static char *
write_redacted (const Scan        *scan,
                GArray            *spans,
                WsRedactionReport *report)
{
  GString *out = g_string_sized_new (scan->text.original_len + 16);
  gsize pos = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      g_string_append_len (out, scan->text.original + pos, span->start - pos);
      g_string_append (out, span_replacement (span));
      if (report != NULL)
        report->counts[span->best->kind]++;
      pos = span->end;
    }
  g_string_append_len (out, scan->text.original + pos, scan->text.original_len - pos);
  return g_string_free (out, FALSE);
}

static void
compile (WsRedactor *self)
{
  if (self->words.automaton == NULL)
    self->words.automaton = automaton_build (self->words.terms);
  if (self->compact.automaton == NULL)
    self->compact.automaton = automaton_build (self->compact.terms);
}

static char *
redact_locked (WsRedactor        *self,
               const char        *text,
               WsRedactionReport *report)
{
  Scan scan = { self, { NULL, 0, NULL, { NULL, 0, 0 } }, NULL, NULL };
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) spans = NULL;
  char *result;

  compile (self);
  folded_init (&scan.text, text, strlen (text));
  scan.candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  scan.pending = g_array_new (FALSE, FALSE, sizeof (Candidate));

  automaton_scan (self->words.automaton, self->words.terms, scan.text.folded->str,
                  scan.text.folded->len, word_matched, &scan, NULL);
  scan_documents (&scan);
  scan_phones (&scan);
  scan_emails (&scan);
  scan_generic_documents (&scan);
  scan_dates (&scan);
  accept_weak_names (&scan);

  sorted = drop_shielded (&scan);
  spans = join_spans (&scan, sorted);
  result = write_redacted (&scan, spans, report);

  g_array_unref (scan.candidates);
  g_array_unref (scan.pending);
  folded_clear (&scan.text);
  return result;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
birthday_clear (gpointer data)
{
  Birthday *birthday = data;

  g_free (birthday->replacement);
}

static void
ws_redactor_finalize (GObject *object)
{
  WsRedactor *self = (WsRedactor *)object;

  term_set_clear (&self->words);
  term_set_clear (&self->compact);
  g_clear_pointer (&self->phone_keys, g_hash_table_unref);
  g_clear_pointer (&self->birthdays, g_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ws_redactor_parent_class)->finalize (object);
}

static void
ws_redactor_class_init (WsRedactorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ws_redactor_finalize;
}

static void
ws_redactor_init (WsRedactor *self)
{
  g_mutex_init (&self->lock);
  term_set_init (&self->words);
  term_set_init (&self->compact);
  self->phone_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->birthdays = g_array_new (FALSE, FALSE, sizeof (Birthday));
  g_array_set_clear_func (self->birthdays, birthday_clear);
}

/**
 * ws_redactor_new:
 *
 * Returns: (transfer full): a redactor that knows no identifier yet; it
 *   already removes the generic patterns
 */
WsRedactor *
ws_redactor_new (void)
{
  return g_object_new (WS_TYPE_REDACTOR, NULL);
}

/**
 * ws_redactor_new_for_unit:
 * @subject: (nullable): the person the text is about
 *
 * Makes a redactor for every identity held by the unit, with @subject's
 * names replaced by their pseudonym and everyone else's by "[name]", and
 * with case references kept. Reading the identities needs a role that may
 * see them, and is recorded in the audit trail.
 *
 * Returns: (transfer full) (nullable): the redactor, or %NULL with @error set
 */
WsRedactor *
ws_redactor_new_for_unit (WsDatabase  *db,
                          WsPerson    *subject,
                          GError     **error)
{
  g_autoptr(WsRedactor) self = NULL;
  g_autoptr(GHashTable) identities = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (subject == NULL || WS_IS_PERSON (subject), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_ws_database_begin (db, error))
    return NULL;
  identities = _ws_identity_load_all (db, "summary redaction", error);
  if (identities == NULL)
    {
      _ws_database_rollback (db);
      return NULL;
    }
  if (!_ws_database_commit (db, error))
    return NULL;

  persons = ws_database_list_persons (db, NULL, error);
  if (persons == NULL)
    return NULL;
  cases = ws_database_list_cases (db, NULL, error);
  if (cases == NULL)
    return NULL;

  self = ws_redactor_new ();
  for (guint i = 0; i < persons->len; i++)
    {
      WsPerson *person = g_ptr_array_index (persons, i);
      gint64 id = ws_person_get_id (person);
      WsIdentity *identity = g_hash_table_lookup (identities, &id);
      gboolean is_subject = subject != NULL && id == ws_person_get_id (subject);

      if (identity != NULL)
        ws_redactor_add_identity (self, identity, ws_person_get_pseudonym (person), is_subject);
    }
  for (guint i = 0; i < cases->len; i++)
    ws_redactor_add_keep (self, ws_case_get_reference (g_ptr_array_index (cases, i)));
  return g_steal_pointer (&self);
}

/**
 * ws_redactor_add_identity:
 * @pseudonym: (nullable): what the person's own names become when
 *   @is_subject; otherwise unused, as other people become "[name]" so a
 *   reader cannot link one summary to another
 * @is_subject: whether the text is about this person
 *
 * Adds every identifier in @identity (see ws-redactor.h). Relatives and
 * the guardian always become "[name]".
 */
void
ws_redactor_add_identity (WsRedactor *self,
                          WsIdentity *identity,
                          const char *pseudonym,
                          gboolean    is_subject)
{
  const char *own = is_subject && pseudonym != NULL && *pseudonym != '\0' ? pseudonym : NULL;
  const char * const *items;

  g_return_if_fail (WS_IS_REDACTOR (self));
  g_return_if_fail (WS_IS_IDENTITY (identity));

  g_mutex_lock (&self->lock);
  add_name (self, ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), own, NAME_OWN);
  items = ws_identity_get_list (identity, WS_IDENTITY_ALIASES);
  for (guint i = 0; items[i] != NULL; i++)
    add_name (self, items[i], own, NAME_OWN);
  add_name (self, ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN), NULL, NAME_OTHER);
  items = ws_identity_get_list (identity, WS_IDENTITY_RELATIVES);
  for (guint i = 0; items[i] != NULL; i++)
    add_name (self, items[i], NULL, NAME_OTHER);
  g_mutex_unlock (&self->lock);

  items = ws_identity_get_list (identity, WS_IDENTITY_ADDRESSES);
  for (guint i = 0; items[i] != NULL; i++)
    ws_redactor_add_term (self, WS_REDACTION_ADDRESS, items[i], NULL);
  items = ws_identity_get_list (identity, WS_IDENTITY_PHONES);
  for (guint i = 0; items[i] != NULL; i++)
    ws_redactor_add_term (self, WS_REDACTION_PHONE, items[i], NULL);
  items = ws_identity_get_list (identity, WS_IDENTITY_EMAILS);
  for (guint i = 0; items[i] != NULL; i++)
    ws_redactor_add_term (self, WS_REDACTION_EMAIL, items[i], NULL);
  items = ws_identity_get_list (identity, WS_IDENTITY_DOCUMENTS);
  for (guint i = 0; items[i] != NULL; i++)
    ws_redactor_add_term (self, WS_REDACTION_DOCUMENT, items[i], NULL);
  if (ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH) != NULL)
    ws_redactor_add_term (self, WS_REDACTION_DATE_OF_BIRTH,
                          ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH), NULL);
}

/**
 * ws_redactor_add_term:
 * @kind: what @term is
 * @term: one identifier as it is recorded: a name (whole and parts are
 *   added), an address (whole and its distinctive parts), a phone number,
 *   an e-mail address, a document entry or a date of birth (YYYY-MM-DD)
 * @replacement: (nullable): what replaces it; %NULL for the kind's
 *   placeholder such as "[address]"
 */
void
ws_redactor_add_term (WsRedactor      *self,
                      WsRedactionKind  kind,
                      const char      *term,
                      const char      *replacement)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (WS_IS_REDACTOR (self));
  g_return_if_fail (kind < WS_REDACTION_N_KINDS);

  if (term == NULL || !g_utf8_validate (term, -1, NULL))
    return;

  g_mutex_lock (&self->lock);
  switch (kind)
    {
    case WS_REDACTION_NAME:
      add_name (self, term, replacement, NAME_OWN);
      break;
    case WS_REDACTION_ADDRESS:
      add_address (self, term, replacement);
      break;
    case WS_REDACTION_PHONE:
      add_phone (self, term, replacement);
      break;
    case WS_REDACTION_EMAIL:
      folded = fold_term (term);
      term_set_add (&self->words, folded, WS_REDACTION_EMAIL, replacement);
      break;
    case WS_REDACTION_DOCUMENT:
      add_document (self, term, replacement);
      break;
    case WS_REDACTION_DATE_OF_BIRTH:
      add_date_of_birth (self, term, replacement);
      break;
    case WS_REDACTION_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  g_mutex_unlock (&self->lock);
}

/**
 * ws_redactor_add_keep:
 * @term: text that is not identifying, such as a case reference
 *
 * Keeps @term from being taken for a generic phone or document number.
 * It is still removed if it is also a known identifier.
 */
void
ws_redactor_add_keep (WsRedactor *self,
                      const char *term)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (WS_IS_REDACTOR (self));

  if (term == NULL || !g_utf8_validate (term, -1, NULL))
    return;
  folded = fold_term (term);
  g_mutex_lock (&self->lock);
  term_set_add (&self->words, folded, KIND_KEEP, NULL);
  g_mutex_unlock (&self->lock);
}

/**
 * ws_redactor_get_n_terms:
 *
 * Returns: how many terms and numbers the redactor looks for
 */
guint
ws_redactor_get_n_terms (WsRedactor *self)
{
  guint n;

  g_return_val_if_fail (WS_IS_REDACTOR (self), 0);

  g_mutex_lock (&self->lock);
  n = self->words.terms->len + self->compact.terms->len +
      g_hash_table_size (self->phone_keys) + self->birthdays->len;
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * ws_redactor_redact:
 * @text: (nullable): free text
 * @report: (nullable): where to add what was removed, by kind
 *
 * Returns: (transfer full): @text with every identifier replaced; the
 *   same bytes if there was none
 */
char *
ws_redactor_redact (WsRedactor        *self,
                    const char        *text,
                    WsRedactionReport *report)
{
  g_autofree char *valid = NULL;
  char *result;

  g_return_val_if_fail (WS_IS_REDACTOR (self), NULL);

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_return_val_if_fail (strlen (text) < G_MAXUINT32, NULL);

  g_mutex_lock (&self->lock);
  result = redact_locked (self, text, report);
  g_mutex_unlock (&self->lock);
  return result;
}

/**
 * ws_redaction_kind_get_label:
 *
 * Returns: what a kind is called in a list of removals, such as "names"
 */
const char *
ws_redaction_kind_get_label (WsRedactionKind kind)
{
  /* Translators: the kinds of identifier removed from an anonymised
   * summary, as headings in the officer's review */
  switch (kind)
    {
    case WS_REDACTION_NAME:
      return _("names");
    case WS_REDACTION_ADDRESS:
      return _("addresses");
    case WS_REDACTION_PHONE:
      return _("phone numbers");
    case WS_REDACTION_EMAIL:
      return _("e-mail addresses");
    case WS_REDACTION_DOCUMENT:
      return _("document numbers");
    case WS_REDACTION_DATE_OF_BIRTH:
      return _("dates of birth");
    case WS_REDACTION_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ws_redaction_kind_get_placeholder:
 *
 * Returns: what replaces an identifier of @kind in the text, such as "[phone]"
 */
const char *
ws_redaction_kind_get_placeholder (WsRedactionKind kind)
{
  switch (kind)
    {
    case WS_REDACTION_NAME:
      /* Translators: replaces a removed name in an anonymised summary */
      return _("[name]");
    case WS_REDACTION_ADDRESS:
      /* Translators: replaces a removed address in an anonymised summary */
      return _("[address]");
    case WS_REDACTION_PHONE:
      /* Translators: replaces a removed phone number in an anonymised summary */
      return _("[phone]");
    case WS_REDACTION_EMAIL:
      /* Translators: replaces a removed e-mail address in an anonymised summary */
      return _("[e-mail]");
    case WS_REDACTION_DOCUMENT:
      /* Translators: replaces a removed passport or other document number */
      return _("[document number]");
    case WS_REDACTION_DATE_OF_BIRTH:
      /* Translators: replaces a removed date of birth in an anonymised summary */
      return _("[date of birth]");
    case WS_REDACTION_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ws_redaction_report_clear (WsRedactionReport *report)
{
  g_return_if_fail (report != NULL);
  memset (report, 0, sizeof *report);
}

guint
ws_redaction_report_get_total (const WsRedactionReport *report)
{
  guint total = 0;

  g_return_val_if_fail (report != NULL, 0);
  for (guint i = 0; i < WS_REDACTION_N_KINDS; i++)
    total += report->counts[i];
  return total;
}

static char *
format_count (WsRedactionKind kind,
              guint           n)
{
  switch (kind)
    {
    case WS_REDACTION_NAME:
      /* Translators: part of "3 names, 1 phone number removed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u name", "%u names", n), n);
    case WS_REDACTION_ADDRESS:
      /* Translators: part of "3 names, 1 address removed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u address", "%u addresses", n), n);
    case WS_REDACTION_PHONE:
      /* Translators: part of "3 names, 1 phone number removed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phone number", "%u phone numbers", n), n);
    case WS_REDACTION_EMAIL:
      /* Translators: part of "3 names, 1 e-mail address removed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u e-mail address", "%u e-mail addresses", n), n);
    case WS_REDACTION_DOCUMENT:
      /* Translators: part of "3 names, 1 document number removed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document number", "%u document numbers", n), n);
    case WS_REDACTION_DATE_OF_BIRTH:
      /* Translators: part of "3 names, 1 date of birth removed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date of birth", "%u dates of birth", n), n);
    case WS_REDACTION_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ws_redaction_report_format:
 *
 * Returns: (transfer full): a sentence for the officer, such as
 *   "3 names, 1 phone number removed"
 */
char *
ws_redaction_report_format (const WsRedactionReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < WS_REDACTION_N_KINDS; i++)
    if (report->counts[i] > 0)
      g_ptr_array_add (parts, format_count (i, report->counts[i]));
  if (parts->len == 0)
    return g_strdup (_("Nothing was removed"));
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: %s is a list such as "3 names, 1 phone number" */
  return g_strdup_printf (_("%s removed"), list);
}
