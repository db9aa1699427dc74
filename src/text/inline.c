/* inline.c — a text variant's inline content as text + Pango attributes.
 *
 * Figures and dates are formatted for the language here, quotes get the
 * language's marks (nested quotes the inner pair), and the language is set
 * on the whole run so that Pango picks the right glyph forms (SC, not JP). */
#include <string.h>
#include "text/text.h"

typedef struct {
  GString *text;
  PangoAttrList *attrs;       /* NULL: plain text only */
  GArray *links;
  const char *lang;
  int quote_depth;
  gboolean chinese;
} RunBuilder;

static void
add_attr (RunBuilder *rb, PangoAttribute *a, gsize start)
{
  if (!rb->attrs) {
    pango_attribute_destroy (a);
    return;
  }
  a->start_index = (guint) start;
  a->end_index = (guint) rb->text->len;
  pango_attr_list_insert (rb->attrs, a);
}

static void append_inlines (RunBuilder *rb, const GPtrArray *inlines);

static void
append_inline (RunBuilder *rb, const ModelInline *inl)
{
  gsize start = rb->text->len;
  switch (inl->kind) {
  case MODEL_INLINE_TEXT:
    if (rb->chinese) {
      /* Pango puts all the stretch of a justified line into its spaces
       * (U+0020 and U+00A0 are its only "expandable" ones), so in Chinese
       * the few spaces, between Latin words, would gape. A four-per-em
       * space keeps the word gap and leaves the stretch to the characters. */
      for (const char *p = inl->text; *p; p++) {
        if (*p == ' ')
          g_string_append (rb->text, "\u2005");
        else
          g_string_append_c (rb->text, *p);
      }
    } else {
      g_string_append (rb->text, inl->text);
    }
    return;
  case MODEL_INLINE_BR:
    g_string_append (rb->text, "\u2028");   /* a line break inside the paragraph */
    return;
  case MODEL_INLINE_FIG: {
    g_autofree char *s = inl->figure ? text_format_figure (inl->figure, rb->lang) : NULL;
    g_string_append (rb->text, s ? s : "");
    return;
  }
  case MODEL_INLINE_DATE: {
    g_autofree char *s = text_format_date (inl->arg, rb->lang, NULL);
    g_string_append (rb->text, s ? s : inl->arg);
    return;
  }
  case MODEL_INLINE_Q:
    g_string_append (rb->text, text_quote_open (rb->lang, rb->quote_depth));
    rb->quote_depth++;
    append_inlines (rb, inl->children);
    rb->quote_depth--;
    g_string_append (rb->text, text_quote_close (rb->lang, rb->quote_depth));
    return;
  case MODEL_INLINE_EM:
    append_inlines (rb, inl->children);
    add_attr (rb, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
    return;
  case MODEL_INLINE_STRONG:
    append_inlines (rb, inl->children);
    add_attr (rb, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
    return;
  case MODEL_INLINE_NAME:
    append_inlines (rb, inl->children);
    return;
  case MODEL_INLINE_A: {
    append_inlines (rb, inl->children);
    if (rb->text->len == start && inl->arg)   /* an empty link shows its address */
      g_string_append (rb->text, inl->arg);
    add_attr (rb, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start);
    if (rb->links && inl->arg) {
      TextLink link = { (int) start, (int) rb->text->len, g_strdup (inl->arg) };
      g_array_append_val (rb->links, link);
    }
    return;
  }
  }
}

static void
append_inlines (RunBuilder *rb, const GPtrArray *inlines)
{
  for (guint i = 0; inlines && i < inlines->len; i++)
    append_inline (rb, g_ptr_array_index (inlines, i));
}

static void
link_clear (gpointer p)
{
  g_free (((TextLink *) p)->href);
}

TextRun *
text_run_from_variant (const ModelVariant *variant, const char *lang,
                       const StyleComputed *style)
{
  TextRun *run = g_new0 (TextRun, 1);
  RunBuilder rb = {
    .text = g_string_new (NULL),
    .attrs = pango_attr_list_new (),
    .links = g_array_new (FALSE, FALSE, sizeof (TextLink)),
    .lang = lang,
    .chinese = model_lang_is_chinese (lang),
  };
  g_array_set_clear_func (rb.links, link_clear);
  if (variant)
    append_inlines (&rb, variant->inlines);
  PangoAttribute *la = pango_attr_language_new (pango_language_from_string (lang));
  la->start_index = 0;
  la->end_index = G_MAXUINT;
  pango_attr_list_insert_before (rb.attrs, la);
  run->text = g_string_free (rb.text, FALSE);
  run->attrs = rb.attrs;
  run->links = rb.links;
  return run;
}

char *
text_variant_plain (const ModelVariant *variant, const char *lang)
{
  RunBuilder rb = { .text = g_string_new (NULL), .lang = lang };
  if (variant)
    append_inlines (&rb, variant->inlines);
  /* a line break reads as a space in a title or bookmark */
  g_autofree char *s = g_string_free (rb.text, FALSE);
  g_auto (GStrv) parts = g_strsplit (s, "\u2028", -1);
  return g_strjoinv (" ", parts);
}

TextRun *
text_run_new_plain (const char *text, const char *lang)
{
  ModelInline inl = { .kind = MODEL_INLINE_TEXT, .text = (char *) text };
  GPtrArray *inlines = g_ptr_array_new ();
  g_ptr_array_add (inlines, &inl);
  ModelVariant v = { .lang = (char *) lang, .inlines = inlines };
  TextRun *run = text_run_from_variant (&v, lang, NULL);
  g_ptr_array_unref (inlines);
  return run;
}

void
text_run_free (TextRun *run)
{
  if (!run)
    return;
  g_free (run->text);
  pango_attr_list_unref (run->attrs);
  g_array_unref (run->links);
  g_free (run);
}
