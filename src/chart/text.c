/* text.c — chart text in one or two languages, set by the paragraph engine
 * (src/para): each label is measured with HarfBuzz advances and kept as
 * lines of glyph runs, the same runs the page's display list draws; no
 * PangoLayout (whose sizes load every glyph's outline for its ink).
 *
 * Labels follow the engine's rules, as running text does: Chinese gets a
 * quarter em where Han meets Latin letters or digits (text/inline.c) and is
 * set solid when it wraps left-aligned; numbers stay one word ("22.2亿"). */
#include <math.h>
#include <string.h>
#include "chart/chart-private.h"
#include "para/para.h"

#define QUARTER_EM "\u2005" /* text/inline.c's space where Han meets Latin */
#define WORD_JOINER "\u2060" /* no break here */

/* No wrapping: the widest line the engine sets. */
#define UNWRAPPED 50000.0

static double
label_size_of (const ChartSpec *spec, int i)
{
  const StyleComputed *ls = chart_lang_style (spec, i);
  if (ls->label_font_size > 0)
    return ls->label_font_size;
  if (spec->style->label_font_size > 0)
    return spec->style->label_font_size;
  return 8;
}

static StyleColor
lang_text_color (const ChartSpec *spec, int i)
{
  const StyleComputed *ls = chart_lang_style (spec, i);
  return ls->color.a > 0 ? ls->color : chart_text_color (spec);
}

static const char *
family_of (const ChartSpec *spec, int i)
{
  const StyleComputed *ls = chart_lang_style (spec, i);
  return ls->font_family && *ls->font_family ? ls->font_family : "Noto Sans, Noto Sans CJK SC";
}

static double
size_of (const ChartSpec *spec, int i, ChartFont font)
{
  const StyleComputed *ls = chart_lang_style (spec, i);
  double size = label_size_of (spec, i);
  if (font == CHART_FONT_CAPTION)
    return ls->font_size > 0 ? ls->font_size : size * 1.25;
  return font == CHART_FONT_NOTE ? size * 0.9 : size;
}

static guint16
to16 (double c)
{
  return (guint16) CLAMP (lround (c * 65535), 0, 65535);
}

static void
insert (PangoAttrList *attrs, PangoAttribute *a, guint start, guint end)
{
  a->start_index = start, a->end_index = end;
  pango_attr_list_insert (attrs, a);
}

/* Language i's font and colour on [start, end) of attrs. The size is
 * absolute: one user-space unit is one point on the PDF surface, whatever
 * resolution the context was made with. */
static void
add_run_attrs (const ChartSpec *spec, PangoAttrList *attrs, int i, ChartFont font, guint start,
               guint end)
{
  PangoFontDescription *fd = pango_font_description_new ();
  pango_font_description_set_family (fd, family_of (spec, i));
  if (font == CHART_FONT_CAPTION)
    pango_font_description_set_weight (fd, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (fd, size_of (spec, i, font) * PANGO_SCALE);
  insert (attrs, pango_attr_font_desc_new (fd), start, end);
  pango_font_description_free (fd);

  StyleColor c = lang_text_color (spec, i);
  insert (attrs, pango_attr_foreground_new (to16 (c.r), to16 (c.g), to16 (c.b)), start, end);
  double alpha = c.a * (font == CHART_FONT_NOTE ? 0.75 : 1);
  if (alpha < 1)
    insert (attrs, pango_attr_foreground_alpha_new (to16 (alpha)), start, end);
}

/* One language's text as the text stage sets it: numbers as one word,
 * other text after the language's rules, hyphenated where it may wrap (a
 * long German compound in a narrow column of names breaks at a syllable,
 * with its hyphen, not between any two letters). */
static TextRun *
segment_run (const char *text, const char *lang, ChartFont font, gboolean wraps)
{
  if (font == CHART_FONT_FIGURE)
    return text_run_new_figure (text, lang);
  ModelInline in = { .kind = MODEL_INLINE_TEXT, .text = (char *) text };
  gpointer inlines[] = { &in };
  GPtrArray array = { .pdata = inlines, .len = 1 };
  ModelVariant v = { .lang = (char *) lang, .inlines = &array };
  StyleComputed hyphens = { .hyphens = wraps ? STYLE_HYPHENS_AUTO : STYLE_HYPHENS_MANUAL };
  TextRun *run = text_run_from_variant (&v, lang, &hyphens);
  if (!model_lang_is_chinese (lang) || strstr (run->text, QUARTER_EM) == NULL)
    return run;
  /* A number keeps its Chinese unit on its line ("2025 年", "30 周年"), as a
   * figure does in running text: a label's numbers are plain text here. The
   * run is plain text with one language over it: nothing to move. */
  GString *s = g_string_new (NULL);
  for (const char *p = run->text; *p; p = g_utf8_next_char (p))
    {
      gboolean bind = strncmp (p, QUARTER_EM, 3) == 0 && p > run->text && g_ascii_isdigit (p[-1]);
      if (bind)
        g_string_append (s, WORD_JOINER QUARTER_EM WORD_JOINER);
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  g_free (run->text);
  run->text = g_string_free (s, FALSE);
  return run;
}

/* Appends segment (lang index i) to run, after sep; its attributes
 * moved to where it lands, clipped to it. */
static void
run_append (const ChartSpec *spec, TextRun *run, GString *s, const char *sep, int i,
            const char *text, ChartFont font, gboolean wraps)
{
  guint start = (guint) s->len;
  g_string_append (s, sep);
  guint at = (guint) s->len;
  g_autoptr (TextRun) seg = segment_run (text, spec->langs[i], font, wraps);
  g_string_append (s, seg->text);
  guint end = (guint) s->len;
  GSList *list = pango_attr_list_get_attributes (seg->attrs);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *a = l->data;
      guint a0 = MIN (a->start_index, end - at), a1 = MIN (a->end_index, end - at);
      /* the separator reads in the segment's language too */
      insert (run->attrs, a, a->start_index == 0 ? start : at + a0, at + a1);
    }
  g_slist_free (list);
  add_run_attrs (spec, run->attrs, i, font, start, end);
}

/* The engine's style for a label: the language's, with the chart's font,
 * no indent or spacing, and the alignment (the lines' offsets are the
 * label's own, chart_text_new). */
static StyleComputed
para_style (const ChartSpec *spec, int i, ChartFont font, StyleTextAlign align)
{
  StyleComputed st = *chart_lang_style (spec, i);
  st.font_family = (char *) family_of (spec, i);
  st.font_size = size_of (spec, i, font);
  st.font_weight = font == CHART_FONT_CAPTION ? 700 : 400;
  st.font_italic = FALSE;
  st.line_height = st.font_size * 1.2; /* unused: a label's lines are as tall as their fonts */
  st.text_align = align;
  st.text_indent = 0;
  st.letter_spacing = 0;
  return st;
}

/* A text cut after n bytes (at a character), with an ellipsis. */
static TextRun *
run_cut (const TextRun *run, gsize n)
{
  TextRun *cut = g_new0 (TextRun, 1);
  GString *s = g_string_new_len (run->text, (gssize) n);
  while (s->len > 0 && (s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
  g_string_append (s, "…");
  cut->text = g_string_free (s, FALSE);
  cut->attrs = pango_attr_list_copy (run->attrs);
  cut->links = g_array_new (FALSE, FALSE, sizeof (TextLink));
  return cut;
}

/* The first n characters of run. */
static TextRun *
run_head (const TextRun *run, glong n)
{
  TextRun *head = g_new0 (TextRun, 1);
  head->text = g_strndup (run->text, (gsize) (g_utf8_offset_to_pointer (run->text, n) - run->text));
  head->attrs = pango_attr_list_copy (run->attrs);
  head->links = g_array_new (FALSE, FALSE, sizeof (TextLink));
  return head;
}

/* res too long for max_lines: the longest start of run that, with an
 * ellipsis, takes at most max_lines lines (as Pango's ellipsizing ends the
 * last line allowed). */
static ParaResult *
ellipsize (PangoContext *pctx, const TextRun *run, const StyleComputed *st, double width,
           const ParaResult *whole, int max_lines)
{
  /* what fits is at most the text of the lines allowed, and a character of
   * copy text stands for at most three of the run (joiners around a
   * quarter em): a hostile caption is not set twenty times whole */
  glong shown = 0;
  for (int k = 0; k <= max_lines && k < (int) whole->lines->len; k++)
    shown += g_utf8_strlen (((const ParaLine *) g_ptr_array_index (whole->lines, k))->text, -1);
  glong lo = 0, hi = MIN (g_utf8_strlen (run->text, -1), 3 * shown + 8);
  while (hi - lo > 1)
    {
      glong mid = (lo + hi) / 2;
      gsize n = (gsize) (g_utf8_offset_to_pointer (run->text, mid) - run->text);
      g_autoptr (TextRun) cut = run_cut (run, n);
      g_autoptr (ParaResult) res = para_set (pctx, cut, st, width);
      if ((int) res->lines->len <= max_lines)
        lo = mid;
      else
        hi = mid;
    }
  gsize n = (gsize) (g_utf8_offset_to_pointer (run->text, lo) - run->text);
  g_autoptr (TextRun) cut = run_cut (run, n);
  return para_set (pctx, cut, st, width);
}

static void
line_free (gpointer data)
{
  ChartTextLine *l = data;
  if (l->runs)
    g_ptr_array_unref (l->runs);
  g_free (l);
}

void
chart_text_free (ChartText *t)
{
  if (t == NULL)
    return;
  g_ptr_array_unref (t->lines);
  g_free (t->text);
  g_free (t);
}

/* The characters of from not yet in to, added to it. */
static void
add_missing (GArray *to, const GArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      gunichar c = g_array_index (from, gunichar, i);
      gboolean seen = FALSE;
      for (guint k = 0; k < to->len && !seen; k++)
        seen = g_array_index (to, gunichar, k) == c;
      if (!seen)
        g_array_append_val (to, c);
    }
}

/* Sets run as one paragraph of t (lines appended, its copy text to copy). */
static void
add_paragraph (ChartBuild *b, ChartText *t, const TextRun *run, const StyleComputed *st,
               double wrap_width, int max_lines, GString *copy)
{
  double width = wrap_width > 0 ? wrap_width : UNWRAPPED;
  /* A text far longer than its lines can hold is set cut first: no glyph
   * is narrower than a tenth of an em but spaces and marks, and the engine
   * breaks a whole paragraph at once (a caption of a megabyte would cost
   * seconds for four lines). */
  g_autoptr (TextRun) head = NULL;
  if (max_lines > 0)
    {
      glong limit
          = 3 * (max_lines + 1) * (glong) ceil (width / (0.1 * MAX (st->font_size, 1))) + 16;
      if (g_utf8_strlen (run->text, -1) > limit)
        run = head = run_head (run, limit);
    }
  ParaResult *res = para_set (b->context, run, st, width);
  if (max_lines > 0 && (head != NULL || (int) res->lines->len > max_lines))
    {
      ParaResult *cut = ellipsize (b->context, run, st, width, res, max_lines);
      para_result_unref (res);
      res = cut;
      t->ellipsized = TRUE;
    }
  if (b->layout)   /* a label measured outside a chart (the tests) */
    add_missing (b->layout->missing, res->missing);
  for (guint k = 0; k < res->lines->len; k++)
    {
      const ParaLine *pl = g_ptr_array_index (res->lines, k);
      ChartTextLine *l = g_new0 (ChartTextLine, 1);
      l->runs = para_line_copy_runs (pl, 0);
      l->w = pl->width;
      l->h = pl->ascent + pl->descent;
      l->baseline = pl->ascent;
      g_ptr_array_add (t->lines, l);
    }
  if (copy->len > 0)
    g_string_append_c (copy, '\n');
  g_string_append (copy, res->text);
  para_result_unref (res);
}

/* Lines stacked, each aligned against the widest (as Pango aligns a
 * layout's lines). */
static void
place_lines (ChartText *t, StyleTextAlign align)
{
  double w = 0, y = 0;
  for (guint k = 0; k < t->lines->len; k++)
    w = MAX (w, ((ChartTextLine *) g_ptr_array_index (t->lines, k))->w);
  for (guint k = 0; k < t->lines->len; k++)
    {
      ChartTextLine *l = g_ptr_array_index (t->lines, k);
      l->x = align == STYLE_ALIGN_CENTER  ? (w - l->w) / 2
             : align == STYLE_ALIGN_RIGHT ? w - l->w
                                          : 0;
      l->baseline += y;
      y += l->h;
    }
  t->w = w;
  t->h = y;
}

ChartText *
chart_text_new (ChartBuild *b, char *const *texts, ChartFont font, double wrap_width, int max_lines,
                StyleTextAlign align)
{
  const ChartSpec *spec = b->spec;
  gboolean stacked = spec->style->chart_labels == STYLE_LABELS_STACKED;
  int shown[2], n = 0;
  for (int i = 0; texts != NULL && i < spec->n_langs && n < 2; i++)
    {
      const char *s = texts[i];
      gboolean dup = FALSE;
      for (int j = 0; j < i; j++)
        dup = dup || g_strcmp0 (texts[j], s) == 0;
      if (s != NULL && *s != '\0' && !dup)
        shown[n++] = i;
    }
  if (n == 0)
    return NULL;

  ChartText *t = g_new0 (ChartText, 1);
  t->lines = g_ptr_array_new_with_free_func (line_free);
  GString *copy = g_string_new (NULL);
  /* stacked: a paragraph per language, each after its own rules;
   * side by side: one paragraph, the languages joined by " / " */
  for (int k = 0; k < n; k += stacked ? 1 : n)
    {
      TextRun run = { .attrs = pango_attr_list_new (),
                      .links = g_array_new (FALSE, FALSE, sizeof (TextLink)) };
      GString *s = g_string_new (NULL);
      gboolean chinese = FALSE;
      for (int j = k; j < (stacked ? k + 1 : n); j++)
        {
          run_append (spec, &run, s, j > k ? " / " : "", shown[j], texts[shown[j]], font,
                      wrap_width > 0);
          chinese = chinese || model_lang_is_chinese (spec->langs[shown[j]]);
        }
      run.text = g_string_free (s, FALSE);
      /* Chinese is set solid when it wraps (clreq 3.8): the engine does so
     * for a Chinese paragraph; a note that only goes on in Chinese (side
     * by side) is justified, a caption stays ragged */
      StyleTextAlign a = align;
      if (!stacked && chinese && font == CHART_FONT_NOTE && wrap_width > 0
          && align == STYLE_ALIGN_LEFT)
        a = STYLE_ALIGN_JUSTIFY;
      StyleComputed st = para_style (spec, shown[k], font, a);
      add_paragraph (b, t, &run, &st, wrap_width, max_lines, copy);
      g_free (run.text);
      pango_attr_list_unref (run.attrs);
      g_array_unref (run.links);
    }
  t->text = g_string_free (copy, FALSE);
  place_lines (t, align);
  return t;
}

ChartText *
chart_text_new_1 (ChartBuild *b, const char *text, int lang_index, ChartFont font)
{
  char *texts[2] = { NULL, NULL };
  texts[lang_index] = (char *) text;
  return chart_text_new (b, texts, font, 0, 0, STYLE_ALIGN_LEFT);
}

void
chart_text_size (const ChartText *t, double *w, double *h)
{
  if (w != NULL)
    *w = t ? t->w : 0;
  if (h != NULL)
    *h = t ? t->h : 0;
}

void
chart_text_set_color (ChartText *t, StyleColor color)
{
  for (guint k = 0; k < t->lines->len; k++)
    {
      ChartTextLine *l = g_ptr_array_index (t->lines, k);
      for (guint r = 0; l->runs && r < l->runs->len; r++)
        {
          TextGlyphRun *run = g_ptr_array_index (l->runs, r);
          run->has_color = TRUE;
          run->color = color;
        }
    }
}

static gboolean
has_ideographs (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_break_type (g_utf8_get_char (p)) == G_UNICODE_BREAK_IDEOGRAPHIC)
      return TRUE;
  return FALSE;
}

gboolean
chart_words_fit (ChartBuild *b, char *const *texts, double width)
{
  for (int i = 0; i < b->spec->n_langs; i++)
    {
      if (texts[i] == NULL)
        continue;
      g_auto (GStrv) words = g_strsplit_set (texts[i], " \n\t", -1);
      for (int k = 0; words[k] != NULL; k++)
        {
          if (*words[k] == '\0' || has_ideographs (words[k]))
            continue;
          ChartText *t = chart_text_new_1 (b, words[k], i, CHART_FONT_LABEL);
          double w = 0;
          chart_text_size (t, &w, NULL);
          chart_text_free (t);
          if (w > width)
            return FALSE;
        }
    }
  return TRUE;
}
