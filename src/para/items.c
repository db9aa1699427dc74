/* items.c — a paragraph's text made clean and shaped once: the soft hyphens
 * and word joiners text/inline.c put in become marks beside the text, Pango
 * itemizes the text (font, language, script per run) at one size and
 * HarfBuzz shapes each item once at its own (shape.c). The glyphs are then grouped into
 * clusters, the units the breaker and the line setter work with. Chinese
 * punctuation that meets punctuation is compressed here (W3C clreq 3.1.6):
 * Noto CJK has no contextual `chws` feature, so the half a full-width mark
 * leaves blank is taken off by hand. */
#include <string.h>
#include <hb-ot.h>
#include <pango/pangofc-font.h>
#include "para/para-private.h"

#define SHY 0x00ad
#define WORD_JOINER 0x2060
#define ZWSP 0x200b
#define NAME_JOINER 0xfeff

gboolean
para_is_han (gunichar c)
{
  GUnicodeScript s = g_unichar_get_script (c);
  return s == G_UNICODE_SCRIPT_HAN || s == G_UNICODE_SCRIPT_HIRAGANA ||
         s == G_UNICODE_SCRIPT_KATAKANA || s == G_UNICODE_SCRIPT_BOPOMOFO;
}

void
para_prepare_text (Para *p, const TextRun *run)
{
  const char *src = run->text;
  int n = (int) strlen (src);
  GString *clean = g_string_sized_new ((gsize) n);
  GByteArray *marks = g_byte_array_sized_new ((guint) n + 1);
  int *map = g_new (int, n + 1);
  guint8 pending = 0;
  /* removed byte ranges, to move the attributes afterwards (from the end) */
  GArray *removed = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  for (const char *s = src; *s;) {
    gunichar c = g_utf8_get_char (s);
    const char *next = g_utf8_next_char (s);
    for (const char *b = s; b < next; b++)
      map[b - src] = (int) clean->len;
    if (c == SHY || c == WORD_JOINER || c == NAME_JOINER) {
      pending |= c == SHY ? PARA_MARK_SHY : c == NAME_JOINER ? PARA_MARK_NAME : PARA_MARK_NOBREAK;
      int r[2] = { (int) (s - src), (int) (next - s) };
      g_array_append_val (removed, r);
    } else {
      for (const char *b = s; b < next; b++) {
        guint8 m = b == s ? pending : 0;
        g_byte_array_append (marks, &m, 1);
      }
      pending = 0;
      g_string_append_len (clean, s, next - s);
    }
    s = next;
  }
  map[n] = (int) clean->len;
  g_byte_array_append (marks, &pending, 1);
  p->len = (int) clean->len;
  p->text = g_string_free (clean, FALSE);
  p->marks = g_byte_array_free (marks, FALSE);
  p->attrs = pango_attr_list_copy (run->attrs);
  for (int i = (int) removed->len - 1; i >= 0; i--) {
    const int *r = &g_array_index (removed, int, 2 * i);
    pango_attr_list_update (p->attrs, r[0], r[1], 0);
  }
  g_array_unref (removed);
  p->links = g_array_new (FALSE, FALSE, sizeof (TextLink));
  for (guint i = 0; run->links && i < run->links->len; i++) {
    TextLink l = g_array_index (run->links, TextLink, i);
    l.start = map[CLAMP (l.start, 0, n)];
    l.end = map[CLAMP (l.end, 0, n)];
    g_array_append_val (p->links, l);   /* href borrowed from run */
  }
  g_free (map);
}

static ParaClusterKind
cluster_kind (gunichar c)
{
  switch (c) {
  case ' ': case 0x00a0:
    return PARA_CL_SPACE;
  case 0x2005: case 0x202f: case 0x2009: case 0x2006:
    return PARA_CL_FIXED_SPACE;
  case 0x2028: case '\n': case 0x2029:
    return PARA_CL_NEWLINE;
  case 0x201c: case 0x2018: case 0xff08: case 0x300a: case 0x3008: case 0x300c:
  case 0x300e: case 0x3010: case 0x3014: case 0x3016: case 0xff3b: case 0xff5b:
    return PARA_CL_CJK_OPEN;
  case 0x201d: case 0x2019: case 0xff09: case 0x300b: case 0x3009: case 0x300d:
  case 0x300f: case 0x3011: case 0x3015: case 0x3017: case 0xff3d: case 0xff5d:
  case 0xff0c: case 0x3002: case 0x3001: case 0xff1b: case 0xff1a: case 0xff01:
  case 0xff1f: case 0xff0e:
    return PARA_CL_CJK_CLOSE;
  case 0x00b7: case 0x2014: case 0x2026: case 0x30fb: case 0xff5e:
    return PARA_CL_CJK_OTHER;
  default:
    return para_is_han (c) ? PARA_CL_HAN : PARA_CL_TEXT;
  }
}

static void
item_describe (ParaItem *it, const ParaFont *fi)
{
  if (fi) {   /* none: no metrics (an item Pango found no font for) */
    it->size = fi->size;
    it->face = fi->face;
    it->ascent = fi->ascent;
    it->descent = fi->descent;
    it->underline_position = fi->underline_position;
    it->underline_thickness = fi->underline_thickness;
    it->hyphen_glyph = fi->hyphen_glyph;
    it->hyphen_adv = fi->hyphen_adv;
  }
  double alpha = 1;
  for (GSList *l = it->item->analysis.extra_attrs; l; l = l->next) {
    PangoAttribute *a = l->data;
    if (a->klass->type == PANGO_ATTR_UNDERLINE &&
        ((PangoAttrInt *) a)->value != PANGO_UNDERLINE_NONE)
      it->underline = TRUE;
    if (a->klass->type == PANGO_ATTR_FOREGROUND) {
      PangoColor *c = &((PangoAttrColor *) a)->color;
      it->has_color = TRUE;
      it->color = (StyleColor) { c->red / 65535.0, c->green / 65535.0, c->blue / 65535.0, 1 };
    }
    if (a->klass->type == PANGO_ATTR_FOREGROUND_ALPHA)   /* chart notes are set lighter */
      alpha = ((PangoAttrInt *) a)->value / 65535.0;
  }
  it->color.a = alpha;
}

static void
note_missing (Para *p, gunichar c)
{
  for (guint i = 0; i < p->missing->len; i++)
    if (g_array_index (p->missing, gunichar, i) == c)
      return;
  g_array_append_val (p->missing, c);
}

/* The clusters of one shaped item, appended in logical order. */
static void
item_clusters (Para *p, int index)
{
  ParaItem *it = &g_array_index (p->items, ParaItem, index);
  PangoGlyphString *gs = it->glyphs;
  int base = it->item->offset;
  for (int g = 0; g < gs->num_glyphs;) {
    int g1 = g + 1;
    while (g1 < gs->num_glyphs && gs->log_clusters[g1] == gs->log_clusters[g])
      g1++;
    ParaCluster c = { 0 };
    c.start = base + gs->log_clusters[g];
    c.end = g1 < gs->num_glyphs ? base + gs->log_clusters[g1] : base + it->item->length;
    if (c.end <= c.start)     /* right-to-left: not for German or Chinese */
      c.end = base + it->item->length;
    c.item = index;
    c.g0 = g;
    c.g1 = g1;
    c.em = it->size;
    gunichar ch = g_utf8_get_char (p->text + c.start);
    c.kind = cluster_kind (ch);
    for (int k = g; k < g1; k++) {
      c.adv += gs->glyphs[k].geometry.width / (double) PANGO_SCALE;
      if (gs->glyphs[k].glyph & PANGO_GLYPH_UNKNOWN_FLAG && c.kind != PARA_CL_NEWLINE &&
          ch != ZWSP)
        note_missing (p, gs->glyphs[k].glyph & ~PANGO_GLYPH_UNKNOWN_FLAG);
    }
    if (c.kind == PARA_CL_NEWLINE)
      c.adv = 0;
    else if (c.kind != PARA_CL_SPACE && c.kind != PARA_CL_FIXED_SPACE)
      c.adv += p->st->letter_spacing;
    if (c.kind == PARA_CL_SPACE) {
      c.stretch = c.adv * para_tune.space_stretch;
      c.shrink = c.adv * para_tune.space_shrink;
    }
    g_array_append_val (p->clusters, c);
    g = g1;
  }
}

static gboolean
is_cjk_punct (ParaClusterKind k)
{
  return k == PARA_CL_CJK_OPEN || k == PARA_CL_CJK_CLOSE;
}

static gboolean
full_width (const ParaCluster *c)
{
  return c->adv > c->em * 0.9;
}

/* clreq 3.1.6: of two full-width marks in a row, one gives up the blank
 * half of its em (”。 ）（ ，“ take 1.5 em); a full-width mark can also
 * give a quarter em when a line is too full. */
static void
compress_punctuation (Para *p)
{
  guint n = p->clusters->len;
  for (guint i = 0; i < n; i++) {
    ParaCluster *c = &g_array_index (p->clusters, ParaCluster, i);
    if (is_cjk_punct (c->kind) && full_width (c))
      c->shrink = c->em / 4;
  }
  for (guint i = 0; i + 1 < n; i++) {
    ParaCluster *a = &g_array_index (p->clusters, ParaCluster, i);
    ParaCluster *b = &g_array_index (p->clusters, ParaCluster, i + 1);
    if (!is_cjk_punct (a->kind) || !is_cjk_punct (b->kind) || !full_width (a) || !full_width (b))
      continue;
    if (a->kind == PARA_CL_CJK_CLOSE) {
      a->trim_right = a->em / 2;
      a->adv -= a->trim_right;
      a->shrink = 0;
    } else {
      b->trim_left = b->em / 2;
      b->adv -= b->trim_left;
      b->shrink = 0;
    }
  }
}

/* attrs with every size PARA_ITEMIZE_SIZE, for pango_itemize */
static PangoAttrList *
attrs_at_one_size (PangoAttrList *attrs)
{
  PangoAttrList *out = pango_attr_list_new ();
  GSList *all = pango_attr_list_get_attributes (attrs);
  for (GSList *l = all; l; l = l->next) {
    PangoAttribute *a = l->data;
    if (a->klass->type == PANGO_ATTR_FONT_DESC) {
      PangoFontDescription *fd = ((PangoAttrFontDesc *) a)->desc;
      if (pango_font_description_get_set_fields (fd) & PANGO_FONT_MASK_SIZE)
        pango_font_description_set_size (fd, PARA_ITEMIZE_SIZE);
    } else if (a->klass->type == PANGO_ATTR_SIZE || a->klass->type == PANGO_ATTR_ABSOLUTE_SIZE) {
      PangoAttribute *r = pango_attr_size_new (PARA_ITEMIZE_SIZE);
      r->start_index = a->start_index;
      r->end_index = a->end_index;
      pango_attribute_destroy (a);
      a = r;
    }
    pango_attr_list_insert (out, a);
  }
  g_slist_free (all);
  return out;
}

/* The size (Pango units) Pango would load the item's font at: its
 * attributes' over the context's (it walks attrs along the items). */
static int
item_size (PangoAttrIterator *it, PangoContext *pctx, const PangoItem *item)
{
  int s, e;
  pango_attr_iterator_range (it, &s, &e);
  while (e <= item->offset && pango_attr_iterator_next (it))
    pango_attr_iterator_range (it, &s, &e);
  PangoFontDescription *fd = pango_font_description_copy_static (
    pango_context_get_font_description (pctx));
  pango_attr_iterator_get_font (it, fd, NULL, NULL);
  int units = pango_font_description_get_size (fd);
  pango_font_description_free (fd);
  return units;
}

void
para_shape (Para *p, PangoContext *pctx, const TextRun *run)
{
  PangoFontDescription *fd = pango_font_description_new ();
  const StyleComputed *st = p->st;
  pango_font_description_set_family (fd, st->font_family ? st->font_family : "Noto Serif");
  pango_font_description_set_size (fd, (int) (st->font_size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (fd, (PangoWeight) st->font_weight);
  pango_font_description_set_style (fd, st->font_italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  PangoAttribute *fa = pango_attr_font_desc_new (fd);
  pango_font_description_free (fd);
  fa->start_index = 0;
  fa->end_index = G_MAXUINT;
  pango_attr_list_insert_before (p->attrs, fa);
  p->items = g_array_new (FALSE, TRUE, sizeof (ParaItem));
  p->clusters = g_array_new (FALSE, TRUE, sizeof (ParaCluster));
  p->missing = g_array_new (FALSE, FALSE, sizeof (gunichar));
  PangoAttrList *one = attrs_at_one_size (p->attrs);
  GList *items = pango_itemize (pctx, p->text, 0, p->len, one, NULL);
  pango_attr_list_unref (one);
  PangoAttrIterator *sizes = pango_attr_list_get_iterator (p->attrs);
  for (GList *l = items; l; l = l->next) {
    ParaItem it = { .item = l->data, .glyphs = pango_glyph_string_new () };
    PangoAnalysis *a = &it.item->analysis;
    const ParaFont *f = a->font && PANGO_IS_FC_FONT (a->font)
                        ? para_font_get (a->font, item_size (sizes, pctx, it.item), pctx, a) : NULL;
    if (f)
      para_font_shape (f, pctx, p->text, p->len, it.item->offset, it.item->length, a, it.glyphs);
    else    /* no font at all (Pango warns): its fallback shaping */
      pango_shape_with_flags (p->text + it.item->offset, it.item->length, p->text, p->len, a,
                              it.glyphs, PANGO_SHAPE_NONE);
    item_describe (&it, f);
    g_array_append_val (p->items, it);
  }
  pango_attr_iterator_destroy (sizes);
  g_list_free (items);
  for (guint i = 0; i < p->items->len; i++)
    item_clusters (p, (int) i);
  if (p->chinese)
    compress_punctuation (p);
  (void) run;
}

void
para_free_shaped (Para *p)
{
  for (guint i = 0; p->items && i < p->items->len; i++) {
    ParaItem *it = &g_array_index (p->items, ParaItem, i);
    pango_item_free (it->item);
    pango_glyph_string_free (it->glyphs);
  }
  if (p->items)
    g_array_unref (p->items);
  if (p->clusters)
    g_array_unref (p->clusters);
  if (p->breaks)
    g_array_unref (p->breaks);
  if (p->missing)
    g_array_unref (p->missing);
  if (p->links)
    g_array_unref (p->links);
  if (p->attrs)
    pango_attr_list_unref (p->attrs);
  g_free (p->text);
  g_free (p->marks);
  g_free (p->sum_w);
  g_free (p->sum_y);
  g_free (p->sum_z);
  g_free (p->sum_l);
  g_free (p->pair_y);
  g_free (p->pair_z);
  g_free (p->han_after);
}
