/* computed.c — specified values become computed ones: initial values,
 * inheritance, lengths in points, colours, the font size that em resolves
 * against. How each property computes is the compute column of
 * property-table.h; the kinds are StyleComputeKind. */
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

/* The field(s) the table gives for prop (strings: the pointer, not a copy). */
void
style_copy_field (StyleComputed *dst, const StyleComputed *src, StyleProp prop)
{
  const StylePropInfo *info = style_prop_info (prop);
  if (info->size)
    memcpy ((char *) dst + info->offset, (const char *) src + info->offset, info->size);
  if (info->size2)
    memcpy ((char *) dst + info->offset2, (const char *) src + info->offset2, info->size2);
}

#define FIELD_AT(cs, info, type) (*(type *) ((char *) (cs) + (info)->offset))

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

/* inherit, initial, unset: copies the field(s) from the parent or the
 * initial values; FALSE for any other value. */
static gboolean
apply_css_wide (StyleComputed *cs, const StyleComputed *parent, StyleProp prop,
                const StyleSpecValue *v)
{
  const StyleComputed *initial = style_computed_initial ();
  switch (v->kind) {
  case SV_INHERIT:
    style_copy_field (cs, parent ? parent : initial, prop);
    return TRUE;
  case SV_INITIAL:
    style_copy_field (cs, initial, prop);
    return TRUE;
  case SV_UNSET:
    style_copy_field (cs, parent && style_prop_info (prop)->inherited ? parent : initial, prop);
    return TRUE;
  default:
    return FALSE;
  }
}

/* font-size: larger and smaller by a step of 1.2, em and % of the parent's */
static double
compute_font_size (const StyleSpecValue *v, double parent_size)
{
  if (v->unit == U_LARGER)
    return parent_size * 1.2;
  if (v->unit == U_SMALLER)
    return parent_size / 1.2;
  return resolve_length (v, parent_size, parent_size);
}

/* font-weight: bolder and lighter as CSS Fonts 4's table of relative weights */
static int
compute_font_weight (const StyleSpecValue *v, int parent_weight)
{
  if (v->kind == SV_INT)
    return v->ival;
  if (v->unit == U_BOLDER)
    return parent_weight < 350 ? 400 : parent_weight < 550 ? 700 : 900;
  return parent_weight < 550 ? 100 : parent_weight < 750 ? 400 : 700;
}

void
style_apply_value (StyleComputed *cs, const StyleComputed *parent, StyleProp prop,
                   const StyleSpecValue *v)
{
  if (apply_css_wide (cs, parent, prop, v))
    return;
  const StyleComputed *initial = style_computed_initial ();
  double fs = cs->font_size;
  const StylePropInfo *info = style_prop_info (prop);
  switch (info->compute) {
  case STYLE_COMPUTE_NONE:
    break;
  case STYLE_COMPUTE_IVAL:
    g_assert (info->size == sizeof (int));
    FIELD_AT (cs, info, int) = v->ival;
    break;
  case STYLE_COMPUTE_LENGTH:
    FIELD_AT (cs, info, double) = resolve_length (v, fs, 0);
    break;
  case STYLE_COMPUTE_LENGTH_FS:
    FIELD_AT (cs, info, double) = resolve_length (v, fs, fs);
    break;
  case STYLE_COMPUTE_NUMBER:
    FIELD_AT (cs, info, double) = v->num;
    break;
  case STYLE_COMPUTE_COLOR:
    FIELD_AT (cs, info, StyleColor) = resolve_color (cs, v);
    break;
  case STYLE_COMPUTE_STR:
    FIELD_AT (cs, info, char *) = v->kind == SV_STRING ? v->str : NULL;
    break;
  case STYLE_COMPUTE_COLOR_PROP:
    cs->color = v->kind == SV_CURRENTCOLOR ? (parent ? parent->color : initial->color) : v->color;
    break;
  case STYLE_COMPUTE_FONT_SIZE:
    cs->font_size = compute_font_size (v, parent ? parent->font_size : initial->font_size);
    break;
  case STYLE_COMPUTE_FONT_WEIGHT:
    cs->font_weight = compute_font_weight (v, parent ? parent->font_weight : 400);
    break;
  case STYLE_COMPUTE_LINE_HEIGHT:
    if (v->kind == SV_NUMBER) {
      cs->line_height_number = v->num;
      cs->line_height = v->num * fs;
    } else {
      cs->line_height_number = 0;
      cs->line_height = resolve_length (v, fs, fs);
    }
    break;
  case STYLE_COMPUTE_HYPHENATE_LIMIT:
    for (int k = 0; k < 3; k++) {
      int n = (v->ival >> (8 * k)) & 0xff;
      cs->hyphenate_limit[k] = n ? n : hyphenate_limit_auto[k];
    }
    break;
  case STYLE_COMPUTE_PALETTE:
    cs->n_palette = (int) MIN (v->colors->len, STYLE_MAX_PALETTE);
    for (int k = 0; k < cs->n_palette; k++)
      cs->palette[k] = g_array_index (v->colors, StyleColor, k);
    break;
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
