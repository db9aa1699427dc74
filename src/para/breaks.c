/* breaks.c — where a paragraph may break, and what each place costs.
 *
 * UAX #14 (pango_get_log_attrs) gives the opportunities; the marks of the
 * clean text take some away (a word joiner: a figure with its scale word,
 * Chinese quotation marks with their text) and add the hyphenator's (a
 * soft hyphen). German rules: a word written with a hyphen breaks there
 * only (China-|Besuch), and a fragment keeps hyphenate-limit-chars letters
 * on each side. Chinese: a full-width stop at a line's end may be set
 * half-width when the line is too full (clreq 3.1.7). Also the prefix sums
 * of widths, stretch and shrink the breaker measures lines with. */
#include <string.h>
#include "para/para-private.h"

/* Inter-character glue of justified Chinese, in em: between Han characters
 * and punctuation only, never inside a Latin word or a number. */
#define CJK_PAIR_STRETCH 0.15

static gboolean
is_cjk (ParaClusterKind k)
{
  return k == PARA_CL_HAN || k == PARA_CL_CJK_OPEN || k == PARA_CL_CJK_CLOSE ||
         k == PARA_CL_CJK_OTHER;
}

static gboolean
is_space (ParaClusterKind k)
{
  return k == PARA_CL_SPACE || k == PARA_CL_FIXED_SPACE;
}

/* The letters of the word around byte pos: before and after it, and
 * whether the word is written with a hyphen. */
static void
word_around (const Para *p, int pos, int *before, int *after, gboolean *hyphened)
{
  *before = *after = 0;
  *hyphened = FALSE;
  const char *t = p->text;
  const char *s = t + pos;
  while (s > t) {
    const char *q = g_utf8_prev_char (s);
    gunichar c = g_utf8_get_char (q);
    if (c == '-' || c == 0x2010) {
      *hyphened = TRUE;
      break;
    }
    if (!g_unichar_isalpha (c))
      break;
    (*before)++;
    s = q;
  }
  for (s = t + pos; s < t + p->len; s = g_utf8_next_char (s)) {
    gunichar c = g_utf8_get_char (s);
    if (c == '-' || c == 0x2010) {
      *hyphened = TRUE;
      break;
    }
    if (!g_unichar_isalpha (c))
      break;
    (*after)++;
  }
}

/* ---- what stays together ------------------------------------------------ */

/* The last character before byte pos that is not a space (0: none), and
 * the byte where the token holding it starts (a token ends at a space). */
static gunichar
before_space (const Para *p, int pos, int *token_start)
{
  const char *t = p->text, *s = t + pos;
  while (s > t) {
    const char *q = g_utf8_prev_char (s);
    gunichar c = g_utf8_get_char (q);
    if (!g_unichar_isspace (c) && c != 0x2005 && c != 0x202f && c != 0xa0)
      break;
    s = q;
  }
  const char *end = s;
  while (s > t) {
    const char *q = g_utf8_prev_char (s);
    gunichar c = g_utf8_get_char (q);
    if (g_unichar_isspace (c) || c == 0x2005 || c == 0x202f || c == 0xa0)
      break;
    s = q;
  }
  *token_start = (int) (s - t);
  return end > t ? g_utf8_get_char (g_utf8_prev_char (end)) : 0;
}

/* A number as a token: digits with the signs of a decimal or a date
 * ("315", "2,22", "17.", "2026"). It stays with the word after it: a
 * number with its unit or scale word, a day with its month. */
static gboolean
token_is_number (const Para *p, int start, int end)
{
  gboolean digit = FALSE;
  for (const char *s = p->text + start; s < p->text + end; s = g_utf8_next_char (s)) {
    gunichar c = g_utf8_get_char (s);
    if (g_unichar_isdigit (c))
      digit = TRUE;
    else if (c != '.' && c != ',')
      return FALSE;
  }
  return digit;
}

static gboolean
is_scale_word (const char *s, int len)
{
  static const char *const words[] = { "Mio.", "Mrd.", "Tsd.", "Bio.", "Nr." };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((int) strlen (words[i]) == len && strncmp (s, words[i], (size_t) len) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a break of kind before cluster c (its start at pos) would part
 * what reads as one: a number from its unit ("315 Projekte", "17.
 * September", "2,22 Mrd. US-Dollar"), a unit's own hyphen, Chinese figures
 * from their scale character (42亿) or qualifier (逾 42). */
static gboolean
keeps_together (const Para *p, ParaBreakKind kind, const ParaCluster *c)
{
  int start;
  gunichar prev = before_space (p, c->start, &start);
  gunichar cur = g_utf8_get_char (p->text + c->start);
  if (p->chinese) {
    if (g_unichar_isdigit (prev) && (cur == 0x4e07 || cur == 0x4ebf || cur == 0x5343 ||
                                     cur == 0x767e || cur == 0x5146))
      return TRUE;    /* 万 亿 千 百 兆 */
    if (g_unichar_isdigit (cur) && (prev == 0x903e || prev == 0x7ea6 || prev == 0x8fd1 ||
                                    prev == 0x8d85))
      return TRUE;    /* 逾 约 近 超 */
    return FALSE;
  }
  if (kind == PARA_BREAK_SPACE) {
    int end = c->start;
    while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p->text + end))))
      end = (int) (g_utf8_prev_char (p->text + end) - p->text);
    /* a number with a noun after it (German nouns are capitalised: 315
     * Projekte, 17. September, 3 Jahre), not with a verb (2026 wurde) */
    gboolean unit_after = g_unichar_isupper (cur) || g_unichar_ispunct (cur) ||
                          g_unichar_type (cur) == G_UNICODE_CURRENCY_SYMBOL;
    return (unit_after && token_is_number (p, start, end)) ||
           is_scale_word (p->text + start, end - start);
  }
  if (kind == PARA_BREAK_EXPLICIT) {
    /* US-Dollar after its figure (joined to it by a no-break space), or
     * after a scale word as typed ("730 Mio. US-Dollar") */
    const char *s = p->text + start;
    if (s > p->text && g_utf8_get_char (g_utf8_prev_char (s)) == 0xa0)
      return TRUE;
    int word_start;
    before_space (p, start, &word_start);
    int word_end = start;
    while (word_end > word_start &&
           g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p->text + word_end))))
      word_end = (int) (g_utf8_prev_char (p->text + word_end) - p->text);
    return word_end > word_start && is_scale_word (p->text + word_start, word_end - word_start);
  }
  return FALSE;
}

static void
add_break (Para *p, int at, ParaBreakKind kind, double penalty, gboolean flagged, double pre)
{
  ParaBreak b = { at, kind, penalty, flagged, pre, 0, 0, FALSE, FALSE, FALSE };
  g_array_append_val (p->breaks, b);
}

/* The break just added parts a name or a figure from its unit. */
static void
keep_break (Para *p)
{
  ParaBreak *b = &g_array_index (p->breaks, ParaBreak, p->breaks->len - 1);
  b->keep = TRUE;
  b->extra_demerits = para_tune.name_demerits;
}

/* Where no rule allows a break, a word wider than its column may still
 * break between two clusters (as PANGO_WRAP_WORD_CHAR does) rather than run
 * past the column: in the last pass only, dearer than anything else. */
static void
last_resort_break (Para *p, int k)
{
  if (p->breaks->len > 0 && g_array_index (p->breaks, ParaBreak, p->breaks->len - 1).at == k)
    return;
  add_break (p, k, PARA_BREAK_OTHER, 0, FALSE, 0);
  ParaBreak *b = &g_array_index (p->breaks, ParaBreak, p->breaks->len - 1);
  b->last_resort = TRUE;
  b->extra_demerits = para_tune.last_resort_demerits;
}

static gboolean
ends_in_hyphen (const Para *p, const ParaCluster *c)
{
  gunichar last = g_utf8_get_char (g_utf8_prev_char (p->text + c->end));
  return last == '-' || last == 0x2010;
}

/* ---- the joints of compounds -------------------------------------------- */

/* Whether s (lowercase, n bytes) is a word of the list, or one as it
 * stands in a compound: with a linking element (Produktion-s-, Städte-,
 * Handel-s-) or without its ending (zuliefer- of zuliefern). */
static gboolean
is_part (const char *s, int n)
{
  static const char *const links[] = { "s", "es", "n", "en", "er", "e" };
  static const char *const endings[] = { "n", "en", "e" };
  if (n < 3)
    return FALSE;
  if (text_word_known ("de", s, n))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (links); i++) {
    int k = (int) strlen (links[i]);
    if (n - k >= 3 && strncmp (s + n - k, links[i], (size_t) k) == 0 &&
        text_word_known ("de", s, n - k))
      return TRUE;
  }
  char buf[128];
  for (guint i = 0; i < G_N_ELEMENTS (endings) && n + 3 < (int) sizeof buf; i++) {
    memcpy (buf, s, (size_t) n);
    strcpy (buf + n, endings[i]);
    if (text_word_known ("de", buf, -1))
      return TRUE;
  }
  return FALSE;
}

/* Whether s splits into parts of the list (at most three deep); last: s
 * ends the word (its last part must be a word as it stands). */
static gboolean
splits (const char *s, int n, gboolean last, int depth)
{
  if (last ? (n >= 3 && text_word_known ("de", s, n)) : is_part (s, n))
    return TRUE;
  if (depth >= 3)
    return FALSE;
  for (int j = 3; j + 3 <= n; j++) {
    if (((guchar) s[j] & 0xc0) == 0x80)
      continue;     /* inside a character */
    if (is_part (s, j) && splits (s + j, n - j, last, depth + 1))
      return TRUE;
  }
  return FALSE;
}

/* Whether left and right (lowercased) meet at a compound's joint. */
static gboolean
joint_of (const char *left, const char *right)
{
  int nl = (int) strlen (left), nr = (int) strlen (right);
  if (!splits (left, nl, FALSE, 0) || !splits (right, nr, TRUE, 0))
    return FALSE;
  /* not inside a longer last part: Automobil|metropolen, not
   * Automobilmetro|polen */
  g_autofree char *word = g_strconcat (left, right, NULL);
  for (int q = 3; q < nl; q++)
    if (((guchar) word[q] & 0xc0) != 0x80 && text_word_known ("de", word + q, -1) &&
        splits (word, q, FALSE, 0))
      return FALSE;
  return TRUE;
}

/* Answers of joint_of by "left|right": a word's soft hyphens are asked
 * about in every paragraph it stands in, and each answer costs hundreds
 * of look-ups in the word list. Bounded like the other caches. */
#define JOINT_CACHE_MAX 32768
static GHashTable *joint_cache;
static GMutex joint_cache_lock;

/* Whether the soft hyphen at byte pos stands at a joint of a compound:
 * what comes before and after it are words of the list (Produktions|
 * steuerung, Zuliefer|unternehmen, Fahrzeug|industrie). */
static gboolean
compound_joint (const Para *p, int pos)
{
  const char *t = p->text, *a = t + pos, *b = t + pos;
  while (a > t && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (a))))
    a = g_utf8_prev_char (a);
  while (b < t + p->len && g_unichar_isalpha (g_utf8_get_char (b)))
    b = g_utf8_next_char (b);
  if (b - a > 100)
    return FALSE;
  g_autofree char *left = g_utf8_strdown (a, t + pos - a);
  g_autofree char *right = g_utf8_strdown (t + pos, b - (t + pos));
  char *key = g_strconcat (left, "|", right, NULL);
  g_mutex_lock (&joint_cache_lock);
  gpointer had = joint_cache ? g_hash_table_lookup (joint_cache, key) : NULL;
  g_mutex_unlock (&joint_cache_lock);
  if (had) {
    g_free (key);
    return GPOINTER_TO_INT (had) == 2;
  }
  gboolean joint = joint_of (left, right);
  g_mutex_lock (&joint_cache_lock);
  if (!joint_cache)
    joint_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_size (joint_cache) >= JOINT_CACHE_MAX)
    g_hash_table_remove_all (joint_cache);
  g_hash_table_replace (joint_cache, key, GINT_TO_POINTER (joint ? 2 : 1));
  g_mutex_unlock (&joint_cache_lock);
  return joint;
}

/* A soft hyphen's break, if the rules allow it. */
static void
hyphen_break (Para *p, int k, const ParaCluster *prev, const ParaCluster *c)
{
  if (prev->item != c->item && prev->kind != PARA_CL_TEXT)
    return;
  int before, after;
  gboolean hyphened;
  word_around (p, c->start, &before, &after, &hyphened);
  if (hyphened || before < p->limit_before || after < p->limit_after ||
      before + after < p->limit_word)
    return;
  const ParaItem *it = &g_array_index (p->items, ParaItem, prev->item);
  /* a break at a compound's joint costs less than one inside a part */
  gboolean joint = !p->chinese && compound_joint (p, c->start);
  add_break (p, k, PARA_BREAK_HYPHEN,
             para_tune.hyphen_penalty * (joint ? para_tune.joint_factor : 1), TRUE,
             it->hyphen_adv);
  g_array_index (p->breaks, ParaBreak, p->breaks->len - 1).joint = joint;
}

void
para_find_breaks (Para *p)
{
  int n_chars = (int) g_utf8_strlen (p->text, p->len);
  PangoLogAttr *la = g_new0 (PangoLogAttr, n_chars + 1);
  const char *lang = p->chinese ? "zh" : "de";
  pango_get_log_attrs (p->text, p->len, -1, pango_language_from_string (lang), la, n_chars + 1);
  p->breaks = g_array_new (FALSE, FALSE, sizeof (ParaBreak));
  guint n = p->clusters->len;
  int ci = 0;     /* character index of the cluster's start */
  const char *s = p->text;
  for (guint k = 0; k < n; k++) {
    const ParaCluster *c = &g_array_index (p->clusters, ParaCluster, k);
    while (s < p->text + c->start) {
      s = g_utf8_next_char (s);
      ci++;
    }
    if (k == 0)
      continue;
    const ParaCluster *prev = &g_array_index (p->clusters, ParaCluster, k - 1);
    if (prev->kind == PARA_CL_NEWLINE) {
      add_break (p, (int) k, PARA_BREAK_FORCED, -G_MAXDOUBLE, FALSE, 0);
      continue;
    }
    if (c->kind == PARA_CL_NEWLINE || is_space (c->kind))
      continue;     /* break after the spaces, before what follows them */
    guint8 mark = p->marks[c->start];
    gboolean inside = !is_space (prev->kind);
    if (mark & PARA_MARK_NOBREAK) {
      if (inside)
        last_resort_break (p, (int) k);
      continue;
    }
    if (mark & PARA_MARK_SHY) {
      hyphen_break (p, (int) k, prev, c);
      last_resort_break (p, (int) k);
      continue;
    }
    if (!la[ci].is_line_break) {
      if (inside)
        last_resort_break (p, (int) k);
      continue;
    }
    ParaBreakKind kind = is_space (prev->kind) ? PARA_BREAK_SPACE
                         : ends_in_hyphen (p, prev) ? PARA_BREAK_EXPLICIT : PARA_BREAK_CJK;
    /* Chinese figures never break; German numbers with their units and
     * names stay on one line: parted only in the last pass, where nothing
     * else sets the paragraph (the lines around them may end short) */
    gboolean together = keeps_together (p, kind, c);
    if (together && p->chinese)
      continue;
    gboolean in_name = (mark & PARA_MARK_NAME) != 0 || together;
    if (is_space (prev->kind)) {
      add_break (p, (int) k, PARA_BREAK_SPACE, 0, FALSE, 0);
      if (in_name)
        keep_break (p);
    } else if (ends_in_hyphen (p, prev)) {
      add_break (p, (int) k, PARA_BREAK_EXPLICIT, para_tune.ex_hyphen_penalty, TRUE, 0);
      if (in_name)
        keep_break (p);
    } else if (is_cjk (prev->kind) || is_cjk (c->kind)) {
      add_break (p, (int) k, PARA_BREAK_CJK, 0, FALSE, 0);
      if (prev->kind == PARA_CL_CJK_CLOSE && prev->trim_right == 0 && prev->adv > prev->em * 0.9)
        g_array_index (p->breaks, ParaBreak, p->breaks->len - 1).hang =
          para_tune.stop_hang * prev->em;
    } else {
      add_break (p, (int) k, PARA_BREAK_OTHER, 0, FALSE, 0);
    }
  }
  /* the last word of a paragraph is broken only where nothing else fits */
  for (int i = (int) p->breaks->len - 1; i >= 0; i--) {
    ParaBreak *b = &g_array_index (p->breaks, ParaBreak, i);
    if (b->last_resort)
      continue;
    if (b->kind != PARA_BREAK_HYPHEN)
      break;
    b->extra_demerits += para_tune.last_word_demerits;
  }
  add_break (p, (int) n, PARA_BREAK_END, -G_MAXDOUBLE, FALSE, 0);
  g_free (la);
}

void
para_prefix_sums (Para *p)
{
  guint n = p->clusters->len;
  p->sum_w = g_new0 (double, n + 1);
  p->sum_y = g_new0 (double, n + 1);
  p->sum_z = g_new0 (double, n + 1);
  p->sum_l = g_new0 (double, n + 1);
  p->pair_y = g_new0 (double, n + 1);
  p->pair_z = g_new0 (double, n + 1);
  p->han_after = g_new0 (int, n + 1);
  for (guint i = 0; i < n; i++) {
    const ParaCluster *c = &g_array_index (p->clusters, ParaCluster, i);
    p->sum_w[i + 1] = p->sum_w[i] + c->adv;
    p->sum_y[i + 1] = p->sum_y[i] + c->stretch;
    p->sum_z[i + 1] = p->sum_z[i] + c->shrink;
    p->sum_l[i + 1] = p->sum_l[i] + (c->kind == PARA_CL_TEXT ? c->adv : 0);
    double py = 0;
    if (i > 0 && p->justify) {
      const ParaCluster *a = &g_array_index (p->clusters, ParaCluster, i - 1);
      if (is_cjk (a->kind) && is_cjk (c->kind))
        py = CJK_PAIR_STRETCH * c->em;
    }
    /* by right cluster: the pair (i - 1, i) counts once both are on a line */
    p->pair_y[i + 1] = p->pair_y[i] + py;
    p->pair_z[i + 1] = p->pair_z[i];
  }
  for (int i = (int) n - 1; i >= 0; i--) {
    const ParaCluster *c = &g_array_index (p->clusters, ParaCluster, i);
    p->han_after[i] = p->han_after[i + 1] + (c->kind == PARA_CL_HAN);
  }
}
