/* neutral.c — units that span the text area: fact tiles, charts, tables.
 *
 * They hold one track of the full width; in parallel and interleaved layout
 * their labels show every language of the part, in sequential layout the
 * part's one language. */
#include <math.h>
#include <string.h>
#include "layout/layout-private.h"

static Unit *
unit_wide (Ctx *ctx, const ModelBlock *b, const StyleComputed *st, Track **track)
{
  Unit *u = unit_new ();
  u->neutral = TRUE;
  u->line = b->line;
  u->column = b->column;
  u->group = ctx->group;
  u->role = b->kind == MODEL_BLOCK_CHART ? "Figure" : b->kind == MODEL_BLOCK_TABLE ? "Table" : "Div";
  u->space_before = st->margin[STYLE_TOP];
  u->space_after = st->margin[STYLE_BOTTOM];
  u->break_before_page = FORCED_BREAK (st->break_before);
  u->keep_with_next = st->break_after == STYLE_BREAK_AVOID;
  *track = track_new ();
  g_ptr_array_add (u->tracks, *track);
  g_ptr_array_add (ctx->units, u);
  return u;
}

static double
row_add_text (Ctx *ctx, Row *row, const TextRun *run, const StyleComputed *st, double x,
              double y, double w, gboolean missing)
{
  return row_add_para (ctx, row, run, st, x, y, w, missing ? st->missing_color : st->color);
}

static void
child_styles (Ctx *ctx, const Parent *parent, const char *name, const char *id,
              const char *classes, StyleNode nodes[2], const StyleComputed *out[2])
{
  Parent p = { 0 };
  ctx_child (ctx, parent, name, id, classes, nodes, &p);
  out[0] = p.styles[0];
  out[1] = p.styles[1];   /* NULL in a part of one language */
}

/* ---- facts ---------------------------------------------------------------- */

/* A key-figure tile per figure: in each language the qualifier small above
 * ("mehr als", "逾"), the number with its scale word large ("730 Mio.",
 * "7.3亿") with the unit small after it on the same baseline ("US-Dollar",
 * "美元") or, where the line has no room, below it; then the label, and a
 * note for illustrative data. Nothing overflows the tile: text wraps at word
 * boundaries, a number too wide for the tile is set smaller, and a word too
 * long for it makes its text smaller (a break inside a word only where even
 * the smallest size does not fit).
 *
 * Styles: facts > tile > value, with its parts value > qualifier and
 * value > unit (they inherit the value's family and colour; unless a rule
 * gives them a size of their own they are set at 55 % of the value's size, in
 * regular weight), and tile > label. */

/* st with its font set at size pt (line height in proportion). */
static StyleComputed
tile_resized (const StyleComputed *st, double size)
{
  StyleComputed s = *st;
  double ratio = st->font_size > 0 ? st->line_height / st->font_size : 1.2;
  s.font_size = size;
  s.line_height = size * ratio;
  return s;
}

/* Whether every line of res stays inside its column, no word broken. */
static gboolean
tile_fits (const ParaResult *res)
{
  return res->overfull <= 0 && !res->word_broken;
}

/* run set within width at word boundaries, its font made smaller (down to
 * min_size) until its longest word fits; at min_size broken inside a word
 * where even that does not fit. */
static ParaResult *
tile_text (Ctx *ctx, const TextRun *run, const StyleComputed *st, double width,
           double min_size)
{
  for (double size = st->font_size;; size -= 0.5) {
    StyleComputed s = tile_resized (st, size);
    ParaResult *res = para_set (ctx->pctx, run, &s, width);
    if (tile_fits (res) || size - 0.5 < min_size) {
      ctx_para_check (ctx, run, &s, res);
      return res;
    }
    para_result_unref (res);
  }
}

/* The style of a value part: the style's own size, or half the value's. */
static StyleComputed
tile_part_style (const StyleComputed *part, const StyleComputed *value,
                 const StyleComputed *label)
{
  if (part->font_size != value->font_size)
    return *part;
  StyleComputed s = tile_resized (part, MAX (label->font_size, value->font_size * 0.55));
  s.line_height = s.font_size * 1.25;
  if (part->font_weight == value->font_weight)
    s.font_weight = 400;
  return s;
}

static guint16
tile_c16 (double c)
{
  return (guint16) CLAMP (lround (c * 65535), 0, 65535);
}

/* The number, and the unit after it when both fit on one line: NULL when
 * they do not (at this size). */
static ParaResult *
tile_number_line (Ctx *ctx, const TextFigureParts *p, const char *lang,
                  const StyleComputed *vst, const StyleComputed *ust, double width)
{
  gboolean zh = model_lang_is_chinese (lang);
  g_autofree char *text = *p->unit ? g_strconcat (p->number, zh ? "" : " ", p->unit, NULL)
                                   : g_strdup (p->number);
  g_autoptr (TextRun) run = text_run_new_figure (text, lang);
  if (*p->unit) {
    const char *u = g_strrstr (run->text, p->unit);
    if (u != NULL) {
      guint start = (guint) (u - run->text), end = start + (guint) strlen (p->unit);
      g_autoptr (PangoFontDescription) fd = style_font (ust);
      PangoAttribute *a = pango_attr_font_desc_new (fd);
      a->start_index = start, a->end_index = end;
      pango_attr_list_insert (run->attrs, a);
      StyleColor c = ust->color;
      a = pango_attr_foreground_new (tile_c16 (c.r), tile_c16 (c.g), tile_c16 (c.b));
      a->start_index = start, a->end_index = end;
      pango_attr_list_insert (run->attrs, a);
      /* the line keeps the number's height: the engine sets every line of
       * a paragraph at its style's line height */
    }
  }
  ParaResult *res = para_set (ctx->pctx, run, vst, width);
  if (res->lines->len == 1 && tile_fits (res)) {
    ctx_para_check (ctx, run, vst, res);
    return res;
  }
  para_result_unref (res);
  return NULL;
}

/* One language's part of a tile at (x, y); returns its height. */
static double
tile_add_lang (Ctx *ctx, Row *row, const ModelFigure *fig, const char *lang, double x,
               double y, double inner, const StyleComputed *vst, const StyleComputed *qst,
               const StyleComputed *ust, const StyleComputed *lst)
{
  double y0 = y;
  g_autoptr (TextFigureParts) p = text_figure_parts_new (fig->value, fig->unit,
                                                         fig->qualifier, lang);
  StyleComputed qs = tile_part_style (qst, vst, lst);
  StyleComputed us = tile_part_style (ust, vst, lst);
  double min_part = MIN (lst->font_size, 6);

  if (*p->qualifier) {
    g_autoptr (TextRun) run = text_run_new_plain (p->qualifier, lang);
    g_autoptr (ParaResult) res = tile_text (ctx, run, &qs, inner, min_part);
    y += row_add_lines (row, res, x, y, qs.color);
  }

  /* The number large: with its unit on one line, else alone with the unit
   * below; smaller where even alone it is too wide. */
  g_autoptr (ParaResult) line = tile_number_line (ctx, p, lang, vst, &us, inner);
  gboolean unit_below = line == NULL && *p->unit;
  if (line == NULL) {
    g_autoptr (TextRun) run = text_run_new_figure (p->number, lang);
    double min_size = MAX (lst->font_size, vst->font_size * 0.5);
    line = tile_text (ctx, run, vst, inner, min_size);
  }
  y += row_add_lines (row, line, x, y, vst->color);
  if (unit_below) {
    g_autoptr (TextRun) run = text_run_new_plain (p->unit, lang);
    g_autoptr (ParaResult) res = tile_text (ctx, run, &us, inner, min_part);
    y += row_add_lines (row, res, x, y, us.color);
  }

  if (fig->label) {
    gboolean missing;
    const ModelVariant *v = model_text_get_or_fallback (fig->label, lang, &missing);
    if (v != NULL) {
      y += lst->font_size * 0.2;
      g_autoptr (TextRun) run = text_run_from_variant (v, lang, NULL);
      /* messages about the label point into the figure's label, in <data> */
      int at_line = ctx->loc_line, at_column = ctx->loc_column;
      ctx->loc_line = fig->label->line, ctx->loc_column = fig->label->column;
      g_autoptr (ParaResult) res = tile_text (ctx, run, lst, inner, MIN (lst->font_size, 5));
      ctx->loc_line = at_line, ctx->loc_column = at_column;
      y += row_add_lines (row, res, x, y, missing ? lst->missing_color : lst->color);
    }
  }
  if (fig->illustrative) {
    StyleComputed ns = tile_resized (lst, lst->font_size * 0.9);
    ns.font_italic = TRUE;
    g_autoptr (TextRun) run = text_run_new_plain (text_illustrative_note (lang), lang);
    g_autoptr (ParaResult) res = tile_text (ctx, run, &ns, inner, MIN (ns.font_size, 5));
    y += row_add_lines (row, res, x, y, ns.color);
  }
  return y - y0;
}

static void
unit_facts (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode fnodes[2], tnodes[2], vnodes[2], lnodes[2], qnodes[2], unodes[2];
  const StyleComputed *fst[2], *tst[2], *vst[2], *lst[2], *qst[2], *ust[2];
  child_styles (ctx, parent, "facts", b->id, b->class_, fnodes, fst);
  if (fst[0]->display_none || b->figures->len == 0)
    return;
  Parent fp = { { &fnodes[0], &fnodes[1] }, { fst[0], fst[1] } };
  child_styles (ctx, &fp, "tile", NULL, NULL, tnodes, tst);
  Parent tp = { { &tnodes[0], &tnodes[1] }, { tst[0], tst[1] } };
  child_styles (ctx, &tp, "value", NULL, NULL, vnodes, vst);
  child_styles (ctx, &tp, "label", NULL, NULL, lnodes, lst);
  Parent vp = { { &vnodes[0], &vnodes[1] }, { vst[0], vst[1] } };
  child_styles (ctx, &vp, "qualifier", NULL, NULL, qnodes, qst);
  child_styles (ctx, &vp, "unit", NULL, NULL, unodes, ust);

  Track *t;
  unit_wide (ctx, b, fst[0], &t);
  const Part *part = &ctx->part;
  double W = ctx->text_width - fst[0]->margin[STYLE_LEFT] - fst[0]->margin[STYLE_RIGHT];
  /* a tile keeps its width when a row has fewer figures than columns:
   * one key figure is a tile, not a banner across the page */
  int cols = CLAMP (fst[0]->tile_columns, 1, 6);
  double gap = MAX (fst[0]->column_gap * 0.5, 4);
  double tw = (W - gap * (cols - 1)) / cols;
  const StyleComputed *ts = tst[0];
  double pad_l = ts->padding[STYLE_LEFT] + ts->border_width[STYLE_LEFT];
  double pad_r = ts->padding[STYLE_RIGHT] + ts->border_width[STYLE_RIGHT];
  double inner = MAX (tw - pad_l - pad_r, 10);

  for (guint first = 0; first < b->figures->len; first += (guint) cols) {
    if (first > 0)
      track_add_space (t, gap);
    Row *row = row_new (0);
    guint n = MIN ((guint) cols, b->figures->len - first);
    for (guint k = 0; k < n; k++) {
      const ModelFigure *fig = g_ptr_array_index (b->figures, first + k);
      double x = fst[0]->margin[STYLE_LEFT] + k * (tw + gap);
      double y = ts->padding[STYLE_TOP] + ts->border_width[STYLE_TOP];
      for (int li = 0; li < part->n_langs; li++) {
        if (li > 0)
          y += lst[li]->font_size * 0.6;
        y += tile_add_lang (ctx, row, fig, part->langs[li], x + pad_l, y, inner, vst[li],
                            qst[li], ust[li], lst[li]);
      }
      double height = y + ts->padding[STYLE_BOTTOM] + ts->border_width[STYLE_BOTTOM];
      row->height = MAX (row->height, height);
    }
    /* tiles of a row are equal in height: backgrounds and rules behind */
    for (guint k = 0; k < n; k++) {
      double x = fst[0]->margin[STYLE_LEFT] + k * (tw + gap);
      if (ts->background_color.a > 0) {
        LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
        f->x = x, f->w = tw, f->h = row->height, f->color = ts->background_color;
        g_ptr_array_insert (row->frags, 0, f);
      }
      static const int sides[] = { STYLE_TOP, STYLE_LEFT };
      for (guint s = 0; s < G_N_ELEMENTS (sides); s++) {
        double bw = ts->border_width[sides[s]];
        if (bw <= 0)
          continue;
        LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
        f->x = x;
        f->w = sides[s] == STYLE_TOP ? tw : bw;
        f->h = sides[s] == STYLE_TOP ? bw : row->height;
        f->color = ts->border_color[sides[s]];
        g_ptr_array_add (row->frags, f);
      }
    }
    g_ptr_array_add (t->rows, row);
  }
}

/* ---- chart ---------------------------------------------------------------- */

static void
chart_spec_free (gpointer p)
{
  ChartSpec *s = p;
  g_free ((gpointer) s->langs);
  g_free ((gpointer) s->lang_styles);
  g_free (s);
}

/* A chart's alternative text: its caption in the part's languages, else
 * what it shows. */
static char *
chart_alt (Ctx *ctx, const ModelBlock *b)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < ctx->part.n_langs; i++) {
    const char *lang = ctx->part.langs[i];
    g_autofree char *p = NULL;
    if (b->caption)
      p = text_variant_plain (model_text_get_or_fallback (b->caption, lang, NULL), lang);
    if (!p || !*p)
      continue;
    if (s->len && strstr (s->str, p))
      continue;
    if (s->len)
      g_string_append (s, " / ");
    g_string_append (s, p);
  }
  if (s->len == 0)
    g_string_append (s, b->chart_type == MODEL_CHART_DONUT ? "Donut chart" : "Chart");
  return g_string_free (s, FALSE);
}

static void
unit_chart (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode nodes[2];
  const StyleComputed *st[2];
  child_styles (ctx, parent, "chart", b->id, b->class_, nodes, st);
  if (st[0]->display_none)
    return;
  ChartSpec *spec = g_new0 (ChartSpec, 1);
  spec->block = b;
  spec->doc = ctx->doc;
  spec->n_langs = ctx->part.n_langs;
  const char **langs = g_new0 (const char *, 2);
  const StyleComputed **styles = g_new0 (const StyleComputed *, 2);
  for (int i = 0; i < ctx->part.n_langs; i++) {
    langs[i] = ctx->part.langs[i];
    styles[i] = ctx_style_keep (ctx, st[i]);
  }
  spec->langs = langs;
  spec->lang_styles = styles;
  spec->style = ctx_style_keep (ctx, st[0]);
  ctx_keep (ctx, spec, chart_spec_free);

  Track *t;
  Unit *u = unit_wide (ctx, b, st[0], &t);
  u->alt = chart_alt (ctx, b);
  double x = st[0]->margin[STYLE_LEFT];
  double w = ctx->text_width - x - st[0]->margin[STYLE_RIGHT];
  /* laid out once: the fragment keeps what it draws */
  ChartLayout *cl = chart_layout_new (spec, ctx->pctx, w);
  if (cl) {
    ctx_keep (ctx, cl, (GDestroyNotify) chart_layout_free);
    ctx_report_missing (ctx, chart_layout_missing (cl), b->line, b->column);
  }
  double h = cl ? chart_layout_height (cl) : 0;
  Row *row = row_new (h);
  LayoutFrag *f = frag_new (LAYOUT_FRAG_CHART);
  f->x = x, f->w = w, f->h = h, f->chart = spec, f->chart_layout = cl;
  g_ptr_array_add (row->frags, f);
  g_ptr_array_add (t->rows, row);
}

/* ---- table ---------------------------------------------------------------- */

static void
unit_table (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode tnodes[2];
  const StyleComputed *tst[2];
  child_styles (ctx, parent, "table", b->id, b->class_, tnodes, tst);
  if (tst[0]->display_none || b->rows->len == 0)
    return;
  Parent tp = { { &tnodes[0], &tnodes[1] }, { tst[0], tst[1] } };
  guint ncols = 1;
  for (guint r = 0; r < b->rows->len; r++)
    ncols = MAX (ncols, ((ModelRow *) g_ptr_array_index (b->rows, r))->cells->len);

  Track *t;
  /* the structure: Table > TR > TH/TD > P per language */
  int outer = ctx_group_begin (ctx, "Table");
  int table = ctx->group;
  Unit *u = unit_wide (ctx, b, tst[0], &t);
  u->avoid_break_inside = tst[0]->break_inside == STYLE_BREAK_AVOID;
  double x0 = tst[0]->margin[STYLE_LEFT];
  double W = ctx->text_width - x0 - tst[0]->margin[STYLE_RIGHT];
  double cw = W / ncols;
  for (guint r = 0; r < b->rows->len; r++) {
    const ModelRow *mr = g_ptr_array_index (b->rows, r);
    StyleNode rnodes[2], cnodes[2];
    const StyleComputed *rst[2], *cst[2];
    child_styles (ctx, &tp, "row", NULL, mr->head ? "head" : NULL, rnodes, rst);
    Parent rp = { { &rnodes[0], &rnodes[1] }, { rst[0], rst[1] } };
    child_styles (ctx, &rp, "cell", NULL, NULL, cnodes, cst);
    Row *row = row_new (0);
    const StyleComputed *c0 = cst[0];
    ctx->group = table;
    ctx_group_begin (ctx, "TR");
    int tr = ctx->group;
    for (guint c = 0; c < mr->cells->len; c++) {
      const ModelCell *cell = g_ptr_array_index (mr->cells, c);
      ctx->group = tr;
      ctx_group_begin (ctx, mr->head ? "TH" : "TD");
      int td = ctx->group;
      double x = x0 + c * cw + c0->padding[STYLE_LEFT];
      double w = MAX (cw - c0->padding[STYLE_LEFT] - c0->padding[STYLE_RIGHT], 10);
      double y = c0->padding[STYLE_TOP];
      for (int li = 0; cell->text && li < ctx->part.n_langs; li++) {
        const char *lang = ctx->part.langs[li];
        gboolean missing;
        const ModelVariant *v = model_text_get_or_fallback (cell->text, lang, &missing);
        if (li > 0 && v && !v->lang)
          break;   /* a neutral cell reads the same in every language: once */
        g_autoptr (TextRun) run = text_run_from_variant (v, lang, cst[li]);
        guint first = row->frags->len;
        y += row_add_text (ctx, row, run, cst[li], x, y, w, missing);
        for (guint f = first; f < row->frags->len; f++) {
          LayoutFrag *fr = g_ptr_array_index (row->frags, f);
          fr->group = td;
          fr->lang_index = v && v->lang ? li : -1;
        }
      }
      row->height = MAX (row->height, y + c0->padding[STYLE_BOTTOM]);
    }
    /* the rule under each row: the row's border-bottom, else a hairline */
    LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
    double bw = rst[0]->border_width[STYLE_BOTTOM] > 0 ? rst[0]->border_width[STYLE_BOTTOM] : 0.3;
    f->x = x0, f->w = W, f->y = row->height - bw, f->h = bw;
    f->color = rst[0]->border_width[STYLE_BOTTOM] > 0 ? rst[0]->border_color[STYLE_BOTTOM]
                                                      : (StyleColor) { 0.6, 0.6, 0.6, 1 };
    g_ptr_array_add (row->frags, f);
    if (rst[0]->background_color.a > 0) {
      LayoutFrag *bg = frag_new (LAYOUT_FRAG_RECT);
      bg->x = x0, bg->w = W, bg->h = row->height, bg->color = rst[0]->background_color;
      g_ptr_array_insert (row->frags, 0, bg);
    }
    row->keep_with_next = mr->head;
    g_ptr_array_add (t->rows, row);
  }
  ctx->group = outer;
}

void
units_neutral (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  ctx->loc_line = b->line;
  ctx->loc_column = b->column;
  switch (b->kind) {
  case MODEL_BLOCK_FACTS:
    unit_facts (ctx, b, parent);
    break;
  case MODEL_BLOCK_CHART:
    unit_chart (ctx, b, parent);
    break;
  case MODEL_BLOCK_TABLE:
    unit_table (ctx, b, parent);
    break;
  default:
    g_assert_not_reached ();
  }
}
