/* values.c — the building blocks of values: colours, lengths, and the
 * "did you mean" suggestions. */
#include "style/style-private.h"

#include <string.h>

typedef struct { const char *name; guint32 rgb; } NamedColor;

/* The CSS named colours (CSS Color Level 4, §6.1), sorted for bsearch. */
static const NamedColor named_colors[] = {
  { "aliceblue", 0xf0f8ff },
  { "antiquewhite", 0xfaebd7 },
  { "aqua", 0x00ffff },
  { "aquamarine", 0x7fffd4 },
  { "azure", 0xf0ffff },
  { "beige", 0xf5f5dc },
  { "bisque", 0xffe4c4 },
  { "black", 0x000000 },
  { "blanchedalmond", 0xffebcd },
  { "blue", 0x0000ff },
  { "blueviolet", 0x8a2be2 },
  { "brown", 0xa52a2a },
  { "burlywood", 0xdeb887 },
  { "cadetblue", 0x5f9ea0 },
  { "chartreuse", 0x7fff00 },
  { "chocolate", 0xd2691e },
  { "coral", 0xff7f50 },
  { "cornflowerblue", 0x6495ed },
  { "cornsilk", 0xfff8dc },
  { "crimson", 0xdc143c },
  { "cyan", 0x00ffff },
  { "darkblue", 0x00008b },
  { "darkcyan", 0x008b8b },
  { "darkgoldenrod", 0xb8860b },
  { "darkgray", 0xa9a9a9 },
  { "darkgreen", 0x006400 },
  { "darkgrey", 0xa9a9a9 },
  { "darkkhaki", 0xbdb76b },
  { "darkmagenta", 0x8b008b },
  { "darkolivegreen", 0x556b2f },
  { "darkorange", 0xff8c00 },
  { "darkorchid", 0x9932cc },
  { "darkred", 0x8b0000 },
  { "darksalmon", 0xe9967a },
  { "darkseagreen", 0x8fbc8f },
  { "darkslateblue", 0x483d8b },
  { "darkslategray", 0x2f4f4f },
  { "darkslategrey", 0x2f4f4f },
  { "darkturquoise", 0x00ced1 },
  { "darkviolet", 0x9400d3 },
  { "deeppink", 0xff1493 },
  { "deepskyblue", 0x00bfff },
  { "dimgray", 0x696969 },
  { "dimgrey", 0x696969 },
  { "dodgerblue", 0x1e90ff },
  { "firebrick", 0xb22222 },
  { "floralwhite", 0xfffaf0 },
  { "forestgreen", 0x228b22 },
  { "fuchsia", 0xff00ff },
  { "gainsboro", 0xdcdcdc },
  { "ghostwhite", 0xf8f8ff },
  { "gold", 0xffd700 },
  { "goldenrod", 0xdaa520 },
  { "gray", 0x808080 },
  { "green", 0x008000 },
  { "greenyellow", 0xadff2f },
  { "grey", 0x808080 },
  { "honeydew", 0xf0fff0 },
  { "hotpink", 0xff69b4 },
  { "indianred", 0xcd5c5c },
  { "indigo", 0x4b0082 },
  { "ivory", 0xfffff0 },
  { "khaki", 0xf0e68c },
  { "lavender", 0xe6e6fa },
  { "lavenderblush", 0xfff0f5 },
  { "lawngreen", 0x7cfc00 },
  { "lemonchiffon", 0xfffacd },
  { "lightblue", 0xadd8e6 },
  { "lightcoral", 0xf08080 },
  { "lightcyan", 0xe0ffff },
  { "lightgoldenrodyellow", 0xfafad2 },
  { "lightgray", 0xd3d3d3 },
  { "lightgreen", 0x90ee90 },
  { "lightgrey", 0xd3d3d3 },
  { "lightpink", 0xffb6c1 },
  { "lightsalmon", 0xffa07a },
  { "lightseagreen", 0x20b2aa },
  { "lightskyblue", 0x87cefa },
  { "lightslategray", 0x778899 },
  { "lightslategrey", 0x778899 },
  { "lightsteelblue", 0xb0c4de },
  { "lightyellow", 0xffffe0 },
  { "lime", 0x00ff00 },
  { "limegreen", 0x32cd32 },
  { "linen", 0xfaf0e6 },
  { "magenta", 0xff00ff },
  { "maroon", 0x800000 },
  { "mediumaquamarine", 0x66cdaa },
  { "mediumblue", 0x0000cd },
  { "mediumorchid", 0xba55d3 },
  { "mediumpurple", 0x9370db },
  { "mediumseagreen", 0x3cb371 },
  { "mediumslateblue", 0x7b68ee },
  { "mediumspringgreen", 0x00fa9a },
  { "mediumturquoise", 0x48d1cc },
  { "mediumvioletred", 0xc71585 },
  { "midnightblue", 0x191970 },
  { "mintcream", 0xf5fffa },
  { "mistyrose", 0xffe4e1 },
  { "moccasin", 0xffe4b5 },
  { "navajowhite", 0xffdead },
  { "navy", 0x000080 },
  { "oldlace", 0xfdf5e6 },
  { "olive", 0x808000 },
  { "olivedrab", 0x6b8e23 },
  { "orange", 0xffa500 },
  { "orangered", 0xff4500 },
  { "orchid", 0xda70d6 },
  { "palegoldenrod", 0xeee8aa },
  { "palegreen", 0x98fb98 },
  { "paleturquoise", 0xafeeee },
  { "palevioletred", 0xdb7093 },
  { "papayawhip", 0xffefd5 },
  { "peachpuff", 0xffdab9 },
  { "peru", 0xcd853f },
  { "pink", 0xffc0cb },
  { "plum", 0xdda0dd },
  { "powderblue", 0xb0e0e6 },
  { "purple", 0x800080 },
  { "rebeccapurple", 0x663399 },
  { "red", 0xff0000 },
  { "rosybrown", 0xbc8f8f },
  { "royalblue", 0x4169e1 },
  { "saddlebrown", 0x8b4513 },
  { "salmon", 0xfa8072 },
  { "sandybrown", 0xf4a460 },
  { "seagreen", 0x2e8b57 },
  { "seashell", 0xfff5ee },
  { "sienna", 0xa0522d },
  { "silver", 0xc0c0c0 },
  { "skyblue", 0x87ceeb },
  { "slateblue", 0x6a5acd },
  { "slategray", 0x708090 },
  { "slategrey", 0x708090 },
  { "snow", 0xfffafa },
  { "springgreen", 0x00ff7f },
  { "steelblue", 0x4682b4 },
  { "tan", 0xd2b48c },
  { "teal", 0x008080 },
  { "thistle", 0xd8bfd8 },
  { "tomato", 0xff6347 },
  { "turquoise", 0x40e0d0 },
  { "violet", 0xee82ee },
  { "wheat", 0xf5deb3 },
  { "white", 0xffffff },
  { "whitesmoke", 0xf5f5f5 },
  { "yellow", 0xffff00 },
  { "yellowgreen", 0x9acd32 },
};

static int
named_color_cmp (const void *key, const void *elem)
{
  return strcmp (key, ((const NamedColor *) elem)->name);
}

gboolean
style_color_from_name (const char *name, StyleColor *out)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  if (strcmp (lower, "transparent") == 0) {
    *out = (StyleColor) { 0, 0, 0, 0 };
    return TRUE;
  }
  const NamedColor *c = bsearch (lower, named_colors, G_N_ELEMENTS (named_colors),
                                 sizeof named_colors[0], named_color_cmp);
  if (!c)
    return FALSE;
  *out = (StyleColor) { ((c->rgb >> 16) & 0xff) / 255.0, ((c->rgb >> 8) & 0xff) / 255.0,
                        (c->rgb & 0xff) / 255.0, 1.0 };
  return TRUE;
}

void
style_value_cursor_init (StyleValueCursor *c, const StyleTokens *src, guint first,
                         guint last)
{
  guint n = last > first ? last - first : 0;
  gboolean ws = FALSE;
  c->toks = g_new (const StyleToken *, n + 1);
  c->ws = g_new (gboolean, n + 1);
  c->n = 0;
  c->i = 0;
  for (guint k = first; k < last; k++) {
    const StyleToken *t = style_tokens_get (src, k);
    if (t->type == STYLE_TOK_WHITESPACE) {
      ws = TRUE;
      continue;
    }
    if (t->type == STYLE_TOK_EOF)
      break;
    c->toks[c->n] = t;
    c->ws[c->n] = ws;
    c->n++;
    ws = FALSE;
  }
}

void
style_value_cursor_clear (StyleValueCursor *c)
{
  g_clear_pointer (&c->toks, g_free);
  g_clear_pointer (&c->ws, g_free);
  c->n = c->i = 0;
}

static int
hexval (char c)
{
  return g_ascii_xdigit_value (c);
}

static gboolean
parse_hex_color (const char *h, StyleColor *out)
{
  gsize n = strlen (h);
  int v[8];
  if (n != 3 && n != 4 && n != 6 && n != 8)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if ((v[k] = hexval (h[k])) < 0)
      return FALSE;
  if (n == 3 || n == 4) {
    out->r = v[0] * 17 / 255.0;
    out->g = v[1] * 17 / 255.0;
    out->b = v[2] * 17 / 255.0;
    out->a = n == 4 ? v[3] * 17 / 255.0 : 1.0;
    return TRUE;
  }
  if (n == 6 || n == 8) {
    out->r = (v[0] * 16 + v[1]) / 255.0;
    out->g = (v[2] * 16 + v[3]) / 255.0;
    out->b = (v[4] * 16 + v[5]) / 255.0;
    out->a = n == 8 ? (v[6] * 16 + v[7]) / 255.0 : 1.0;
    return TRUE;
  }
  return FALSE;
}

/* rgb() / rgba(): commas between all values, or spaces and "/ alpha". */
static gboolean
parse_rgb_function (StyleValueCursor *c, StyleColor *out)
{
  double v[4] = { 0, 0, 0, 1 };
  int nv = 0;
  int commas = -1;              /* unknown yet */
  gboolean slash = FALSE;

  c->i++;                       /* the function token */
  for (;;) {
    if (c->i >= c->n)
      return FALSE;
    const StyleToken *t = c->toks[c->i];
    if (t->type == STYLE_TOK_RPAREN) {
      c->i++;
      break;
    }
    if (nv > 0) {               /* a separator first */
      if (t->type == STYLE_TOK_COMMA) {
        if (commas == 0 || slash)
          return FALSE;
        commas = 1;
        c->i++;
      } else if (t->type == STYLE_TOK_DELIM && t->delim == '/') {
        if (commas == 1 || nv != 3)
          return FALSE;
        slash = TRUE;
        c->i++;
      } else {
        if (commas == 1)
          return FALSE;
        commas = 0;
        if (nv == 3)            /* a fourth value needs "/" */
          return FALSE;
      }
      if (c->i >= c->n)
        return FALSE;
      t = c->toks[c->i];
    }
    if (nv >= 4)
      return FALSE;
    if (t->type == STYLE_TOK_NUMBER)
      v[nv] = nv < 3 ? t->number / 255.0 : t->number;
    else if (t->type == STYLE_TOK_PERCENTAGE)
      v[nv] = t->number / 100.0;
    else
      return FALSE;
    v[nv] = CLAMP (v[nv], 0.0, 1.0);
    nv++;
    c->i++;
  }
  if (nv != 3 && nv != 4)
    return FALSE;
  *out = (StyleColor) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

gboolean
style_color_parse (StyleValueCursor *c, StyleColor *out, gboolean *current)
{
  if (current)
    *current = FALSE;
  if (c->i >= c->n)
    return FALSE;
  const StyleToken *t = c->toks[c->i];
  switch (t->type) {
  case STYLE_TOK_HASH:
    if (!parse_hex_color (t->value, out))
      return FALSE;
    c->i++;
    return TRUE;
  case STYLE_TOK_IDENT:
    if (current && g_ascii_strcasecmp (t->value, "currentcolor") == 0) {
      *current = TRUE;
      c->i++;
      return TRUE;
    }
    if (!style_color_from_name (t->value, out))
      return FALSE;
    c->i++;
    return TRUE;
  case STYLE_TOK_FUNCTION:
    if (g_ascii_strcasecmp (t->value, "rgb") == 0 || g_ascii_strcasecmp (t->value, "rgba") == 0) {
      guint save = c->i;
      if (parse_rgb_function (c, out))
        return TRUE;
      if (c->i == save)
        c->i++;
      return FALSE;
    }
    return FALSE;
  default:
    return FALSE;
  }
}

gboolean
style_unit_to_pt (const char *unit, double *factor)
{
  static const struct { const char *unit; double pt; } units[] = {
    { "pt", 1.0 }, { "pc", 12.0 }, { "in", 72.0 }, { "cm", 72.0 / 2.54 },
    { "mm", 72.0 / 25.4 }, { "q", 72.0 / 101.6 }, { "px", 0.75 },
  };
  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    if (g_ascii_strcasecmp (unit, units[k].unit) == 0) {
      *factor = units[k].pt;
      return TRUE;
    }
  return FALSE;
}

gboolean
style_length_parse (StyleValueCursor *c, gboolean allow_pct, gboolean allow_number,
                    StyleSpecValue *out)
{
  if (c->i >= c->n)
    return FALSE;
  const StyleToken *t = c->toks[c->i];
  double factor;
  memset (out, 0, sizeof *out);
  switch (t->type) {
  case STYLE_TOK_DIMENSION:
    if (g_ascii_strcasecmp (t->value, "em") == 0) {
      out->kind = SV_LENGTH;
      out->unit = U_EM;
      out->num = t->number;
    } else if (style_unit_to_pt (t->value, &factor)) {
      out->kind = SV_LENGTH;
      out->unit = U_PT;
      out->num = t->number * factor;
    } else {
      return FALSE;
    }
    break;
  case STYLE_TOK_PERCENTAGE:
    if (!allow_pct)
      return FALSE;
    out->kind = SV_LENGTH;
    out->unit = U_PCT;
    out->num = t->number;
    break;
  case STYLE_TOK_NUMBER:
    if (allow_number) {
      out->kind = SV_NUMBER;
      out->num = t->number;
    } else if (t->number == 0) {
      out->kind = SV_LENGTH;
      out->unit = U_PT;
      out->num = 0;
    } else {
      return FALSE;
    }
    break;
  default:
    return FALSE;
  }
  c->i++;
  return TRUE;
}

/* Optimal string alignment distance (Levenshtein + transpositions). */
int
style_edit_distance (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree int *d = g_new (int, (la + 1) * (lb + 1));
#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (gsize i = 0; i <= la; i++)
    D (i, 0) = (int) i;
  for (gsize j = 0; j <= lb; j++)
    D (0, j) = (int) j;
  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++) {
      int cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
      int v = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);
      v = MIN (v, D (i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 2])
          && g_ascii_tolower (a[i - 2]) == g_ascii_tolower (b[j - 1]))
        v = MIN (v, D (i - 2, j - 2) + 1);
      D (i, j) = v;
    }
  return D (la, lb);
#undef D
}

const char *
style_suggest (const char *word, const char *const *candidates)
{
  gsize len = strlen (word);
  int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  const char *best = NULL;
  int best_d = limit + 1;
  for (const char *const *c = candidates; *c; c++) {
    /* The distance is at least the difference of the lengths: skip the
     * O(la·lb) table when it cannot be within the limit (a 60 KB name). */
    gsize lc = strlen (*c);
    if ((len > lc ? len - lc : lc - len) > (gsize) limit)
      continue;
    int d = style_edit_distance (word, *c);
    if (d < best_d) {
      best_d = d;
      best = *c;
    }
  }
  return best;
}

const char *
style_suggest_name (const char *word, const char *const *candidates)
{
  return style_suggest (word, candidates);
}
