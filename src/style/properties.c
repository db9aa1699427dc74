/* properties.c — every property dossier knows: its name, where it may
 * stand, whether it inherits, how its value is parsed (into specified
 * values of longhands) and how a specified value becomes a computed one.
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

static void
push (GArray *out, StyleProp prop, const StyleSpecValue *v)
{
  StyleLonghandValue lv = { .prop = prop, .v = *v };
  g_array_append_val (out, lv);
}

static const StyleToken *
cur (const StyleValueCursor *c)
{
  return c->i < c->n ? c->toks[c->i] : NULL;
}

static gboolean
cur_is_ident (const StyleValueCursor *c, const char *name)
{
  const StyleToken *t = cur (c);
  return t && t->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (t->value, name) == 0;
}

typedef struct { const char *name; int value; } Keyword;

static gboolean
parse_keyword (StyleValueCursor *c, const Keyword *kw, int *out)
{
  const StyleToken *t = cur (c);
  if (!t || t->type != STYLE_TOK_IDENT)
    return FALSE;
  for (; kw->name; kw++)
    if (g_ascii_strcasecmp (t->value, kw->name) == 0) {
      *out = kw->value;
      c->i++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_keyword_value (StyleValueCursor *c, const Keyword *kw, StyleSpecValue *v)
{
  v->kind = SV_KEYWORD;
  return parse_keyword (c, kw, &v->ival);
}

static const Keyword kw_font_style[] = {
  { "normal", 0 }, { "italic", 1 }, { "oblique", 1 }, { NULL, 0 } };
static const Keyword kw_align[] = {
  { "left", STYLE_ALIGN_LEFT }, { "right", STYLE_ALIGN_RIGHT }, { "center", STYLE_ALIGN_CENTER },
  { "justify", STYLE_ALIGN_JUSTIFY }, { "start", STYLE_ALIGN_LEFT }, { "end", STYLE_ALIGN_RIGHT },
  { NULL, 0 } };
static const Keyword kw_hyphens[] = {
  { "none", STYLE_HYPHENS_NONE }, { "manual", STYLE_HYPHENS_MANUAL }, { "auto", STYLE_HYPHENS_AUTO },
  { NULL, 0 } };
static const Keyword kw_display[] = {
  { "block", STYLE_DISPLAY_BLOCK }, { "none", STYLE_DISPLAY_NONE }, { NULL, 0 } };
static const Keyword kw_border_style[] = {
  { "none", STYLE_BORDER_NONE }, { "hidden", STYLE_BORDER_NONE }, { "solid", STYLE_BORDER_SOLID },
  { "dashed", STYLE_BORDER_DASHED }, { "dotted", STYLE_BORDER_DOTTED }, { NULL, 0 } };
static const Keyword kw_break[] = {
  { "auto", STYLE_BREAK_AUTO }, { "avoid", STYLE_BREAK_AVOID }, { "avoid-page", STYLE_BREAK_AVOID },
  { "page", STYLE_BREAK_PAGE }, { "always", STYLE_BREAK_PAGE }, { "left", STYLE_BREAK_PAGE },
  { "right", STYLE_BREAK_PAGE }, { "recto", STYLE_BREAK_PAGE }, { "verso", STYLE_BREAK_PAGE },
  { NULL, 0 } };
static const Keyword kw_break_inside[] = {
  { "auto", STYLE_BREAK_AUTO }, { "avoid", STYLE_BREAK_AVOID }, { "avoid-page", STYLE_BREAK_AVOID },
  { NULL, 0 } };
static const Keyword kw_layout[] = {
  { "parallel", STYLE_LAYOUT_PARALLEL }, { "sequential", STYLE_LAYOUT_SEQUENTIAL },
  { "interleaved", STYLE_LAYOUT_INTERLEAVED }, { NULL, 0 } };
static const Keyword kw_chart_labels[] = {
  { "stacked", STYLE_LABELS_STACKED }, { "side-by-side", STYLE_LABELS_SIDE_BY_SIDE },
  { NULL, 0 } };
static const Keyword kw_legend[] = {
  { "top", STYLE_LEGEND_TOP }, { "bottom", STYLE_LEGEND_BOTTOM }, { "right", STYLE_LEGEND_RIGHT },
  { "none", STYLE_LEGEND_NONE }, { NULL, 0 } };

/* font-size keywords, as factors of medium (CSS Fonts 4 §2.5) */
static const struct { const char *name; double factor; } font_size_keywords[] = {
  { "xx-small", 3.0 / 5 }, { "x-small", 3.0 / 4 }, { "small", 8.0 / 9 }, { "medium", 1 },
  { "large", 6.0 / 5 }, { "x-large", 3.0 / 2 }, { "xx-large", 2 }, { "xxx-large", 3 },
};
#define MEDIUM_PT 10.0

static gboolean
parse_color_value (StyleValueCursor *c, StyleSpecValue *v)
{
  gboolean current;
  if (!style_color_parse (c, &v->color, &current))
    return FALSE;
  v->kind = current ? SV_CURRENTCOLOR : SV_COLOR;
  return TRUE;
}

static gboolean
parse_nonneg_length (StyleValueCursor *c, gboolean pct, StyleSpecValue *v)
{
  guint save = c->i;
  if (!style_length_parse (c, pct, FALSE, v))
    return FALSE;
  if (v->num < 0) {
    c->i = save;
    return FALSE;
  }
  return TRUE;
}

static gboolean
parse_border_width (StyleValueCursor *c, StyleSpecValue *v)
{
  static const Keyword kw[] = { { "thin", 1 }, { "medium", 3 }, { "thick", 5 }, { NULL, 0 } };
  int px;
  if (parse_keyword (c, kw, &px)) {
    v->kind = SV_LENGTH;
    v->unit = U_PT;
    v->num = px * 0.75;
    return TRUE;
  }
  return parse_nonneg_length (c, FALSE, v);
}

static gboolean
parse_integer (StyleValueCursor *c, int min, int max, StyleSpecValue *v)
{
  const StyleToken *t = cur (c);
  if (!t || t->type != STYLE_TOK_NUMBER || !t->is_integer || t->number < min || t->number > max)
    return FALSE;
  v->kind = SV_INT;
  v->ival = (int) t->number;
  c->i++;
  return TRUE;
}

/* font-family: names are strings or runs of identifiers; the generic
 * families serif and sans-serif name the project's Noto fonts. */
static gboolean
parse_font_family (StyleValueCursor *c, StyleSpecValue *v, GPtrArray *uses)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  for (;;) {
    const StyleToken *t = cur (c);
    const StyleToken *first = t;
    char *name = NULL;
    if (t && t->type == STYLE_TOK_STRING && t->value[0]) {
      name = g_strdup (t->value);
      c->i++;
    } else if (t && t->type == STYLE_TOK_IDENT) {
      static const char *const reserved[] = { "inherit", "initial", "unset", "revert", "default", NULL };
      GString *s = g_string_new (NULL);
      for (; (t = cur (c)) && t->type == STYLE_TOK_IDENT; c->i++) {
        if (g_strv_contains (reserved, t->value))
          break;
        if (s->len)
          g_string_append_c (s, ' ');
        g_string_append (s, t->value);
      }
      if (s->len == 0) {
        g_string_free (s, TRUE);
        g_ptr_array_unref (names);
        return FALSE;
      }
      name = g_string_free (s, FALSE);
      if (g_ascii_strcasecmp (name, "serif") == 0)
        g_free (name), name = g_strdup ("Noto Serif");
      else if (g_ascii_strcasecmp (name, "sans-serif") == 0)
        g_free (name), name = g_strdup ("Noto Sans");
      else if (g_ascii_strcasecmp (name, "monospace") == 0)
        g_free (name), name = g_strdup ("Noto Sans Mono");
    } else {
      g_ptr_array_unref (names);
      return FALSE;
    }
    gboolean dup = FALSE;
    for (guint k = 0; k < names->len; k++)
      if (g_ascii_strcasecmp (names->pdata[k], name) == 0)
        dup = TRUE;
    if (uses && !dup) {
      StyleFamilyUse *u = g_new0 (StyleFamilyUse, 1);
      u->family = g_strdup (name);
      u->line = first->line;
      u->column = first->column;
      g_ptr_array_add (uses, u);
    }
    if (dup)
      g_free (name);
    else
      g_ptr_array_add (names, name);
    t = cur (c);
    if (!t)
      break;
    if (t->type != STYLE_TOK_COMMA) {
      g_ptr_array_unref (names);
      return FALSE;
    }
    c->i++;
  }
  g_ptr_array_add (names, NULL);
  v->kind = SV_STRING;
  v->str = g_strjoinv (", ", (char **) names->pdata);
  g_ptr_array_unref (names);
  return TRUE;
}

static gboolean
parse_font_size (StyleValueCursor *c, StyleSpecValue *v)
{
  const StyleToken *t = cur (c);
  if (t && t->type == STYLE_TOK_IDENT) {
    for (guint k = 0; k < G_N_ELEMENTS (font_size_keywords); k++)
      if (g_ascii_strcasecmp (t->value, font_size_keywords[k].name) == 0) {
        v->kind = SV_LENGTH;
        v->unit = U_PT;
        v->num = MEDIUM_PT * font_size_keywords[k].factor;
        c->i++;
        return TRUE;
      }
    if (g_ascii_strcasecmp (t->value, "larger") == 0 || g_ascii_strcasecmp (t->value, "smaller") == 0) {
      v->kind = SV_LENGTH;
      v->unit = g_ascii_strcasecmp (t->value, "larger") == 0 ? U_LARGER : U_SMALLER;
      c->i++;
      return TRUE;
    }
    return FALSE;
  }
  return parse_nonneg_length (c, TRUE, v);
}

static gboolean
parse_font_weight (StyleValueCursor *c, StyleSpecValue *v)
{
  const StyleToken *t = cur (c);
  if (!t)
    return FALSE;
  if (t->type == STYLE_TOK_NUMBER) {
    if (t->number < 100 || t->number > 900)
      return FALSE;
    v->kind = SV_INT;
    v->ival = (int) lround (t->number);
    c->i++;
    return TRUE;
  }
  static const Keyword kw[] = { { "normal", 400 }, { "bold", 700 }, { "bolder", -1 },
                                { "lighter", -2 }, { NULL, 0 } };
  int w;
  if (!parse_keyword (c, kw, &w))
    return FALSE;
  if (w > 0) {
    v->kind = SV_INT;
    v->ival = w;
  } else {
    v->kind = SV_LENGTH;        /* relative to the parent */
    v->unit = w == -1 ? U_BOLDER : U_LIGHTER;
  }
  return TRUE;
}

static gboolean
parse_line_height (StyleValueCursor *c, StyleSpecValue *v)
{
  if (cur_is_ident (c, "normal")) {
    c->i++;
    v->kind = SV_NUMBER;
    v->num = 1.2;
    return TRUE;
  }
  guint save = c->i;
  if (!style_length_parse (c, TRUE, TRUE, v))
    return FALSE;
  if (v->num < 0) {
    c->i = save;
    return FALSE;
  }
  return TRUE;
}

static gboolean
parse_palette (StyleValueCursor *c, StyleSpecValue *v)
{
  GArray *colors = g_array_new (FALSE, FALSE, sizeof (StyleColor));
  for (;;) {
    StyleColor col;
    if (!style_color_parse (c, &col, NULL) || colors->len == STYLE_MAX_PALETTE) {
      g_array_unref (colors);
      return FALSE;
    }
    g_array_append_val (colors, col);
    const StyleToken *t = cur (c);
    if (!t)
      break;
    if (t->type == STYLE_TOK_COMMA)
      c->i++;
  }
  v->kind = SV_PALETTE;
  v->colors = colors;
  return TRUE;
}

static gboolean
parse_aspect_ratio (StyleValueCursor *c, StyleSpecValue *v)
{
  if (cur_is_ident (c, "auto")) {
    c->i++;
    v->kind = SV_INITIAL;
    return TRUE;
  }
  const StyleToken *t = cur (c);
  if (!t || t->type != STYLE_TOK_NUMBER || t->number <= 0)
    return FALSE;
  double a = t->number, b = 1;
  c->i++;
  t = cur (c);
  if (t && t->type == STYLE_TOK_DELIM && t->delim == '/') {
    c->i++;
    t = cur (c);
    if (!t || t->type != STYLE_TOK_NUMBER || t->number <= 0)
      return FALSE;
    b = t->number;
    c->i++;
  }
  v->kind = SV_NUMBER;
  v->num = a / b;
  return TRUE;
}

/* the function token at c->i with one identifier argument: its name */
static const char *
function_ident_arg (StyleValueCursor *c, const char *fname)
{
  const StyleToken *t = cur (c);
  if (!t || t->type != STYLE_TOK_FUNCTION || g_ascii_strcasecmp (t->value, fname) != 0)
    return NULL;
  if (c->i + 2 >= c->n)
    return NULL;
  const StyleToken *arg = c->toks[c->i + 1], *close = c->toks[c->i + 2];
  if (arg->type != STYLE_TOK_IDENT || close->type != STYLE_TOK_RPAREN)
    return NULL;
  c->i += 3;
  return arg->value;
}

static gboolean
parse_string_set (StyleValueCursor *c, StyleSpecValue *v)
{
  if (cur_is_ident (c, "none") && c->n == 1) {
    c->i++;
    v->kind = SV_NONE;
    return TRUE;
  }
  const StyleToken *t = cur (c);
  if (!t || t->type != STYLE_TOK_IDENT)
    return FALSE;
  const char *name = t->value;
  c->i++;
  t = cur (c);
  if (!t || t->type != STYLE_TOK_FUNCTION || g_ascii_strcasecmp (t->value, "content") != 0)
    return FALSE;
  c->i++;
  t = cur (c);
  if (t && t->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (t->value, "text") == 0) {
    c->i++;
    t = cur (c);
  }
  if (!t || t->type != STYLE_TOK_RPAREN)
    return FALSE;
  c->i++;
  v->kind = SV_STRING;
  v->str = g_strdup (name);
  return TRUE;
}

static void
content_item_free (gpointer p)
{
  StyleContentItem *item = p;
  g_free (item->text);
  g_free (item);
}

static gboolean
parse_content (StyleValueCursor *c, StyleSpecValue *v)
{
  if ((cur_is_ident (c, "none") || cur_is_ident (c, "normal")) && c->n - c->i == 1) {
    c->i++;
    v->kind = SV_NONE;
    return TRUE;
  }
  GPtrArray *items = g_ptr_array_new_with_free_func (content_item_free);
  while (c->i < c->n) {
    const StyleToken *t = cur (c);
    StyleContentItem *item = g_new0 (StyleContentItem, 1);
    g_ptr_array_add (items, item);
    if (t->type == STYLE_TOK_STRING) {
      item->kind = STYLE_CONTENT_STRING;
      item->text = g_strdup (t->value);
      c->i++;
      continue;
    }
    guint save = c->i;
    const char *arg = function_ident_arg (c, "counter");
    if (arg && g_ascii_strcasecmp (arg, "page") == 0) {
      item->kind = STYLE_CONTENT_COUNTER_PAGE;
      continue;
    }
    if (arg && g_ascii_strcasecmp (arg, "pages") == 0) {
      item->kind = STYLE_CONTENT_COUNTER_PAGES;
      continue;
    }
    c->i = save;
    arg = function_ident_arg (c, "string");
    if (arg) {
      item->kind = STYLE_CONTENT_NAMED_STRING;
      item->text = g_strdup (arg);
      continue;
    }
    c->i = save;
    g_ptr_array_unref (items);
    return FALSE;
  }
  v->kind = SV_CONTENT;
  v->content = items;
  return TRUE;
}

static gboolean
parse_page_size (StyleValueCursor *c, StyleSpecValue *v)
{
  static const struct { const char *name; double w, h; } sizes[] = {
    { "A3", 297, 420 }, { "A4", 210, 297 }, { "A5", 148, 210 }, { "B5", 176, 250 },
    { "letter", 8.5 * 25.4, 11 * 25.4 }, { "legal", 8.5 * 25.4, 14 * 25.4 },
  };
  double w = 0, h = 0;
  int orientation = 0;          /* 1 portrait, 2 landscape */
  gboolean have_size = FALSE;
  if (cur_is_ident (c, "auto") && c->n == 1) {
    c->i++;
    v->kind = SV_INITIAL;
    return TRUE;
  }
  while (c->i < c->n) {
    const StyleToken *t = cur (c);
    if (t->type == STYLE_TOK_IDENT) {
      if (g_ascii_strcasecmp (t->value, "portrait") == 0 && !orientation) {
        orientation = 1;
        c->i++;
        continue;
      }
      if (g_ascii_strcasecmp (t->value, "landscape") == 0 && !orientation) {
        orientation = 2;
        c->i++;
        continue;
      }
      if (have_size)
        return FALSE;
      guint k;
      for (k = 0; k < G_N_ELEMENTS (sizes); k++)
        if (g_ascii_strcasecmp (t->value, sizes[k].name) == 0)
          break;
      if (k == G_N_ELEMENTS (sizes))
        return FALSE;
      w = sizes[k].w * 72 / 25.4;
      h = sizes[k].h * 72 / 25.4;
      have_size = TRUE;
      c->i++;
      continue;
    }
    if (have_size || orientation)
      return FALSE;
    StyleSpecValue a = { 0 }, b = { 0 };
    guint save = c->i;
    if (!parse_nonneg_length (c, FALSE, &a) || a.unit != U_PT || a.num <= 0) {
      c->i = save;
      return FALSE;
    }
    b = a;
    if (c->i < c->n && cur (c)->type != STYLE_TOK_IDENT) {
      save = c->i;
      if (!parse_nonneg_length (c, FALSE, &b) || b.unit != U_PT || b.num <= 0) {
        c->i = save;
        return FALSE;
      }
    }
    w = a.num;
    h = b.num;
    have_size = TRUE;
  }
  if (!have_size) {
    if (!orientation)
      return FALSE;
    w = 210 * 72 / 25.4;        /* orientation alone: of A4 */
    h = 297 * 72 / 25.4;
  }
  if ((orientation == 2 && w < h) || (orientation == 1 && w > h)) {
    double tmp = w;
    w = h;
    h = tmp;
  }
  v->kind = SV_SIZE;
  v->num = w;
  v->num2 = h;
  return TRUE;
}

static gboolean
parse_longhand (StyleProp prop, StyleValueCursor *c, StyleSpecValue *v, GPtrArray *uses)
{
  switch (prop) {
  case P_FONT_FAMILY: return parse_font_family (c, v, uses);
  case P_FONT_SIZE: return parse_font_size (c, v);
  case P_FONT_WEIGHT: return parse_font_weight (c, v);
  case P_FONT_STYLE: return parse_keyword_value (c, kw_font_style, v);
  case P_LINE_HEIGHT: return parse_line_height (c, v);
  case P_COLOR: case P_MISSING_COLOR: case P_BACKGROUND_COLOR:
  case P_AXIS_COLOR: case P_GRID_COLOR:
  case P_BORDER_TOP_COLOR: case P_BORDER_RIGHT_COLOR: case P_BORDER_BOTTOM_COLOR:
  case P_BORDER_LEFT_COLOR:
    return parse_color_value (c, v);
  case P_TEXT_ALIGN: return parse_keyword_value (c, kw_align, v);
  case P_TEXT_INDENT:
  case P_MARGIN_TOP: case P_MARGIN_RIGHT: case P_MARGIN_BOTTOM: case P_MARGIN_LEFT:
    return style_length_parse (c, FALSE, FALSE, v);
  case P_LETTER_SPACING:
    if (cur_is_ident (c, "normal")) {
      c->i++;
      v->kind = SV_LENGTH;
      v->unit = U_PT;
      v->num = 0;
      return TRUE;
    }
    return style_length_parse (c, FALSE, FALSE, v);
  case P_HYPHENS: return parse_keyword_value (c, kw_hyphens, v);
  case P_WIDOWS: case P_ORPHANS: return parse_integer (c, 1, 1000, v);
  case P_DISPLAY: return parse_keyword_value (c, kw_display, v);
  case P_PADDING_TOP: case P_PADDING_RIGHT: case P_PADDING_BOTTOM: case P_PADDING_LEFT:
  case P_AXIS_WIDTH: case P_GRID_WIDTH:
    return parse_nonneg_length (c, FALSE, v);
  case P_BORDER_TOP_WIDTH: case P_BORDER_RIGHT_WIDTH: case P_BORDER_BOTTOM_WIDTH:
  case P_BORDER_LEFT_WIDTH:
    return parse_border_width (c, v);
  case P_BORDER_TOP_STYLE: case P_BORDER_RIGHT_STYLE: case P_BORDER_BOTTOM_STYLE:
  case P_BORDER_LEFT_STYLE:
    return parse_keyword_value (c, kw_border_style, v);
  case P_BREAK_BEFORE: case P_BREAK_AFTER: return parse_keyword_value (c, kw_break, v);
  case P_BREAK_INSIDE: return parse_keyword_value (c, kw_break_inside, v);
  case P_LAYOUT: return parse_keyword_value (c, kw_layout, v);
  case P_COLUMN_GAP:
    if (cur_is_ident (c, "normal")) {
      c->i++;
      v->kind = SV_INITIAL;
      return TRUE;
    }
    return parse_nonneg_length (c, FALSE, v);
  case P_TILE_COLUMNS: return parse_integer (c, 1, 6, v);
  case P_PALETTE: return parse_palette (c, v);
  case P_HEIGHT:
    if (cur_is_ident (c, "auto")) {
      c->i++;
      v->kind = SV_LENGTH;
      v->unit = U_PT;
      v->num = 0;
      return TRUE;
    }
    return parse_nonneg_length (c, FALSE, v);
  case P_ASPECT_RATIO: return parse_aspect_ratio (c, v);
  case P_LABEL_FONT_SIZE: return parse_nonneg_length (c, TRUE, v);
  case P_CHART_LABELS: return parse_keyword_value (c, kw_chart_labels, v);
  case P_LEGEND: return parse_keyword_value (c, kw_legend, v);
  case P_STRING_SET: return parse_string_set (c, v);
  case P_CONTENT: return parse_content (c, v);
  case P_SIZE: return parse_page_size (c, v);
  default:
    g_assert_not_reached ();
  }
  return FALSE;
}

/* 1 to 4 values: top, right, bottom, left as CSS box shorthands say. */
static gboolean
parse_box_shorthand (StyleProp first, StyleValueCursor *c, GArray *out)
{
  StyleSpecValue v[4] = { { 0 } };
  int n = 0;
  while (c->i < c->n) {
    if (n == 4)
      goto fail;
    if (!parse_longhand (first, c, &v[n], NULL))
      goto fail;
    n++;
  }
  if (n == 0)
    goto fail;
  static const int from[5][4] = { { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 } };
  for (int s = 0; s < 4; s++) {
    StyleSpecValue copy = v[from[n][s]];
    push (out, first + s, &copy);
  }
  return TRUE;
fail:
  for (int k = 0; k < n; k++)
    style_spec_value_clear (&v[k]);
  return FALSE;
}

/* border, border-top …: width, style and colour in any order, each once;
 * what is left out takes its initial value (medium, none, currentcolor). */
static gboolean
parse_border_shorthand (StyleProp prop, StyleValueCursor *c, GArray *out)
{
  StyleSpecValue width = { .kind = SV_INITIAL }, style = { .kind = SV_INITIAL },
                 color = { .kind = SV_INITIAL };
  gboolean have_w = FALSE, have_s = FALSE, have_c = FALSE;
  while (c->i < c->n) {
    guint save = c->i;
    if (!have_w && parse_border_width (c, &width)) {
      have_w = TRUE;
      continue;
    }
    c->i = save;
    if (!have_s && parse_keyword_value (c, kw_border_style, &style)) {
      have_s = TRUE;
      continue;
    }
    c->i = save;
    if (!have_c && parse_color_value (c, &color)) {
      have_c = TRUE;
      continue;
    }
    c->i = save;
    return FALSE;
  }
  if (!have_w && !have_s && !have_c)
    return FALSE;
  int s0 = prop == P_BORDER ? 0 : prop - P_BORDER_TOP;
  int s1 = prop == P_BORDER ? 4 : s0 + 1;
  for (int s = s0; s < s1; s++) {
    push (out, P_BORDER_TOP_WIDTH + s, &width);
    push (out, P_BORDER_TOP_STYLE + s, &style);
    push (out, P_BORDER_TOP_COLOR + s, &color);
  }
  return TRUE;
}

/* font: [style || weight]? size [/ line-height]? family */
static gboolean
parse_font_shorthand (StyleValueCursor *c, GArray *out, GPtrArray *uses)
{
  StyleSpecValue style = { .kind = SV_INITIAL }, weight = { .kind = SV_INITIAL },
                 size = { 0 }, lh = { .kind = SV_INITIAL }, family = { 0 };
  gboolean have_style = FALSE, have_weight = FALSE;
  for (int k = 0; k < 3; k++) {
    const StyleToken *t = cur (c);
    if (cur_is_ident (c, "normal")) {
      c->i++;
      continue;
    }
    if (!have_style && parse_keyword_value (c, kw_font_style, &style)) {
      have_style = TRUE;
      continue;
    }
    if (!have_style)
      style.kind = SV_INITIAL;
    if (!have_weight && t
        && (t->type == STYLE_TOK_NUMBER || cur_is_ident (c, "bold")
            || cur_is_ident (c, "bolder") || cur_is_ident (c, "lighter"))) {
      if (!parse_font_weight (c, &weight))
        return FALSE;
      have_weight = TRUE;
      continue;
    }
    break;
  }
  if (!parse_font_size (c, &size))
    return FALSE;
  const StyleToken *t = cur (c);
  if (t && t->type == STYLE_TOK_DELIM && t->delim == '/') {
    c->i++;
    if (!parse_line_height (c, &lh))
      return FALSE;
  }
  if (!parse_font_family (c, &family, uses))
    return FALSE;
  push (out, P_FONT_STYLE, &style);
  push (out, P_FONT_WEIGHT, &weight);
  push (out, P_FONT_SIZE, &size);
  push (out, P_LINE_HEIGHT, &lh);
  push (out, P_FONT_FAMILY, &family);
  return TRUE;
}

static gboolean
parse_any (StyleProp prop, StyleValueCursor *c, GArray *out, GPtrArray *uses)
{
  switch (prop) {
  case P_FONT: return parse_font_shorthand (c, out, uses);
  case P_MARGIN: return parse_box_shorthand (P_MARGIN_TOP, c, out);
  case P_PADDING: return parse_box_shorthand (P_PADDING_TOP, c, out);
  case P_BORDER_WIDTH: return parse_box_shorthand (P_BORDER_TOP_WIDTH, c, out);
  case P_BORDER_STYLE: return parse_box_shorthand (P_BORDER_TOP_STYLE, c, out);
  case P_BORDER_COLOR: return parse_box_shorthand (P_BORDER_TOP_COLOR, c, out);
  case P_BORDER: case P_BORDER_TOP: case P_BORDER_RIGHT: case P_BORDER_BOTTOM:
  case P_BORDER_LEFT:
    return parse_border_shorthand (prop, c, out);
  case P_BACKGROUND: {
    StyleSpecValue v = { 0 };
    if (cur_is_ident (c, "none")) {
      c->i++;
      v.kind = SV_COLOR;        /* transparent */
    } else if (!parse_color_value (c, &v)) {
      return FALSE;
    }
    push (out, P_BACKGROUND_COLOR, &v);
    return TRUE;
  }
  default: {
    StyleSpecValue v = { 0 };
    if (!parse_longhand (prop, c, &v, uses)) {
      style_spec_value_clear (&v);
      return FALSE;
    }
    push (out, prop, &v);
    return TRUE;
  }
  }
}

gboolean
style_prop_parse_with_uses (StyleProp prop, StyleValueCursor *c, GArray *out,
                            const char **expected, GPtrArray *uses)
{
  *expected = style_prop_info (prop)->expected;
  c->i = 0;
  if (c->n == 0)
    return FALSE;
  if (c->n == 1 && c->toks[0]->type == STYLE_TOK_IDENT) {
    static const Keyword global[] = { { "inherit", SV_INHERIT }, { "initial", SV_INITIAL },
                                      { "unset", SV_UNSET }, { "revert", SV_UNSET },
                                      { NULL, 0 } };
    int kind;
    if (parse_keyword (c, global, &kind)) {
      StyleProp longhands[12];
      guint n = style_prop_longhands (prop, longhands);
      for (guint k = 0; k < n; k++) {
        StyleSpecValue v = { .kind = kind };
        push (out, longhands[k], &v);
      }
      return TRUE;
    }
  }
  guint before = out->len;
  guint uses_before = uses ? uses->len : 0;
  if (parse_any (prop, c, out, uses) && c->i == c->n)
    return TRUE;
  /* undo what was pushed */
  for (guint k = before; k < out->len; k++)
    style_spec_value_clear (&g_array_index (out, StyleLonghandValue, k).v);
  g_array_set_size (out, before);
  if (uses)
    g_ptr_array_set_size (uses, uses_before);
  if (c->i >= c->n)
    c->i = c->n - 1;
  return FALSE;
}

gboolean
style_prop_parse (StyleProp prop, StyleValueCursor *c, GArray *out, const char **expected)
{
  return style_prop_parse_with_uses (prop, c, out, expected, NULL);
}

/* ---- computing ----------------------------------------------------------------- */

#define CURRENT_COLOR_MARK -1.0   /* border colour "currentcolor", resolved at the end */

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
