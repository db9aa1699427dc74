/* test-chart-text.c — chart labels set by the paragraph engine (chart/text.c):
 * lines of glyph runs aligned against the widest, boxes as tall as their
 * lines, Chinese set solid where it wraps (and a side-by-side note that
 * goes on in Chinese justified), the quarter em where Han meets Latin with
 * a number kept with its unit, numbers set as one word, German hyphenated
 * where it wraps, ellipsis past the lines allowed, and the note's lighter
 * colour on its runs. */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include "chart/chart-private.h"
#include "text/text.h"

#define QUARTER_EM "\u2005"

static PangoContext *context;

static StyleComputed *
style_new (const char *family, StyleChartLabels labels)
{
  StyleComputed *s = g_new0 (StyleComputed, 1);
  s->font_family = (char *) family;
  s->font_size = 9.5;
  s->label_font_size = 7.5;
  s->color = (StyleColor) { 0.11, 0.11, 0.106, 1 };
  s->chart_labels = labels;
  s->hyphenate_limit[0] = 5, s->hyphenate_limit[1] = 2, s->hyphenate_limit[2] = 2;
  return s;
}

typedef struct {
  StyleComputed *style, *lang_styles[2];
  const char *langs[2];
  ChartSpec spec;
  ChartBuild b;
} Fixture;

static void
fixture_init (Fixture *f, StyleChartLabels labels)
{
  f->style = style_new ("Noto Sans, Noto Sans CJK SC", labels);
  f->lang_styles[0] = style_new ("Noto Sans, Noto Sans CJK SC", labels);
  f->lang_styles[1] = style_new ("Noto Sans CJK SC", labels);
  f->langs[0] = "de", f->langs[1] = "zh";
  f->spec = (ChartSpec) { .langs = f->langs, .n_langs = 2, .style = f->style,
                          .lang_styles = (const StyleComputed *const *) f->lang_styles };
  f->b = (ChartBuild) { .spec = &f->spec, .context = context, .label_size = 7.5, .gap = 4.5 };
}

static void
fixture_clear (Fixture *f)
{
  g_free (f->style);
  g_free (f->lang_styles[0]);
  g_free (f->lang_styles[1]);
}

static const ChartTextLine *
line_at (const ChartText *t, guint k)
{
  return g_ptr_array_index (t->lines, k);
}

/* A line's copy text: its runs' texts. */
static char *
line_text (const ChartTextLine *l)
{
  GString *s = g_string_new (NULL);
  for (guint r = 0; r < l->runs->len; r++)
    g_string_append (s, ((const TextGlyphRun *) g_ptr_array_index (l->runs, r))->text);
  return g_string_free (s, FALSE);
}

/* The copy text of t without its quarter ems, which the engine adds. */
static char *
copy_text (const ChartText *t)
{
  g_assert_null (strstr (t->text, "\u2060"));   /* no joiners */
  g_assert_null (strstr (t->text, "\u00ad"));   /* no soft hyphens */
  g_auto (GStrv) parts = g_strsplit (t->text, QUARTER_EM, -1);
  return g_strjoinv ("", parts);
}

static gboolean
is_chinese_line (const ChartTextLine *l)
{
  g_autofree char *s = line_text (l);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* Every text: a box as wide as its widest line and as tall as its lines,
 * baselines inside their lines, runs in every line. */
static void
check_box (const ChartText *t)
{
  double w = 0, y = 0;
  for (guint k = 0; k < t->lines->len; k++)
    {
      const ChartTextLine *l = line_at (t, k);
      g_assert_cmpuint (l->runs->len, >, 0);
      g_assert_cmpfloat (l->h, >, 0);
      g_assert_cmpfloat (l->baseline, >, y);
      g_assert_cmpfloat (l->baseline, <, y + l->h);
      w = MAX (w, l->w);
      y += l->h;
    }
  g_assert_cmpfloat_with_epsilon (t->w, w, 1e-9);
  g_assert_cmpfloat_with_epsilon (t->h, y, 1e-9);
}

static const char *const de_note =
  "Quelle: Stadtregierung Nanjing, Angaben auf der Konferenz Nanjing Day 2026; die Werte "
  "für 2021 bis 2024 sind angenommen.";
static const char *const zh_note =
  "资料来源：南京市人民政府在2026“南京日”会议上公布的数据。2021年至2024年数值系假设，"
  "仅2025年数值与报道的数额一致。";

static void
test_stacked_note (void)
{
  Fixture f;
  fixture_init (&f, STYLE_LABELS_STACKED);
  char *texts[] = { (char *) de_note, (char *) zh_note };
  const double wrap = 160;
  g_autoptr (ChartText) t = chart_text_new (&f.b, texts, CHART_FONT_NOTE, wrap, 0,
                                            STYLE_ALIGN_LEFT);
  g_assert_nonnull (t);
  check_box (t);
  g_autofree char *want = g_strconcat (de_note, "\n", zh_note, NULL);
  g_autofree char *copy = copy_text (t);
  g_assert_cmpstr (copy, ==, want);
  /* German ragged within the width; Chinese set solid: every line but the
   * paragraph's last fills it */
  guint n = t->lines->len, first_zh = n;
  for (guint k = 0; k < n; k++)
    {
      const ChartTextLine *l = line_at (t, k);
      g_assert_cmpfloat (l->w, <=, wrap + 0.01);
      g_assert_cmpfloat (l->x, ==, 0);
      if (is_chinese_line (l) && first_zh == n)
        first_zh = k;
    }
  g_assert_cmpuint (first_zh, >=, 2);
  g_assert_cmpuint (n - first_zh, >=, 3);
  for (guint k = first_zh; k + 1 < n; k++)
    g_assert_cmpfloat_with_epsilon (line_at (t, k)->w, wrap, 0.01);
  /* the quarter em where Han meets digits, and no line starts with the
   * unit its number stands before */
  GString *zh = g_string_new (NULL);
  for (guint k = first_zh; k < n; k++)
    {
      g_autofree char *s = line_text (line_at (t, k));
      g_assert_false (g_str_has_prefix (s, "年"));
      g_string_append (zh, s);
    }
  g_assert_nonnull (strstr (zh->str, "2021" QUARTER_EM "年至"));
  g_assert_nonnull (strstr (zh->str, "在" QUARTER_EM "2026"));
  g_assert_nonnull (strstr (t->text, "2025" QUARTER_EM "年数值"));
  g_string_free (zh, TRUE);
  /* a note is lighter: its runs carry the alpha */
  const TextGlyphRun *run = g_ptr_array_index (line_at (t, 0)->runs, 0);
  g_assert_true (run->has_color);
  g_assert_cmpfloat_with_epsilon (run->color.a, 0.75, 0.001);
  g_assert_cmpfloat_with_epsilon (run->color.r, 0.11, 0.001);
  chart_text_set_color (t, (StyleColor) { 1, 1, 1, 1 });
  g_assert_cmpfloat (run->color.a, ==, 1);
  g_assert_cmpfloat (run->color.g, ==, 1);
  fixture_clear (&f);
}

static void
test_side_by_side_note (void)
{
  Fixture f;
  fixture_init (&f, STYLE_LABELS_SIDE_BY_SIDE);
  char *texts[] = { (char *) de_note, (char *) zh_note };
  const double wrap = 220;
  g_autoptr (ChartText) t = chart_text_new (&f.b, texts, CHART_FONT_NOTE, wrap, 0,
                                            STYLE_ALIGN_LEFT);
  check_box (t);
  g_autofree char *want = g_strconcat (de_note, " / ", zh_note, NULL);
  g_autofree char *copy = copy_text (t);
  g_assert_cmpstr (copy, ==, want);
  g_assert_cmpuint (t->lines->len, >=, 3);
  /* one paragraph that goes on in Chinese: justified, its lines flush */
  for (guint k = 0; k + 1 < t->lines->len; k++)
    g_assert_cmpfloat_with_epsilon (line_at (t, k)->w, wrap, 0.01);
  /* a caption is not: its German lines stay ragged */
  g_autoptr (ChartText) c = chart_text_new (&f.b, texts, CHART_FONT_CAPTION, wrap, 0,
                                            STYLE_ALIGN_LEFT);
  gboolean ragged = FALSE;
  for (guint k = 0; k + 1 < c->lines->len; k++)
    ragged = ragged || (!is_chinese_line (line_at (c, k)) && line_at (c, k)->w < wrap - 1);
  g_assert_true (ragged);
  fixture_clear (&f);
}

static void
test_alignment_and_figures (void)
{
  Fixture f;
  fixture_init (&f, STYLE_LABELS_STACKED);
  char *ticks[] = { "1 Mrd.", "10亿" };
  g_autoptr (ChartText) r = chart_text_new (&f.b, ticks, CHART_FONT_FIGURE, 0, 0,
                                            STYLE_ALIGN_RIGHT);
  check_box (r);
  g_assert_cmpuint (r->lines->len, ==, 2);
  for (guint k = 0; k < 2; k++)
    g_assert_cmpfloat_with_epsilon (line_at (r, k)->x + line_at (r, k)->w, r->w, 1e-9);
  /* a number is one word, spaced as a figure in running text is: a
   * quarter em where digits meet Han (the joiners around it hold it) */
  g_autofree char *zh = line_text (line_at (r, 1));
  g_assert_cmpstr (zh, ==, "10\u2005亿");

  char *cats[] = { "Handelsvolumen mit Deutschland", "对德贸易额" };
  g_autoptr (ChartText) c = chart_text_new (&f.b, cats, CHART_FONT_LABEL, 0, 0,
                                            STYLE_ALIGN_CENTER);
  check_box (c);
  for (guint k = 0; k < c->lines->len; k++)
    g_assert_cmpfloat_with_epsilon (line_at (c, k)->x, (c->w - line_at (c, k)->w) / 2, 1e-9);

  /* the same text twice, or none, is shown once, or not at all */
  char *same[] = { "2025", "2025" };
  g_autoptr (ChartText) s = chart_text_new (&f.b, same, CHART_FONT_LABEL, 0, 0,
                                            STYLE_ALIGN_LEFT);
  g_assert_cmpuint (s->lines->len, ==, 1);
  char *none[] = { "", NULL };
  g_assert_null (chart_text_new (&f.b, none, CHART_FONT_LABEL, 0, 0, STYLE_ALIGN_LEFT));
  fixture_clear (&f);
}

static void
test_ellipsis (void)
{
  Fixture f;
  fixture_init (&f, STYLE_LABELS_STACKED);
  char *texts[] = { (char *) de_note, NULL };
  g_autoptr (ChartText) t = chart_text_new (&f.b, texts, CHART_FONT_LABEL, 80, 2,
                                            STYLE_ALIGN_LEFT);
  check_box (t);
  g_assert_true (t->ellipsized);
  g_assert_cmpuint (t->lines->len, ==, 2);
  g_autofree char *last = line_text (line_at (t, 1));
  g_assert_true (g_str_has_suffix (last, "…"));
  g_assert_cmpfloat (line_at (t, 1)->w, <=, 80.01);
  /* as many lines as it needs when allowed */
  g_autoptr (ChartText) whole = chart_text_new (&f.b, texts, CHART_FONT_LABEL, 80, 20,
                                                STYLE_ALIGN_LEFT);
  g_assert_false (whole->ellipsized);
  g_assert_cmpuint (whole->lines->len, >, 2);
  /* a text far longer than its lines: cut before it is set, still ended
   * by an ellipsis on its last line */
  GString *big = g_string_new (NULL);
  for (int k = 0; k < 20000; k++)
    g_string_append (big, k % 2 ? "交流学员 " : "Austauschteilnehmende ");
  char *long_texts[] = { big->str, NULL };
  g_autoptr (ChartText) cut = chart_text_new (&f.b, long_texts, CHART_FONT_LABEL, 120, 3,
                                              STYLE_ALIGN_LEFT);
  g_string_free (big, TRUE);
  check_box (cut);
  g_assert_true (cut->ellipsized);
  g_assert_cmpuint (cut->lines->len, ==, 3);
  g_autofree char *end = line_text (line_at (cut, 2));
  g_assert_true (g_str_has_suffix (end, "…"));
  g_assert_cmpfloat (line_at (cut, 2)->w, >, 60);   /* the last line filled, not cut short */
  fixture_clear (&f);
}

static void
test_hyphens (void)
{
  /* a compound in a narrow column of names breaks at a syllable, its
   * hyphen shown but not in the copy text */
  Fixture f;
  fixture_init (&f, STYLE_LABELS_STACKED);
  char *texts[] = { "Handelsförderungskonferenzteilnehmerunternehmen", NULL };
  g_autoptr (ChartText) t = chart_text_new (&f.b, texts, CHART_FONT_LABEL, 60, 6,
                                            STYLE_ALIGN_RIGHT);
  check_box (t);
  g_assert_cmpuint (t->lines->len, >=, 3);
  g_assert_false (t->ellipsized);
  for (guint k = 0; k + 1 < t->lines->len; k++)
    {
      g_autofree char *s = line_text (line_at (t, k));
      g_assert_true (g_str_has_suffix (s, "-"));
    }
  g_assert_cmpstr (t->text, ==, texts[0]);
  /* unwrapped, nothing is hyphenated */
  g_autoptr (ChartText) one = chart_text_new (&f.b, texts, CHART_FONT_LABEL, 0, 0,
                                              STYLE_ALIGN_RIGHT);
  g_assert_cmpuint (one->lines->len, ==, 1);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  PangoFontMap *map = text_font_map_new (NULL, &error);
  g_assert_no_error (error);
  context = pango_font_map_create_context (map);
  g_object_unref (map);
  pango_context_set_round_glyph_positions (context, FALSE);
  g_test_add_func ("/chart-text/stacked-note", test_stacked_note);
  g_test_add_func ("/chart-text/side-by-side-note", test_side_by_side_note);
  g_test_add_func ("/chart-text/alignment-and-figures", test_alignment_and_figures);
  g_test_add_func ("/chart-text/ellipsis", test_ellipsis);
  g_test_add_func ("/chart-text/hyphens", test_hyphens);
  int status = g_test_run ();
  g_object_unref (context);
  return status;
}
