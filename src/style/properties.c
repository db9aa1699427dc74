/* properties.c — every property dossier knows, expanded from the one table
 * (property-table.h) into an array of StylePropInfo: its name, where it may
 * stand, whether it inherits, what its value may be, its keywords and the
 * field of StyleComputed it sets. Parsing the values is property-parse.c
 * (shorthands property-shorthand.c), computing them computed.c; both
 * dispatch from the same table. */
#include "style/style-private.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* The keywords of keyword properties (parsed in property-parse.c, shown by
 * --explain, suggested on a typo). */
static const StyleKeyword kw_font_style[] = {
  { "normal", 0 }, { "italic", 1 }, { "oblique", 1 }, { NULL, 0 } };
static const StyleKeyword kw_align[] = {
  { "left", STYLE_ALIGN_LEFT }, { "right", STYLE_ALIGN_RIGHT }, { "center", STYLE_ALIGN_CENTER },
  { "justify", STYLE_ALIGN_JUSTIFY }, { "start", STYLE_ALIGN_LEFT }, { "end", STYLE_ALIGN_RIGHT },
  { NULL, 0 } };
static const StyleKeyword kw_hyphens[] = {
  { "none", STYLE_HYPHENS_NONE }, { "manual", STYLE_HYPHENS_MANUAL }, { "auto", STYLE_HYPHENS_AUTO },
  { NULL, 0 } };
static const StyleKeyword kw_display[] = {
  { "block", STYLE_DISPLAY_BLOCK }, { "none", STYLE_DISPLAY_NONE }, { NULL, 0 } };
static const StyleKeyword kw_border_style[] = {
  { "none", STYLE_BORDER_NONE }, { "hidden", STYLE_BORDER_NONE }, { "solid", STYLE_BORDER_SOLID },
  { "dashed", STYLE_BORDER_DASHED }, { "dotted", STYLE_BORDER_DOTTED }, { NULL, 0 } };
static const StyleKeyword kw_break[] = {
  { "auto", STYLE_BREAK_AUTO }, { "avoid", STYLE_BREAK_AVOID }, { "avoid-page", STYLE_BREAK_AVOID },
  { "page", STYLE_BREAK_PAGE }, { "always", STYLE_BREAK_PAGE }, { "left", STYLE_BREAK_LEFT },
  { "right", STYLE_BREAK_RIGHT }, { "recto", STYLE_BREAK_RIGHT }, { "verso", STYLE_BREAK_LEFT },
  { NULL, 0 } };
static const StyleKeyword kw_break_inside[] = {
  { "auto", STYLE_BREAK_AUTO }, { "avoid", STYLE_BREAK_AVOID }, { "avoid-page", STYLE_BREAK_AVOID },
  { NULL, 0 } };
static const StyleKeyword kw_layout[] = {
  { "parallel", STYLE_LAYOUT_PARALLEL }, { "sequential", STYLE_LAYOUT_SEQUENTIAL },
  { "interleaved", STYLE_LAYOUT_INTERLEAVED }, { NULL, 0 } };
static const StyleKeyword kw_chart_labels[] = {
  { "stacked", STYLE_LABELS_STACKED }, { "side-by-side", STYLE_LABELS_SIDE_BY_SIDE },
  { NULL, 0 } };
static const StyleKeyword kw_legend[] = {
  { "top", STYLE_LEGEND_TOP }, { "bottom", STYLE_LEGEND_BOTTOM }, { "right", STYLE_LEGEND_RIGHT },
  { "none", STYLE_LEGEND_NONE }, { NULL, 0 } };

#define MEMBER_SIZE(f) sizeof (((StyleComputed *) 0)->f)
#define FIELD(f) offsetof (StyleComputed, f), MEMBER_SIZE (f), 0, 0
#define FIELD2(f, g) offsetof (StyleComputed, f), MEMBER_SIZE (f), \
                     offsetof (StyleComputed, g), MEMBER_SIZE (g)
#define NO_FIELD 0, 0, 0, 0

static const StylePropInfo props[] = {
#define LONGHAND(ID, name_, inh, ctx, parse, compute_, field, kw, exp) \
  { name_, P_##ID, inh, ctx, exp, STYLE_COMPUTE_##compute_, kw, field },
#define SHORTHAND(ID, name_, inh, ctx, parse, exp) \
  { name_, P_##ID, inh, ctx, exp, STYLE_COMPUTE_NONE, NULL, NO_FIELD },
#include "style/property-table.h"
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
  "background-repeat", "background-size", "block-size", "border-collapse",
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
  "list-style-image", "list-style-position", "list-style-type", "mask",
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

G_STATIC_ASSERT (G_N_ELEMENTS (props) == P_N_PROPS);

const char *
style_prop_keyword_name (const StylePropInfo *info, int value)
{
  for (const StyleKeyword *kw = info->keywords; kw && kw->name; kw++)
    if (kw->value == value)
      return kw->name;
  return NULL;
}

const char *
style_prop_keyword_suggest (const StylePropInfo *info, const char *word)
{
  const char *names[32];
  guint n = 0;
  for (const StyleKeyword *kw = info->keywords; kw && kw->name && n < 31; kw++)
    names[n++] = kw->name;
  names[n] = NULL;
  return n ? style_suggest (word, names) : NULL;
}

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

/* ---- parsing --------------------------------------------------------------------- */

void
style_spec_value_clear (StyleSpecValue *v)
{
  g_clear_pointer (&v->str, g_free);
  g_clear_pointer (&v->colors, g_array_unref);
  g_clear_pointer (&v->content, g_ptr_array_unref);
}

void
style_longhand_value_push (GArray *out, StyleProp prop, const StyleSpecValue *v)
{
  StyleLonghandValue lv = { .prop = prop, .v = *v };
  g_array_append_val (out, lv);
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

