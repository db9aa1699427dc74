/* render-private.h — shared between the render stage's files. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include "render/render.h"

/* Draws line index of layout with its baseline starting at (x, y), the
 * text behind it fit for copying and searching (line.c). */
/* squeeze: pt taken out of the line's spaces, evenly. */
void render_layout_line (cairo_t *cr, PangoLayout *layout, int index, double x, double y,
                         double squeeze);
