/* properties.c — every property dossier knows: its name, where it may
 * stand, whether it inherits, what its value may be. Parsing the values is
 * property-parse.c, computing them computed.c.
 *
 * docs/style-reference.md documents the same table for designers: change
 * both together. */
#include "style/style-private.h"

#include <math.h>
#include <string.h>

#define TEXT_CTX (STYLE_CTX_RULE | STYLE_CTX_PAGE | STYLE_CTX_MBOX)

#define EXP_LENGTH "a length such as 4mm, 10pt or 1.5em (percentages are not supported)"
#define EXP_NN_LENGTH "a length of 0 or more such as 4mm, 10pt or 1.5em (percentages are not supported)"
#define EXP_COLOR "a colour: #rgb, #rrggbb, rgb(), rgba(), a colour name or transparent"
#define EXP_BWIDTH "a length of 0 or more, thin, medium or thick"
#define EXP_BSTYLE "none, solid, dashed or dotted"
#define EXP_BREAK "auto, avoid, avoid-page, page, always, left or right"

static const StylePropInfo props[] = {
  { "font-family", P_FONT_FAMILY, TRUE, TEXT_CTX,
    "a comma-separated list of family names, e.g. \"Noto Serif\", serif" },
  { "font-size", P_FONT_SIZE, TRUE, TEXT_CTX,
    "a length such as 10pt, a percentage, or xx-small … xx-large, smaller, larger" },
  { "font-weight", P_FONT_WEIGHT, TRUE, TEXT_CTX,
    "normal, bold, bolder, lighter or a number from 100 to 900" },
  { "font-style", P_FONT_STYLE, TRUE, TEXT_CTX, "normal, italic or oblique" },
  { "line-height", P_LINE_HEIGHT, TRUE, TEXT_CTX,
    "normal, a number such as 1.4, a length or a percentage" },
  { "color", P_COLOR, TRUE, TEXT_CTX, EXP_COLOR },
  { "text-align", P_TEXT_ALIGN, TRUE, TEXT_CTX, "left, right, center, justify, start or end" },
  { "text-indent", P_TEXT_INDENT, TRUE, STYLE_CTX_RULE, EXP_LENGTH },
  { "letter-spacing", P_LETTER_SPACING, TRUE, TEXT_CTX, "normal or " EXP_LENGTH },
  { "hyphens", P_HYPHENS, TRUE, STYLE_CTX_RULE, "none, manual or auto" },
  { "hyphenate-limit-chars", P_HYPHENATE_LIMIT_CHARS, TRUE, STYLE_CTX_RULE,
    "one to three of auto or an integer of 1 or more (word, before, after)" },
  { "widows", P_WIDOWS, TRUE, STYLE_CTX_RULE, "an integer of 1 or more" },
  { "orphans", P_ORPHANS, TRUE, STYLE_CTX_RULE, "an integer of 1 or more" },
  { "missing-color", P_MISSING_COLOR, TRUE, STYLE_CTX_RULE, EXP_COLOR },
  { "display", P_DISPLAY, FALSE, STYLE_CTX_RULE, "block or none" },
  { "margin-top", P_MARGIN_TOP, FALSE, STYLE_CTX_RULE | STYLE_CTX_PAGE, EXP_LENGTH },
  { "margin-right", P_MARGIN_RIGHT, FALSE, STYLE_CTX_RULE | STYLE_CTX_PAGE, EXP_LENGTH },
  { "margin-bottom", P_MARGIN_BOTTOM, FALSE, STYLE_CTX_RULE | STYLE_CTX_PAGE, EXP_LENGTH },
  { "margin-left", P_MARGIN_LEFT, FALSE, STYLE_CTX_RULE | STYLE_CTX_PAGE, EXP_LENGTH },
  { "padding-top", P_PADDING_TOP, FALSE, STYLE_CTX_RULE, EXP_NN_LENGTH },
  { "padding-right", P_PADDING_RIGHT, FALSE, STYLE_CTX_RULE, EXP_NN_LENGTH },
  { "padding-bottom", P_PADDING_BOTTOM, FALSE, STYLE_CTX_RULE, EXP_NN_LENGTH },
  { "padding-left", P_PADDING_LEFT, FALSE, STYLE_CTX_RULE, EXP_NN_LENGTH },
  { "border-top-width", P_BORDER_TOP_WIDTH, FALSE, STYLE_CTX_RULE, EXP_BWIDTH },
  { "border-right-width", P_BORDER_RIGHT_WIDTH, FALSE, STYLE_CTX_RULE, EXP_BWIDTH },
  { "border-bottom-width", P_BORDER_BOTTOM_WIDTH, FALSE, STYLE_CTX_RULE, EXP_BWIDTH },
  { "border-left-width", P_BORDER_LEFT_WIDTH, FALSE, STYLE_CTX_RULE, EXP_BWIDTH },
  { "border-top-style", P_BORDER_TOP_STYLE, FALSE, STYLE_CTX_RULE, EXP_BSTYLE },
  { "border-right-style", P_BORDER_RIGHT_STYLE, FALSE, STYLE_CTX_RULE, EXP_BSTYLE },
  { "border-bottom-style", P_BORDER_BOTTOM_STYLE, FALSE, STYLE_CTX_RULE, EXP_BSTYLE },
  { "border-left-style", P_BORDER_LEFT_STYLE, FALSE, STYLE_CTX_RULE, EXP_BSTYLE },
  { "border-top-color", P_BORDER_TOP_COLOR, FALSE, STYLE_CTX_RULE, EXP_COLOR },
  { "border-right-color", P_BORDER_RIGHT_COLOR, FALSE, STYLE_CTX_RULE, EXP_COLOR },
  { "border-bottom-color", P_BORDER_BOTTOM_COLOR, FALSE, STYLE_CTX_RULE, EXP_COLOR },
  { "border-left-color", P_BORDER_LEFT_COLOR, FALSE, STYLE_CTX_RULE, EXP_COLOR },
  { "background-color", P_BACKGROUND_COLOR, FALSE, STYLE_CTX_RULE, EXP_COLOR },
  { "break-before", P_BREAK_BEFORE, FALSE, STYLE_CTX_RULE, EXP_BREAK },
  { "break-after", P_BREAK_AFTER, FALSE, STYLE_CTX_RULE, EXP_BREAK },
  { "break-inside", P_BREAK_INSIDE, FALSE, STYLE_CTX_RULE, "auto, avoid or avoid-page" },
  { "layout", P_LAYOUT, TRUE, STYLE_CTX_RULE, "parallel, sequential or interleaved" },
  { "column-gap", P_COLUMN_GAP, TRUE, STYLE_CTX_RULE, "normal or " EXP_NN_LENGTH },
  { "tile-columns", P_TILE_COLUMNS, FALSE, STYLE_CTX_RULE, "an integer from 1 to 6" },
  { "palette", P_PALETTE, TRUE, STYLE_CTX_RULE,
    "1 to 12 colours separated by spaces or commas" },
  { "height", P_HEIGHT, FALSE, STYLE_CTX_RULE, "auto or " EXP_NN_LENGTH },
  { "aspect-ratio", P_ASPECT_RATIO, FALSE, STYLE_CTX_RULE,
    "auto, a number above 0 such as 2, or a ratio such as 16 / 9" },
  { "axis-color", P_AXIS_COLOR, TRUE, STYLE_CTX_RULE, EXP_COLOR },
  { "axis-width", P_AXIS_WIDTH, TRUE, STYLE_CTX_RULE, EXP_NN_LENGTH },
  { "grid-color", P_GRID_COLOR, TRUE, STYLE_CTX_RULE, EXP_COLOR },
  { "grid-width", P_GRID_WIDTH, TRUE, STYLE_CTX_RULE, EXP_NN_LENGTH },
  { "label-font-size", P_LABEL_FONT_SIZE, TRUE, STYLE_CTX_RULE,
    "a length such as 7.5pt or 0.8em, or a percentage of the font size" },
  { "chart-labels", P_CHART_LABELS, TRUE, STYLE_CTX_RULE, "stacked or side-by-side" },
  { "legend", P_LEGEND, TRUE, STYLE_CTX_RULE, "top, bottom, right or none" },
  { "string-set", P_STRING_SET, FALSE, STYLE_CTX_RULE,
    "none, or a name followed by content(), e.g. section-title content()" },
  /* inherited: CSS's `auto` is the parent's page, which is what inheriting gives */
  { "page", P_PAGE, TRUE, STYLE_CTX_RULE, "auto, or a page name given by @page NAME" },
  { "content", P_CONTENT, FALSE, STYLE_CTX_MBOX,
    "none, or strings, counter(page), counter(pages) and string(name) in a row" },
  { "size", P_SIZE, FALSE, STYLE_CTX_PAGE,
    "A3, A4, A5, B5, letter or legal (and portrait or landscape), or one or two lengths" },
  /* shorthands */
  { "font", P_FONT, TRUE, TEXT_CTX,
    "[style] [weight] size[/line-height] family, e.g. bold 12pt/1.3 \"Noto Sans\", sans-serif" },
  { "margin", P_MARGIN, FALSE, STYLE_CTX_RULE | STYLE_CTX_PAGE,
    "1 to 4 lengths such as 4mm 0 (percentages are not supported)" },
  { "padding", P_PADDING, FALSE, STYLE_CTX_RULE,
    "1 to 4 lengths of 0 or more (percentages are not supported)" },
  { "border", P_BORDER, FALSE, STYLE_CTX_RULE,
    "a width, a style (none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333" },
  { "border-top", P_BORDER_TOP, FALSE, STYLE_CTX_RULE,
    "a width, a style (none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333" },
  { "border-right", P_BORDER_RIGHT, FALSE, STYLE_CTX_RULE,
    "a width, a style (none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333" },
  { "border-bottom", P_BORDER_BOTTOM, FALSE, STYLE_CTX_RULE,
    "a width, a style (none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333" },
  { "border-left", P_BORDER_LEFT, FALSE, STYLE_CTX_RULE,
    "a width, a style (none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333" },
  { "border-width", P_BORDER_WIDTH, FALSE, STYLE_CTX_RULE,
    "1 to 4 widths: lengths of 0 or more, thin, medium or thick" },
  { "border-style", P_BORDER_STYLE, FALSE, STYLE_CTX_RULE,
    "1 to 4 of none, solid, dashed or dotted" },
  { "border-color", P_BORDER_COLOR, FALSE, STYLE_CTX_RULE, "1 to 4 colours" },
  { "background", P_BACKGROUND, FALSE, STYLE_CTX_RULE,
    "a colour (images and other background features are not supported)" },
};

/* Old names CSS still accepts, mapped to their replacements. */
static const struct { const char *name; StyleProp prop; } aliases[] = {
  { "page-break-before", P_BREAK_BEFORE },
  { "page-break-after", P_BREAK_AFTER },
  { "page-break-inside", P_BREAK_INSIDE },
};

/* Common CSS properties dossier does not support: a warning, not an error. */
static const char *const unsupported_css[] = {
  "align-content", "align-items", "align-self", "all", "animation", "animation-delay",
  "animation-direction", "animation-duration", "animation-name", "appearance",
  "backdrop-filter", "backface-visibility", "background-attachment", "background-blend-mode",
  "background-clip", "background-image", "background-origin", "background-position",
  "background-repeat", "background-size", "bleed", "block-size", "border-collapse",
  "border-image", "border-radius", "border-bottom-left-radius", "border-bottom-right-radius",
  "border-top-left-radius", "border-top-right-radius", "border-spacing", "bottom",
  "box-decoration-break", "box-shadow", "box-sizing", "caption-side", "clear", "clip",
  "clip-path", "column-count", "column-fill", "column-rule", "column-rule-color",
  "column-rule-style", "column-rule-width", "column-span", "column-width", "columns",
  "contain", "counter-increment", "counter-reset", "counter-set", "cursor", "direction",
  "empty-cells", "filter", "flex", "flex-basis", "flex-direction", "flex-flow",
  "flex-grow", "flex-shrink", "flex-wrap", "float", "font-feature-settings",
  "font-kerning", "font-language-override", "font-optical-sizing", "font-size-adjust",
  "font-stretch", "font-synthesis", "font-variant", "font-variant-caps",
  "font-variant-east-asian", "font-variant-ligatures", "font-variant-numeric",
  "font-variation-settings", "gap", "grid", "grid-area", "grid-auto-columns",
  "grid-auto-flow", "grid-auto-rows", "grid-column", "grid-column-end",
  "grid-column-start", "grid-gap", "grid-row", "grid-row-end", "grid-row-start",
  "grid-template", "grid-template-areas", "grid-template-columns", "grid-template-rows",
  "hanging-punctuation", "image-rendering", "inline-size", "inset", "isolation",
  "justify-content", "justify-items", "justify-self", "left", "line-break", "list-style",
  "list-style-image", "list-style-position", "list-style-type", "marks", "mask",
  "max-height", "max-width", "min-height", "min-width", "mix-blend-mode", "object-fit",
  "object-position", "opacity", "order", "outline", "outline-color", "outline-offset",
  "outline-style", "outline-width", "overflow", "overflow-wrap", "overflow-x",
  "overflow-y", "page", "perspective", "place-content", "place-items", "place-self",
  "pointer-events", "position", "quotes", "resize", "right", "row-gap",
  "ruby-position", "scroll-behavior", "tab-size", "table-layout", "text-align-last",
  "text-combine-upright", "text-decoration", "text-decoration-color",
  "text-decoration-line", "text-decoration-style", "text-decoration-thickness",
  "text-emphasis", "text-justify", "text-orientation", "text-overflow", "text-rendering",
  "text-shadow", "text-transform", "text-underline-offset", "text-underline-position",
  "top", "transform", "transform-origin", "transition", "transition-delay",
  "transition-duration", "transition-property", "unicode-bidi", "user-select",
  "vertical-align", "visibility", "white-space", "width", "will-change", "word-break",
  "word-spacing", "word-wrap", "writing-mode", "z-index", NULL,
};

const StylePropInfo *
style_prop_info (StyleProp prop)
{
  g_assert ((guint) prop < G_N_ELEMENTS (props));
  g_assert (props[prop].prop == prop);
  return &props[prop];
}

const StylePropInfo *
style_prop_lookup (const char *name)
{
  static GHashTable *table;
  if (g_once_init_enter (&table)) {
    GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint k = 0; k < G_N_ELEMENTS (props); k++) {
      g_assert (props[k].prop == (StyleProp) k);
      g_hash_table_insert (t, (gpointer) props[k].name, (gpointer) &props[k]);
    }
    for (guint k = 0; k < G_N_ELEMENTS (aliases); k++)
      g_hash_table_insert (t, (gpointer) aliases[k].name, (gpointer) &props[aliases[k].prop]);
    g_once_init_leave (&table, t);
  }
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (table, lower);
}

const char *
style_prop_suggest (const char *name)
{
  const char *names[G_N_ELEMENTS (props) + G_N_ELEMENTS (aliases) + 1];
  guint n = 0;
  for (guint k = 0; k < G_N_ELEMENTS (props); k++)
    names[n++] = props[k].name;
  for (guint k = 0; k < G_N_ELEMENTS (aliases); k++)
    names[n++] = aliases[k].name;
  names[n] = NULL;
  return style_suggest (name, names);
}

gboolean
style_prop_is_unsupported_css (const char *name)
{
  for (const char *const *p = unsupported_css; *p; p++)
    if (g_ascii_strcasecmp (*p, name) == 0)
      return TRUE;
  return FALSE;
}

guint
style_prop_longhands (StyleProp prop, StyleProp out[12])
{
  guint n = 0;
  switch (prop) {
  case P_FONT:
    out[n++] = P_FONT_STYLE;
    out[n++] = P_FONT_WEIGHT;
    out[n++] = P_FONT_SIZE;
    out[n++] = P_LINE_HEIGHT;
    out[n++] = P_FONT_FAMILY;
    break;
  case P_MARGIN:
    for (int s = 0; s < 4; s++)
      out[n++] = P_MARGIN_TOP + s;
    break;
  case P_PADDING:
    for (int s = 0; s < 4; s++)
      out[n++] = P_PADDING_TOP + s;
    break;
  case P_BORDER:
    for (int s = 0; s < 4; s++) {
      out[n++] = P_BORDER_TOP_WIDTH + s;
      out[n++] = P_BORDER_TOP_STYLE + s;
      out[n++] = P_BORDER_TOP_COLOR + s;
    }
    break;
  case P_BORDER_TOP: case P_BORDER_RIGHT: case P_BORDER_BOTTOM: case P_BORDER_LEFT: {
    int s = prop - P_BORDER_TOP;
    out[n++] = P_BORDER_TOP_WIDTH + s;
    out[n++] = P_BORDER_TOP_STYLE + s;
    out[n++] = P_BORDER_TOP_COLOR + s;
    break;
  }
  case P_BORDER_WIDTH:
    for (int s = 0; s < 4; s++)
      out[n++] = P_BORDER_TOP_WIDTH + s;
    break;
  case P_BORDER_STYLE:
    for (int s = 0; s < 4; s++)
      out[n++] = P_BORDER_TOP_STYLE + s;
    break;
  case P_BORDER_COLOR:
    for (int s = 0; s < 4; s++)
      out[n++] = P_BORDER_TOP_COLOR + s;
    break;
  case P_BACKGROUND:
    out[n++] = P_BACKGROUND_COLOR;
    break;
  default:
    g_assert (prop < P_N_LONGHANDS);
    out[n++] = prop;
    break;
  }
  return n;
}

/* ---- parsing --------------------------------------------------------------------- */

void
style_spec_value_clear (StyleSpecValue *v)
{
  g_clear_pointer (&v->str, g_free);
  g_clear_pointer (&v->colors, g_array_unref);
  g_clear_pointer (&v->content, g_ptr_array_unref);
}

void
style_longhand_value_array_free (GArray *values)
{
  if (!values)
    return;
  for (guint k = 0; k < values->len; k++)
    style_spec_value_clear (&g_array_index (values, StyleLonghandValue, k).v);
  g_array_unref (values);
}

