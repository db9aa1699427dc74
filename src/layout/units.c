/* units.c — the bilingual units of a section: headings, paragraphs, quotes,
 * list items, programme sessions, people and organisations.
 *
 * Each unit is built the same way (unit_bilingual): for every track of the
 * part, for every language stacked in it, compute the element's style in
 * that language and let a content function add rows in the box the style's
 * margins, borders and padding leave. */
#include <string.h>
#include "layout/layout-private.h"

typedef void (*ContentFn) (Ctx *ctx, Track *t, int lang_index, const StyleNode *node,
                           const StyleComputed *st, double x, double width, gconstpointer data);

const char *
words (const char *lang, const char *key)
{
  static const struct { const char *key, *de, *zh, *en; } table[] = {
    { "plenary", "Plenarsitzung", "全体大会", "Plenary session" },
    { "forum", "Fachforum", "分论坛", "Forum" },
    { "signing", "Unterzeichnung", "签约仪式", "Signing" },
    { "other", "Programmpunkt", "活动", "Programme item" },
    { "dash", "– ", "——", "– " },
    { "list-sep", ", ", "，", ", " },
    { "contents", "Inhalt", "目录", "Contents" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (table); i++) {
    if (strcmp (table[i].key, key) != 0)
      continue;
    if (model_lang_is_chinese (lang))
      return table[i].zh;
    if (lang && g_ascii_strncasecmp (lang, "de", 2) == 0)
      return table[i].de;
    return table[i].en;
  }
  g_assert_not_reached ();
}


/* The structure element of a unit built from element name. */
static const char *
unit_role (Ctx *ctx, const char *name)
{
  static const char *const headings[] = { "H1", "H2", "H3" };
  if (strcmp (name, "heading") == 0)
    return headings[CLAMP (ctx->section_level, 1, 3) - 1];
  if (strcmp (name, "item") == 0)
    return "LI";
  if (strcmp (name, "quote") == 0)
    return "Quote";
  return "P";
}

/* A variant's box in a track, open below until both are built. */
typedef struct {
  const StyleComputed *st;    /* NULL: nothing shown in this track */
  guint from;                 /* its first row */
  double x, w;
  int lang;
} Box;

/* Closes the boxes of a parallel unit: a box with a visible edge or
 * background is drawn as tall as its neighbour, so the rules under the two
 * variants (a session, the title block) line up. */
static void
close_boxes (Unit *u, const Box boxes[2])
{
  double h[2] = { 0, 0 };
  for (int ti = 0; ti < 2; ti++)
    h[ti] = boxes[ti].st ? track_height (g_ptr_array_index (u->tracks, ti)) : 0;
  for (int ti = 0; ti < 2; ti++) {
    const Box *b = &boxes[ti];
    if (!b->st)
      continue;
    Track *t = g_ptr_array_index (u->tracks, ti);
    const StyleComputed *st = b->st;
    gboolean visible = st->border_width[STYLE_BOTTOM] > 0 || st->background_color.a > 0 ||
                       st->border_width[STYLE_LEFT] > 0;
    double gap = h[1 - ti] - h[ti];
    if (visible && gap > 0.01 && boxes[1 - ti].st) {
      Row *pad = row_new (gap);   /* not a spacer: it belongs to the box */
      g_ptr_array_add (t->rows, pad);
    }
    track_add_edge (t, st, STYLE_BOTTOM, b->x, b->w);
    track_decorate (t, b->from, st, b->x, b->w);
    for (guint r = b->from; r < t->rows->len; r++)
      ((Row *) g_ptr_array_index (t->rows, r))->lang = b->lang;
  }
}

static Unit *
unit_bilingual (Ctx *ctx, const Parent *parent, const char *name, const char *id,
                const char *classes, int line, int column, ContentFn fn, gconstpointer data)
{
  const Part *part = &ctx->part;
  Box boxes[2] = { { 0 }, { 0 } };
  Unit *u = unit_new ();
  u->line = line;
  u->column = column;
  u->group = ctx->group;
  u->role = unit_role (ctx, name);
  ctx->loc_line = line;
  ctx->loc_column = column;
  gboolean shown = FALSE;
  for (int ti = 0; ti < part->n_tracks; ti++) {
    Track *t = track_new ();
    for (int k = 0; k < part->track_n_langs[ti]; k++) {
      int li = part->track_lang[ti][k];
      StyleNode node = { name, id, classes, part->langs[li], parent->nodes[li] };
      const StyleComputed *st = ctx_style (ctx, &node, parent->styles[li]);
      if (st->display_none)
        continue;
      shown = TRUE;
      if (k > 0)   /* the second variant under the first (interleaved) */
        track_add_space (t, MAX (st->margin[STYLE_TOP], st->font_size * 0.4));
      double box_x = st->margin[STYLE_LEFT];
      double box_w = part->track_w[ti] - st->margin[STYLE_LEFT] - st->margin[STYLE_RIGHT];
      double x = box_x + st->border_width[STYLE_LEFT] + st->padding[STYLE_LEFT];
      double w = box_w - st->border_width[STYLE_LEFT] - st->padding[STYLE_LEFT] -
                 st->padding[STYLE_RIGHT] - st->border_width[STYLE_RIGHT];
      guint from = t->rows->len;
      track_add_edge (t, st, STYLE_TOP, box_x, box_w);
      fn (ctx, t, li, &node, st, x, MAX (w, 10), data);
      if (part->n_tracks == 2) {
        /* side by side: the box is closed below once both are built */
        boxes[ti] = (Box) { st, from, box_x, box_w, li };
      } else {
        track_add_edge (t, st, STYLE_BOTTOM, box_x, box_w);
        track_decorate (t, from, st, box_x, box_w);
        for (guint r = from; r < t->rows->len; r++)
          ((Row *) g_ptr_array_index (t->rows, r))->lang = li;
      }
      if (ti == 0 && k == 0) {
        u->space_before = st->margin[STYLE_TOP];
        u->space_after = st->margin[STYLE_BOTTOM];
        u->break_before_page = FORCED_BREAK (st->break_before);
        u->keep_with_next = st->break_after == STYLE_BREAK_AVOID;
        u->avoid_break_inside = st->break_inside == STYLE_BREAK_AVOID;
      }
    }
    g_ptr_array_add (u->tracks, t);
  }
  if (part->n_tracks == 2)
    close_boxes (u, boxes);
  if (!shown) {
    unit_free (u);
    return NULL;
  }
  g_ptr_array_add (ctx->units, u);
  return u;
}

/* ---- text of a ModelText in one language ---------------------------------- */

static TextRun *
run_for (const ModelText *text, const char *lang, const StyleComputed *st, gboolean *missing)
{
  const ModelVariant *v = model_text_get_or_fallback (text, lang, missing);
  return text_run_from_variant (v, lang, st);
}

static void
content_text (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
              double x, double w, gconstpointer data)
{
  const ModelText *text = data;
  gboolean missing;
  g_autoptr (TextRun) run = run_for (text, ctx->part.langs[li], st, &missing);
  track_add_text (ctx, t, run, st, x, w, missing, text->line, text->column);
}

/* Plain text of text in each language of the part, joined: for outline
 * entries and running heads. */
static char *
joined_plain (Ctx *ctx, const ModelText *text)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < ctx->part.n_langs; i++) {
    g_autofree char *p = text_variant_plain (model_text_get_or_fallback (text, ctx->part.langs[i], NULL),
                                             ctx->part.langs[i]);
    if (i > 0 && strcmp (p, s->str) == 0)
      continue;   /* the same in both: say it once */
    if (i > 0)
      g_string_append (s, " · ");
    g_string_append (s, p);
  }
  return g_string_free (s, FALSE);
}

static void
set_string (Ctx *ctx, Unit *u, const Parent *parent, const char *name, const ModelText *text)
{
  StyleNode node = { name, NULL, NULL, ctx->part.langs[0], parent->nodes[0] };
  const StyleComputed *st = ctx_style (ctx, &node, parent->styles[0]);
  if (u && st->string_set) {
    u->string_name = g_strdup (st->string_set);
    u->string_value = joined_plain (ctx, text);
  }
}

/* ---- the title block from meta ------------------------------------------- */

static void
content_meta_line (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
                   double x, double w, const ModelMeta *m)
{
  const char *lang = ctx->part.langs[li];
  GString *s = g_string_new (NULL);
  if (m->date) {
    g_autofree char *d = text_format_date (m->date, lang, NULL);
    g_string_append (s, d ? d : m->date);
  }
  if (m->place) {
    g_autofree char *p = text_variant_plain (model_text_get_or_fallback (m->place, lang, NULL), lang);
    if (s->len)
      g_string_append (s, model_lang_is_chinese (lang) ? "，" : ", ");
    g_string_append (s, p);
  }
  g_autofree char *str = g_string_free (s, FALSE);
  g_autoptr (TextRun) run = text_run_new_words (str, lang);
  track_add_text (ctx, t, run, st, x, w, FALSE, 0, 0);
}

/* One part of the title block: its own style, margins around it. */
static void
meta_part (Ctx *ctx, Track *t, int li, const StyleNode *meta, const StyleComputed *mst,
           const char *name, const ModelText *text, double x, double w)
{
  StyleNode node = { name, NULL, NULL, ctx->part.langs[li], meta };
  const StyleComputed *st = ctx_style (ctx, &node, mst);
  if (st->display_none)
    return;
  track_add_space (t, st->margin[STYLE_TOP]);
  if (text) {
    gboolean missing;
    g_autoptr (TextRun) run = run_for (text, ctx->part.langs[li], st, &missing);
    track_add_text (ctx, t, run, st, x + st->margin[STYLE_LEFT],
                    w - st->margin[STYLE_LEFT] - st->margin[STYLE_RIGHT], missing,
                    text->line, text->column);
  } else {
    content_meta_line (ctx, t, li, &node, st, x, w, &ctx->doc->meta);
  }
  track_add_space (t, st->margin[STYLE_BOTTOM]);
}

static void
content_meta (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
              double x, double w, gconstpointer data)
{
  const ModelMeta *m = data;
  meta_part (ctx, t, li, node, st, "title", m->title, x, w);
  if (m->subtitle)
    meta_part (ctx, t, li, node, st, "subtitle", m->subtitle, x, w);
  if (m->date || m->place)
    meta_part (ctx, t, li, node, st, "place", NULL, x, w);
  for (guint i = 0; m->organizers && i < m->organizers->len; i++)
    meta_part (ctx, t, li, node, st, "organizer", g_ptr_array_index (m->organizers, i), x, w);
}

void
units_title (Ctx *ctx, const Parent *root, int outline_level)
{
  const ModelMeta *m = &ctx->doc->meta;
  StyleNode cnodes[2], mnodes[2];
  Parent cover, meta;
  ctx_child (ctx, root, "cover", NULL, NULL, cnodes, &cover);
  ctx_child (ctx, &cover, "meta", NULL, NULL, mnodes, &meta);
  Unit *u = unit_bilingual (ctx, &cover, "meta", NULL, NULL, m->title->line, m->title->column,
                            content_meta, m);
  if (!u)
    return;
  set_string (ctx, u, &meta, "title", m->title);
  u->break_after_page = FORCED_BREAK (cover.styles[0]->break_after);
  u->page_name = g_intern_string (cover.styles[0]->page);
  /* the first part's cover is the dossier's destination (a pack's
   * contents link to it); a second part's has its language in the name */
  gboolean first_part = g_strcmp0 (ctx->part.langs[0], ctx->doc->languages[0]) == 0;
  u->anchor = first_part ? g_strconcat (ctx->anchor_prefix, "cover", NULL)
                         : g_strconcat (ctx->anchor_prefix, ctx->part.langs[0], "-cover", NULL);
  if (outline_level > 0) {
    u->outline_level = outline_level;
    u->outline_title = joined_plain (ctx, m->title);
  }
}

void
units_pack_title (Ctx *ctx, const Parent *root, const ModelText *title)
{
  StyleNode cnodes[2], mnodes[2];
  Parent cover;
  ctx_child (ctx, root, "cover", NULL, "pack", cnodes, &cover);
  ModelMeta m = { .title = (ModelText *) title };
  (void) mnodes;
  Unit *u = unit_bilingual (ctx, &cover, "meta", NULL, NULL, title->line, title->column,
                            content_meta, &m);
  if (u)
    u->break_after_page = FORCED_BREAK (cover.styles[0]->break_after);
}

/* ---- quote ------------------------------------------------------------------ */

static void
content_quote (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
               double x, double w, gconstpointer data)
{
  const ModelBlock *b = data;
  const char *lang = ctx->part.langs[li];
  gboolean missing;
  const ModelVariant *v = model_text_get_or_fallback (b->text, lang, &missing);
  /* the quotation in the language's marks: wrap it in a <q> of our own */
  ModelInline q = { .kind = MODEL_INLINE_Q, .children = v ? v->inlines : NULL };
  g_autoptr (GPtrArray) inlines = g_ptr_array_new ();
  g_ptr_array_add (inlines, &q);
  ModelVariant wrapped = { .lang = (char *) lang, .inlines = inlines };
  g_autoptr (TextRun) run = text_run_from_variant (&wrapped, lang, st);
  track_add_text (ctx, t, run, st, x, w, missing, b->text->line, b->text->column);
  if (!b->speaker)
    return;
  StyleNode sn = { "speaker", NULL, NULL, lang, node };
  const StyleComputed *sst = ctx_style (ctx, &sn, st);
  g_autofree char *name = text_variant_plain (model_text_get_or_fallback (b->speaker->name, lang, NULL), lang);
  GString *s = g_string_new (words (lang, "dash"));
  g_string_append (s, name);
  if (b->speaker->role) {
    g_autofree char *role = text_variant_plain (model_text_get_or_fallback (b->speaker->role, lang, NULL), lang);
    g_string_append (s, words (lang, "list-sep"));
    g_string_append (s, role);
  }
  g_autofree char *str = g_string_free (s, FALSE);
  g_autoptr (TextRun) srun = text_run_new_words (str, lang);
  track_add_space (t, sst->margin[STYLE_TOP]);
  track_add_text (ctx, t, srun, sst, x + sst->margin[STYLE_LEFT], w - sst->margin[STYLE_LEFT],
                  FALSE, b->line, b->column);
}

/* ---- list items --------------------------------------------------------------- */

typedef struct {
  const ModelText *text;
  int number;                 /* 0: bullet */
  int last;                   /* the list's last number: the markers' column fits it */
} ItemData;

/* The gap between a list marker and its text (LaTeX's \labelsep): numbers
 * are set flush right against it, so "9." and "10." align on their stops
 * and the text starts an en after every number, never a word space's
 * worth of blank that reads as part of the line. */
#define LABEL_SEP_EM 0.5

static void
content_item (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
              double x, double w, gconstpointer data)
{
  const ItemData *item = data;
  const char *lang = ctx->part.langs[li];
  int digits = 1;
  for (int n = item->last; n >= 10; n /= 10)
    digits++;
  double indent = st->font_size * (item->number ? 1.1 + LABEL_SEP_EM * digits : 1.1);
  guint first = t->rows->len;
  gboolean missing;
  g_autoptr (TextRun) run = run_for (item->text, lang, st, &missing);
  track_add_text (ctx, t, run, st, x + indent, w - indent, missing, item->text->line,
                  item->text->column);
  if (first >= t->rows->len)
    return;
  /* the structure: LI > Lbl (the marker), LBody (the text), per language */
  int list = ctx_group_begin (ctx, "LI");
  int item_group = ctx->group;
  ctx->group = list;
  for (guint r = first; r < t->rows->len; r++) {
    Row *row = g_ptr_array_index (t->rows, r);
    for (guint i = 0; i < row->frags->len; i++) {
      LayoutFrag *f = g_ptr_array_index (row->frags, i);
      f->group = item_group;
      f->lang_index = li;
      f->role = "LBody";
    }
  }
  /* the marker hangs in the indent, on the first line's baseline */
  g_autofree char *marker = item->number ? g_strdup_printf ("%d.", item->number) : g_strdup ("•");
  g_autoptr (TextRun) mrun = text_run_new_plain (marker, lang);
  StyleComputed mst = *st;
  /* a number flush right; a bullet centred, so that the dot of a Latin
   * bullet and the full-width one of a CJK font stand at the same place */
  mst.text_align = item->number ? STYLE_ALIGN_RIGHT : STYLE_ALIGN_CENTER;
  mst.text_indent = 0;
  Row *row = g_ptr_array_index (t->rows, first);
  for (guint i = 0; i < row->frags->len; i++) {
    LayoutFrag *tf = g_ptr_array_index (row->frags, i);
    if (!frag_is_line (tf))
      continue;
    /* the same marker text at the same width is set once (cached) */
    LayoutFrag *f = para_first_line_frag (ctx, mrun, &mst, indent - LABEL_SEP_EM * st->font_size,
                                          st->color);
    if (!f)
      return;
    f->x += x;
    f->y = tf->y;
    f->h = tf->h;
    f->group = item_group;
    f->lang_index = li;
    f->role = "Lbl";
    g_ptr_array_insert (row->frags, 0, f);   /* drawn, and read, before the text */
    return;
  }
}

/* ---- programme sessions -------------------------------------------------------- */

static void
content_session (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
                 double x, double w, gconstpointer data)
{
  const ModelSession *s = data;
  const char *lang = ctx->part.langs[li];
  static const char *kinds[] = { "plenary", "forum", "signing", "other" };
  GString *line = g_string_new (NULL);
  if (s->start) {
    g_string_append (line, s->start);
    if (s->end)
      g_string_append_printf (line, "–%s", s->end);
    g_string_append (line, model_lang_is_chinese (lang) ? "　" : " · ");
  }
  g_string_append (line, words (lang, kinds[s->kind]));
  g_autofree char *str = g_string_free (line, FALSE);
  StyleNode tn = { "time", NULL, NULL, lang, node };
  const StyleComputed *tst = ctx_style (ctx, &tn, st);
  g_autoptr (TextRun) trun = text_run_new_plain (str, lang);
  track_add_text (ctx, t, trun, tst, x, w, FALSE, s->line, s->column);
  ((Row *) g_ptr_array_index (t->rows, t->rows->len - 1))->keep_with_next = TRUE;
  if (s->heading) {
    StyleNode hn = { "heading", NULL, NULL, lang, node };
    const StyleComputed *hst = ctx_style (ctx, &hn, st);
    gboolean missing;
    g_autoptr (TextRun) run = run_for (s->heading, lang, hst, &missing);
    track_add_text (ctx, t, run, hst, x, w, missing, s->heading->line, s->heading->column);
    ((Row *) g_ptr_array_index (t->rows, t->rows->len - 1))->keep_with_next = TRUE;
  }
  for (guint i = 0; i < s->paragraphs->len; i++) {
    const ModelText *p = g_ptr_array_index (s->paragraphs, i);
    StyleNode pn = { "p", NULL, NULL, lang, node };
    const StyleComputed *pst = ctx_style (ctx, &pn, st);
    gboolean missing;
    g_autoptr (TextRun) run = run_for (p, lang, pst, &missing);
    track_add_space (t, pst->margin[STYLE_TOP]);
    track_add_text (ctx, t, run, pst, x, w, missing, p->line, p->column);
  }
}

/* ---- people and organisations ----------------------------------------------------- */

typedef struct {
  const ModelText *name, *second;
  const char *second_name;    /* "role" or "note" */
} NamePair;

static void
content_name_pair (Ctx *ctx, Track *t, int li, const StyleNode *node, const StyleComputed *st,
                   double x, double w, gconstpointer data)
{
  const NamePair *np = data;
  const char *lang = ctx->part.langs[li];
  const ModelText *texts[2] = { np->name, np->second };
  const char *names[2] = { "name", np->second_name };
  for (int i = 0; i < 2; i++) {
    if (!texts[i])
      continue;
    StyleNode n = { names[i], NULL, NULL, lang, node };
    const StyleComputed *nst = ctx_style (ctx, &n, st);
    gboolean missing;
    g_autoptr (TextRun) run = run_for (texts[i], lang, nst, &missing);
    track_add_text (ctx, t, run, nst, x, w, missing, texts[i]->line, texts[i]->column);
    if (i == 0 && texts[1])
      ((Row *) g_ptr_array_index (t->rows, t->rows->len - 1))->keep_with_next = TRUE;
  }
}

/* ---- sections ------------------------------------------------------------------ */

static void
units_block (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode nodes[2];
  Parent bp;
  switch (b->kind) {
  case MODEL_BLOCK_SECTION:
    units_section (ctx, b, parent);
    return;
  case MODEL_BLOCK_P:
    unit_bilingual (ctx, parent, "p", b->id, b->class_, b->line, b->column, content_text, b->text);
    return;
  case MODEL_BLOCK_QUOTE:
    unit_bilingual (ctx, parent, "quote", b->id, b->class_, b->line, b->column, content_quote, b);
    return;
  case MODEL_BLOCK_LIST: {
    ctx_child (ctx, parent, "list", b->id, b->class_, nodes, &bp);
    int outer = ctx_group_begin (ctx, "L");
    for (guint i = 0; i < b->items->len; i++) {
      const ModelText *it = g_ptr_array_index (b->items, i);
      ItemData d = { it, b->ordered ? (int) i + 1 : 0, b->ordered ? (int) b->items->len : 0 };
      unit_bilingual (ctx, &bp, "item", NULL, NULL, it->line, it->column, content_item, &d);
    }
    ctx->group = outer;
    return;
  }
  case MODEL_BLOCK_PROGRAMME:
    ctx_child (ctx, parent, "programme", b->id, b->class_, nodes, &bp);
    for (guint i = 0; i < b->sessions->len; i++) {
      const ModelSession *s = g_ptr_array_index (b->sessions, i);
      static const char *kind_class[] = { "plenary", "forum", "signing", "other" };
      g_autofree char *classes = s->class_ ? g_strdup_printf ("%s %s", kind_class[s->kind], s->class_)
                                           : g_strdup (kind_class[s->kind]);
      unit_bilingual (ctx, &bp, "session", s->id, classes, s->line, s->column, content_session, s);
    }
    return;
  case MODEL_BLOCK_PEOPLE:
    ctx_child (ctx, parent, "people", b->id, b->class_, nodes, &bp);
    for (guint i = 0; i < b->people->len; i++) {
      const ModelPerson *p = g_ptr_array_index (b->people, i);
      NamePair np = { p->name, p->role, "role" };
      unit_bilingual (ctx, &bp, "person", p->id, NULL, p->line, p->column, content_name_pair, &np);
    }
    return;
  case MODEL_BLOCK_ORGANISATIONS:
    ctx_child (ctx, parent, "organisations", b->id, b->class_, nodes, &bp);
    for (guint i = 0; i < b->orgs->len; i++) {
      const ModelOrg *o = g_ptr_array_index (b->orgs, i);
      NamePair np = { o->name, o->note, "note" };
      unit_bilingual (ctx, &bp, "org", NULL, NULL, o->line, o->column, content_name_pair, &np);
    }
    return;
  case MODEL_BLOCK_FACTS:
  case MODEL_BLOCK_CHART:
  case MODEL_BLOCK_TABLE:
    units_neutral (ctx, b, parent);
    return;
  }
}

void
units_section (Ctx *ctx, const ModelBlock *section, const Parent *parent)
{
  StyleNode nodes[2];
  Parent sp;
  ctx_child (ctx, parent, "section", section->id, section->class_, nodes, &sp);
  if (sp.styles[0]->display_none)
    return;
  int outer = ctx_group_begin (ctx, "Sect");
  int outer_level = ctx->section_level;
  ctx->section_level = section->level;
  guint first_unit = ctx->units->len;
  /* a section on pages of its own name is set to their text width */
  double outer_width = ctx->text_width;
  const char *name = sp.styles[0]->page, *outer_name = parent->styles[0]->page;
  if (name && (!outer_name || strcmp (name, outer_name) != 0)) {
    StylePageSelect sel = { 3, FALSE, FALSE, name };
    g_autoptr (StylePage) ps = style_page_compute_for (ctx->sheet, &sel);
    part_set_width (ctx, ps->width - ps->margin[STYLE_LEFT] - ps->margin[STYLE_RIGHT]);
  }
  if (section->heading) {
    Unit *u = unit_bilingual (ctx, &sp, "heading", NULL, NULL, section->heading->line,
                              section->heading->column, content_text, section->heading);
    if (u) {
      u->anchor = section_anchor (ctx, section);
      u->outline_level = section->level + ctx->outline_base;
      u->outline_title = joined_plain (ctx, section->heading);
      set_string (ctx, u, &sp, "heading", section->heading);
      /* the section's own break-before applies to its first unit */
      if (FORCED_BREAK (sp.styles[0]->break_before))
        u->break_before_page = FORCED_BREAK (sp.styles[0]->break_before);
    }
  }
  for (guint i = 0; i < section->blocks->len && !layout_pages_over_limit (ctx); i++)
    units_block (ctx, g_ptr_array_index (section->blocks, i), &sp);
  /* its page name (inherited, as CSS's auto is) for the units a section
   * inside it has not named */
  for (guint i = first_unit; sp.styles[0]->page && i < ctx->units->len; i++) {
    Unit *u = g_ptr_array_index (ctx->units, i);
    if (!u->page_name)
      u->page_name = g_intern_string (sp.styles[0]->page);
  }
  if (ctx->text_width != outer_width) {
    for (guint i = first_unit; i < ctx->units->len; i++) {
      Unit *u = g_ptr_array_index (ctx->units, i);
      if (!u->own_tracks) {   /* a section inside with a name of its own has set them */
        u->own_tracks = TRUE;
        memcpy (u->track_x, ctx->part.track_x, sizeof u->track_x);
      }
    }
    part_set_width (ctx, outer_width);
  }
  ctx->group = outer;
  ctx->section_level = outer_level;
}
