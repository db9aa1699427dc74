/* layout.c — layout_run: parts, tracks, and the document's metadata. */
#include <string.h>
#include <pango/pangocairo.h>
#include "layout/layout-private.h"

static void
outline_free (gpointer p)
{
  LayoutOutline *o = p;
  g_free (o->title);
  g_free (o);
}

static void
page_free (gpointer p)
{
  LayoutPage *page = p;
  g_ptr_array_unref (page->frags);
  g_free (page);
}

void
layout_doc_free (LayoutDoc *ldoc)
{
  if (!ldoc)
    return;
  g_ptr_array_unref (ldoc->pages);
  g_ptr_array_unref (ldoc->outline);
  g_free (ldoc->title);
  g_free (ldoc->author);
  g_free (ldoc->subject);
  g_free (ldoc->keywords);
  g_free (ldoc->date);
  if (ldoc->keep)
    g_ptr_array_unref (ldoc->keep);
  if (ldoc->context)
    g_object_unref (ldoc->context);
  g_free (ldoc);
}

static char *
meta_plain (const ModelDoc *doc, const ModelText *text)
{
  if (!text)
    return NULL;
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < doc->n_languages; i++) {
    const ModelVariant *v = model_text_get (text, doc->languages[i]);
    if (!v)
      continue;
    g_autofree char *p = text_variant_plain (v, doc->languages[i]);
    if (s->len && strcmp (p, s->str) == 0)
      continue;
    if (s->len)
      g_string_append (s, " · ");
    g_string_append (s, p);
  }
  return g_string_free (s, FALSE);
}

/* Sets up the tracks of a part with the given languages. */
static void
part_init (Ctx *ctx, const char *const *langs, int n_langs, StyleLayout arrangement,
           double column_gap)
{
  Part *p = &ctx->part;
  memset (p, 0, sizeof *p);
  p->n_langs = n_langs;
  for (int i = 0; i < n_langs; i++)
    p->langs[i] = langs[i];
  if (arrangement == STYLE_LAYOUT_PARALLEL && n_langs == 2) {
    p->n_tracks = 2;
    double w = (ctx->text_width - column_gap) / 2;
    for (int i = 0; i < 2; i++) {
      p->track_x[i] = i * (w + column_gap);
      p->track_w[i] = w;
      p->track_lang[i][0] = i;
      p->track_n_langs[i] = 1;
    }
  } else {
    p->n_tracks = 1;
    p->track_w[0] = ctx->text_width;
    for (int i = 0; i < n_langs; i++)
      p->track_lang[0][i] = i;
    p->track_n_langs[0] = n_langs;
  }
}

static void
build_part (Ctx *ctx)
{
  StyleNode roots[2];
  Parent root = { 0 };
  for (int i = 0; i < ctx->part.n_langs; i++) {
    roots[i] = (StyleNode) { "dossier", NULL, NULL, ctx->part.langs[i], NULL };
    root.nodes[i] = &roots[i];
    root.styles[i] = ctx_style (ctx, &roots[i], NULL);
  }
  ctx->units = g_ptr_array_new_with_free_func (unit_free);
  units_title (ctx, &root);
  for (guint i = 0; i < ctx->doc->sections->len; i++)
    units_section (ctx, g_ptr_array_index (ctx->doc->sections, i), &root);
  paginate (ctx, TRUE);
  g_clear_pointer (&ctx->units, g_ptr_array_unref);
}

LayoutDoc *
layout_run (const ModelDoc *doc, const StyleSheet *sheet, PangoFontMap *font_map,
            DiagList *diags)
{
  g_return_val_if_fail (doc && sheet && font_map && diags, NULL);
  LayoutDoc *out = g_new0 (LayoutDoc, 1);
  out->pages = g_ptr_array_new_with_free_func (page_free);
  out->outline = g_ptr_array_new_with_free_func (outline_free);
  out->context = pango_font_map_create_context (font_map);
  /* PDF user space is in points: one Pango point is one unit. Unrounded
   * glyph positions give even spacing in print (platform-notes.md). */
  pango_cairo_context_set_resolution (out->context, 72.0);
  pango_context_set_round_glyph_positions (out->context, FALSE);
  /* Outlines are for print: no hinting, no hinted metrics. Hinting would
   * run each glyph's bytecode for nothing and snap advances to a grid. */
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (out->context, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_language (out->context, pango_language_from_string (doc->languages[0]));
  out->title = meta_plain (doc, doc->meta.title);
  out->subject = meta_plain (doc, doc->meta.subtitle);
  out->author = meta_plain (doc, doc->meta.author);
  out->keywords = meta_plain (doc, doc->meta.keywords);
  out->date = g_strdup (doc->meta.date);

  Ctx ctx = {
    .doc = doc, .sheet = sheet, .pctx = out->context, .diags = diags, .out = out,
    .strings_now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .page_strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref),
    .page_assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  StyleNode rn = { "dossier", NULL, NULL, doc->languages[0], NULL };
  g_autoptr (StyleComputed) root = style_compute (sheet, &rn, NULL);
  g_autoptr (StylePage) first = style_page_compute (sheet, 1, TRUE);
  ctx.text_width = first->width - first->margin[STYLE_LEFT] - first->margin[STYLE_RIGHT];
  ctx.arrangement = root->layout;

  const char *const *langs = (const char *const *) doc->languages;
  if (ctx.arrangement == STYLE_LAYOUT_SEQUENTIAL) {
    for (guint i = 0; i < doc->n_languages; i++) {
      part_init (&ctx, langs + i, 1, ctx.arrangement, root->column_gap);
      build_part (&ctx);
    }
  } else {
    part_init (&ctx, langs, (int) MIN (doc->n_languages, 2), ctx.arrangement, root->column_gap);
    build_part (&ctx);
  }
  furniture_add (&ctx);
  g_hash_table_unref (ctx.strings_now);
  g_ptr_array_unref (ctx.page_strings);
  g_hash_table_unref (ctx.page_assigned);
  return out;
}

char *
layout_page_dump (const LayoutPage *page)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < page->frags->len; i++) {
    const LayoutFrag *f = g_ptr_array_index (page->frags, i);
    if (f->kind != LAYOUT_FRAG_TEXT)
      continue;
    PangoLayoutLine *line = pango_layout_get_line_readonly (f->layout, f->line);
    const char *text = pango_layout_get_text (f->layout);
    g_string_append_printf (s, "%.1f %.1f ", f->x, f->y);
    g_string_append_len (s, text + line->start_index, line->length);
    g_string_append_c (s, '\n');
  }
  return g_string_free (s, FALSE);
}
