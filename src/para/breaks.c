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

static void
add_break (Para *p, int at, ParaBreakKind kind, double penalty, gboolean flagged, double pre)
{
  ParaBreak b = { at, kind, penalty, flagged, pre, 0, 0 };
  g_array_append_val (p->breaks, b);
}

static gboolean
ends_in_hyphen (const Para *p, const ParaCluster *c)
{
  gunichar last = g_utf8_get_char (g_utf8_prev_char (p->text + c->end));
  return last == '-' || last == 0x2010;
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
  add_break (p, k, PARA_BREAK_HYPHEN, para_tune.hyphen_penalty, TRUE, it->hyphen_adv);
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
    if (mark & PARA_MARK_NOBREAK)
      continue;
    if (mark & PARA_MARK_SHY) {
      hyphen_break (p, (int) k, prev, c);
      continue;
    }
    if (!la[ci].is_line_break)
      continue;
    if (is_space (prev->kind)) {
      add_break (p, (int) k, PARA_BREAK_SPACE, 0, FALSE, 0);
    } else if (ends_in_hyphen (p, prev)) {
      add_break (p, (int) k, PARA_BREAK_EXPLICIT, para_tune.ex_hyphen_penalty, TRUE, 0);
    } else if (is_cjk (prev->kind) || is_cjk (c->kind)) {
      add_break (p, (int) k, PARA_BREAK_CJK, 0, FALSE, 0);
      if (prev->kind == PARA_CL_CJK_CLOSE && prev->trim_right == 0 && prev->adv > prev->em * 0.9)
        g_array_index (p->breaks, ParaBreak, p->breaks->len - 1).hang = prev->em / 2;
    } else {
      add_break (p, (int) k, PARA_BREAK_OTHER, 0, FALSE, 0);
    }
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
  p->pair_y = g_new0 (double, n + 1);
  p->pair_z = g_new0 (double, n + 1);
  p->han_after = g_new0 (int, n + 1);
  for (guint i = 0; i < n; i++) {
    const ParaCluster *c = &g_array_index (p->clusters, ParaCluster, i);
    p->sum_w[i + 1] = p->sum_w[i] + c->adv;
    p->sum_y[i + 1] = p->sum_y[i] + c->stretch;
    p->sum_z[i + 1] = p->sum_z[i] + c->shrink;
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
