/* test-words.c — the German word list's lookup (words.c) finds every hash
 * the table holds and no other: each entry, the values next to each entry,
 * and pseudo-random hashes checked against a plain binary search. */
#include <glib.h>
#include <stdlib.h>
#include "text/text.h"

extern const guint32 text_words_de[];
extern const guint text_words_de_len;

static int
cmp_u32 (const void *a, const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

static gboolean
in_table (guint32 h)
{
  return bsearch (&h, text_words_de, text_words_de_len, sizeof (guint32), cmp_u32) != NULL;
}

static void
test_every_entry (void)
{
  g_assert_cmpuint (text_words_de_len, >, 100000);
  guint wrong = 0;
  for (guint i = 0; i < text_words_de_len; i++) {
    guint32 h = text_words_de[i];
    if (!text_word_hash_known (h))
      wrong++;
    if (h != G_MAXUINT32 && text_word_hash_known (h + 1) != in_table (h + 1))
      wrong++;
    if (h != 0 && text_word_hash_known (h - 1) != in_table (h - 1))
      wrong++;
  }
  g_assert_cmpuint (wrong, ==, 0);
  /* the ends of the hash range */
  g_assert_cmpint (text_word_hash_known (0), ==, in_table (0));
  g_assert_cmpint (text_word_hash_known (G_MAXUINT32), ==, in_table (G_MAXUINT32));
}

static void
test_random_hashes (void)
{
  GRand *r = g_rand_new_with_seed (8);
  guint wrong = 0, hits = 0;
  for (int i = 0; i < 1000000; i++) {
    guint32 h = g_rand_int (r);
    gboolean want = in_table (h);
    hits += want;
    if (text_word_hash_known (h) != want)
      wrong++;
  }
  g_rand_free (r);
  g_assert_cmpuint (wrong, ==, 0);
}

static void
test_words (void)
{
  static const char *const known[] = { "unternehmen", "industrie", "produktion", "fahrzeug" };
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    g_assert_true (text_word_known ("de", known[i], -1));
  g_assert_false (text_word_known ("de", "xqzvvbrt", -1));
  g_assert_false (text_word_known ("zh", "unternehmen", -1));
  g_assert_true (text_word_known ("de", "industriexyz", 9));
}

/* the per-thread memory of recent answers gives the table's answer, also
 * for words whose hashes share the slot */
static void
test_recent (void)
{
  GRand *r = g_rand_new_with_seed (9);
  guint wrong = 0;
  for (int round = 0; round < 3; round++)
    for (int i = 0; i < 20000; i++) {
      char w[8];
      for (int k = 0; k < 7; k++)
        w[k] = (char) ('a' + g_rand_int_range (r, 0, 4));
      w[7] = 0;
      if (text_word_known ("de", w, -1) != text_word_hash_known (text_word_hash (w, -1)))
        wrong++;
    }
  static const char *const known[] = { "unternehmen", "industrie", "produktion" };
  for (int round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
      g_assert_true (text_word_known ("de", known[i], -1));
  g_rand_free (r);
  g_assert_cmpuint (wrong, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/words/every-entry", test_every_entry);
  g_test_add_func ("/words/random", test_random_hashes);
  g_test_add_func ("/words/words", test_words);
  g_test_add_func ("/words/recent", test_recent);
  return g_test_run ();
}
