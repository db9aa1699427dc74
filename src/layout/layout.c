/* layout.c — layout_run: parts, tracks, and the document's metadata. */
#include <string.h>
#include <pango/pangocairo.h>
#include "layout/layout-private.h"

static void
outline_free (gpointer p)
{
  LayoutOutline *o = p;
  g_free (o->title);
  g_free (o->dest);
  g_free (o);
}

static void
page_free (gpointer p)
{
  LayoutPage *page = p;
  g_ptr_array_unref (page->frags);
  layout_packed_free (page->packed);
  g_free (page->name);
  g_free (page);
}

static void
tag_free (gpointer p)
{
  LayoutTag *t = p;
  g_free (t->lang);
  g_free (t->alt);
  g_free (t);
}

void
layout_doc_free (LayoutDoc *ldoc)
{
  if (!ldoc)
    return;
  g_free (ldoc->lang);
  if (ldoc->groups)
    g_array_unref (ldoc->groups);
  if (ldoc->tags)
    g_ptr_array_unref (ldoc->tags);
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
  layout_store_free (ldoc->store);
  if (ldoc->glyph_faces)
    g_ptr_array_unref (ldoc->glyph_faces);
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

void
part_set_width (Ctx *ctx, double text_width)
{
  Part *p = &ctx->part;
  ctx->text_width = text_width;
  if (p->n_tracks == 2) {
    double w = (text_width - ctx->column_gap) / 2;
    for (int i = 0; i < 2; i++) {
      p->track_x[i] = i * (w + ctx->column_gap);
      p->track_w[i] = w;
    }
  } else {
    p->track_w[0] = text_width;
  }
}

static void
root_parent (Ctx *ctx, StyleNode roots[2], Parent *root)
{
  for (int i = 0; i < ctx->part.n_langs; i++) {
    roots[i] = (StyleNode) { "dossier", NULL, NULL, ctx->part.langs[i], NULL };
    root->nodes[i] = &roots[i];
    root->styles[i] = ctx_style (ctx, &roots[i], NULL);
  }
}

/* One part of a dossier: its cover, contents and sections, paginated. */
static void
build_part (Ctx *ctx, int cover_outline_level)
{
  if (ctx->page_limit_hit)
    return;   /* reported; laying out more would only take time */
  /* running heads start afresh with each part: a Chinese part's cover
   * never carries the German part's last section title */
  g_hash_table_remove_all (ctx->strings_now);
  StyleNode roots[2];
  Parent root = { 0 };
  root_parent (ctx, roots, &root);
  ctx->units = g_ptr_array_new_with_free_func (unit_free);
  ctx->units_measured = 0, ctx->units_height = 0;
  paginate_begin (ctx, TRUE);
  units_title (ctx, &root, cover_outline_level);
  g_autoptr (GPtrArray) entries = toc_entries_of_doc (ctx);
  units_toc (ctx, &root, entries);
  for (guint i = 0; i < ctx->doc->sections->len; i++) {
    /* a section's styles are read only while its units are built */
    guint mark = ctx_styles_mark (ctx);
    units_section (ctx, g_ptr_array_index (ctx->doc->sections, i), &root);
    paginate_flush (ctx, FALSE);
    ctx_styles_release (ctx, mark);
  }
  paginate_end (ctx);
  g_clear_pointer (&ctx->units, g_ptr_array_unref);
}

/* A dossier in the arrangement of its style. With cover_outline_level > 0
 * (in a pack) its cover is an outline entry and everything below it. */
static void
layout_dossier (Ctx *ctx, const ModelDoc *doc, int outline_base)
{
  ctx->doc = doc;
  ctx->file = doc->file;
  /* running heads start afresh with each dossier of a pack */
  g_hash_table_remove_all (ctx->strings_now);
  const char *const *langs = (const char *const *) doc->languages;
  /* The outline: a dossier's sections at the top level; in a pack, or
   * for each language part of a sequential dossier, an entry for the cover
   * with the sections under it. */
  if (ctx->arrangement == STYLE_LAYOUT_SEQUENTIAL && doc->n_languages > 1) {
    for (guint i = 0; i < doc->n_languages; i++) {
      part_init (ctx, langs + i, 1, ctx->arrangement, ctx->column_gap);
      ctx->outline_base = 1;
      build_part (ctx, 1);
    }
  } else {
    part_init (ctx, langs, (int) MIN (doc->n_languages, 2), ctx->arrangement, ctx->column_gap);
    ctx->outline_base = outline_base > 0 ? 1 : 0;
    build_part (ctx, ctx->outline_base);
  }
}

static LayoutDoc *
layout_doc_new (const char *primary, PangoFontMap *font_map)
{
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
  pango_context_set_language (out->context, pango_language_from_string (primary));
  out->lang = g_strdup (primary);
  out->groups = g_array_new (FALSE, FALSE, sizeof (LayoutGroup));
  out->tags = g_ptr_array_new_with_free_func (tag_free);
  out->store = layout_store_new (NULL);
  return out;
}

static void
ctx_init (Ctx *ctx, const StyleSheet *sheet, LayoutDoc *out, DiagList *diags,
          const char *primary)
{
  *ctx = (Ctx) {
    .sheet = sheet, .pctx = out->context, .diags = diags, .out = out,
    .anchor_prefix = "",
    .group = -1,
    .anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .strings_now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .page_strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref),
    .page_assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .styles = g_ptr_array_new_with_free_func ((GDestroyNotify) style_computed_free),
  };
  StyleNode rn = { "dossier", NULL, NULL, primary, NULL };
  g_autoptr (StyleComputed) root = style_compute (sheet, &rn, NULL);
  g_autoptr (StylePage) first = style_page_compute (sheet, 1, TRUE);
  ctx->text_width = first->width - first->margin[STYLE_LEFT] - first->margin[STYLE_RIGHT];
  ctx->arrangement = root->layout;
  ctx->column_gap = root->column_gap;
}

/* Ends the layout: contents numbers, page furniture. */
static void
ctx_finish (Ctx *ctx)
{
  toc_resolve (ctx);
  furniture_add (ctx);
  layout_make_glyphs (ctx->out);
  layout_check_faces (ctx->out, ctx->diags);
  bleed_apply (ctx);          /* last: it moves every fragment */
  for (guint p = 0; p < ctx->out->pages->len; p++)   /* running heads out of the heap too */
    layout_page_pack_late (ctx->out->store, g_ptr_array_index (ctx->out->pages, p));
  ctx_styles_release (ctx, 0);
  g_ptr_array_unref (ctx->styles);
  g_hash_table_unref (ctx->anchors);
  g_hash_table_unref (ctx->strings_now);
  g_ptr_array_unref (ctx->page_strings);
  g_hash_table_unref (ctx->page_assigned);
}

LayoutDoc *
layout_run (const ModelDoc *doc, const StyleSheet *sheet, PangoFontMap *font_map,
            DiagList *diags)
{
  g_return_val_if_fail (doc && sheet && font_map && diags, NULL);
  LayoutDoc *out = layout_doc_new (doc->languages[0], font_map);
  Ctx ctx;
  ctx_init (&ctx, sheet, out, diags, doc->languages[0]);
  layout_dossier (&ctx, doc, 0);
  ctx_finish (&ctx);
  out->title = meta_plain (doc, doc->meta.title);
  out->subject = meta_plain (doc, doc->meta.subtitle);
  out->author = meta_plain (doc, doc->meta.author);
  out->keywords = meta_plain (doc, doc->meta.keywords);
  out->date = g_strdup (doc->meta.date);
  return out;
}

/* ---- packs ------------------------------------------------------------------ */

/* The pack's cover: its title in its languages, then contents listing each
 * dossier's title. */
static void
pack_front (Ctx *ctx, const ModelPack *pack)
{
  part_init (ctx, (const char *const *) pack->languages, (int) MIN (pack->n_languages, 2),
             ctx->arrangement, ctx->column_gap);
  ctx->outline_base = 0;
  ctx->anchor_prefix = "";
  /* running heads start afresh with each part: a Chinese part's cover
   * never carries the German part's last section title */
  g_hash_table_remove_all (ctx->strings_now);
  StyleNode roots[2];
  Parent root = { 0 };
  root_parent (ctx, roots, &root);
  ctx->units = g_ptr_array_new_with_free_func (unit_free);
  units_pack_title (ctx, &root, pack->title);
  GPtrArray *entries = g_ptr_array_new ();
  for (guint i = 0; i < pack->docs->len; i++) {
    const ModelDoc *doc = g_ptr_array_index (pack->docs, i);
    TocEntry *e = g_new0 (TocEntry, 1);
    e->level = 1;
    e->title = doc->meta.title;
    e->anchor = g_strdup_printf ("d%u-cover", i + 1);
    g_ptr_array_add (entries, e);
  }
  units_toc (ctx, &root, entries);
  for (guint i = 0; i < entries->len; i++) {
    TocEntry *e = g_ptr_array_index (entries, i);
    g_free (e->anchor);
    g_free (e);
  }
  g_ptr_array_unref (entries);
  paginate_begin (ctx, TRUE);
  paginate_end (ctx);
  g_clear_pointer (&ctx->units, g_ptr_array_unref);
}

LayoutDoc *
layout_run_pack (const ModelPack *pack, const StyleSheet *sheet, PangoFontMap *font_map,
                 DiagList *diags)
{
  g_return_val_if_fail (pack && sheet && font_map && diags, NULL);
  LayoutDoc *out = layout_doc_new (pack->languages[0], font_map);
  Ctx ctx;
  ctx_init (&ctx, sheet, out, diags, pack->languages[0]);
  ctx.file = pack->file;
  pack_front (&ctx, pack);
  for (guint i = 0; i < pack->docs->len; i++) {
    g_autofree char *prefix = g_strdup_printf ("d%u-", i + 1);
    ctx.anchor_prefix = prefix;
    layout_dossier (&ctx, g_ptr_array_index (pack->docs, i), 1);
  }
  ctx.anchor_prefix = "";
  ctx_finish (&ctx);
  GString *title = g_string_new (NULL);
  for (guint i = 0; pack->title && i < pack->n_languages; i++) {
    const ModelVariant *v = model_text_get (pack->title, pack->languages[i]);
    g_autofree char *p = v ? text_variant_plain (v, pack->languages[i]) : NULL;
    if (p && *p) {
      if (title->len)
        g_string_append (title, " · ");
      g_string_append (title, p);
    }
  }
  out->title = g_string_free (title, FALSE);
  return out;
}

char *
layout_frag_text (const LayoutFrag *f)
{
  GString *s = g_string_new (NULL);
  for (guint r = 0; f->kind == LAYOUT_FRAG_GLYPHS && r < f->runs->len; r++)
    g_string_append (s, ((const TextGlyphRun *) g_ptr_array_index (f->runs, r))->text);
  return g_string_free (s, FALSE);
}

char *
layout_page_dump (const LayoutPage *page)
{
  GString *s = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) frags = layout_page_frags (page, &error);
  if (!frags) {
    g_string_append_printf (s, "%s\n", error->message);
    return g_string_free (s, FALSE);
  }
  for (guint i = 0; i < frags->len; i++) {
    const LayoutFrag *f = g_ptr_array_index (frags, i);
    if (f->kind != LAYOUT_FRAG_GLYPHS)
      continue;
    g_autofree char *text = layout_frag_text (f);
    g_string_append_printf (s, "%.1f %.1f %s", f->x, f->y, text);
    /* a line of the paragraph engine: its width, ratio and how it ends */
    if (f->break_kind)
      g_string_append_printf (s, " | %.1f | %.3f | %s", f->w, f->ratio, f->break_kind);
    g_string_append_c (s, '\n');
  }
  return g_string_free (s, FALSE);
}
