/* test-typography.c — what a reader of the German and the Chinese must find
 * (typography.md), checked on real layouts with the project's fonts. */
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <pango/pangocairo.h>
#include "layout/layout.h"
#include "text/text.h"

static PangoFontMap *font_map;

static ModelVariant *
variant_new (const char *lang, const char *text)
{
  ModelVariant *v = g_new0 (ModelVariant, 1);
  v->lang = g_strdup (lang);
  v->inlines = g_ptr_array_new ();
  ModelInline *inl = g_new0 (ModelInline, 1);
  inl->kind = MODEL_INLINE_TEXT;
  inl->text = g_strdup (text);
  g_ptr_array_add (v->inlines, inl);
  return v;
}

static void
variant_free (ModelVariant *v)
{
  for (guint i = 0; i < v->inlines->len; i++) {
    ModelInline *inl = g_ptr_array_index (v->inlines, i);
    g_free (inl->text);
    g_free (inl);
  }
  g_ptr_array_unref (v->inlines);
  g_free (v->lang);
  g_free (v);
}

static PangoLayout *
layout_for (const TextRun *run, const char *family, double size, double width, gboolean justify)
{
  PangoContext *ctx = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (ctx, 72);
  /* as the layout stage: no hinting, unrounded metrics */
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (ctx, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_round_glyph_positions (ctx, FALSE);
  PangoLayout *layout = pango_layout_new (ctx);
  g_object_unref (ctx);
  PangoFontDescription *fd = pango_font_description_from_string (family);
  pango_font_description_set_size (fd, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, fd);
  pango_font_description_free (fd);
  pango_layout_set_text (layout, run->text, -1);
  pango_layout_set_attributes (layout, run->attrs);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (layout, justify);
  return layout;
}

/* No line starts with closing or ends with opening punctuation, at every
 * width from 40 to 400 pt (Pango breaks; our text must not defeat it). */
static void
test_chinese_line_edges (void)
{
  static const char *closing = "，。、；：？！）》」』】”’";
  static const char *opening = "（《「『【“‘";
  ModelVariant *v = variant_new ("zh",
    "2026“南京日”经贸促进会于当地时间3月2日在德国斯图加特成功举办。活动包括一场主论坛和三场平行"
    "专题分论坛，主题分别为智能出行、智慧城市以及人工智能与生物医药。南京市市长Li Zhongjun表示，"
    "此次出访旨在落实两国领导人达成的共识；他主张在科技创新、产业投资和文化交流领域深化合作（并"
    "希望与德国伙伴携手打造“相互成就的典范”）。《行动计划》已经启动！目前南京共有德资项目315个，"
    "实际使用德资22.2亿美元？协议对德投资逾7.3亿美元。");
  g_autoptr (TextRun) run = text_run_from_variant (v, "zh", NULL);
  int lines = 0;
  for (double w = 40; w <= 400; w += 1.5) {
    PangoLayout *layout = layout_for (run, "Noto Serif CJK SC", 10, w, TRUE);
    const char *text = pango_layout_get_text (layout);
    for (GSList *l = pango_layout_get_lines_readonly (layout); l; l = l->next) {
      PangoLayoutLine *line = l->data;
      if (line->length == 0)
        continue;
      lines++;
      const char *start = text + line->start_index;
      const char *end = start + line->length;
      gunichar first = g_utf8_get_char (start);
      const char *last_p = g_utf8_find_prev_char (start, end);
      while (last_p && last_p > start && g_unichar_isspace (g_utf8_get_char (last_p)))
        last_p = g_utf8_find_prev_char (start, last_p);
      gunichar last = last_p ? g_utf8_get_char (last_p) : 0;
      char fb[8] = { 0 }, lb[8] = { 0 };
      g_unichar_to_utf8 (first, fb);
      g_unichar_to_utf8 (last, lb);
      if (strstr (closing, fb) || (l->next && strstr (opening, lb)))
        g_error ("width %.1f: line '%.*s' starts or ends badly", w, line->length, start);
    }
    g_object_unref (layout);
  }
  g_test_message ("%d lines checked over 241 widths", lines);
  g_assert_cmpint (lines, >, 3000);
  variant_free (v);
}

/* The x of the character at byte index in a one-line layout. */
static double
x_of (PangoLayout *layout, int index)
{
  PangoRectangle pos;
  pango_layout_index_to_pos (layout, index, &pos);
  return pos.x / (double) PANGO_SCALE;
}

/* A quarter em between Han and Latin letters or digits, measured from the
 * glyph positions; none next to punctuation. */
static void
test_han_latin_space (void)
{
  ModelVariant *v = variant_new ("zh", "采用NEV技术，NEV技术2026年");
  g_autoptr (TextRun) run = text_run_from_variant (v, "zh", NULL);
  PangoLayout *layout = layout_for (run, "Noto Serif CJK SC", 10, 1000, FALSE);
  const char *text = run->text;
  /* 用 then N: the gap is the space before N */
  const char *n1 = strstr (text, "NEV");
  const char *yong = strstr (text, "用");
  double end_yong = x_of (layout, (int) (yong - text)) + 10;   /* a Han glyph is 1 em */
  double gap = x_of (layout, (int) (n1 - text)) - end_yong;
  g_assert_cmpfloat_with_epsilon (gap, 2.5, 0.3);
  /* V then 技 */
  const char *ji = strstr (n1, "技");
  const char *vv = n1 + 2;
  PangoRectangle vpos;
  pango_layout_index_to_pos (layout, (int) (vv - text), &vpos);
  double gap2 = x_of (layout, (int) (ji - text)) - (vpos.x + vpos.width) / (double) PANGO_SCALE;
  g_assert_cmpfloat_with_epsilon (gap2, 2.5, 0.3);
  /* ，then N: punctuation separates them already */
  const char *comma = strstr (text, "，");
  const char *n2 = strstr (comma, "NEV");
  g_assert_true (n2 == comma + strlen ("，"));
  /* 2026 then 年 */
  g_assert_nonnull (strstr (text, "2026\u2005年"));
  g_object_unref (layout);
  variant_free (v);
}

/* Soft hyphens from the dictionary: in words, never in names or the last
 * word; manual soft hyphens kept with hyphens: manual; none with none. */
static void
test_hyphens (void)
{
  StyleComputed st = { 0 };
  st.hyphens = STYLE_HYPHENS_AUTO;
  ModelVariant *v = g_new0 (ModelVariant, 1);
  v->lang = g_strdup ("de");
  v->inlines = g_ptr_array_new ();
  ModelInline t1 = { .kind = MODEL_INLINE_TEXT, .text = "Die Handelsförderungskonferenz mit " };
  ModelInline nt = { .kind = MODEL_INLINE_TEXT, .text = "Investitionsförderung" };
  GPtrArray *kids = g_ptr_array_new ();
  g_ptr_array_add (kids, &nt);
  ModelInline name = { .kind = MODEL_INLINE_NAME, .children = kids };
  ModelInline t2 = { .kind = MODEL_INLINE_TEXT, .text = " und Städtepartnerschaft" };
  g_ptr_array_add (v->inlines, &t1);
  g_ptr_array_add (v->inlines, &name);
  g_ptr_array_add (v->inlines, &t2);
  g_autoptr (TextRun) run = text_run_from_variant (v, "de", &st);
  g_assert_nonnull (strstr (run->text, "Han\u00addels"));                 /* hyphenated */
  g_assert_nonnull (strstr (run->text, " Investitionsförderung "));       /* a name: never */
  /* the last word keeps its breaks: the paragraph engine takes one only
   * where nothing else fits */
  g_assert_nonnull (strstr (run->text, " Städ\u00adte\u00adpart\u00adner\u00adschaft"));
  st.hyphens = STYLE_HYPHENS_MANUAL;
  g_autoptr (TextRun) manual = text_run_from_variant (v, "de", &st);
  g_assert_null (strstr (manual->text, "\u00ad"));
  g_ptr_array_unref (v->inlines);
  g_ptr_array_unref (kids);
  g_free (v->lang);
  g_free (v);
}

/* The example and an input written elsewhere, with the handout style: no
 * line wider than its column (no overfull-line report), hyphenation in use,
 * never more than two hyphenated lines in a row. */
static void
test_documents (void)
{
  static const char *inputs[] = { "input/nanjing-day-2026.xml", "tests/inputs/other-author.xml" };
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++) {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, inputs[i], NULL);
    g_autofree char *css = g_test_build_filename (G_TEST_DIST, "styles", "handout.css", NULL);
    g_autoptr (DiagList) diags = diag_list_new ();
    ModelPack *pack = NULL;
    g_autoptr (ModelDoc) doc = model_load (path, FALSE, &pack, diags);
    g_assert_nonnull (doc);
    g_autoptr (StyleSheet) sheet = style_sheet_load (css, diags);
    g_autoptr (LayoutDoc) ldoc = layout_run (doc, sheet, font_map, diags);
    for (guint d = 0; d < diag_list_length (diags); d++) {
      g_autofree char *msg = diag_format (diag_list_get (diags, d));
      g_test_message ("%s", msg);
      g_assert_null (strstr (msg, "wider than its column"));
    }
    int hyphenated = 0, run = 0, max_run = 0;
    for (guint p = 0; p < ldoc->pages->len; p++) {
      const LayoutPage *page = g_ptr_array_index (ldoc->pages, p);
      g_autoptr (GPtrArray) frags = layout_page_frags (page, NULL);
      for (guint f = 0; f < frags->len; f++) {
        const LayoutFrag *fr = g_ptr_array_index (frags, f);
        if (fr->kind != LAYOUT_FRAG_GLYPHS || !fr->para)
          continue;
        gboolean shy = fr->hyphenated;
        hyphenated += shy;
        /* consecutive lines of one paragraph */
        run = shy ? (fr->line > 0 ? run + 1 : 1) : 0;
        max_run = MAX (max_run, run);
        g_assert_cmpfloat (fr->x + fr->w, <=, page->width - 10 * 72 / 25.4);
      }
    }
    g_test_message ("%s: %d hyphenated lines, at most %d in a row", inputs[i], hyphenated, max_run);
    g_assert_cmpint (max_run, <=, 2);
    if (i == 0)
      g_assert_cmpint (hyphenated, >=, 5);
  }
}

/* The pages of an input and a style sheet given as strings (the input
 * through a file: the loader reads files). */
static LayoutDoc *
layout_of (const char *xml, const char *css)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("typography-XXXXXX.xml", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  g_autoptr (ModelDoc) doc = model_load (path, FALSE, &pack, diags);
  remove (path);
  g_assert_nonnull (doc);
  g_autoptr (StyleSheet) sheet = style_sheet_parse (css, strlen (css), "t.css", diags);
  return layout_run (doc, sheet, font_map, diags);
}

/* A justified line holding one word is set ragged, never letter-spaced:
 * narrow columns and long words without hyphenation force such lines. */
static void
test_single_word_lines (void)
{
  static const char *xml =
    "<dossier version=\"1\" languages=\"de\"><meta><title><t>T</t></title>"
    "<date when=\"2026-03-02\"/></meta><section id=\"s\"><p><t>Die "
    "Handelsförderungskonferenz Investitionsförderungen Städtepartnerschaftsverträge "
    "Wirtschaftsbeziehungen Handelsförderungskonferenz ""am Rande.</t></p></section></dossier>";
  static const char *css =
    "@page { size: A5; margin: 20mm 40mm; } toc { display: none; } cover { break-after: auto; }"
    "p { font-size: 10pt; text-align: justify; hyphens: none; }";
  g_autoptr (LayoutDoc) ldoc = layout_of (xml, css);
  double column = 148 * 72 / 25.4 - 2 * 40 * 72 / 25.4;
  int single = 0;
  const LayoutPage *page = g_ptr_array_index (ldoc->pages, 0);
  g_autoptr (GPtrArray) frags = layout_page_frags (page, NULL);
  for (guint i = 0; i < frags->len; i++) {
    const LayoutFrag *f = g_ptr_array_index (frags, i);
    if (f->kind != LAYOUT_FRAG_GLYPHS || !f->para || !g_str_has_prefix (f->para, "Die"))
      continue;
    g_autofree char *s = layout_frag_text (f);
    g_strchomp (s);
    if (strchr (s, ' ') || f->line + 1 == f->n_lines)
      continue;
    single++;
    /* its natural width, not spread to the column */
    g_assert_false (f->justified);
    g_assert_cmpfloat (f->w, <, column - 1);
  }
  g_assert_cmpint (single, >=, 2);
}

/* A qualified figure that opens a sentence starts with a capital; one
 * after an ordinal, an abbreviation or inside a sentence does not. */
static void
test_figure_sentence_start (void)
{
  ModelFigure fig = { .value = 860, .unit = "count", .qualifier = MODEL_QUALIFIER_MORE_THAN };
  const struct { const char *before, *expected; } cases[] = {
    { "", "Mehr als 860 kamen." },
    { "Es war voll. ", "Es war voll. Mehr als 860 kamen." },
    { "Wer kam? ", "Wer kam? Mehr als 860 kamen." },
    { "Es kamen ", "Es kamen mehr als 860 kamen." },
    { "Am 17. ", "Am 17. mehr als 860 kamen." },
    { "Es kamen z. B. ", "Es kamen z.\u202FB. mehr als 860 kamen." },
    { "Es kamen ca. ", "Es kamen ca. mehr als 860 kamen." },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    ModelVariant *v = g_new0 (ModelVariant, 1);
    v->lang = g_strdup ("de");
    v->inlines = g_ptr_array_new ();
    ModelInline t1 = { .kind = MODEL_INLINE_TEXT, .text = (char *) cases[i].before };
    ModelInline f = { .kind = MODEL_INLINE_FIG, .figure = &fig };
    ModelInline t2 = { .kind = MODEL_INLINE_TEXT, .text = " kamen." };
    if (*cases[i].before)
      g_ptr_array_add (v->inlines, &t1);
    g_ptr_array_add (v->inlines, &f);
    g_ptr_array_add (v->inlines, &t2);
    g_autofree char *plain = text_variant_plain (v, "de");
    /* the figure's inner space is a no-break one: compare with plain spaces */
    GString *norm = g_string_new (NULL);
    for (const char *p = plain; *p; p = g_utf8_next_char (p)) {
      gunichar c = g_utf8_get_char (p);
      if (c == 0xa0)
        g_string_append_c (norm, ' ');
      else
        g_string_append_unichar (norm, c);
    }
    g_assert_cmpstr (norm->str, ==, cases[i].expected);
    g_string_free (norm, TRUE);
    g_ptr_array_unref (v->inlines);
    g_free (v->lang);
    g_free (v);
  }
}

/* "z. B.", "u. a.", "d. h." take a narrow no-break space inside, and Pango
 * finds no line break there; "Bz. B." (not at a word's start) is left. */
static void
test_german_abbreviations (void)
{
  ModelVariant *v = variant_new ("de", "Städte, z. B. Nanjing, u. a. Stuttgart, d. h. Partner; Bz. B.");
  g_autoptr (TextRun) run = text_run_from_variant (v, "de", NULL);
  g_assert_nonnull (strstr (run->text, "z.\u202FB. Nanjing"));
  g_assert_nonnull (strstr (run->text, "u.\u202Fa. Stuttgart"));
  g_assert_nonnull (strstr (run->text, "d.\u202Fh. Partner"));
  g_assert_nonnull (strstr (run->text, "Bz. B."));
  int n = g_utf8_strlen (run->text, -1);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n + 1);
  pango_get_log_attrs (run->text, -1, -1, pango_language_from_string ("de"), attrs, n + 1);
  const char *z = strstr (run->text, "z.\u202FB.");
  int at = (int) g_utf8_pointer_to_offset (run->text, z);
  for (int k = at + 1; k <= at + 4; k++)
    g_assert_false (attrs[k].is_line_break);
  variant_free (v);
}

/* A Chinese tile label is set solid, as Chinese running text is: every
 * line but its last ends flush with the tile's inner edge (the labels were
 * Pango's ragged lines before the paragraph engine set them). */
static void
test_tile_label_solid (void)
{
  static const char *xml =
    "<dossier version=\"1\" languages=\"zh\"><meta><title><t>T</t></title>"
    "<date when=\"2026-03-02\"/></meta><data><figure id=\"nev\" value=\"500\" "
    "unit=\"count\"><label><t>南京新能源汽车企业，覆盖从整车生产到电池回收的各个环节，"
    "“南京日”期间签约</t></label></figure></data><section id=\"s\"><facts "
    "figures=\"nev\"/></section></dossier>";
  static const char *css =
    "@page { size: A5; margin: 20mm; } toc { display: none; } cover { break-after: auto; }"
    "facts { tile-columns: 3; } tile { padding: 2mm; }"
    "tile label { font-family: \"Noto Sans CJK SC\"; font-size: 7pt; text-align: left; }";
  g_autoptr (LayoutDoc) ldoc = layout_of (xml, css);
  double right = 0;
  int lines = 0;
  for (guint p = 0; p < ldoc->pages->len; p++) {
    const LayoutPage *page = g_ptr_array_index (ldoc->pages, p);
    g_autoptr (GPtrArray) frags = layout_page_frags (page, NULL);   /* from the page store */
    for (guint i = 0; i < frags->len; i++) {
      const LayoutFrag *f = g_ptr_array_index (frags, i);
      if (f->kind != LAYOUT_FRAG_GLYPHS || !f->para || !g_str_has_prefix (f->para, "南京新能源")
          || f->line + 1 == f->n_lines)
        continue;
      if (lines++ == 0)
        right = f->x + f->w;
      g_assert_true (f->justified);
      g_assert_cmpfloat_with_epsilon (f->x + f->w, right, 0.05);
    }
  }
  g_assert_cmpint (lines, >=, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  font_map = text_font_map_new (NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/typography/german-abbreviations", test_german_abbreviations);
  g_test_add_func ("/typography/figure-sentence-start", test_figure_sentence_start);
  g_test_add_func ("/typography/chinese-line-edges", test_chinese_line_edges);
  g_test_add_func ("/typography/han-latin-space", test_han_latin_space);
  g_test_add_func ("/typography/hyphens", test_hyphens);
  g_test_add_func ("/typography/documents", test_documents);
  g_test_add_func ("/typography/single-word-lines", test_single_word_lines);
  g_test_add_func ("/typography/tile-label-solid", test_tile_label_solid);
  int status = g_test_run ();
  g_object_unref (font_map);
  return status;
}
