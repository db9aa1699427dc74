/* property-parse.c — the values of each property, parsed from the tokens of
 * a declaration into specified values of its longhands (shorthands such as
 * margin, border and font expand here). The table of properties is in
 * properties.c; computing the values is computed.c. */
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
  { "page", STYLE_BREAK_PAGE }, { "always", STYLE_BREAK_PAGE }, { "left", STYLE_BREAK_LEFT },
  { "right", STYLE_BREAK_RIGHT }, { "recto", STYLE_BREAK_RIGHT }, { "verso", STYLE_BREAK_LEFT },
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
    const StyleToken *t = cur (c);
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

/* page: auto | NAME */
static gboolean
parse_page_name (StyleValueCursor *c, StyleSpecValue *v)
{
  const StyleToken *t = cur (c);
  if (!t || t->type != STYLE_TOK_IDENT || c->n != 1)
    return FALSE;
  c->i++;
  if (g_ascii_strcasecmp (t->value, "auto") == 0) {
    v->kind = SV_NONE;
    return TRUE;
  }
  v->kind = SV_STRING;
  v->str = g_strdup (t->value);
  return TRUE;
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
  case P_HYPHENATE_LIMIT_CHARS: return parse_hyphenate_limit (c, v);
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
  case P_PAGE: return parse_page_name (c, v);
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

