/* knuth-plass.c — the whole paragraph broken at once (Knuth & Plass,
 * "Breaking paragraphs into lines", 1981), as TeX does it: badness from the
 * adjustment ratio, four fitness classes, demerits with extra for adjacent
 * hyphenated lines, a hyphenated second-to-last line and lines of very
 * different tightness next to each other. Three passes: without
 * hyphenation at a strict tolerance, with it, and with emergency stretch
 * before any line is set loose; the last pass always finds a way, overfull
 * where a word is wider than the column. German letters may be spaced by
 * at most para_tune.tracking of their width once the word spaces have
 * opened to para_tune.tracking_after (as InDesign's letter-spacing range
 * does), in every pass; a line is as bad as its word spaces.
 *
 * Written here: Pango breaks greedily, line by line, and no library on the
 * platform breaks whole paragraphs. The search is the dynamic programme
 * over break positions and fitness classes; a line is only tried while it
 * is not overfull, so the work stays linear in practice. */
#include <math.h>
#include <string.h>
#include "para/para-private.h"

#define INF_BAD 10000.0
#define AWFUL 1e30
#define MAX_COST 1e5       /* the badness of the loosest line (then demerits 1e10) */
#define OVERFULL_COST 1e7  /* an overfull line: dearer than anything */

static gboolean
is_space_kind (ParaClusterKind k)
{
  return k == PARA_CL_SPACE || k == PARA_CL_FIXED_SPACE || k == PARA_CL_NEWLINE;
}

void
para_line_span (const Para *p, int from, const ParaBreak *brk, int *s, int *e)
{
  int a = from, b = brk->at;
  while (a < b && is_space_kind (g_array_index (p->clusters, ParaCluster, a).kind))
    a++;
  while (b > a && is_space_kind (g_array_index (p->clusters, ParaCluster, b - 1).kind))
    b--;
  *s = a;
  *e = b;
}

double
para_split_ratio (double slack, double y, double l, double *rl)
{
  *rl = 0;
  if (y <= 0)
    return slack > 0 ? INFINITY : 0;
  double first = para_tune.tracking_after * y;
  if (l <= 0 || slack <= first)
    return slack / y;
  if (slack <= first + l) {
    *rl = (slack - first) / l;
    return para_tune.tracking_after;
  }
  *rl = 1;
  return (slack - l) / y;
}

void
para_line_measure (const Para *p, int s, int e, const ParaBreak *brk, double *w, double *y,
                   double *z)
{
  *w = p->sum_w[e] - p->sum_w[s] + brk->pre_width;
  *y = p->sum_y[e] - p->sum_y[s];
  *z = p->sum_z[e] - p->sum_z[s] + brk->hang;
  if (e > s + 1) {
    *y += p->pair_y[e] - p->pair_y[s + 1];
    *z += p->pair_z[e] - p->pair_z[s + 1];
  }
}

/* A node is a break with the fitness class of the line ending there and
 * the count of hyphenated lines in a row ending there (0-2: a third in a
 * row is never chosen while anything else fits): NSTATES per break. */
#define NSTATES 12
G_STATIC_ASSERT (NSTATES <= 16);   /* a guint16 of live states per break */
#define STATE(fit, run) ((fit) * 3 + (run))

typedef struct {
  double demerits;
  int prev, prev_state;       /* node index (0: the start), its state */
} Node;

static int
fitness (double r)
{
  if (r < -0.5)
    return 0;
  if (r <= 0.5)
    return 1;
  if (r <= 1)
    return 2;
  return 3;
}

typedef struct {
  const Para *p;
  const int *cand;            /* indices into p->breaks, the candidates of this pass */
  int m;
  double tolerance;
  double emergency;           /* extra stretch per line, pt */
  gboolean tracking;          /* letters may be spaced a little (the last pass) */
  gboolean final;             /* the last pass: overfull lines allowed */
  Node *nodes;                /* (m + 1) × NSTATES */
  /* per break, a bit for each state some line reaches: the states a line
   * from there is tried from (most breaks are reached in two or three of
   * the twelve, many in none: a fifth of a layout's time went to looking
   * at states nothing reached) */
  guint16 *live;
} Pass;

/* r³ by multiplying: pow () was a twentieth of a render's CPU time */
static inline double
cube (double r)
{
  return r * r * r;
}

static const ParaBreak *
node_break (const Pass *ps, int j)
{
  return j == 0 ? NULL : &g_array_index (ps->p->breaks, ParaBreak, ps->cand[j - 1]);
}

/* Badness of a line (TeX's approximation 100 r³), its ratio in *r; AWFUL
 * for an overfull line. With emergency stretch, *cost is the badness
 * without it (uncapped): the extra stretch makes lines possible, it does
 * not make a loose line as cheap as a hyphen. */
static double
line_badness (const Pass *ps, int i, const ParaBreak *b, double *r, gboolean *last,
              double *cost, double *real_r)
{
  *real_r = 0;
  const Para *p = ps->p;
  const ParaBreak *a = node_break (ps, i);
  int s, e;
  para_line_span (p, a ? a->at : 0, b, &s, &e);
  double w, y, z;
  para_line_measure (p, s, e, b, &w, &y, &z);
  double avail = p->width - (i == 0 ? p->indent : 0);
  *last = b->kind == PARA_BREAK_END || b->kind == PARA_BREAK_FORCED;
  double letters = 0;
  if (!p->justify) {
    y = para_tune.ragged_stretch_em * p->st->font_size;
    z = 0;
  } else if (ps->tracking) {
    letters = para_tune.tracking * (p->sum_l[e] - p->sum_l[s]);
  }
  if (w > avail) {
    *r = z > 0 ? (avail - w) / z : -INFINITY;
    *cost = *r < -1 - 1e-9 ? AWFUL : 100 * cube (-*r);
    return *cost;
  }
  *cost = 0;
  if (*last) {
    *r = 0;
    return 0;
  }
  double rl;
  double real = MIN (para_split_ratio (avail - w, y, letters, &rl), 100);
  *real_r = p->justify ? real : 0;
  *cost = MIN (100 * cube (real), MAX_COST);
  y += letters + ps->emergency;
  if (y <= 0) {
    *r = INFINITY;
    return INF_BAD;
  }
  *r = (avail - w) / y;
  if (ps->emergency == 0) {
    /* without emergency stretch a line is as bad as its word spaces look */
    *cost = MIN (INF_BAD, *cost);
    *r = real;
    return *cost;
  }
  return MIN (INF_BAD, 100 * cube (*r));
}

/* Chinese: a last line of fewer than two Han characters is not allowed
 * while another break is possible. */
static double
last_line_demerits (const Pass *ps, int i, const ParaBreak *b)
{
  const Para *p = ps->p;
  if (!p->chinese || b->kind != PARA_BREAK_END || i == 0)
    return 0;
  int s, e;
  para_line_span (p, node_break (ps, i)->at, b, &s, &e);
  return p->han_after[s] < 2 && p->han_after[0] >= 4 ? 1e7 : 0;
}

static void
try_line (Pass *ps, int i, int j, double bad, double r, double real_r)
{
  const ParaBreak *a = node_break (ps, i), *b = node_break (ps, j);
  int fit = fitness (r);
  double d = para_tune.line_penalty + bad;
  d *= d;
  if (b->penalty >= 0)
    d += b->penalty * b->penalty;
  else if (b->penalty > -G_MAXDOUBLE)
    d -= b->penalty * b->penalty;
  d += b->extra_demerits + last_line_demerits (ps, i, b);
  /* a very loose line (a word space past 0.7 em) only where nothing else fits */
  if (real_r * para_tune.space_stretch > para_tune.loose_gap - 1)
    d += 1e9;
  for (guint live = ps->live[i]; live; live &= live - 1) {
    int c = __builtin_ctz (live);
    const Node *from = &ps->nodes[i * NSTATES + c];
    double total = from->demerits + d;
    int run = b->flagged ? c % 3 + 1 : 0;
    if (run > 2) {
      if (!ps->final)
        continue;
      run = 2;
      total += 2e9;     /* dearer than a loose line */
    }
    if (a && a->flagged && b->flagged)
      total += para_tune.double_hyphen_demerits;
    if (a && a->flagged && b->kind == PARA_BREAK_END)
      total += para_tune.final_hyphen_demerits;
    if (abs (c / 3 - fit) > 1)
      total += para_tune.adj_demerits;
    Node *to = &ps->nodes[j * NSTATES + STATE (fit, run)];
    if (total < to->demerits) {
      to->demerits = total;
      to->prev = i;
      to->prev_state = c;
      ps->live[j] |= (guint16) (1u << STATE (fit, run));
    }
  }
}

static gboolean
run_pass (Pass *ps)
{
  int m = ps->m;
  for (int k = 0; k < (m + 1) * NSTATES; k++)
    ps->nodes[k] = (Node) { AWFUL, -1, -1 };
  memset (ps->live, 0, sizeof *ps->live * (gsize) (m + 1));
  ps->nodes[STATE (1, 0)] = (Node) { 0, -1, -1 };     /* the start, as a decent line */
  ps->live[0] = 1u << STATE (1, 0);
  for (int j = 1; j <= m; j++) {
    const ParaBreak *b = node_break (ps, j);
    for (int i = j - 1; i >= 0; i--) {
      double r, cost, real_r;
      gboolean last;
      double bad = line_badness (ps, i, b, &r, &last, &cost, &real_r);
      if (bad >= AWFUL) {
        if (ps->final && i == j - 1) {
          /* nothing fits: an overfull line, dearly */
          try_line (ps, i, j, OVERFULL_COST, -1, 0);
        }
        break;
      }
      if (ps->live[i] && (bad <= ps->tolerance || (ps->final && bad <= INF_BAD)))
        try_line (ps, i, j, cost, r, real_r);
      const ParaBreak *a = node_break (ps, i);
      if (a && a->kind == PARA_BREAK_FORCED)
        break;    /* no line reaches over a forced break */
    }
  }
  if (ps->live[m])
    return TRUE;
  if (g_getenv ("DOSSIER_PARA_DEBUG")) {
    /* the last break reached, to see what made the pass fail */
    int last = 0;
    for (int j = 1; j <= m; j++)
      for (int c = 0; c < NSTATES; c++)
        if (ps->nodes[j * NSTATES + c].demerits < AWFUL)
          last = j;
    const ParaBreak *b = node_break (ps, last);
    const ParaBreak *nb = last < m ? node_break (ps, last + 1) : NULL;
    g_printerr ("  tol %.0f: stuck after byte %d, next break at %d\n", ps->tolerance,
                b ? g_array_index (ps->p->clusters, ParaCluster, b->at).start : 0,
                nb && nb->at < (int) ps->p->clusters->len ? g_array_index (ps->p->clusters, ParaCluster, nb->at).start : -1);
  }
  return FALSE;
}

GArray *
para_break_lines (const Para *p, gboolean *tracked)
{
  const double tol[3] = { para_tune.pretolerance, para_tune.tolerance, INF_BAD };
  guint nb = p->breaks->len;
  int *cand = g_new (int, nb);
  Node *nodes = g_new (Node, (nb + 1) * NSTATES);
  guint16 *live = g_new (guint16, nb + 1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  for (int pass = 0; pass < 3; pass++) {
    Pass ps = { .p = p, .cand = cand, .tolerance = tol[pass], .final = pass == 2, .nodes = nodes,
                 .live = live };
    for (guint k = 0; k < nb; k++) {
      const ParaBreak *b = &g_array_index (p->breaks, ParaBreak, k);
      if ((pass == 0 && b->kind == PARA_BREAK_HYPHEN) || (pass < 2 && (b->last_resort || b->keep)))
        continue;
      cand[ps.m++] = (int) k;
    }
    if (pass == 2)
      ps.emergency = para_tune.emergency_stretch_em * p->st->font_size;
    /* German (not Chinese, whose Latin words are never spread): once the
     * word spaces are half as wide again as their own, the letters take up
     * to 3 % of their width of the slack before the spaces open further. In
     * every pass: a hair between letters nobody sees is dearer to give up
     * than a hyphen or a gap everybody does (in the interleaved briefing's
     * 75-letter lines it saves one hyphen in ten, and two of the five
     * lines whose spaces passed twice their width) */
    ps.tracking = !p->chinese && para_tune.tracking > 0;
    *tracked = ps.tracking;
    if (!run_pass (&ps))
      continue;
    if (g_getenv ("DOSSIER_PARA_DEBUG"))
      g_printerr ("pass %d\n", pass);
    int best = 0;
    for (int c = 1; c < NSTATES; c++)
      if (nodes[ps.m * NSTATES + c].demerits < nodes[ps.m * NSTATES + best].demerits)
        best = c;
    int j = ps.m, c = best;
    while (j > 0) {
      int k = cand[j - 1];
      g_array_prepend_val (out, k);
      const Node *nd = &nodes[j * NSTATES + c];
      if (g_getenv ("DOSSIER_PARA_DEBUG"))
        g_printerr ("  node %d state %d: %.4g\n", j, c, nd->demerits);
      j = nd->prev;
      c = nd->prev_state;
    }
    break;
  }
  g_free (cand);
  g_free (nodes);
  g_free (live);
  return out;
}
