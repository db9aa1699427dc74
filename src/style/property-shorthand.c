/* property-shorthand.c — the shorthands (font, margin, padding, border …,
 * background): which longhands each sets, in one table, and how its value
 * is cut into theirs. Each part of a shorthand is parsed by its longhand's
 * parser (style_longhand_parse), so "border: 1pt solid red" accepts what
 * border-top-width, -style and -color accept alone.
 *
 * Apart from property-parse.c, which parses the value of one longhand: a
 * shorthand's grammar is about order and repetition of parts, not values. */
#include "style/style-private.h"

/* The longhands of a shorthand: the props of first[] for each of sides
 * sides (top, right, bottom, left: first[k] + side), side by side. */
typedef struct {
  guint sides;                /* 4, or 1 */
  guint n;
  StyleProp first[5];
} ShorthandParts;

#define BORDER_SIDE(S) { 1, 3, { P_BORDER_##S##_WIDTH, P_BORDER_##S##_STYLE, P_BORDER_##S##_COLOR } }

static const ShorthandParts shorthand_parts[P_N_PROPS] = {
  [P_FONT] = { 1, 5, { P_FONT_STYLE, P_FONT_WEIGHT, P_FONT_SIZE, P_LINE_HEIGHT, P_FONT_FAMILY } },
  [P_MARGIN] = { 4, 1, { P_MARGIN_TOP } },
  [P_PADDING] = { 4, 1, { P_PADDING_TOP } },
  [P_BORDER] = { 4, 3, { P_BORDER_TOP_WIDTH, P_BORDER_TOP_STYLE, P_BORDER_TOP_COLOR } },
  [P_BORDER_TOP] = BORDER_SIDE (TOP),
  [P_BORDER_RIGHT] = BORDER_SIDE (RIGHT),
  [P_BORDER_BOTTOM] = BORDER_SIDE (BOTTOM),
  [P_BORDER_LEFT] = BORDER_SIDE (LEFT),
  [P_BORDER_WIDTH] = { 4, 1, { P_BORDER_TOP_WIDTH } },
  [P_BORDER_STYLE] = { 4, 1, { P_BORDER_TOP_STYLE } },
  [P_BORDER_COLOR] = { 4, 1, { P_BORDER_TOP_COLOR } },
  [P_BACKGROUND] = { 1, 1, { P_BACKGROUND_COLOR } },
};

guint
style_prop_longhands (StyleProp prop, StyleProp out[12])
{
  if (prop < P_N_LONGHANDS) {
    out[0] = prop;
    return 1;
  }
  const ShorthandParts *parts = &shorthand_parts[prop];
  g_assert (parts->n > 0 && parts->sides * parts->n <= 12);
  guint n = 0;
  for (guint s = 0; s < parts->sides; s++)
    for (guint k = 0; k < parts->n; k++)
      out[n++] = parts->first[k] + s;
  return n;
}

/* margin, padding, border-width …: 1 to 4 values, top, right, bottom, left
 * as CSS box shorthands say. */
static gboolean
parse_box_shorthand (StyleProp prop, StyleValueCursor *c, GArray *out)
{
  StyleProp longhands[12];
  style_prop_longhands (prop, longhands);
  StyleSpecValue v[4] = { { 0 } };
  int n = 0;
  while (c->i < c->n) {
    if (n == 4)
      goto fail;
    if (!style_longhand_parse (longhands[0], c, &v[n], NULL))
      goto fail;
    n++;
  }
  if (n == 0)
    goto fail;
  static const int from[5][4] = { { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 } };
  for (int s = 0; s < 4; s++) {
    StyleSpecValue copy = v[from[n][s]];
    style_longhand_value_push (out, longhands[s], &copy);
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
  /* width, style, colour: the order of their longhands in shorthand_parts */
  StyleSpecValue part[3] = { { .kind = SV_INITIAL }, { .kind = SV_INITIAL },
                             { .kind = SV_INITIAL } };
  static const StyleProp part_prop[3] = { P_BORDER_TOP_WIDTH, P_BORDER_TOP_STYLE,
                                          P_BORDER_TOP_COLOR };
  gboolean have[3] = { FALSE, FALSE, FALSE };
  while (c->i < c->n) {
    guint save = c->i;
    int k;
    for (k = 0; k < 3; k++) {
      if (!have[k] && style_longhand_parse (part_prop[k], c, &part[k], NULL))
        break;
      c->i = save;
    }
    if (k == 3)
      return FALSE;
    have[k] = TRUE;
  }
  if (!have[0] && !have[1] && !have[2])
    return FALSE;
  StyleProp longhands[12];
  guint n = style_prop_longhands (prop, longhands);
  for (guint k = 0; k < n; k++)
    style_longhand_value_push (out, longhands[k], &part[k % 3]);
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
    const StyleToken *t = style_value_cursor_peek (c);
    if (style_value_cursor_is_ident (c, "normal")) {
      c->i++;
      continue;
    }
    if (!have_style && style_longhand_parse (P_FONT_STYLE, c, &style, NULL)) {
      have_style = TRUE;
      continue;
    }
    if (!have_style)
      style.kind = SV_INITIAL;
    if (!have_weight && t
        && (t->type == STYLE_TOK_NUMBER || style_value_cursor_is_ident (c, "bold")
            || style_value_cursor_is_ident (c, "bolder")
            || style_value_cursor_is_ident (c, "lighter"))) {
      if (!style_longhand_parse (P_FONT_WEIGHT, c, &weight, NULL))
        return FALSE;
      have_weight = TRUE;
      continue;
    }
    break;
  }
  if (!style_longhand_parse (P_FONT_SIZE, c, &size, NULL))
    return FALSE;
  const StyleToken *t = style_value_cursor_peek (c);
  if (t && t->type == STYLE_TOK_DELIM && t->delim == '/') {
    c->i++;
    if (!style_longhand_parse (P_LINE_HEIGHT, c, &lh, NULL))
      return FALSE;
  }
  if (!style_longhand_parse (P_FONT_FAMILY, c, &family, uses))
    return FALSE;
  style_longhand_value_push (out, P_FONT_STYLE, &style);
  style_longhand_value_push (out, P_FONT_WEIGHT, &weight);
  style_longhand_value_push (out, P_FONT_SIZE, &size);
  style_longhand_value_push (out, P_LINE_HEIGHT, &lh);
  style_longhand_value_push (out, P_FONT_FAMILY, &family);
  return TRUE;
}

/* ---- the parsers the table names (parse column of SHORTHAND) --------------------- */

#define SH(name) static gboolean sh_##name (StyleProp prop, StyleValueCursor *c, GArray *out, \
                                            GPtrArray *uses)

SH (font_shorthand) { (void) prop; return parse_font_shorthand (c, out, uses); }
SH (border_shorthand) { (void) uses; return parse_border_shorthand (prop, c, out); }
SH (box_shorthand) { (void) uses; return parse_box_shorthand (prop, c, out); }

/* background: a colour or none */
SH (background_shorthand)
{
  (void) prop, (void) uses;
  StyleSpecValue v = { 0 };
  if (style_value_cursor_is_ident (c, "none")) {
    c->i++;
    v.kind = SV_COLOR;          /* transparent */
  } else if (!style_longhand_parse (P_BACKGROUND_COLOR, c, &v, NULL)) {
    return FALSE;
  }
  style_longhand_value_push (out, P_BACKGROUND_COLOR, &v);
  return TRUE;
}

typedef gboolean (*ShorthandParser) (StyleProp prop, StyleValueCursor *c, GArray *out,
                                     GPtrArray *uses);
static const ShorthandParser shorthand_parsers[P_N_PROPS] = {
#define LONGHAND(...)
#define SHORTHAND(ID, name, inh, ctx, parse, exp) [P_##ID] = sh_##parse,
#include "style/property-table.h"
};

gboolean
style_shorthand_parse (StyleProp prop, StyleValueCursor *c, GArray *out, GPtrArray *uses)
{
  g_assert (prop >= P_N_LONGHANDS && prop < P_N_PROPS);
  return shorthand_parsers[prop] (prop, c, out, uses);
}
