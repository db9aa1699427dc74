/* floor.c — the speed floor: the benchmark's text through bare Pango and
 * Cairo (justified paragraphs flowed over A4 pages, no styles, no model),
 * to show how far dossier is from what the libraries cost by themselves. */
#include <stdio.h>
#include <stdlib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

static const char *DE =
  "Deutschland ist nach wie vor Nanjings wichtigster Wirtschafts- und Handelspartner in "
  "Europa. In Nanjing sind aktuell 315 Projekte mit deutscher Finanzierung angesiedelt. Das "
  "tatsächlich genutzte deutsche Kapital beläuft sich auf 2,22 Mrd. US-Dollar; die vertraglich "
  "vereinbarten Investitionen nach Deutschland summieren sich auf mehr als 730 Mio. US-Dollar. "
  "Unternehmen wie Thyssenkrupp, BSH Hausgeräte und Phoenix Contact sind mit wichtigen "
  "Standorten in Nanjing vertreten.";
static const char *ZH =
  "德国一直是南京在欧洲最重要的经贸伙伴。目前南京共有315个德资项目，实际使用德资22.2亿美元，"
  "南京对德协议投资逾7.3亿美元。蒂森克虏伯、博西家电、菲尼克斯电气等企业在南京设有重要基地。";

int
main (int argc, char **argv)
{
  int paragraphs = argc > 1 ? atoi (argv[1]) : 400;
  const char *out = argc > 2 ? argv[2] : "/tmp/floor.pdf";
  double w = 595.28, h = 841.89, margin = 56, colw = (w - 2 * margin - 20) / 2;
  cairo_surface_t *s = cairo_pdf_surface_create (out, w, h);
  cairo_t *cr = cairo_create (s);
  PangoContext *ctx = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (ctx, 72);
  pango_context_set_round_glyph_positions (ctx, FALSE);
  PangoFontDescription *de = pango_font_description_from_string ("Noto Serif, Noto Serif CJK SC 10");
  PangoFontDescription *zh = pango_font_description_from_string ("Noto Serif CJK SC, Noto Serif 10");
  double y = margin;
  int pages = 1;
  for (int i = 0; i < paragraphs; i++) {
    PangoLayout *l[2];
    double hmax = 0;
    for (int k = 0; k < 2; k++) {
      l[k] = pango_layout_new (ctx);
      pango_layout_set_font_description (l[k], k ? zh : de);
      pango_layout_set_text (l[k], k ? ZH : DE, -1);
      pango_layout_set_width (l[k], (int) (colw * PANGO_SCALE));
      pango_layout_set_justify (l[k], TRUE);
      int lh;
      pango_layout_get_size (l[k], NULL, &lh);
      hmax = hmax > lh / 1024.0 ? hmax : lh / 1024.0;
    }
    if (y + hmax > h - margin) {
      cairo_show_page (cr);
      pages++;
      y = margin;
    }
    for (int k = 0; k < 2; k++) {
      cairo_move_to (cr, margin + k * (colw + 20), y);
      pango_cairo_show_layout (cr, l[k]);
      g_object_unref (l[k]);
    }
    y += hmax + 6;
  }
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  printf ("%d pages\n", pages);
  return 0;
}
