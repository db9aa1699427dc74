/* test-hyphen.c — German hyphenation (hyphen.c) against libhyphen itself.
 *
 * The agreement test hyphenates every word of Debian's ngerman list (and
 * hyphenated pairs, words with digits and apostrophes made from it) with
 * libhyphen, loaded here from the .dic the build compiled, and with our
 * tables, and wants the same breaks for all of them. The examples spell the
 * soft hyphen U+00AD as "-" (and a real hyphen-minus as "‐" is never needed:
 * the inputs below contain '-' only where the output keeps it). */
#include <glib.h>
#include <hyphen.h>
#include <string.h>
#include <stdlib.h>
#include "text/text.h"

#define DIC_DEFAULT "/usr/share/hyphen/hyph_de_DE.dic"
#define WORDS_DEFAULT "/usr/share/dict/ngerman"
#define SHY "\xc2\xad"

static const char *
env_or (const char *name, const char *fallback)
{
  const char *v = g_getenv (name);
  return v && *v ? v : fallback;
}

/* libhyphen's breaks of a UTF-8 word as character counts, or NULL when the
 * lowercased word is not ISO-8859-1. */
static GArray *
libhyphen_breaks (HyphenDict *dict, const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize n = 0;
  g_autofree char *latin1 = g_convert (lower, -1, "ISO-8859-1", "UTF-8", NULL, &n, NULL);
  if (!latin1)
    return NULL;
  g_autofree char *hyphens = g_malloc0 (n + 5);
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  hnj_hyphen_hyphenate3 (dict, latin1, (int) n, hyphens, NULL, &rep, &pos, &cut, 2, 2, 2, 2);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  for (gsize i = 0; i < n; i++)
    if (hyphens[i] & 1) {
      int at = (int) i + 1;
      g_array_append_val (out, at);
    }
  if (rep) {
    for (gsize i = 0; i < n; i++)
      free (rep[i]);
    free (rep);
  }
  free (pos);
  free (cut);
  return out;
}

static char *
breaks_show (const char *word, GArray *breaks)
{
  GString *s = g_string_new (NULL);
  const char *p = word;
  int at = 0;
  for (guint i = 0; i < breaks->len; i++) {
    int b = g_array_index (breaks, int, i);
    const char *q = g_utf8_offset_to_pointer (p, b - at);
    g_string_append_len (s, p, q - p);
    g_string_append_c (s, '=');
    p = q;
    at = b;
  }
  g_string_append (s, p);
  return g_string_free (s, FALSE);
}

static gboolean
breaks_equal (GArray *a, GArray *b)
{
  /* an empty GArray may have no data at all: memcmp must not see NULL */
  return a->len == b->len
         && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (int)) == 0);
}

static void
test_agreement (void)
{
  const char *dic = env_or ("DOSSIER_HYPH_DE_DIC", DIC_DEFAULT);
  const char *list = env_or ("DOSSIER_WORD_LIST", WORDS_DEFAULT);
  if (!g_file_test (dic, G_FILE_TEST_EXISTS) || !g_file_test (list, G_FILE_TEST_EXISTS)) {
    g_test_skip ("hyphen-de patterns or the ngerman word list are not installed");
    return;
  }
  HyphenDict *dict = hnj_hyphen_load (dic);
  g_assert_nonnull (dict);
  const TextHyphenator *h = text_hyphenator_get ("de");
  g_assert_nonnull (h);

  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (list, &contents, NULL, NULL));
  /* split by hand: g_strsplit's strstr is quadratic under ASan's interceptors */
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  for (char *p = contents, *start = contents;; p++) {
    if (*p == '\n' || *p == '\0') {
      gboolean end = *p == '\0';
      *p = '\0';
      g_ptr_array_add (lines, start);
      if (end)
        break;
      start = p + 1;
    }
  }
  g_ptr_array_add (lines, NULL);
  char **words = (char **) lines->pdata;

  /* the list, then made-up words that exercise NOHYPHEN and digits */
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  guint n_words = 0;
  /* DOSSIER_WORD_STRIDE=N takes every Nth word: the sanitizer build checks
   * memory safety on a sample, the plain build agreement on all */
  guint stride = (guint) MAX (1, atoi (env_or ("DOSSIER_WORD_STRIDE", "1")));
  for (guint i = 0; words[i]; i++) {
    if (!*words[i] || i % stride != 0)
      continue;
    g_ptr_array_add (cases, g_strdup (words[i]));
    n_words++;
  }
  for (guint i = 0; i + 1 < n_words; i += 97) {
    const char *a = cases->pdata[i], *b = cases->pdata[i + 1];
    g_ptr_array_add (cases, g_strconcat (a, "-", b, NULL));
    g_ptr_array_add (cases, g_strconcat (a, "'", b, NULL));
    g_ptr_array_add (cases, g_strconcat (a, "2", b, NULL));
    g_ptr_array_add (cases, g_strconcat ("12", a, "3", NULL));
  }
  /* compounds of three list words, and random strings of German letters:
   * they reach the nested compound cases the list alone rarely does */
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260302);
  static const char *const letters[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
    "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "ä", "ö", "ü", "ß", "e", "n",
  };
  for (guint i = 0; i < 20000 / stride; i++) {
    const char *a = cases->pdata[g_rand_int_range (rand, 0, (gint32) n_words)];
    const char *b = cases->pdata[g_rand_int_range (rand, 0, (gint32) n_words)];
    const char *c = cases->pdata[g_rand_int_range (rand, 0, (gint32) n_words)];
    g_ptr_array_add (cases, g_strconcat (a, b, c, NULL));
    GString *r = g_string_new (NULL);
    int len = g_rand_int_range (rand, 1, 30);
    for (int k = 0; k < len; k++)
      g_string_append (r, letters[g_rand_int_range (rand, 0, G_N_ELEMENTS (letters))]);
    g_ptr_array_add (cases, g_string_free (r, FALSE));
  }

  guint tested = 0, skipped = 0, differ = 0;
  for (guint i = 0; i < cases->len; i++) {
    const char *w = cases->pdata[i];
    g_autoptr (GArray) theirs = libhyphen_breaks (dict, w);
    if (!theirs) {
      skipped++;
      continue;
    }
    g_autoptr (GArray) ours = text_hyphenate_word (h, w);
    tested++;
    if (breaks_equal (theirs, ours))
      continue;
    if (++differ <= 20) {
      g_autofree char *a = breaks_show (w, theirs), *b = breaks_show (w, ours);
      g_test_message ("differs: %s: libhyphen %s, ours %s", w, a, b);
    }
  }
  g_test_message ("agreement with libhyphen: %u of %u words (%.4f %%): %u from the list, "
                  "%u made up; %u not ISO-8859-1, skipped",
                  tested - differ, tested, 100.0 * (tested - differ) / MAX (tested, 1),
                  n_words, cases->len - n_words, skipped);
  hnj_hyphen_free (dict);
  g_assert_cmpuint (differ, ==, 0);
  g_assert_cmpuint (tested, >, cases->len / 2);   /* the list was read and used */
}

/* text_hyphenate_append with U+00AD shown as "-" */
static char *
hyphenate_show (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  text_hyphenate_append (text_hyphenator_get ("de-DE"), text, -1, out);
  g_autofree char *shown = g_strdup (out->str);
  GString *s = g_string_new (NULL);
  for (const char *p = shown; *p; p++) {
    if (strncmp (p, SHY, 2) == 0) {
      g_string_append_c (s, '-');
      p++;
    } else
      g_string_append_c (s, *p);
  }
  return g_string_free (s, FALSE);
}

typedef struct {
  const char *in, *out;
} Example;

static void
test_examples (void)
{
  static const Example examples[] = {
    { "Handelsförderungskonferenz", "Han-dels-för-de-rungs-kon-fe-renz" },
    { "Investitionsförderung", "In-ves-ti-ti-ons-för-de-rung" },
    { "Städtepartnerschaft", "Städ-te-part-ner-schaft" },
    { "Zusammenarbeit", "Zu-sam-men-ar-beit" },
    { "Wirtschaftspartner", "Wirt-schafts-part-ner" },
    { "Batterierecycling", "Bat-te-rie-re-cy-cling" },
    /* acronyms, numbers, short words stay whole */
    { "NEV", "NEV" },
    { "BSH", "BSH" },
    { "CIIE", "CIIE" },
    { "NEVs", "NEVs" },
    { "2026", "2026" },
    { "CO2-Emissionen", "CO2-Emis-si-o-nen" },
    { "Jahr 2026", "Jahr 2026" },
    { "oder", "oder" },
    /* manual hyphenation wins */
    { "Zusammen" SHY "arbeit", "Zusammen-arbeit" },
    /* compounds written with '-': each part on its own */
    { "Nanjing-Stuttgart", "Nanjing-Stutt-gart" },
    { "Straße", "Stra-ße" },
    { "Schifffahrt", "Schiff-fahrt" },
    { "Wirtschafts- und Handelspartner", "Wirt-schafts- und Han-dels-part-ner" },
    /* text around words is kept */
    { "„Zusammenarbeit“, sagte er.", "„Zu-sam-men-ar-beit“, sag-te er." },
    { "", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++) {
    g_autofree char *got = hyphenate_show (examples[i].in);
    g_assert_cmpstr (got, ==, examples[i].out);
  }
}

static void
test_word (void)
{
  const TextHyphenator *h = text_hyphenator_get ("de");
  g_autoptr (GArray) b = text_hyphenate_word (h, "Zusammenarbeit");
  int expected[] = { 2, 5, 8, 10 };
  g_assert_cmpuint (b->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < b->len; i++)
    g_assert_cmpint (g_array_index (b, int, i), ==, expected[i]);
  g_autoptr (GArray) none = text_hyphenate_word (h, "Чжэцзян");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_languages (void)
{
  g_assert_null (text_hyphenator_get ("zh"));
  g_assert_null (text_hyphenator_get ("zh-Hans"));
  g_assert_null (text_hyphenator_get ("en"));
  g_assert_null (text_hyphenator_get ("dem"));
  g_assert_nonnull (text_hyphenator_get ("de"));
  g_assert_true (text_hyphenator_get ("de-CH") == text_hyphenator_get ("de_AT"));

  /* no patterns: text unchanged */
  g_autoptr (GString) out = g_string_new (NULL);
  text_hyphenate_append (NULL, "Zusammenarbeit", -1, out);
  g_assert_cmpstr (out->str, ==, "Zusammenarbeit");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hyphen/libhyphen-agreement", test_agreement);
  g_test_add_func ("/hyphen/examples", test_examples);
  g_test_add_func ("/hyphen/word", test_word);
  g_test_add_func ("/hyphen/languages", test_languages);
  return g_test_run ();
}
