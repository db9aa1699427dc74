/* hyphen-load.c — how long German hyphenation takes to be ready, our way
 * (tables compiled in: text_hyphenator_get and a first word, cold) against
 * libhyphen's hnj_hyphen_load of the same .dic, and then hyphenating a whole
 * word list both ways. Reports figures only; nothing is asserted.
 *
 *   bench-hyphen-load [DIC [WORDLIST]]
 * (defaults /usr/share/hyphen/hyph_de_DE.dic, /usr/share/dict/ngerman) */
#include <glib.h>
#include <hyphen.h>
#include <stdio.h>
#include <string.h>
#include "text/text.h"

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int argc, char **argv)
{
  const char *dic = argc > 1 ? argv[1] : "/usr/share/hyphen/hyph_de_DE.dic";
  const char *list = argc > 2 ? argv[2] : "/usr/share/dict/ngerman";

  gint64 t0 = g_get_monotonic_time ();
  const TextHyphenator *h = text_hyphenator_get ("de");
  GArray *first = text_hyphenate_word (h, "Handelsförderungskonferenz");
  double ours_ready = ms_since (t0);
  g_array_unref (first);

  t0 = g_get_monotonic_time ();
  HyphenDict *dict = hnj_hyphen_load (dic);
  double theirs_ready = ms_since (t0);
  if (!dict) {
    fprintf (stderr, "bench-hyphen-load: cannot load %s\n", dic);
    return 1;
  }

  g_autofree char *contents = NULL;
  if (!g_file_get_contents (list, &contents, NULL, NULL)) {
    fprintf (stderr, "bench-hyphen-load: cannot read %s\n", list);
    return 1;
  }
  g_auto (GStrv) words = g_strsplit (contents, "\n", -1);

  /* the same preparation for both: lowercase, ISO-8859-1 */
  GPtrArray *latin1 = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *utf8 = g_ptr_array_new ();
  for (guint i = 0; words[i]; i++) {
    g_autofree char *lower = g_utf8_strdown (words[i], -1);
    char *l1 = g_convert (lower, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
    if (!l1 || !*l1) {
      g_free (l1);
      continue;
    }
    g_ptr_array_add (latin1, l1);
    g_ptr_array_add (utf8, words[i]);
  }

  t0 = g_get_monotonic_time ();
  guint ours_breaks = 0;
  for (guint i = 0; i < utf8->len; i++) {
    GArray *b = text_hyphenate_word (h, utf8->pdata[i]);
    ours_breaks += b->len;
    g_array_unref (b);
  }
  double ours_words = ms_since (t0);

  t0 = g_get_monotonic_time ();
  guint theirs_breaks = 0;
  char hyphens[256];
  for (guint i = 0; i < latin1->len; i++) {
    const char *w = latin1->pdata[i];
    int n = (int) strlen (w);
    if (n + 5 > (int) sizeof hyphens)
      continue;
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    hnj_hyphen_hyphenate3 (dict, w, n, hyphens, NULL, &rep, &pos, &cut, 2, 2, 2, 2);
    for (int k = 0; k < n; k++)
      theirs_breaks += hyphens[k] & 1;
    g_free (rep);
    g_free (pos);
    g_free (cut);
  }
  double theirs_words = ms_since (t0);

  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < utf8->len; i++) {
    g_string_append (text, utf8->pdata[i]);
    g_string_append_c (text, ' ');
  }
  g_autoptr (GString) out = g_string_sized_new (text->len * 2);
  t0 = g_get_monotonic_time ();
  text_hyphenate_append (h, text->str, (gssize) text->len, out);
  double ours_append = ms_since (t0);

  printf ("ready:      ours %8.3f ms (tables compiled in; first word, cold)\n"
          "            libhyphen hnj_hyphen_load %8.1f ms\n", ours_ready, theirs_ready);
  printf ("%u words:   ours text_hyphenate_word %7.1f ms (%u breaks, from UTF-8)\n"
          "            libhyphen hnj_hyphen_hyphenate3 %7.1f ms (%u breaks, Latin-1 given)\n",
          utf8->len, ours_words, ours_breaks, theirs_words, theirs_breaks);
  printf ("            ours text_hyphenate_append on all of them %7.1f ms (%zu -> %zu bytes)\n",
          ours_append, text->len, out->len);

  hnj_hyphen_free (dict);
  g_ptr_array_unref (utf8);
  g_ptr_array_unref (latin1);
  return 0;
}
