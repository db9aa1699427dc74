/* glyphline.c — the end of layout: every line Pango set becomes glyph runs.
 *
 * After this pass a page is plain data (a display list): each line is a
 * GLYPHS fragment holding TextGlyphRuns (face by file and index, size,
 * glyph ids and positions, the text each cluster stands for), each chart
 * its laid-out shapes followed by its labels as GLYPHS fragments. Nothing
 * after layout reads Pango, the model or the style sheet, and the renderer
 * draws these runs as they are, for every device, without shaping again.
 *
 * The text a reader copies or searches is made here, once: a soft hyphen
 * reads as "-" where its hyphen is shown (at a line end) and as nothing
 * elsewhere; a word joiner (which only keeps a figure together) as nothing
 * (platform-notes.md: Pango maps each glyph to the characters behind it,
 * soft hyphens included, and "Veran<U+00AD>" would break the word). */
#include <string.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include "layout/layout-private.h"

/* The text of a cluster as a reader should get it. */
static void
cluster_text (GString *out, const char *text, int start, int end, gboolean has_ink)
{
  for (int i = start; i < end;) {
    if ((guchar) text[i] == 0xc2 && i + 1 < end && (guchar) text[i + 1] == 0xad) {
      if (has_ink)
        g_string_append_c (out, '-');
      i += 2;
      continue;
    }
    /* U+2060 and U+FEFF only keep a figure or a name together */
    if ((strncmp (text + i, "\xe2\x81\xa0", 3) == 0 || strncmp (text + i, "\xef\xbb\xbf", 3) == 0) &&
        i + 2 < end) {
      i += 3;
      continue;
    }
    g_string_append_c (out, text[i]);
    i++;
  }
}

static void
run_style (const PangoGlyphItem *run, TextGlyphRun *out, gboolean colored)
{
  const PangoColor *color = NULL;
  double alpha = 1;
  gboolean underline = FALSE;
  for (GSList *a = run->item->analysis.extra_attrs; a; a = a->next) {
    const PangoAttribute *attr = a->data;
    if (attr->klass->type == PANGO_ATTR_FOREGROUND)
      color = &((const PangoAttrColor *) attr)->color;
    else if (attr->klass->type == PANGO_ATTR_FOREGROUND_ALPHA)
      alpha = ((const PangoAttrInt *) attr)->value / 65535.;
    else if (attr->klass->type == PANGO_ATTR_UNDERLINE)
      underline = ((const PangoAttrInt *) attr)->value != PANGO_UNDERLINE_NONE;
  }
  if (colored && color) {
    out->has_color = TRUE;
    out->color = (StyleColor) { color->red / 65535., color->green / 65535.,
                                color->blue / 65535., alpha };
  }
  if (underline) {
    PangoFont *font = run->item->analysis.font;
    PangoFontMetrics *m = pango_font_get_metrics (font, run->item->analysis.language);
    double thick = pango_font_metrics_get_underline_thickness (m) / (double) PANGO_SCALE;
    double upos = pango_font_metrics_get_underline_position (m) / (double) PANGO_SCALE;
    pango_font_metrics_unref (m);
    out->underline_position = -upos;
    out->underline_thickness = MAX (thick, 0.4);
  }
}

/* One Pango run as a glyph run from x (the run's origin from the line's),
 * each space narrowed by shrink; label: a chart's (clusters without a
 * glyph are not read). Its face is NULL for a font not from fontconfig. */
static TextGlyphRun *
run_new (const char *text, PangoGlyphItem *run, double x, double shrink, gboolean label)
{
  PangoGlyphString *gs = run->glyphs;
  TextGlyphRun *out = g_new0 (TextGlyphRun, 1);
  out->face = text_face_of_font (run->item->analysis.font);
  out->x = x;
  out->backward = run->item->analysis.level % 2 == 1;
  cairo_scaled_font_t *sf =
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  if (sf) {
    cairo_matrix_t m;
    cairo_scaled_font_get_font_matrix (sf, &m);
    out->size = m.yy;
  }
  out->glyphs = g_new (TextGlyph, gs->num_glyphs);
  out->clusters = g_new (TextCluster, gs->num_glyphs + 1);
  GString *utf8 = g_string_new (NULL);

  /* glyph positions along the run, spaces narrowed by shrink */
  double *gx = g_new (double, gs->num_glyphs);
  double pos = 0;
  for (int i = 0; i < gs->num_glyphs; i++) {
    gx[i] = pos + gs->glyphs[i].geometry.x_offset / (double) PANGO_SCALE;
    pos += gs->glyphs[i].geometry.width / (double) PANGO_SCALE;
    if (shrink > 0 && text[run->item->offset + gs->log_clusters[i]] == ' ')
      pos -= shrink;
  }
  out->width = pos;

  PangoGlyphItemIter iter;
  for (gboolean ok = pango_glyph_item_iter_init_start (&iter, run, text); ok;
       ok = pango_glyph_item_iter_next_cluster (&iter)) {
    int g0 = out->backward ? iter.end_glyph + 1 : iter.start_glyph;
    int g1 = out->backward ? iter.start_glyph + 1 : iter.end_glyph;
    int cluster_glyphs = 0;
    for (int g = g0; g < g1; g++) {
      PangoGlyph glyph = gs->glyphs[g].glyph;
      if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        continue;
      out->glyphs[out->n_glyphs++] = (TextGlyph) {
        glyph, (float) gx[g], (float) (gs->glyphs[g].geometry.y_offset / (double) PANGO_SCALE) };
      cluster_glyphs++;
    }
    gsize before = utf8->len;
    cluster_text (utf8, text, iter.start_index, iter.end_index, cluster_glyphs > 0);
    int bytes = (int) (utf8->len - before);
    if (bytes == 0 && cluster_glyphs == 0)
      continue;   /* an invisible soft hyphen: nothing to show, nothing to read */
    if (label && cluster_glyphs == 0) {
      g_string_truncate (utf8, before);   /* a space at a label's break: unread */
      continue;
    }
    if ((bytes == 0 || cluster_glyphs == 0) && out->n_clusters > 0) {
      /* cairo wants both in a cluster: fold into the previous one */
      out->clusters[out->n_clusters - 1].n_bytes += bytes;
      out->clusters[out->n_clusters - 1].n_glyphs += cluster_glyphs;
      continue;
    }
    out->clusters[out->n_clusters++] = (TextCluster) { bytes, cluster_glyphs };
  }
  g_free (gx);
  /* held to the end with every page: no slack */
  out->glyphs = g_renew (TextGlyph, out->glyphs, MAX (out->n_glyphs, 1));
  out->clusters = g_renew (TextCluster, out->clusters, MAX (out->n_clusters, 1));
  out->text = g_strndup (utf8->str, utf8->len);
  g_string_free (utf8, TRUE);
  run_style (run, out, label);
  text_glyph_run_compact (out);
  return out;
}

GPtrArray *
glyph_runs_from_line (PangoLayout *layout, PangoLayoutLine *line, double squeeze,
                      gboolean label)
{
  const char *text = pango_layout_get_text (layout);
  double shrink = 0;
  if (squeeze > 0) {
    int spaces = 0;
    for (int i = line->start_index; i < line->start_index + line->length; i++)
      spaces += text[i] == ' ';
    /* a trailing space has no width in a justified line: not counted */
    if (line->length > 0 && text[line->start_index + line->length - 1] == ' ')
      spaces--;
    shrink = spaces > 0 ? squeeze / spaces : 0;
  }
  GPtrArray *runs = g_ptr_array_new_with_free_func ((GDestroyNotify) text_glyph_run_free);
  double pos = 0;
  for (GSList *l = line->runs; l; l = l->next) {
    TextGlyphRun *r = run_new (text, l->data, pos, shrink, label);
    pos += r->width;
    if (r->face && (r->n_glyphs > 0 || r->underline_thickness > 0))
      g_ptr_array_add (runs, r);
    else
      text_glyph_run_free (r);   /* nothing to draw (a space alone): its advance counted */
  }
  return runs;
}

/* A TEXT fragment made GLYPHS, in place. */
static void
frag_to_glyphs (LayoutFrag *f, GHashTable *paras)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (f->layout, f->line);
  f->runs = glyph_runs_from_line (f->layout, line, f->squeeze, FALSE);
  /* what tests and checks read: the paragraph, the line's place in it */
  GRefString *para = g_hash_table_lookup (paras, f->layout);
  if (!para) {
    para = g_ref_string_new (pango_layout_get_text (f->layout));
    g_hash_table_insert (paras, f->layout, para);
  }
  f->para = g_ref_string_acquire (para);
  f->n_lines = pango_layout_get_line_count (f->layout);
  PangoLayoutIter *it = pango_layout_get_iter (f->layout);
  for (int k = 0; k < f->line; k++)
    pango_layout_iter_next_line (it);
  int y0, y1;
  pango_layout_iter_get_line_yrange (it, &y0, &y1);
  f->ascent = (pango_layout_iter_get_baseline (it) - y0) / (double) PANGO_SCALE;
  pango_layout_iter_free (it);
  const char *text = pango_layout_get_text (f->layout);
  int end = line->start_index + line->length;
  f->hyphenated = line->length >= 2 && strncmp (text + end - 2, "\u00ad", 2) == 0;
  f->justified = pango_layout_get_justify (f->layout) && f->line + 1 < f->n_lines;
  f->kind = LAYOUT_FRAG_GLYPHS;
  g_clear_object (&f->layout);
}

typedef struct {
  GPtrArray *out;             /* the page's new fragments */
  const LayoutFrag *chart;
} LabelCtx;

static void
label_to_frags (PangoLayout *label, double x, double y, gpointer data)
{
  LabelCtx *lc = data;
  PangoLayoutIter *iter = pango_layout_get_iter (label);
  int index = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents (iter, NULL, &logical);
    LayoutFrag *f = frag_new (LAYOUT_FRAG_GLYPHS);
    f->runs = glyph_runs_from_line (label, pango_layout_iter_get_line_readonly (iter), 0, TRUE);
    f->x = lc->chart->x + x + logical.x / (double) PANGO_SCALE;
    f->y = lc->chart->y + y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
    f->w = logical.width / (double) PANGO_SCALE;
    f->h = logical.height / (double) PANGO_SCALE;
    f->tag = lc->chart->tag;
    f->line = index++;
    f->n_lines = pango_layout_get_line_count (label);
    f->para = g_ref_string_new (pango_layout_get_text (label));
    g_ptr_array_add (lc->out, f);
  } while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
layout_page_make_glyphs (LayoutPage *page, gboolean all)
{
  GHashTable *paras = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) g_ref_string_release);
  GPtrArray *old = page->frags;
  g_ptr_array_set_free_func (old, NULL);   /* each fragment moves to the new list */
  GPtrArray *frags = g_ptr_array_new_full (old->len, frag_free);
  for (guint i = 0; i < old->len; i++) {
    LayoutFrag *f = g_ptr_array_index (old, i);
    if (f->kind == LAYOUT_FRAG_TEXT && (all || !f->dest))
      frag_to_glyphs (f, paras);
    g_ptr_array_add (frags, f);
    if (f->kind == LAYOUT_FRAG_CHART && f->chart_layout) {
      /* a chart stands on one page: its labels are needed nowhere else,
       * and once dropped a second pass finds none */
      LabelCtx lc = { frags, f };
      chart_layout_foreach_label (f->chart_layout, label_to_frags, &lc);
      chart_layout_drop_labels ((ChartLayout *) f->chart_layout);
    }
  }
  g_ptr_array_unref (old);
  page->frags = frags;
  g_hash_table_unref (paras);
}

void
layout_make_glyphs (LayoutDoc *out)
{
  for (guint p = 0; p < out->pages->len; p++)
    layout_page_make_glyphs (g_ptr_array_index (out->pages, p), TRUE);
}

typedef struct {
  GHashTable *seen;           /* faces checked */
  DiagList *diags;
} FaceCheck;

static void
check_face (const TextGlyphRun *run, gpointer data)
{
  FaceCheck *fc = data;
  if (!run->face || !g_hash_table_add (fc->seen, (gpointer) run->face))
    return;
  g_autoptr (GError) error = NULL;
  if (!text_face_check (run->face, &error))
    diag_error (fc->diags, run->face->file, 0, 0, "%s", error->message);
}

void
layout_check_faces (const LayoutDoc *out, DiagList *diags)
{
  /* a face cut short draws its lost glyphs as nothing: an error, not a
   * page with words missing (facecheck.c) */
  FaceCheck fc = { g_hash_table_new (NULL, NULL), diags };
  for (guint p = 0; p < out->pages->len; p++) {
    g_autoptr (GError) read_error = NULL;
    if (!layout_page_foreach_run (g_ptr_array_index (out->pages, p), check_face, &fc,
                                  &read_error)) {
      diag_error (diags, NULL, 0, 0, "%s", read_error->message);
      break;
    }
  }
  g_hash_table_unref (fc.seen);
}
