/* test-style-cascade.c — what style_compute and style_page_compute give:
 * specificity, source order, !important, inheritance, :lang, combinators,
 * :root, var(), em, shorthands, @page, @import, and styles/handout.css. */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "style/style.h"

#define MM (72.0 / 25.4)

static void
print_diags (DiagList *diags)
{
  for (guint i = 0; i < diag_list_length (diags); i++) {
    g_autofree char *m = diag_format (diag_list_get (diags, i));
    g_test_message ("diag: %s", m);
  }
}

/* A sheet that must load without any diagnostic. */
static StyleSheet *
sheet (const char *css)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  StyleSheet *s = style_sheet_parse (css, strlen (css), "test.css", diags);
  print_diags (diags);
  g_assert_cmpuint (diag_list_length (diags), ==, 0);
  return s;
}

static void
assert_color (StyleColor c, guint32 rgb)
{
  g_assert_cmpint ((int) lround (c.r * 255), ==, (int) (rgb >> 16) & 0xff);
  g_assert_cmpint ((int) lround (c.g * 255), ==, (int) (rgb >> 8) & 0xff);
  g_assert_cmpint ((int) lround (c.b * 255), ==, (int) rgb & 0xff);
}

/* Computes the chain root → … → node (each with its parent's style). */
static StyleComputed *
compute_chain (const StyleSheet *s, const StyleNode *node)
{
  if (!node)
    return NULL;
  g_autoptr (StyleComputed) parent = compute_chain (s, node->parent);
  return style_compute (s, node, parent);
}

static void
test_specificity_and_order (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "#x { color: #000001; }\n"
      ".a.b { color: #000002; }\n"
      ".a { color: #000003; }\n"
      "p { color: #000004; }\n"
      "p { color: #000005; }\n"               /* later wins at equal specificity */
      "section p { font-size: 11pt; }\n"
      "p { font-size: 12pt; }\n");            /* less specific: loses */
  StyleNode root = { .name = "dossier" };
  StyleNode sec = { .name = "section", .parent = &root };
  StyleNode p = { .name = "p", .parent = &sec };
  g_autoptr (StyleComputed) c1 = compute_chain (s, &p);
  assert_color (c1->color, 0x000005);
  g_assert_cmpfloat_with_epsilon (c1->font_size, 11, 1e-9);

  StyleNode pa = { .name = "p", .classes = "a", .parent = &sec };
  g_autoptr (StyleComputed) c2 = compute_chain (s, &pa);
  assert_color (c2->color, 0x000003);

  StyleNode pab = { .name = "p", .classes = "b  a", .parent = &sec };
  g_autoptr (StyleComputed) c3 = compute_chain (s, &pab);
  assert_color (c3->color, 0x000002);

  StyleNode px = { .name = "p", .id = "x", .classes = "a b", .parent = &sec };
  g_autoptr (StyleComputed) c4 = compute_chain (s, &px);
  assert_color (c4->color, 0x000001);
}

/* Ids no selector names are left out of the cache's key: elements that
 * differ only in them share one computation, and an id a selector names in
 * any compound (#s p: an ancestor's) still tells its element apart. */
static void
test_ids_in_cache (void)
{
  g_autoptr (StyleSheet) s = sheet ("p { color: #000001; }\n"
                                    "#s2 p { color: #000002; }\n"
                                    "#named { color: #000003; }\n");
  StyleNode root = { .name = "dossier" };
  const char *ids[] = { "s1", "s2", "s3", "named" };
  guint32 want[] = { 0x000001, 0x000002, 0x000001, 0x000001 };
  for (guint round = 0; round < 2; round++)   /* the second: from the cache */
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++) {
      StyleNode sec = { .name = "section", .id = ids[i], .parent = &root };
      StyleNode p = { .name = "p", .id = "u", .parent = &sec };
      g_autoptr (StyleComputed) c = compute_chain (s, &p);
      assert_color (c->color, want[i]);
      StyleNode pn = { .name = "p", .id = "named", .parent = &sec };
      g_autoptr (StyleComputed) cn = compute_chain (s, &pn);
      assert_color (cn->color, i == 1 ? 0x000002 : 0x000003);   /* #s2 p is the more specific */
    }
}

static void
test_important (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "p { color: red !important; }\n"
      "#x { color: blue; }\n"
      "p { font-weight: bold ! important; font-weight: normal; }\n");
  StyleNode p = { .name = "p", .id = "x" };
  g_autoptr (StyleComputed) c = style_compute (s, &p, NULL);
  assert_color (c->color, 0xff0000);
  g_assert_cmpint (c->font_weight, ==, 700);
}

static void
test_inheritance (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "dossier { color: #123456; font-size: 12pt; line-height: 1.5; margin-top: 5mm;\n"
      "          palette: red green; text-align: justify; }\n"
      "p { font-size: 8pt; }\n"
      "q { margin-top: inherit; color: initial; }\n");
  StyleNode root = { .name = "dossier" };
  StyleNode p = { .name = "p", .parent = &root };
  StyleNode q = { .name = "q", .parent = &p };
  g_autoptr (StyleComputed) r = style_compute (s, &root, NULL);
  g_autoptr (StyleComputed) pc = style_compute (s, &p, r);
  g_autoptr (StyleComputed) qc = style_compute (s, &q, pc);
  assert_color (pc->color, 0x123456);                  /* inherited */
  g_assert_cmpfloat_with_epsilon (pc->margin[STYLE_TOP], 0, 1e-9);   /* not inherited */
  g_assert_cmpint (pc->n_palette, ==, 2);
  g_assert_cmpint (pc->text_align, ==, STYLE_ALIGN_JUSTIFY);
  /* a number line-height inherits as the number */
  g_assert_cmpfloat_with_epsilon (pc->line_height, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->line_height, 18, 1e-9);
  /* explicit inherit of a non-inherited property; initial colour */
  g_assert_cmpfloat_with_epsilon (qc->margin[STYLE_TOP], 0, 1e-9);
  assert_color (qc->color, 0x000000);
  g_assert_cmpstr (qc->font_family, ==, "Noto Serif");

  /* initial values */
  g_autoptr (StyleSheet) empty = sheet ("");
  g_autoptr (StyleComputed) i = style_compute (empty, &root, NULL);
  g_assert_cmpfloat_with_epsilon (i->font_size, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (i->line_height, 14, 1e-9);
  g_assert_cmpint (i->font_weight, ==, 400);
  g_assert_cmpint (i->widows, ==, 2);
  g_assert_cmpint (i->tile_columns, ==, 3);
  g_assert_cmpint (i->n_palette, ==, 6);
  g_assert_cmpint (i->hyphens, ==, STYLE_HYPHENS_MANUAL);
  g_assert_cmpint (i->layout, ==, STYLE_LAYOUT_PARALLEL);
  g_assert_cmpfloat_with_epsilon (i->column_gap, 8 * MM, 1e-9);
  assert_color (i->missing_color, 0xc00000);
  g_assert_cmpfloat_with_epsilon (i->label_font_size, 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (i->aspect_ratio, 2, 1e-9);
  g_assert_cmpfloat (i->background_color.a, ==, 0);
  g_assert_cmpfloat (i->border_width[0], ==, 0);
}

static void
test_lang (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "p:lang(zh) { line-height: 1.7; }\n"
      ":lang(de) { hyphens: auto; }\n"
      "p:lang(zh-Hant) { color: red; }\n");
  StyleNode root = { .name = "dossier" };
  StyleNode p_zh = { .name = "p", .lang = "zh-CN", .parent = &root };
  StyleNode p_de = { .name = "p", .lang = "de", .parent = &root };
  g_autoptr (StyleComputed) zh = compute_chain (s, &p_zh);
  g_autoptr (StyleComputed) de = compute_chain (s, &p_de);
  g_assert_cmpfloat_with_epsilon (zh->line_height, 17, 1e-9);
  g_assert_cmpfloat_with_epsilon (de->line_height, 14, 1e-9);
  g_assert_cmpint (de->hyphens, ==, STYLE_HYPHENS_AUTO);
  g_assert_cmpint (zh->hyphens, ==, STYLE_HYPHENS_MANUAL);
  assert_color (zh->color, 0x000000);                  /* zh-CN is not zh-Hant */

  /* the language of the nearest ancestor that has one */
  StyleNode sec = { .name = "section", .lang = "zh", .parent = &root };
  StyleNode p = { .name = "p", .parent = &sec };
  g_autoptr (StyleComputed) inherited = compute_chain (s, &p);
  g_assert_cmpfloat_with_epsilon (inherited->line_height, 17, 1e-9);
  /* "zhx" is not "zh" */
  StyleNode p_zhx = { .name = "p", .lang = "zhx", .parent = &root };
  g_autoptr (StyleComputed) zhx = compute_chain (s, &p_zhx);
  g_assert_cmpfloat_with_epsilon (zhx->line_height, 14, 1e-9);
}

static void
test_combinators (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "dossier > section > heading { font-size: 14pt; }\n"
      "section heading { font-weight: bold; }\n"
      "section > p { color: red; }\n"
      ":root { color: #010101; }\n"
      "* { widows: 3; }\n");
  StyleNode root = { .name = "dossier" };
  StyleNode s1 = { .name = "section", .parent = &root };
  StyleNode h1 = { .name = "heading", .parent = &s1 };
  StyleNode s2 = { .name = "section", .parent = &s1 };
  StyleNode h2 = { .name = "heading", .parent = &s2 };
  StyleNode quote = { .name = "quote", .parent = &s1 };
  StyleNode p = { .name = "p", .parent = &quote };
  g_autoptr (StyleComputed) c1 = compute_chain (s, &h1);
  g_autoptr (StyleComputed) c2 = compute_chain (s, &h2);
  g_autoptr (StyleComputed) cp = compute_chain (s, &p);
  g_autoptr (StyleComputed) cr = compute_chain (s, &root);
  g_assert_cmpfloat_with_epsilon (c1->font_size, 14, 1e-9);
  g_assert_cmpfloat_with_epsilon (c2->font_size, 10, 1e-9);   /* not a child of dossier > section */
  g_assert_cmpint (c2->font_weight, ==, 700);                /* descendant */
  assert_color (cp->color, 0x010101);                        /* not a child: inherits from :root */
  assert_color (cr->color, 0x010101);
  g_assert_cmpint (cp->widows, ==, 3);
  /* :root is only the node without a parent */
  StyleNode lone_section = { .name = "section" };
  StyleNode child = { .name = "p", .parent = &lone_section };
  g_autoptr (StyleComputed) cc = compute_chain (s, &child);
  assert_color (cc->color, 0xff0000);
}

static void
test_var (void)
{
  g_autoptr (StyleSheet) s = sheet (
      ":root { --accent: #b5121b; --size: 12pt; --gap: var(--size); --both: 1pt solid var(--accent); }\n"
      "heading { color: var(--accent); font-size: var(--gap); }\n"
      "p { color: var(--nope, var(--accent2, #00ff00)); border: var(--both); }\n"
      "section { --accent: #0000ff; }\n"
      "note { margin: var(--m, 1mm 2mm); }\n");
  StyleNode root = { .name = "dossier" };
  StyleNode h = { .name = "heading", .parent = &root };
  StyleNode p = { .name = "p", .parent = &root };
  StyleNode sec = { .name = "section", .parent = &root };
  StyleNode h2 = { .name = "heading", .parent = &sec };
  StyleNode note = { .name = "note", .parent = &root };
  g_autoptr (StyleComputed) ch = compute_chain (s, &h);
  g_autoptr (StyleComputed) cp = compute_chain (s, &p);
  g_autoptr (StyleComputed) ch2 = compute_chain (s, &h2);
  g_autoptr (StyleComputed) cn = compute_chain (s, &note);
  assert_color (ch->color, 0xb5121b);
  g_assert_cmpfloat_with_epsilon (ch->font_size, 12, 1e-9);   /* nested var() */
  assert_color (cp->color, 0x00ff00);                         /* nested fallback */
  g_assert_cmpfloat_with_epsilon (cp->border_width[STYLE_LEFT], 1, 1e-9);
  assert_color (cp->border_color[STYLE_LEFT], 0xb5121b);
  assert_color (ch2->color, 0x0000ff);                        /* overridden, inherited */
  g_assert_cmpfloat_with_epsilon (cn->margin[STYLE_TOP], 1 * MM, 1e-9);
  g_assert_cmpfloat_with_epsilon (cn->margin[STYLE_RIGHT], 2 * MM, 1e-9);
  g_assert_cmpfloat_with_epsilon (cn->margin[STYLE_LEFT], 2 * MM, 1e-9);
}

static void
test_var_invalid_at_compute (void)
{
  /* valid with the :root value; a section overrides it with a bad one:
   * the property then behaves as unset (inherits colour). */
  g_autoptr (StyleSheet) s = sheet (
      ":root { --c: red; }\n"
      "dossier { color: #0000ff; }\n"
      "section { --c: 12pt; }\n"
      "p { color: var(--c); }\n");
  StyleNode root = { .name = "dossier" };
  StyleNode sec = { .name = "section", .parent = &root };
  StyleNode p = { .name = "p", .parent = &sec };
  g_autoptr (StyleComputed) c = compute_chain (s, &p);
  assert_color (c->color, 0x0000ff);
}

static void
test_em (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "dossier { font-size: 10pt; }\n"
      "heading { font-size: 1.5em; margin-bottom: 1em; text-indent: 2em; }\n"
      "p { font-size: 80%; line-height: 150%; letter-spacing: 0.1em; }\n"
      "q { font-size: larger; label-font-size: 50%; }\n"
      "em { font-size: 1in; padding: 1cm 2px; }\n");
  StyleNode root = { .name = "dossier" };
  StyleNode h = { .name = "heading", .parent = &root };
  StyleNode p = { .name = "p", .parent = &root };
  StyleNode q = { .name = "q", .parent = &p };
  StyleNode em = { .name = "em", .parent = &q };
  g_autoptr (StyleComputed) ch = compute_chain (s, &h);
  g_autoptr (StyleComputed) cp = compute_chain (s, &p);
  g_autoptr (StyleComputed) cq = compute_chain (s, &q);
  g_autoptr (StyleComputed) ce = compute_chain (s, &em);
  g_assert_cmpfloat_with_epsilon (ch->font_size, 15, 1e-9);      /* em of the parent */
  g_assert_cmpfloat_with_epsilon (ch->margin[STYLE_BOTTOM], 15, 1e-9);   /* em of itself */
  g_assert_cmpfloat_with_epsilon (ch->text_indent, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp->font_size, 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp->line_height, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (cp->letter_spacing, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (cq->font_size, 9.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (cq->label_font_size, 4.8, 1e-9);
  /* a length line-height (150% of 8pt) inherits as the length */
  g_assert_cmpfloat_with_epsilon (cq->line_height, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (ce->font_size, 72, 1e-9);
  g_assert_cmpfloat_with_epsilon (ce->padding[STYLE_TOP], 72 / 2.54, 1e-9);
  g_assert_cmpfloat_with_epsilon (ce->padding[STYLE_RIGHT], 1.5, 1e-9);
}

static void
test_shorthands (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "p { margin: 1pt 2pt 3pt; padding: 4pt; }\n"
      "quote { margin: 1pt 2pt; margin-left: 9pt; border: solid #ff0000 2pt; "
      "        border-top: none; border-right-color: blue; }\n"
      "note { border-left: dashed; color: #00ff00; border-bottom-style: dotted;"
      "       border-bottom-width: thick; }\n"
      "heading { font: italic bold 12pt/1.5 \"Noto Sans\", sans-serif; }\n"
      "caption { font: 9pt serif; }\n"
      "cell { background: #eeeeee; border-width: 1pt 2pt 3pt 4pt; border-style: solid; }\n");
  StyleNode p = { .name = "p" };
  g_autoptr (StyleComputed) cp = style_compute (s, &p, NULL);
  g_assert_cmpfloat (cp->margin[STYLE_TOP], ==, 1);
  g_assert_cmpfloat (cp->margin[STYLE_RIGHT], ==, 2);
  g_assert_cmpfloat (cp->margin[STYLE_BOTTOM], ==, 3);
  g_assert_cmpfloat (cp->margin[STYLE_LEFT], ==, 2);
  for (int k = 0; k < 4; k++)
    g_assert_cmpfloat (cp->padding[k], ==, 4);

  StyleNode q = { .name = "quote" };
  g_autoptr (StyleComputed) cq = style_compute (s, &q, NULL);
  g_assert_cmpfloat (cq->margin[STYLE_LEFT], ==, 9);
  g_assert_cmpfloat (cq->margin[STYLE_BOTTOM], ==, 1);
  g_assert_cmpfloat (cq->border_width[STYLE_TOP], ==, 0);
  g_assert_cmpint (cq->border_style[STYLE_TOP], ==, STYLE_BORDER_NONE);
  g_assert_cmpfloat (cq->border_width[STYLE_LEFT], ==, 2);
  g_assert_cmpint (cq->border_style[STYLE_LEFT], ==, STYLE_BORDER_SOLID);
  assert_color (cq->border_color[STYLE_LEFT], 0xff0000);
  assert_color (cq->border_color[STYLE_RIGHT], 0x0000ff);

  StyleNode n = { .name = "note" };
  g_autoptr (StyleComputed) cn = style_compute (s, &n, NULL);
  g_assert_cmpint (cn->border_style[STYLE_LEFT], ==, STYLE_BORDER_DASHED);
  g_assert_cmpfloat (cn->border_width[STYLE_LEFT], ==, 2.25);      /* medium */
  assert_color (cn->border_color[STYLE_LEFT], 0x00ff00);          /* currentcolor */
  g_assert_cmpfloat (cn->border_width[STYLE_BOTTOM], ==, 3.75);
  g_assert_cmpfloat (cn->border_width[STYLE_TOP], ==, 0);

  StyleNode h = { .name = "heading" };
  g_autoptr (StyleComputed) ch = style_compute (s, &h, NULL);
  g_assert_true (ch->font_italic);
  g_assert_cmpint (ch->font_weight, ==, 700);
  g_assert_cmpfloat (ch->font_size, ==, 12);
  g_assert_cmpfloat (ch->line_height, ==, 18);
  g_assert_cmpstr (ch->font_family, ==, "Noto Sans");   /* sans-serif is Noto Sans: once */

  StyleNode cap = { .name = "caption" };
  g_autoptr (StyleComputed) cc = style_compute (s, &cap, NULL);
  g_assert_cmpstr (cc->font_family, ==, "Noto Serif");
  g_assert_cmpfloat (cc->font_size, ==, 9);
  g_assert_cmpfloat (cc->line_height, ==, 9 * 1.4);

  StyleNode cell = { .name = "cell" };
  g_autoptr (StyleComputed) ce = style_compute (s, &cell, NULL);
  assert_color (ce->background_color, 0xeeeeee);
  g_assert_cmpfloat (ce->background_color.a, ==, 1);
  g_assert_cmpfloat (ce->border_width[STYLE_LEFT], ==, 4);
}

static void
test_values (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "p { color: rgb(255 128 0 / 50%); background-color: rgba(0, 0, 255, 0.25);\n"
      "    font-family: 'Noto Serif CJK SC', Noto Serif; font-weight: 600;\n"
      "    break-before: always; break-after: avoid-page; break-inside: avoid;\n"
      "    display: none; hyphens: none; text-align: end; widows: 3; orphans: 4;\n"
      "    missing-color: #c008; }\n"
      "chart { palette: #b5121b, rebeccapurple transparent; height: 55mm; aspect-ratio: 16 / 9;\n"
      "        axis-color: #333; axis-width: 0.6pt; grid-color: gainsboro; grid-width: 0.3pt;\n"
      "        label-font-size: 7pt; chart-labels: side-by-side; legend: right; }\n"
      "facts { tile-columns: 4; }\n"
      "dossier { layout: interleaved; column-gap: 6mm; }\n"
      "heading { string-set: section-title content(); }\n");
  StyleNode p = { .name = "p" };
  g_autoptr (StyleComputed) c = style_compute (s, &p, NULL);
  assert_color (c->color, 0xff8000);
  g_assert_cmpfloat_with_epsilon (c->color.a, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->background_color.a, 0.25, 1e-9);
  g_assert_cmpstr (c->font_family, ==, "Noto Serif CJK SC, Noto Serif");
  g_assert_cmpint (c->font_weight, ==, 600);
  g_assert_cmpint (c->break_before, ==, STYLE_BREAK_PAGE);
  g_assert_cmpint (c->break_after, ==, STYLE_BREAK_AVOID);
  g_assert_cmpint (c->break_inside, ==, STYLE_BREAK_AVOID);
  g_assert_true (c->display_none);
  g_assert_cmpint (c->hyphens, ==, STYLE_HYPHENS_NONE);
  g_assert_cmpint (c->text_align, ==, STYLE_ALIGN_RIGHT);
  g_assert_cmpint (c->widows, ==, 3);
  g_assert_cmpint (c->orphans, ==, 4);
  assert_color (c->missing_color, 0xcc0000);
  g_assert_cmpfloat_with_epsilon (c->missing_color.a, 0x88 / 255.0, 1e-9);

  StyleNode ch = { .name = "chart" };
  g_autoptr (StyleComputed) cc = style_compute (s, &ch, NULL);
  g_assert_cmpint (cc->n_palette, ==, 3);
  assert_color (cc->palette[1], 0x663399);
  g_assert_cmpfloat (cc->palette[2].a, ==, 0);
  g_assert_cmpfloat_with_epsilon (cc->height, 55 * MM, 1e-9);
  g_assert_cmpfloat_with_epsilon (cc->aspect_ratio, 16.0 / 9, 1e-9);
  assert_color (cc->axis_color, 0x333333);
  assert_color (cc->grid_color, 0xdcdcdc);
  g_assert_cmpfloat (cc->label_font_size, ==, 7);
  g_assert_cmpint (cc->chart_labels, ==, STYLE_LABELS_SIDE_BY_SIDE);
  g_assert_cmpint (cc->legend, ==, STYLE_LEGEND_RIGHT);

  StyleNode f = { .name = "facts" };
  g_autoptr (StyleComputed) cf = style_compute (s, &f, NULL);
  g_assert_cmpint (cf->tile_columns, ==, 4);
  StyleNode d = { .name = "dossier" };
  g_autoptr (StyleComputed) cd = style_compute (s, &d, NULL);
  g_assert_cmpint (cd->layout, ==, STYLE_LAYOUT_INTERLEAVED);
  g_assert_cmpfloat_with_epsilon (cd->column_gap, 6 * MM, 1e-9);
  StyleNode h = { .name = "heading", .parent = &d };
  g_autoptr (StyleComputed) chh = style_compute (s, &h, cd);
  g_assert_cmpstr (chh->string_set, ==, "section-title");
  g_assert_cmpint (chh->layout, ==, STYLE_LAYOUT_INTERLEAVED);   /* inherited */
  g_assert_null (cd->string_set);
}

/* Error recovery keeps the good declarations around a bad one. */
static void
test_recovery (void)
{
  const char *css = "p { colr: red; color: blue; margin: 1mm 2xx; padding: 3pt }\n"
                    "paragraf { color: red; }\n"
                    "em { font-size: 12pt; color: green; }\n";
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleSheet) s = style_sheet_parse (css, strlen (css), "r.css", diags);
  g_assert_cmpuint (diag_list_length (diags), ==, 3);
  StyleNode p = { .name = "p" };
  g_autoptr (StyleComputed) c = style_compute (s, &p, NULL);
  assert_color (c->color, 0x0000ff);
  g_assert_cmpfloat (c->margin[0], ==, 0);
  g_assert_cmpfloat (c->padding[0], ==, 3);
  StyleNode em = { .name = "em" };
  g_autoptr (StyleComputed) e = style_compute (s, &em, NULL);
  assert_color (e->color, 0x008000);
}

static void
test_page (void)
{
  g_autoptr (StyleSheet) s = sheet (
      "@page { size: A5 landscape; margin: 10mm 15mm; font-size: 8pt;\n"
      "  @bottom-center { content: \"– \" counter(page) \" –\"; }\n"
      "  @top-left { content: string(dossier-title); color: #ff0000; }\n"
      "  @top-right { content: counter(page) \"/\" counter(pages); text-align: center; }\n"
      "}\n"
      "@page :first { margin-top: 30mm; @top-left { content: none; } }\n"
      "@page :left { margin-left: 20mm; @top-left { content: \"L\"; } }\n"
      "@page :right { margin-right: 25mm; }\n");
  g_autoptr (StylePage) p1 = style_page_compute (s, 1, TRUE);
  g_assert_cmpfloat_with_epsilon (p1->width, 210 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (p1->height, 148 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (p1->margin[STYLE_TOP], 30 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (p1->margin[STYLE_RIGHT], 25 * MM, 1e-6);   /* page 1 is right */
  g_assert_cmpfloat_with_epsilon (p1->margin[STYLE_LEFT], 15 * MM, 1e-6);
  g_assert_null (p1->boxes[STYLE_MARGIN_TOP_LEFT].content);
  GPtrArray *bc = p1->boxes[STYLE_MARGIN_BOTTOM_CENTER].content;
  g_assert_nonnull (bc);
  g_assert_cmpuint (bc->len, ==, 3);
  g_assert_cmpint (((StyleContentItem *) bc->pdata[0])->kind, ==, STYLE_CONTENT_STRING);
  g_assert_cmpstr (((StyleContentItem *) bc->pdata[0])->text, ==, "– ");
  g_assert_cmpint (((StyleContentItem *) bc->pdata[1])->kind, ==, STYLE_CONTENT_COUNTER_PAGE);
  g_assert_cmpint (p1->boxes[STYLE_MARGIN_BOTTOM_CENTER].style->text_align, ==, STYLE_ALIGN_CENTER);
  g_assert_cmpfloat (p1->boxes[STYLE_MARGIN_BOTTOM_CENTER].style->font_size, ==, 8);
  GPtrArray *tr = p1->boxes[STYLE_MARGIN_TOP_RIGHT].content;
  g_assert_cmpint (((StyleContentItem *) tr->pdata[2])->kind, ==, STYLE_CONTENT_COUNTER_PAGES);
  g_assert_cmpint (p1->boxes[STYLE_MARGIN_TOP_RIGHT].style->text_align, ==, STYLE_ALIGN_CENTER);

  g_autoptr (StylePage) p2 = style_page_compute (s, 2, FALSE);
  g_assert_cmpfloat_with_epsilon (p2->margin[STYLE_TOP], 10 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (p2->margin[STYLE_LEFT], 20 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (p2->margin[STYLE_RIGHT], 15 * MM, 1e-6);
  GPtrArray *tl = p2->boxes[STYLE_MARGIN_TOP_LEFT].content;
  g_assert_cmpuint (tl->len, ==, 1);
  g_assert_cmpstr (((StyleContentItem *) tl->pdata[0])->text, ==, "L");
  assert_color (p2->boxes[STYLE_MARGIN_TOP_LEFT].style->color, 0xff0000);

  g_autoptr (StylePage) p3 = style_page_compute (s, 3, FALSE);
  GPtrArray *tl3 = p3->boxes[STYLE_MARGIN_TOP_LEFT].content;
  g_assert_cmpint (((StyleContentItem *) tl3->pdata[0])->kind, ==, STYLE_CONTENT_NAMED_STRING);
  g_assert_cmpstr (((StyleContentItem *) tl3->pdata[0])->text, ==, "dossier-title");
  g_assert_cmpint (p3->boxes[STYLE_MARGIN_TOP_LEFT].style->text_align, ==, STYLE_ALIGN_LEFT);
  g_assert_null (p3->boxes[STYLE_MARGIN_BOTTOM_LEFT].content);

  /* defaults: A4, 20mm */
  g_autoptr (StyleSheet) e = sheet ("@page { size: 100mm 50mm; }");
  g_autoptr (StylePage) pe = style_page_compute (e, 1, TRUE);
  g_assert_cmpfloat_with_epsilon (pe->width, 100 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (pe->height, 50 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (pe->margin[0], 20 * MM, 1e-6);
  g_autoptr (StyleSheet) none = sheet ("");
  g_autoptr (StylePage) pn = style_page_compute (none, 1, TRUE);
  g_assert_cmpfloat_with_epsilon (pn->width, 210 * MM, 1e-6);
  g_assert_cmpfloat_with_epsilon (pn->height, 297 * MM, 1e-6);
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
test_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("style-import-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *sub = g_build_filename (dir, "base", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_file (sub, "base.css",
              ":root { --accent: #00ff00; }\n"
              "p { color: var(--accent); font-size: 9pt; }\n"
              "heading { color: blue; }\n");
  write_file (dir, "main.css",
              "@charset \"utf-8\";\n"
              "@import \"base/base.css\";\n"
              "p { font-size: 11pt; }\n");
  g_autofree char *main_path = g_build_filename (dir, "main.css", NULL);
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleSheet) s = style_sheet_load (main_path, diags);
  print_diags (diags);
  g_assert_nonnull (s);
  g_assert_cmpuint (diag_list_length (diags), ==, 0);
  StyleNode p = { .name = "p" };
  g_autoptr (StyleComputed) c = style_compute (s, &p, NULL);
  assert_color (c->color, 0x00ff00);                   /* from the import */
  g_assert_cmpfloat (c->font_size, ==, 11);            /* the importer's own come after */

  /* a cycle and a missing file, reported at the @import */
  write_file (dir, "a.css", "@import url(b.css);\np { color: red; }\n");
  write_file (dir, "b.css", "@import 'a.css';\n@import 'missing.css';\n");
  g_autofree char *a_path = g_build_filename (dir, "a.css", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.css", NULL);
  g_autoptr (DiagList) d2 = diag_list_new ();
  g_autoptr (StyleSheet) s2 = style_sheet_load (a_path, d2);
  print_diags (d2);
  g_assert_cmpuint (diag_list_length (d2), ==, 2);
  const Diag *cycle = diag_list_get (d2, 0), *missing = diag_list_get (d2, 1);
  g_assert_cmpstr (cycle->file, ==, b_path);
  g_assert_cmpint (cycle->line, ==, 1);
  g_assert_cmpint (cycle->column, ==, 1);
  g_assert_nonnull (strstr (cycle->message, "cycle"));
  g_assert_cmpint (missing->line, ==, 2);
  g_assert_nonnull (strstr (missing->message, "cannot read imported file"));
  g_assert_nonnull (strstr (missing->message, "missing.css"));
  g_autoptr (StyleComputed) c2 = style_compute (s2, &p, NULL);
  assert_color (c2->color, 0xff0000);                  /* the rest still loads */

  const char *names[] = { "base/base.css", "main.css", "a.css", "b.css" };
  for (guint k = 0; k < G_N_ELEMENTS (names); k++) {
    g_autofree char *path = g_build_filename (dir, names[k], NULL);
    g_unlink (path);
  }
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_handout (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "styles", "handout.css", NULL);
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleSheet) s = style_sheet_load (path, diags);
  print_diags (diags);
  g_assert_nonnull (s);
  g_assert_cmpuint (diag_list_length (diags), ==, 0);

  StyleNode root = { .name = "dossier" };
  StyleNode sec = { .name = "section", .parent = &root };
  StyleNode h_de = { .name = "heading", .lang = "de", .parent = &sec };
  StyleNode h_zh = { .name = "heading", .lang = "zh", .parent = &sec };
  StyleNode p_de = { .name = "p", .lang = "de", .parent = &sec };
  StyleNode p_zh = { .name = "p", .lang = "zh", .parent = &sec };
  g_autoptr (StyleComputed) hde = compute_chain (s, &h_de);
  g_autoptr (StyleComputed) hzh = compute_chain (s, &h_zh);
  g_autoptr (StyleComputed) pde = compute_chain (s, &p_de);
  g_autoptr (StyleComputed) pzh = compute_chain (s, &p_zh);
  g_assert_cmpstr (hde->font_family, ==, "Noto Sans, Noto Sans CJK SC");
  g_assert_cmpstr (hzh->font_family, ==, "Noto Sans CJK SC, Noto Sans");
  g_assert_cmpstr (pde->font_family, ==, "Noto Serif, Noto Serif CJK SC");
  g_assert_cmpstr (pzh->font_family, ==, "Noto Serif CJK SC, Noto Serif");
  g_assert_cmpstr (hde->string_set, ==, "section-title");
  g_assert_cmpint (hde->font_weight, ==, 700);
  g_assert_cmpint (pde->hyphens, ==, STYLE_HYPHENS_AUTO);
  g_assert_cmpint (pde->text_align, ==, STYLE_ALIGN_JUSTIFY);
  g_assert_cmpfloat (pde->font_size, >=, 9.5);
  g_assert_cmpfloat (pde->font_size, <=, 10);
  g_assert_cmpfloat_with_epsilon (pzh->line_height / pzh->font_size, 1.7, 1e-9);
  g_assert_cmpfloat (hde->color.r, >, 0.6);            /* the red accent */
  g_assert_cmpfloat (hzh->color.r, <, hde->color.r);   /* a little darker in Chinese */

  GPtrArray *families = style_sheet_families (s);
  gboolean cjk = FALSE;
  for (guint k = 0; k < families->len; k++) {
    StyleFamilyUse *u = families->pdata[k];
    g_assert_cmpint (u->line, >, 0);
    cjk |= strcmp (u->family, "Noto Serif CJK SC") == 0;
  }
  g_assert_true (cjk);
  g_ptr_array_unref (families);

  g_autoptr (StylePage) p1 = style_page_compute (s, 1, TRUE);
  g_autoptr (StylePage) p2 = style_page_compute (s, 2, FALSE);
  g_assert_cmpfloat_with_epsilon (p1->width, 210 * MM, 1e-6);
  g_assert_null (p1->boxes[STYLE_MARGIN_TOP_LEFT].content);
  g_assert_nonnull (p2->boxes[STYLE_MARGIN_TOP_LEFT].content);
  g_assert_nonnull (p2->boxes[STYLE_MARGIN_TOP_RIGHT].content);
  g_assert_nonnull (p1->boxes[STYLE_MARGIN_BOTTOM_CENTER].content);
}

/* The layout calls style_compute for every unit and language: a 100-page
 * document (~4000 calls) must take a few ms at most. */
static void
test_speed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "styles", "handout.css", NULL);
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleSheet) s = style_sheet_load (path, diags);
  static const char *const blocks[] = { "p", "heading", "quote", "list", "facts", "chart",
                                        "programme", "table" };
  StyleNode root = { .name = "dossier" };
  g_autoptr (StyleComputed) rc = style_compute (s, &root, NULL);
  StyleNode sec = { .name = "section", .parent = &root };
  g_autoptr (StyleComputed) sc = style_compute (s, &sec, rc);
  gint64 start = g_get_monotonic_time ();
  for (int k = 0; k < 4000; k++) {
    StyleNode n = { .name = blocks[k % G_N_ELEMENTS (blocks)], .lang = k % 2 ? "zh" : "de",
                    .classes = k % 5 == 0 ? "highlight" : NULL, .parent = &sec };
    StyleComputed *c = style_compute (s, &n, sc);
    StyleNode child = { .name = "em", .parent = &n };
    StyleComputed *cc = style_compute (s, &child, c);
    style_computed_free (cc);
    style_computed_free (c);
  }
  double ms = (g_get_monotonic_time () - start) / 1000.0;
  /* Speed is reported, never asserted (bench/ measures it); what must
   * hold is that the sheet's cache gives the same answer every time. */
  g_test_message ("8000 style_compute calls: %.2f ms", ms);
  StyleNode n = { .name = "p", .lang = "zh", .parent = &sec };
  g_autoptr (StyleComputed) a = style_compute (s, &n, sc);
  g_autoptr (StyleComputed) b = style_compute (s, &n, sc);
  g_assert_cmpfloat (a->font_size, ==, b->font_size);
  g_assert_cmpfloat (a->line_height, ==, b->line_height);
  g_assert_cmpstr (a->font_family, ==, b->font_family);
  StyleNode d = { .name = "p", .lang = "de", .parent = &sec };
  g_autoptr (StyleComputed) c = style_compute (s, &d, sc);
  g_assert_cmpstr (a->font_family, !=, c->font_family);   /* the cache keys on language */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/style/cascade/specificity-and-order", test_specificity_and_order);
  g_test_add_func ("/style/cascade/important", test_important);
  g_test_add_func ("/style/cascade/inheritance", test_inheritance);
  g_test_add_func ("/style/cascade/lang", test_lang);
  g_test_add_func ("/style/cascade/combinators", test_combinators);
  g_test_add_func ("/style/cascade/var", test_var);
  g_test_add_func ("/style/cascade/var-invalid-at-compute", test_var_invalid_at_compute);
  g_test_add_func ("/style/cascade/em", test_em);
  g_test_add_func ("/style/cascade/shorthands", test_shorthands);
  g_test_add_func ("/style/cascade/values", test_values);
  g_test_add_func ("/style/cascade/recovery", test_recovery);
  g_test_add_func ("/style/cascade/page", test_page);
  g_test_add_func ("/style/cascade/import", test_import);
  g_test_add_func ("/style/cascade/ids-in-cache", test_ids_in_cache);
  g_test_add_func ("/style/cascade/handout", test_handout);
  g_test_add_func ("/style/cascade/speed", test_speed);
  return g_test_run ();
}
