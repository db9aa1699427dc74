/* property-parse.c — the value of each longhand, parsed from the tokens of
 * a declaration into a specified value, and the entry point for any
 * property (CSS-wide keywords, then the longhand's or shorthand's parser).
 * Which parser a property uses is the parse column of property-table.h;
 * shorthands such as margin, border and font are property-shorthand.c, the
 * values of page properties (size, content, string-set, page)
 * property-page.c; computing the values is computed.c. */
#include "style/style-private.h"

#include <math.h>
#include <string.h>

typedef StyleKeyword Keyword;

static gboolean
parse_keyword (StyleValueCursor *c, const Keyword *kw, int *out)
{
  const StyleToken *t = style_value_cursor_peek (c);
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

/* font-size keywords, as factors of medium (CSS Fonts 4 §2.5) */
static const struct { const char *name; double factor; } font_size_keywords[] = {
  { "xx-small", 3.0 / 5 }, { "x-small", 3.0 / 4 }, { "small", 8.0 / 9 }, { "medium", 1 },
  { "large", 6.0 / 5 }, { "x-large", 3.0 / 2 }, { "xx-large", 2 }, { "xxx-large", 3 },
};

static gboolean
parse_color_value (StyleValueCursor *c, StyleSpecValue *v)
{
  gboolean current;
  if (!style_color_parse (c, &v->color, &current))
    return FALSE;
  v->kind = current ? SV_CURRENTCOLOR : SV_COLOR;
  return TRUE;
}

/* A length of 0 or more; number: a unitless number is allowed too. */
static gboolean
parse_nonneg (StyleValueCursor *c, gboolean pct, gboolean number, StyleSpecValue *v)
{
  guint save = c->i;
  if (!style_length_parse (c, pct, number, v))
    return FALSE;
  if (v->num < 0) {
    c->i = save;
    return FALSE;
  }
  return TRUE;
}

static gboolean
parse_nonneg_length (StyleValueCursor *c, gboolean pct, StyleSpecValue *v)
{
  return parse_nonneg (c, pct, FALSE, v);
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

/* hyphenate-limit-chars (CSS Text 4): word, before, after; a missing
 * after is the before, auto is 0 (the default, resolved when computed).
 * Packed into ival a byte each. */
static gboolean
parse_hyphenate_limit (StyleValueCursor *c, StyleSpecValue *v)
{
  int vals[3] = { 0, 0, 0 }, n = 0;
  while (c->i < c->n && n < 3) {
    const StyleToken *t = style_value_cursor_peek (c);
    if (t->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (t->value, "auto") == 0)
      vals[n++] = 0;
    else if (t->type == STYLE_TOK_NUMBER && t->is_integer && t->number >= 1 && t->number <= 100)
      vals[n++] = (int) t->number;
    else
      return FALSE;
    c->i++;
  }
  if (n == 0 || c->i < c->n)
    return FALSE;
  if (n == 2)
    vals[2] = vals[1];
  v->kind = SV_INT;
  v->ival = vals[0] | vals[1] << 8 | vals[2] << 16;
  return TRUE;
}

static gboolean
parse_integer (StyleValueCursor *c, int min, int max, StyleSpecValue *v)
{
  const StyleToken *t = style_value_cursor_peek (c);
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
    const StyleToken *t = style_value_cursor_peek (c);
    const StyleToken *first = t;
    char *name = NULL;
    if (t && t->type == STYLE_TOK_STRING && t->value[0]) {
      name = g_strdup (t->value);
      c->i++;
    } else if (t && t->type == STYLE_TOK_IDENT) {
      static const char *const reserved[] = { "inherit", "initial", "unset", "revert", "default", NULL };
      GString *s = g_string_new (NULL);
      for (; (t = style_value_cursor_peek (c)) && t->type == STYLE_TOK_IDENT; c->i++) {
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
    t = style_value_cursor_peek (c);
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
  const StyleToken *t = style_value_cursor_peek (c);
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
  const StyleToken *t = style_value_cursor_peek (c);
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
  if (style_value_cursor_is_ident (c, "normal")) {
    c->i++;
    v->kind = SV_NUMBER;
    v->num = 1.2;
    return TRUE;
  }
  return parse_nonneg (c, TRUE, TRUE, v);
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
    const StyleToken *t = style_value_cursor_peek (c);
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
  if (style_value_cursor_is_ident (c, "auto")) {
    c->i++;
    v->kind = SV_INITIAL;
    return TRUE;
  }
  const StyleToken *t = style_value_cursor_peek (c);
  if (!t || t->type != STYLE_TOK_NUMBER || t->number <= 0)
    return FALSE;
  double a = t->number, b = 1;
  c->i++;
  t = style_value_cursor_peek (c);
  if (t && t->type == STYLE_TOK_DELIM && t->delim == '/') {
    c->i++;
    t = style_value_cursor_peek (c);
    if (!t || t->type != STYLE_TOK_NUMBER || t->number <= 0)
      return FALSE;
    b = t->number;
    c->i++;
  }
  v->kind = SV_NUMBER;
  v->num = a / b;
  return TRUE;
}

/* ---- the parsers the table names (parse column of property-table.h) ------------- */

#define LH(name) static gboolean lh_##name (const StylePropInfo *info, StyleValueCursor *c, \
                                            StyleSpecValue *v, GPtrArray *uses)
#define UNUSED (void) info, (void) uses

LH (font_family) { (void) info; return parse_font_family (c, v, uses); }
LH (font_size) { UNUSED; return parse_font_size (c, v); }
LH (font_weight) { UNUSED; return parse_font_weight (c, v); }
LH (keyword) { (void) uses; return parse_keyword_value (c, info->keywords, v); }
LH (line_height) { UNUSED; return parse_line_height (c, v); }
LH (color) { UNUSED; return parse_color_value (c, v); }
LH (length) { UNUSED; return style_length_parse (c, FALSE, FALSE, v); }
LH (nn_length) { UNUSED; return parse_nonneg_length (c, FALSE, v); }
LH (nn_length_pct) { UNUSED; return parse_nonneg_length (c, TRUE, v); }
LH (border_width) { UNUSED; return parse_border_width (c, v); }
LH (int_1_1000) { UNUSED; return parse_integer (c, 1, 1000, v); }
LH (int_1_6) { UNUSED; return parse_integer (c, 1, 6, v); }
LH (palette) { UNUSED; return parse_palette (c, v); }
LH (aspect_ratio) { UNUSED; return parse_aspect_ratio (c, v); }
LH (string_set) { UNUSED; return style_parse_string_set (c, v); }
LH (content) { UNUSED; return style_parse_content (c, v); }
LH (page_size) { UNUSED; return style_parse_page_size (c, v); }
LH (page_bleed) { UNUSED; return style_page_parse_bleed (c, v); }
LH (page_marks) { UNUSED; return style_page_parse_marks (c, v); }
LH (hyphenate_limit) { UNUSED; return parse_hyphenate_limit (c, v); }
LH (page_name) { UNUSED; return style_parse_page_name (c, v); }

/* normal: 0 */
LH (letter_spacing)
{
  UNUSED;
  if (style_value_cursor_is_ident (c, "normal")) {
    c->i++;
    v->kind = SV_LENGTH;
    v->unit = U_PT;
    v->num = 0;
    return TRUE;
  }
  return style_length_parse (c, FALSE, FALSE, v);
}

/* normal: the initial gap */
LH (column_gap)
{
  UNUSED;
  if (style_value_cursor_is_ident (c, "normal")) {
    c->i++;
    v->kind = SV_INITIAL;
    return TRUE;
  }
  return parse_nonneg_length (c, FALSE, v);
}

/* auto: 0, the height from aspect-ratio */
LH (height)
{
  UNUSED;
  if (style_value_cursor_is_ident (c, "auto")) {
    c->i++;
    v->kind = SV_LENGTH;
    v->unit = U_PT;
    v->num = 0;
    return TRUE;
  }
  return parse_nonneg_length (c, FALSE, v);
}

typedef gboolean (*LonghandParser) (const StylePropInfo *info, StyleValueCursor *c,
                                    StyleSpecValue *v, GPtrArray *uses);
static const LonghandParser longhand_parsers[P_N_LONGHANDS] = {
#define LONGHAND(ID, name, inh, ctx, parse, ...) [P_##ID] = lh_##parse,
#include "style/property-table.h"
};

gboolean
style_longhand_parse (StyleProp prop, StyleValueCursor *c, StyleSpecValue *v, GPtrArray *uses)
{
  g_assert (prop < P_N_LONGHANDS);
  return longhand_parsers[prop] (style_prop_info (prop), c, v, uses);
}

static gboolean
parse_any (StyleProp prop, StyleValueCursor *c, GArray *out, GPtrArray *uses)
{
  if (prop >= P_N_LONGHANDS)
    return style_shorthand_parse (prop, c, out, uses);
  StyleSpecValue v = { 0 };
  if (!style_longhand_parse (prop, c, &v, uses)) {
    style_spec_value_clear (&v);
    return FALSE;
  }
  style_longhand_value_push (out, prop, &v);
  return TRUE;
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
        style_longhand_value_push (out, longhands[k], &v);
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

