/* words.c — is this a German word? The word list (wngerman) compiled into
 * a sorted table of hashes at build time (tools/words-compile.c); the
 * paragraph engine asks it for the parts of compounds, to break
 * Zuliefer|unternehmen rather than Zulie|ferunternehmen. */
#include <string.h>
#include "text/text.h"

extern const guint32 text_words_de[];
extern const guint text_words_de_len;

guint32
text_word_hash (const char *s, gssize len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  guint32 h = 2166136261u;
  for (gsize i = 0; i < n; i++) {
    h ^= (guchar) s[i];
    h *= 16777619u;
  }
  return h;
}

/* The hashes are spread evenly (FNV-1a), so the place of h in the sorted
 * table is guessed from its value: two or three probes, where a binary
 * search takes nineteen, most of them cache misses (the table is 1.4 MB;
 * the compound splitter asks it thousands of times a page). */
gboolean
text_word_hash_known (guint32 h)
{
  if (text_words_de_len == 0)
    return FALSE;
  const guint32 *a = text_words_de;
  guint lo = 0, hi = text_words_de_len - 1;
  while (lo <= hi && h >= a[lo] && h <= a[hi]) {
    guint mid = a[hi] == a[lo] ? lo
                : lo + (guint) ((guint64) (h - a[lo]) * (hi - lo) / (a[hi] - a[lo]));
    if (a[mid] == h)
      return TRUE;
    if (a[mid] < h)
      lo = mid + 1;
    else if (mid == 0)
      return FALSE;
    else
      hi = mid - 1;
  }
  return FALSE;
}

/* The compound splitter asks for the same parts of a word again and
 * again (every split of every prefix): the last answers, direct-mapped by
 * the hash's low bits, per thread (hash << 2 | 2 | known; 0 empty). */
#define RECENT_BITS 12
static _Thread_local guint64 recent[1 << RECENT_BITS];

gboolean
text_word_known (const char *lang, const char *lower, gssize len)
{
  if (!lang || g_ascii_strncasecmp (lang, "de", 2) != 0)
    return FALSE;
  guint32 h = text_word_hash (lower, len);
  guint64 *slot = &recent[h & ((1u << RECENT_BITS) - 1)];
  if ((*slot & 2) && (guint32) (*slot >> 2) == h)
    return *slot & 1;
  gboolean known = text_word_hash_known (h);
  *slot = (guint64) h << 2 | 2 | (known ? 1 : 0);
  return known;
}
