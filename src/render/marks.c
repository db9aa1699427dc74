/* marks.c — printer's marks in the room between the bleed and the sheet's
 * edge: crop marks (where to cut: the trim's edges drawn on outward, kept
 * clear of the bleed so that no mark shows on the trimmed page) and
 * registration crosses (a circle and cross at the middle of each side, to
 * check that the inks line up). Hairlines in black, as a printer expects;
 * drawn outside every structure element, so not in the tagged content. */
#include <math.h>
#include "render/render-private.h"

#define HAIRLINE 0.25

static void
line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Crop marks at the four corners of the trim [in, w - in] × [in, h - in]. */
static void
crop_marks (cairo_t *cr, double w, double h, double in, double bleed, double room)
{
  double gap = bleed + room / 6, len = room * 2 / 3;
  double xs[2] = { in, w - in }, ys[2] = { in, h - in };
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      double sx = i ? 1 : -1, sy = j ? 1 : -1;   /* outward */
      line (cr, xs[i] + sx * gap, ys[j], xs[i] + sx * (gap + len), ys[j]);
      line (cr, xs[i], ys[j] + sy * gap, xs[i], ys[j] + sy * (gap + len));
    }
}

static void
cross_at (cairo_t *cr, double cx, double cy, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r * 0.6, 0, 2 * M_PI);
  line (cr, cx - r, cy, cx + r, cy);
  line (cr, cx, cy - r, cx, cy + r);
}

void
render_marks_draw (cairo_t *cr, double w, double h, double in, double bleed, guint marks)
{
  double room = in - bleed;
  if (!marks || room <= 0)
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, HAIRLINE);
  if (marks & STYLE_MARKS_CROP)
    crop_marks (cr, w, h, in, bleed, room);
  if (marks & STYLE_MARKS_CROSS) {
    double mid = in - bleed - room / 2, r = room / 3;
    cross_at (cr, w / 2, mid, r);
    cross_at (cr, w / 2, h - mid, r);
    cross_at (cr, mid, h / 2, r);
    cross_at (cr, w - mid, h / 2, r);
  }
  cairo_stroke (cr);
  cairo_restore (cr);
}
