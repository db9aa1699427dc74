/* computed.c — specified values become computed ones: initial values,
 * inheritance, lengths in points, colours, the font size that em resolves
 * against. The table of properties is in properties.c. */
#include "style/style-private.h"

#include <math.h>
#include <string.h>

/* ---- computing ----------------------------------------------------------------- */

#define CURRENT_COLOR_MARK -1.0   /* border colour "currentcolor", resolved at the end */

/* hyphenate-limit-chars: auto: a word of 6 letters or more, 3 on each side */
static const int hyphenate_limit_auto[3] = { 6, 3, 3 };

static StyleColor
rgb (guint32 v)
{
  return (StyleColor) { ((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0,
                        (v & 0xff) / 255.0, 1.0 };
}

const StyleComputed *
style_computed_initial (void)
{
  static StyleComputed *initial;
  if (g_once_init_enter (&initial)) {
    StyleComputed *s = g_new0 (StyleComputed, 1);
    static const guint32 palette[] = { 0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9,
                                       0xCC79A7 };
    s->font_family = (char *) "Noto Serif";
    s->font_size = MEDIUM_PT;
    s->font_weight = 400;
    s->line_height_number = 1.4;
    s->line_height = 1.4 * MEDIUM_PT;
    s->color = rgb (0x000000);
    s->text_align = STYLE_ALIGN_LEFT;
    s->hyphens = STYLE_HYPHENS_MANUAL;
    memcpy (s->hyphenate_limit, hyphenate_limit_auto, sizeof hyphenate_limit_auto);
    s->widows = s->orphans = 2;
    s->missing_color = rgb (0xc00000);
    for (int k = 0; k < 4; k++) {
      s->border_width[k] = 3 * 0.75;      /* medium; 0 while the style is none */
      s->border_style[k] = STYLE_BORDER_NONE;
      s->border_color[k] = (StyleColor) { CURRENT_COLOR_MARK, 0, 0, 0 };
    }
    s->background_color = (StyleColor) { 0, 0, 0, 0 };
    s->layout = STYLE_LAYOUT_PARALLEL;
    s->column_gap = 8 * 72 / 25.4;
    s->tile_columns = 3;
    for (guint k = 0; k < G_N_ELEMENTS (palette); k++)
      s->palette[k] = rgb (palette[k]);
    s->n_palette = G_N_ELEMENTS (palette);
    s->height = 0;
    s->aspect_ratio = 2;
    s->axis_color = rgb (0x333333);
    s->axis_width = 0.6;
    s->grid_color = rgb (0xcccccc);
    s->grid_width = 0.3;
    s->label_font_size = 7.5;
    s->chart_labels = STYLE_LABELS_STACKED;
    s->legend = STYLE_LEGEND_TOP;
    g_once_init_leave (&initial, s);
  }
  return initial;
}

void
style_copy_field (StyleComputed *dst, const StyleComputed *src, StyleProp prop)
{
  switch (prop) {
  case P_FONT_FAMILY: dst->font_family = src->font_family; break;
  case P_FONT_SIZE: dst->font_size = src->font_size; break;
  case P_FONT_WEIGHT: dst->font_weight = src->font_weight; break;
  case P_FONT_STYLE: dst->font_italic = src->font_italic; break;
  case P_LINE_HEIGHT:
    dst->line_height = src->line_height;
    dst->line_height_number = src->line_height_number;
    break;
  case P_COLOR: dst->color = src->color; break;
  case P_TEXT_ALIGN: dst->text_align = src->text_align; break;
  case P_TEXT_INDENT: dst->text_indent = src->text_indent; break;
  case P_LETTER_SPACING: dst->letter_spacing = src->letter_spacing; break;
  case P_HYPHENS: dst->hyphens = src->hyphens; break;
  case P_HYPHENATE_LIMIT_CHARS:
    memcpy (dst->hyphenate_limit, src->hyphenate_limit, sizeof dst->hyphenate_limit);
    break;
  case P_WIDOWS: dst->widows = src->widows; break;
  case P_ORPHANS: dst->orphans = src->orphans; break;
  case P_MISSING_COLOR: dst->missing_color = src->missing_color; break;
  case P_DISPLAY: dst->display_none = src->display_none; break;
  case P_MARGIN_TOP: case P_MARGIN_RIGHT: case P_MARGIN_BOTTOM: case P_MARGIN_LEFT:
    dst->margin[prop - P_MARGIN_TOP] = src->margin[prop - P_MARGIN_TOP];
    break;
  case P_PADDING_TOP: case P_PADDING_RIGHT: case P_PADDING_BOTTOM: case P_PADDING_LEFT:
    dst->padding[prop - P_PADDING_TOP] = src->padding[prop - P_PADDING_TOP];
    break;
  case P_BORDER_TOP_WIDTH: case P_BORDER_RIGHT_WIDTH: case P_BORDER_BOTTOM_WIDTH:
  case P_BORDER_LEFT_WIDTH:
    dst->border_width[prop - P_BORDER_TOP_WIDTH] = src->border_width[prop - P_BORDER_TOP_WIDTH];
    break;
  case P_BORDER_TOP_STYLE: case P_BORDER_RIGHT_STYLE: case P_BORDER_BOTTOM_STYLE:
  case P_BORDER_LEFT_STYLE:
    dst->border_style[prop - P_BORDER_TOP_STYLE] = src->border_style[prop - P_BORDER_TOP_STYLE];
    break;
  case P_BORDER_TOP_COLOR: case P_BORDER_RIGHT_COLOR: case P_BORDER_BOTTOM_COLOR:
  case P_BORDER_LEFT_COLOR:
    dst->border_color[prop - P_BORDER_TOP_COLOR] = src->border_color[prop - P_BORDER_TOP_COLOR];
    break;
  case P_BACKGROUND_COLOR: dst->background_color = src->background_color; break;
  case P_BREAK_BEFORE: dst->break_before = src->break_before; break;
  case P_BREAK_AFTER: dst->break_after = src->break_after; break;
  case P_BREAK_INSIDE: dst->break_inside = src->break_inside; break;
  case P_LAYOUT: dst->layout = src->layout; break;
  case P_COLUMN_GAP: dst->column_gap = src->column_gap; break;
  case P_TILE_COLUMNS: dst->tile_columns = src->tile_columns; break;
  case P_PALETTE:
    memcpy (dst->palette, src->palette, sizeof dst->palette);
    dst->n_palette = src->n_palette;
    break;
  case P_HEIGHT: dst->height = src->height; break;
  case P_ASPECT_RATIO: dst->aspect_ratio = src->aspect_ratio; break;
  case P_AXIS_COLOR: dst->axis_color = src->axis_color; break;
  case P_AXIS_WIDTH: dst->axis_width = src->axis_width; break;
  case P_GRID_COLOR: dst->grid_color = src->grid_color; break;
  case P_GRID_WIDTH: dst->grid_width = src->grid_width; break;
  case P_LABEL_FONT_SIZE: dst->label_font_size = src->label_font_size; break;
  case P_CHART_LABELS: dst->chart_labels = src->chart_labels; break;
  case P_LEGEND: dst->legend = src->legend; break;
  case P_STRING_SET: dst->string_set = src->string_set; break;
  case P_PAGE: dst->page = src->page; break;
  case P_CONTENT: case P_SIZE: break;     /* not in StyleComputed */
  default: g_assert_not_reached ();
  }
}

/* A length against the element's font size (em) and base (%). */
static double
resolve_length (const StyleSpecValue *v, double font_size, double pct_base)
{
  switch (v->unit) {
  case U_EM: return v->num * font_size;
  case U_PCT: return v->num / 100.0 * pct_base;
  default: return v->num;
  }
}

static StyleColor
resolve_color (const StyleComputed *cs, const StyleSpecValue *v)
{
  return v->kind == SV_CURRENTCOLOR ? cs->color : v->color;
}

void
style_apply_value (StyleComputed *cs, const StyleComputed *parent, StyleProp prop,
                   const StyleSpecValue *v)
{
  const StyleComputed *initial = style_computed_initial ();
  double fs = cs->font_size;

  switch (v->kind) {
  case SV_INHERIT:
    style_copy_field (cs, parent ? parent : initial, prop);
    return;
  case SV_INITIAL:
    style_copy_field (cs, initial, prop);
    return;
  case SV_UNSET:
    style_copy_field (cs, parent && style_prop_info (prop)->inherited ? parent : initial, prop);
    return;
  default:
    break;
  }

  switch (prop) {
  case P_FONT_FAMILY: cs->font_family = v->str; break;
  case P_FONT_SIZE: {
    double pfs = parent ? parent->font_size : initial->font_size;
    if (v->unit == U_LARGER)
      cs->font_size = pfs * 1.2;
    else if (v->unit == U_SMALLER)
      cs->font_size = pfs / 1.2;
    else
      cs->font_size = resolve_length (v, pfs, pfs);
    break;
  }
  case P_FONT_WEIGHT:
    if (v->kind == SV_INT) {
      cs->font_weight = v->ival;
    } else {
      int pw = parent ? parent->font_weight : 400;
      if (v->unit == U_BOLDER)
        cs->font_weight = pw < 350 ? 400 : pw < 550 ? 700 : 900;
      else
        cs->font_weight = pw < 550 ? 100 : pw < 750 ? 400 : 700;
    }
    break;
  case P_FONT_STYLE: cs->font_italic = v->ival != 0; break;
  case P_LINE_HEIGHT:
    if (v->kind == SV_NUMBER) {
      cs->line_height_number = v->num;
      cs->line_height = v->num * fs;
    } else {
      cs->line_height_number = 0;
      cs->line_height = resolve_length (v, fs, fs);
    }
    break;
  case P_COLOR:
    cs->color = v->kind == SV_CURRENTCOLOR ? (parent ? parent->color : initial->color) : v->color;
    break;
  case P_TEXT_ALIGN: cs->text_align = v->ival; break;
  case P_TEXT_INDENT: cs->text_indent = resolve_length (v, fs, 0); break;
  case P_LETTER_SPACING: cs->letter_spacing = resolve_length (v, fs, 0); break;
  case P_HYPHENS: cs->hyphens = v->ival; break;
  case P_HYPHENATE_LIMIT_CHARS:
    for (int k = 0; k < 3; k++) {
      int n = (v->ival >> (8 * k)) & 0xff;
      cs->hyphenate_limit[k] = n ? n : hyphenate_limit_auto[k];
    }
    break;
  case P_WIDOWS: cs->widows = v->ival; break;
  case P_ORPHANS: cs->orphans = v->ival; break;
  case P_MISSING_COLOR: cs->missing_color = resolve_color (cs, v); break;
  case P_DISPLAY: cs->display_none = v->ival == STYLE_DISPLAY_NONE; break;
  case P_MARGIN_TOP: case P_MARGIN_RIGHT: case P_MARGIN_BOTTOM: case P_MARGIN_LEFT:
    cs->margin[prop - P_MARGIN_TOP] = resolve_length (v, fs, 0);
    break;
  case P_PADDING_TOP: case P_PADDING_RIGHT: case P_PADDING_BOTTOM: case P_PADDING_LEFT:
    cs->padding[prop - P_PADDING_TOP] = resolve_length (v, fs, 0);
    break;
  case P_BORDER_TOP_WIDTH: case P_BORDER_RIGHT_WIDTH: case P_BORDER_BOTTOM_WIDTH:
  case P_BORDER_LEFT_WIDTH:
    cs->border_width[prop - P_BORDER_TOP_WIDTH] = resolve_length (v, fs, 0);
    break;
  case P_BORDER_TOP_STYLE: case P_BORDER_RIGHT_STYLE: case P_BORDER_BOTTOM_STYLE:
  case P_BORDER_LEFT_STYLE:
    cs->border_style[prop - P_BORDER_TOP_STYLE] = v->ival;
    break;
  case P_BORDER_TOP_COLOR: case P_BORDER_RIGHT_COLOR: case P_BORDER_BOTTOM_COLOR:
  case P_BORDER_LEFT_COLOR:
    cs->border_color[prop - P_BORDER_TOP_COLOR] = resolve_color (cs, v);
    break;
  case P_BACKGROUND_COLOR: cs->background_color = resolve_color (cs, v); break;
  case P_BREAK_BEFORE: cs->break_before = v->ival; break;
  case P_BREAK_AFTER: cs->break_after = v->ival; break;
  case P_BREAK_INSIDE: cs->break_inside = v->ival; break;
  case P_LAYOUT: cs->layout = v->ival; break;
  case P_COLUMN_GAP: cs->column_gap = resolve_length (v, fs, 0); break;
  case P_TILE_COLUMNS: cs->tile_columns = v->ival; break;
  case P_PALETTE:
    cs->n_palette = (int) MIN (v->colors->len, STYLE_MAX_PALETTE);
    for (int k = 0; k < cs->n_palette; k++)
      cs->palette[k] = g_array_index (v->colors, StyleColor, k);
    break;
  case P_HEIGHT: cs->height = resolve_length (v, fs, 0); break;
  case P_ASPECT_RATIO: cs->aspect_ratio = v->num; break;
  case P_AXIS_COLOR: cs->axis_color = resolve_color (cs, v); break;
  case P_AXIS_WIDTH: cs->axis_width = resolve_length (v, fs, 0); break;
  case P_GRID_COLOR: cs->grid_color = resolve_color (cs, v); break;
  case P_GRID_WIDTH: cs->grid_width = resolve_length (v, fs, 0); break;
  case P_LABEL_FONT_SIZE: cs->label_font_size = resolve_length (v, fs, fs); break;
  case P_CHART_LABELS: cs->chart_labels = v->ival; break;
  case P_LEGEND: cs->legend = v->ival; break;
  case P_STRING_SET: cs->string_set = v->kind == SV_STRING ? v->str : NULL; break;
  case P_PAGE: cs->page = v->kind == SV_STRING ? v->str : NULL; break;
  case P_CONTENT: case P_SIZE: break;
  default: g_assert_not_reached ();
  }
}

/* After all values are set: what depends on several of them. */
void
style_computed_finish (StyleComputed *cs)
{
  if (cs->line_height_number > 0)
    cs->line_height = cs->line_height_number * cs->font_size;
  for (int s = 0; s < 4; s++) {
    if (cs->border_style[s] == STYLE_BORDER_NONE)
      cs->border_width[s] = 0;
    if (cs->border_color[s].r == CURRENT_COLOR_MARK)
      cs->border_color[s] = cs->color;
  }
}
