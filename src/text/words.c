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

gboolean
text_word_known (const char *lang, const char *lower, gssize len)
{
  if (!lang || g_ascii_strncasecmp (lang, "de", 2) != 0)
    return FALSE;
  guint32 h = text_word_hash (lower, len);
  guint lo = 0, hi = text_words_de_len;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (text_words_de[mid] < h)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < text_words_de_len && text_words_de[lo] == h;
}
