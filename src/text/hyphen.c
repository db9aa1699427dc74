/* hyphen.c — German hyphenation: soft hyphens at the breaks libhyphen would
 * allow with Debian's hyph_de_DE.dic.
 *
 * Written by hand because no library does what we need: libhyphen itself
 * gives the breaks but spends about 2 s parsing the patterns on every run.
 * Here the build compiles the patterns into const tables
 * (tools/hyph-compile.c, layout in hyphen-private.h) and this file replays
 * libhyphen's matching on them, so there is nothing to load at run time.
 *
 * What is replayed is libhyphen 2.8's hnj_hyphen_hyphenate3 with hyphen-mins
 * 2, 2, 2, 2 on the lowercased ISO-8859-1 word, including its quirks:
 *   - each byte moves the automaton along a transition or down fallback
 *     links; a byte the root cannot take is skipped; only the match of the
 *     state reached counts (libhyphen does not merge suffix patterns);
 *   - the word is framed by '.', digits read as '.';
 *   - the compound level runs first; if it finds breaks, every part between
 *     them of 3 letters or more is hyphenated again from the compound level
 *     as a word of its own (framed by '.'), the inner edges of a part keeping
 *     2 letters (COMPOUNDLEFT/RIGHTHYPHENMIN), except the place just before
 *     the part's end, which keeps the outer compound level's value (as in
 *     libhyphen 2.8.8); a word or part without compound breaks takes the
 *     second level's breaks instead;
 *   - then the left and right minimums (digits at the ends do not count) and
 *     NOHYPHEN (no break next to '-' or '\'').
 * Non-standard (replacement) patterns are left out: the generator proves
 * that none can match a word (tools/hyph-compile.c). tests/unit/test-hyphen.c
 * compares every word of Debian's ngerman list with libhyphen. */
#include <string.h>

#include "text/text.h"
#include "text/hyphen-private.h"

#define SOFT_HYPHEN 0x00ad
#define MIN_WORD_CHARS 5
#define STACK_BYTES 128

/* libhyphen's own minimums: hnj_hyphen_hyphenate3 takes the larger of the
 * caller's and the file's. */
#define CALLER_MIN 2

static inline guint32
state_first (const TextHyphenLevel *lv, guint32 s)
{
  return (guint32) (lv->states[s] & TEXT_HYPHEN_FIELD_MASK);
}

/* The state after byte c from state s; G_MAXUINT32 when the root cannot
 * take c (libhyphen then skips c and stays at the root). */
static guint32
level_step (const TextHyphenLevel *lv, guint32 s, guint8 c)
{
  for (;;) {
    guint32 lo = state_first (lv, s), hi = state_first (lv, s + 1);
    while (lo < hi) {
      guint32 mid = lo + (hi - lo) / 2;
      if (lv->chars[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < state_first (lv, s + 1) && lv->chars[lo] == c)
      return lo + 1;
    if (s == 0)
      return G_MAXUINT32;
    s = (guint32) ((lv->states[s] >> TEXT_HYPHEN_FIELD_BITS) & TEXT_HYPHEN_FIELD_MASK);
  }
}

/* Runs one level over prep (n + 2 bytes: '.', the word, '.') and leaves in
 * val[p] the value between prep[p] and prep[p + 1]. */
static void
level_run (const TextHyphenLevel *lv, const guint8 *prep, int n, guint8 *val)
{
  memset (val, 0, (size_t) n + 2);
  guint32 s = 0;
  for (int i = 0; i < n + 2; i++) {
    guint32 next = level_step (lv, s, prep[i]);
    if (next == G_MAXUINT32) {
      s = 0;
      continue;
    }
    s = next;
    guint32 off = (guint32) (lv->states[s] >> TEXT_HYPHEN_MATCH_SHIFT);
    if (off == 0)
      continue;
    const guint8 *m = lv->matches + off;
    int start = i + 1 - m[0];
    for (int k = 0; k < m[1]; k++) {
      int p = start + m[2 + 2 * k];
      if (p >= 0 && val[p] < m[3 + 2 * k])
        val[p] = m[3 + 2 * k];
    }
  }
}

static gboolean
is_digit (guint8 c)
{
  return c >= '0' && c <= '9';
}

/* No break in the first min - 1 places, leading digits not counted. */
static void
clamp_left (const guint8 *w, int n, guint8 *h, int min)
{
  int count = min - 1;
  for (int j = 0; j < n && is_digit (w[j]); j++)
    count++;
  for (int j = 0; j < count && j < n; j++)
    h[j] = 0;
}

/* No break in the last min places, trailing digits not counted. */
static void
clamp_right (const guint8 *w, int n, guint8 *h, int min)
{
  int count = min;
  for (int j = n - 1; j > 0 && is_digit (w[j]); j--)
    count++;
  for (int j = n - 1; j > 0 && j >= n - count; j--)
    h[j] = 0;
}

/* libhyphen's hnj_hyphen_hyph_: h[i] is the value of a break after w[i]. */
static void
hyphenate_level (const TextHyphenator *hy, int level, const guint8 *w, int n,
                 gboolean lend, gboolean rend, guint8 *h)
{
  guint8 stack[3 * STACK_BYTES];
  guint8 *buf = n + 2 <= STACK_BYTES ? stack : g_malloc (3 * ((size_t) n + 2));
  guint8 *prep = buf, *val = buf + n + 2, *part = buf + 2 * (n + 2);

  prep[0] = '.';
  for (int i = 0; i < n; i++)
    prep[i + 1] = is_digit (w[i]) ? '.' : w[i];
  prep[n + 1] = '.';
  level_run (&hy->level[level], prep, n, val);
  for (int i = 0; i + 1 < n; i++)
    h[i] = val[i + 1];
  if (n > 0)
    h[n - 1] = 0;

  if (level == 0) {
    int begin = 0;
    for (int i = 0; i < n; i++) {
      gboolean odd = h[i] & 1;
      if (!odd && !(begin > 0 && i + 1 == n))
        continue;
      if (i - begin > 1) {
        hyphenate_level (hy, 0, prep + 1 + begin, i - begin + 1,
                         begin > 0 ? FALSE : lend, odd ? FALSE : rend, part);
        /* the part's last inner break stays the compound level's */
        memcpy (h + begin, part, (size_t) (i - begin - 1));
        /* libhyphen puts the word's own byte back after the part: a digit
         * opening the next part is seen as a digit by its minimums */
        if (i + 1 < n)
          prep[i + 2] = w[i + 1];
      }
      begin = i + 1;
    }
    if (begin == 0) {
      hyphenate_level (hy, 1, w, n, lend, rend, h);
      if (!lend)
        clamp_left (w, n, h, hy->clhmin);
      if (!rend)
        clamp_right (w, n, h, hy->crhmin);
    }
  }
  if (buf != stack)
    g_free (buf);
}

/* hnj_hyphen_hyphenate3 (…, 2, 2, 2, 2) on an ISO-8859-1 word: h[i] odd
 * where a break after w[i] is allowed. */
static void
hyphenate_latin1 (const TextHyphenator *hy, const guint8 *w, int n, guint8 *h)
{
  TextHyphenator adjusted = *hy;
  adjusted.clhmin = MAX (CALLER_MIN, hy->clhmin);
  adjusted.crhmin = MAX (CALLER_MIN, hy->crhmin);
  hyphenate_level (&adjusted, 0, w, n, TRUE, TRUE, h);
  clamp_left (w, n, h, MAX (CALLER_MIN, hy->lhmin));
  clamp_right (w, n, h, MAX (CALLER_MIN, hy->rhmin));
  for (const char *const *nh = hy->nohyphen; *nh; nh++) {
    int len = (int) strlen (*nh);
    for (int p = 0; p + len <= n; p++)
      if (w[p] == (guint8) (*nh)[0] && memcmp (w + p, *nh, (size_t) len) == 0) {
        h[p + len - 1] = 0;
        if (p > 0)
          h[p - 1] = 0;
      }
  }
}

const TextHyphenator *
text_hyphenator_get (const char *lang)
{
  g_return_val_if_fail (lang != NULL, NULL);
  if (g_ascii_strncasecmp (lang, "de", 2) == 0
      && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
    return &text_hyphen_patterns_de;
  return NULL;
}

/* A word's breaks, once: a document repeats its words (the same German
 * word is hyphenated again in every paragraph it stands in). Lowercased
 * Latin-1 word -> its n values; bounded like the other caches. */
#define WORD_CACHE_MAX 32768
static GHashTable *word_cache;
static GMutex word_cache_lock;

static void
hyphenate_cached (const TextHyphenator *hy, const guint8 *w, int n, guint8 *h)
{
  if (hy != &text_hyphen_patterns_de) {
    hyphenate_latin1 (hy, w, n, h);
    return;
  }
  char *key = g_strndup ((const char *) w, (gsize) n);   /* no NUL: chars > 0 */
  g_mutex_lock (&word_cache_lock);
  const guint8 *had = word_cache ? g_hash_table_lookup (word_cache, key) : NULL;
  if (had)
    memcpy (h, had, (size_t) n);
  g_mutex_unlock (&word_cache_lock);
  if (had) {
    g_free (key);
    return;
  }
  hyphenate_latin1 (hy, w, n, h);
  g_mutex_lock (&word_cache_lock);
  if (!word_cache)
    word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (word_cache) >= WORD_CACHE_MAX)
    g_hash_table_remove_all (word_cache);
  g_hash_table_replace (word_cache, key, g_memdup2 (h, (gsize) n));
  g_mutex_unlock (&word_cache_lock);
}

/* Marks in h[i] (odd) the breaks after chars[i] of n lowercased code
 * points; FALSE, and no breaks, when a character is outside Latin-1. */
static gboolean
word_breaks (const TextHyphenator *hy, const gunichar *chars, int n, guint8 *h)
{
  guint8 stack[STACK_BYTES];
  guint8 *w = n <= STACK_BYTES ? stack : g_malloc ((size_t) n);
  gboolean latin1 = n > 0;
  for (int i = 0; i < n && latin1; i++) {
    latin1 = chars[i] > 0 && chars[i] <= 0xff;
    w[i] = (guint8) chars[i];
  }
  if (latin1)
    hyphenate_cached (hy, w, n, h);
  else
    memset (h, 0, (size_t) n);
  if (w != stack)
    g_free (w);
  return latin1;
}

GArray *
text_hyphenate_word (const TextHyphenator *h, const char *word)
{
  g_return_val_if_fail (h != NULL && word != NULL, NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  if (!g_utf8_validate (word, -1, NULL))
    return out;
  g_autofree char *lower = g_utf8_strdown (word, -1);
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (lower, -1, &n);
  if (n == 0 || n != g_utf8_strlen (word, -1))
    return out;         /* lowercasing changed the length: offsets would lie */
  g_autofree guint8 *marks = g_malloc ((size_t) n);
  word_breaks (h, chars, (int) n, marks);
  for (int i = 0; i < n; i++)
    if (marks[i] & 1) {
      int at = i + 1;
      g_array_append_val (out, at);
    }
  return out;
}

/* Whether a run of letters should be left alone: too short, or an acronym
 * (capitals after the first letter: NEV, CIIE, NEVs, McKinsey). */
static gboolean
word_keep_whole (const gunichar *chars, int n)
{
  if (n < MIN_WORD_CHARS)
    return TRUE;
  for (int i = 1; i < n; i++)
    if (g_unichar_isupper (chars[i]))
      return TRUE;
  return FALSE;
}

/* Appends one token of n characters with the soft hyphens its word takes;
 * orig, lower and marks have room for n each. */
static void
append_word (const TextHyphenator *hy, const char *start, const char *end, int n,
             gunichar *orig, gunichar *lower, guint8 *marks, GString *out)
{
  const char *p = start;
  for (int i = 0; i < n; i++, p = g_utf8_next_char (p)) {
    orig[i] = g_utf8_get_char (p);
    if (!g_unichar_isalpha (orig[i])) {     /* digit, mark, soft hyphen */
      g_string_append_len (out, start, end - start);
      return;
    }
  }
  if (word_keep_whole (orig, n)) {
    g_string_append_len (out, start, end - start);
    return;
  }
  for (int i = 0; i < n; i++) {
    if (orig[i] <= 0xff) {          /* where g_utf8_strdown agrees */
      lower[i] = g_unichar_tolower (orig[i]);
      continue;
    }
    char u[8];
    int len = g_unichar_to_utf8 (orig[i], u);
    g_autofree char *down = g_utf8_strdown (u, len);
    lower[i] = g_utf8_strlen (down, -1) == 1 ? g_utf8_get_char (down) : 0;
  }
  if (!word_breaks (hy, lower, n, marks)) {
    g_string_append_len (out, start, end - start);
    return;
  }
  p = start;
  for (int i = 0; i < n; i++) {
    const char *q = g_utf8_next_char (p);
    g_string_append_len (out, p, q - p);
    if (marks[i] & 1)
      g_string_append_unichar (out, SOFT_HYPHEN);
    p = q;
  }
}

/* Appends one token (a maximal run of letters, digits, marks and soft
 * hyphens) with the soft hyphens its word takes. */
static void
append_token (const TextHyphenator *hy, const char *start, const char *end, GString *out)
{
  int n = (int) g_utf8_strlen (start, end - start);
  if (n > STACK_BYTES) {
    g_autofree gunichar *chars = g_new (gunichar, 2 * (size_t) n);
    g_autofree guint8 *marks = g_malloc ((size_t) n);
    append_word (hy, start, end, n, chars, chars + n, marks, out);
    return;
  }
  gunichar chars[2 * STACK_BYTES];
  guint8 marks[STACK_BYTES];
  append_word (hy, start, end, n, chars, chars + n, marks, out);
}

static gboolean
in_token (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_isdigit (c) || g_unichar_ismark (c)
         || c == SOFT_HYPHEN;
}

void
text_hyphenate_append (const TextHyphenator *h, const char *text, gssize len, GString *out)
{
  g_return_if_fail (out != NULL);
  if (text == NULL)
    return;
  if (len < 0)
    len = (gssize) strlen (text);
  if (h == NULL || !g_utf8_validate_len (text, (gsize) len, NULL)) {
    g_string_append_len (out, text, len);
    return;
  }
  const char *end = text + len, *p = text;
  while (p < end) {
    const char *q = p;
    while (q < end && in_token (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    if (q > p) {
      append_token (h, p, q, out);
      p = q;
      continue;
    }
    while (q < end && !in_token (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    g_string_append_len (out, p, q - p);
    p = q;
  }
}
