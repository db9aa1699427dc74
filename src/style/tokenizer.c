/* tokenizer.c — CSS Syntax Level 3 tokenizer (§3 "Tokenizing and Parsing").
 *
 * Written by hand: no well-kept C library tokenizes CSS with positions
 * (libcroco is unmaintained and CSS2-era; libcss/netsurf is not packaged as
 * a development library and knows nothing of our properties). The code
 * follows the spec's algorithm step by step, with the spec's names
 * ("consume a token", "would start an identifier" …), so it can be checked
 * against it. Input is preprocessed as §3.3 says (CR LF, CR, FF → LF,
 * NUL → U+FFFD) and worked on as an array of code points; each token keeps
 * its line, its column in characters and its byte range in the
 * preprocessed UTF-8 text. */
#include "style/tokenizer-private.h"

#include <string.h>

typedef struct {
  const gunichar *cp;         /* code points */
  glong n;
  const gsize *boff;          /* byte offset of each code point, n + 1 entries */
  glong pos;
  /* incremental line/column lookup */
  glong scan_pos, scan_line_start;
  int scan_line;
  const char *file;
  DiagList *diags;
} Tokenizer;

#define EOF_CP ((gunichar) 0xFFFFFFFF)

static gunichar
peek (const Tokenizer *t, glong k)
{
  glong i = t->pos + k;
  return i < t->n ? t->cp[i] : EOF_CP;
}

static void
where (Tokenizer *t, glong i, int *line, int *column)
{
  if (i < t->scan_pos) {        /* never needed in practice, but be safe */
    t->scan_pos = 0;
    t->scan_line = 1;
    t->scan_line_start = 0;
  }
  for (; t->scan_pos < i && t->scan_pos < t->n; t->scan_pos++)
    if (t->cp[t->scan_pos] == '\n') {
      t->scan_line++;
      t->scan_line_start = t->scan_pos + 1;
    }
  *line = t->scan_line;
  *column = (int) (i - t->scan_line_start) + 1;
}

static void
report (Tokenizer *t, glong at, const char *message)
{
  int line, column;
  if (!t->diags)
    return;
  where (t, at, &line, &column);
  diag_error (t->diags, t->file, line, column, "%s", message);
}

static gboolean is_newline (gunichar c) { return c == '\n'; }
static gboolean is_ws (gunichar c) { return c == ' ' || c == '\t' || c == '\n'; }
static gboolean is_digit (gunichar c) { return c >= '0' && c <= '9'; }
static gboolean
is_hex (gunichar c)
{
  return is_digit (c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static gboolean
is_ident_start (gunichar c)
{
  return c != EOF_CP && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                         || c >= 0x80 || c == '_');
}
static gboolean
is_ident_char (gunichar c)
{
  return is_ident_start (c) || is_digit (c) || c == '-';
}
static gboolean
is_non_printable (gunichar c)
{
  return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F;
}

/* §4.3.8: a backslash before the end of the file is a valid escape too
 * (of U+FFFD, §4.3.7); only one before a newline is not. */
static gboolean
valid_escape (gunichar c1, gunichar c2)
{
  return c1 == '\\' && !is_newline (c2);
}

/* §4.3.9 */
static gboolean
would_start_ident (gunichar c1, gunichar c2, gunichar c3)
{
  if (c1 == '-')
    return is_ident_start (c2) || c2 == '-' || valid_escape (c2, c3);
  if (is_ident_start (c1))
    return TRUE;
  if (c1 == '\\')
    return valid_escape (c1, c2);
  return FALSE;
}

/* §4.3.10 */
static gboolean
would_start_number (gunichar c1, gunichar c2, gunichar c3)
{
  if (c1 == '+' || c1 == '-')
    return is_digit (c2) || (c2 == '.' && is_digit (c3));
  if (c1 == '.')
    return is_digit (c2);
  return is_digit (c1);
}

/* §4.3.7: called after the backslash has been consumed. */
static gunichar
consume_escape (Tokenizer *t)
{
  gunichar c = peek (t, 0);
  if (c == EOF_CP) {
    report (t, t->pos - 1, "a backslash at the end of the file (it stands for U+FFFD)");
    return 0xFFFD;
  }
  t->pos++;
  if (is_hex (c)) {
    gunichar v = g_ascii_xdigit_value ((char) c);
    for (int k = 0; k < 5 && is_hex (peek (t, 0)); k++)
      v = v * 16 + g_ascii_xdigit_value ((char) t->cp[t->pos++]);
    if (is_ws (peek (t, 0)))
      t->pos++;
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
      return 0xFFFD;
    return v;
  }
  return c;
}

/* §4.3.11 */
static char *
consume_name (Tokenizer *t)
{
  GString *s = g_string_new (NULL);
  for (;;) {
    gunichar c = peek (t, 0);
    if (is_ident_char (c)) {
      g_string_append_unichar (s, c);
      t->pos++;
    } else if (valid_escape (c, peek (t, 1))) {
      t->pos++;
      g_string_append_unichar (s, consume_escape (t));
    } else {
      break;
    }
  }
  return g_string_free (s, FALSE);
}

/* §4.3.12 */
static void
consume_number (Tokenizer *t, StyleToken *tok)
{
  GString *repr = g_string_new (NULL);
  tok->is_integer = TRUE;
  if (peek (t, 0) == '+' || peek (t, 0) == '-')
    g_string_append_c (repr, (char) t->cp[t->pos++]);
  while (is_digit (peek (t, 0)))
    g_string_append_c (repr, (char) t->cp[t->pos++]);
  if (peek (t, 0) == '.' && is_digit (peek (t, 1))) {
    g_string_append_c (repr, (char) t->cp[t->pos++]);
    while (is_digit (peek (t, 0)))
      g_string_append_c (repr, (char) t->cp[t->pos++]);
    tok->is_integer = FALSE;
  }
  if ((peek (t, 0) == 'e' || peek (t, 0) == 'E')
      && (is_digit (peek (t, 1))
          || ((peek (t, 1) == '+' || peek (t, 1) == '-') && is_digit (peek (t, 2))))) {
    g_string_append_c (repr, (char) t->cp[t->pos++]);
    if (peek (t, 0) == '+' || peek (t, 0) == '-')
      g_string_append_c (repr, (char) t->cp[t->pos++]);
    while (is_digit (peek (t, 0)))
      g_string_append_c (repr, (char) t->cp[t->pos++]);
    tok->is_integer = FALSE;
  }
  tok->number = g_ascii_strtod (repr->str, NULL);
  g_string_free (repr, TRUE);
}

/* §4.3.3 */
static void
consume_numeric (Tokenizer *t, StyleToken *tok)
{
  consume_number (t, tok);
  if (would_start_ident (peek (t, 0), peek (t, 1), peek (t, 2))) {
    tok->type = STYLE_TOK_DIMENSION;
    tok->value = consume_name (t);
  } else if (peek (t, 0) == '%') {
    t->pos++;
    tok->type = STYLE_TOK_PERCENTAGE;
  } else {
    tok->type = STYLE_TOK_NUMBER;
  }
}

/* §4.3.14 */
static void
consume_bad_url_remnants (Tokenizer *t)
{
  for (;;) {
    gunichar c = peek (t, 0);
    if (c == EOF_CP)
      return;
    t->pos++;
    if (c == ')')
      return;
    if (valid_escape (c, peek (t, 0)) && peek (t, 0) != EOF_CP)
      consume_escape (t);
  }
}

/* §4.3.6: after "url(" and its leading whitespace. */
static void
consume_url (Tokenizer *t, StyleToken *tok, glong start)
{
  GString *s = g_string_new (NULL);
  tok->type = STYLE_TOK_URL;
  while (is_ws (peek (t, 0)))
    t->pos++;
  for (;;) {
    gunichar c = peek (t, 0);
    if (c == ')') {
      t->pos++;
      break;
    }
    if (c == EOF_CP) {
      report (t, start, "unclosed url(): ')' missing");
      break;
    }
    if (is_ws (c)) {
      while (is_ws (peek (t, 0)))
        t->pos++;
      if (peek (t, 0) == ')') {
        t->pos++;
        break;
      }
      if (peek (t, 0) == EOF_CP) {
        report (t, start, "unclosed url(): ')' missing");
        break;
      }
      consume_bad_url_remnants (t);
      tok->type = STYLE_TOK_BAD_URL;
      report (t, start, "invalid url(): spaces inside an unquoted URL");
      break;
    }
    if (c == '"' || c == '\'' || c == '(' || is_non_printable (c)) {
      consume_bad_url_remnants (t);
      tok->type = STYLE_TOK_BAD_URL;
      report (t, start, "invalid url(): quote, '(' or control character inside an unquoted URL");
      break;
    }
    if (c == '\\') {
      if (valid_escape (c, peek (t, 1))) {
        t->pos++;
        g_string_append_unichar (s, consume_escape (t));
        continue;
      }
      consume_bad_url_remnants (t);
      tok->type = STYLE_TOK_BAD_URL;
      report (t, start, "invalid url(): bad escape");
      break;
    }
    g_string_append_unichar (s, c);
    t->pos++;
  }
  tok->value = g_string_free (s, FALSE);
}

/* §4.3.4 */
static void
consume_ident_like (Tokenizer *t, StyleToken *tok, glong start)
{
  char *name = consume_name (t);
  if (g_ascii_strcasecmp (name, "url") == 0 && peek (t, 0) == '(') {
    t->pos++;
    while (is_ws (peek (t, 0)) && is_ws (peek (t, 1)))
      t->pos++;
    gunichar c0 = peek (t, 0), c1 = peek (t, 1);
    if (c0 == '"' || c0 == '\'' || (is_ws (c0) && (c1 == '"' || c1 == '\''))) {
      tok->type = STYLE_TOK_FUNCTION;
      tok->value = name;
      return;
    }
    g_free (name);
    consume_url (t, tok, start);
    return;
  }
  if (peek (t, 0) == '(') {
    t->pos++;
    tok->type = STYLE_TOK_FUNCTION;
  } else {
    tok->type = STYLE_TOK_IDENT;
  }
  tok->value = name;
}

/* §4.3.5: the opening quote has been consumed. */
static void
consume_string (Tokenizer *t, StyleToken *tok, gunichar quote, glong start)
{
  GString *s = g_string_new (NULL);
  tok->type = STYLE_TOK_STRING;
  for (;;) {
    gunichar c = peek (t, 0);
    if (c == quote) {
      t->pos++;
      break;
    }
    if (c == EOF_CP) {
      report (t, start, "unclosed string: the file ends inside it");
      break;
    }
    if (is_newline (c)) {
      tok->type = STYLE_TOK_BAD_STRING;
      report (t, start, "unclosed string: line break inside a string (write \\A for a new line)");
      break;
    }
    t->pos++;
    if (c == '\\') {
      gunichar d = peek (t, 0);
      if (d == EOF_CP)
        continue;
      if (is_newline (d)) {
        t->pos++;
        continue;
      }
      g_string_append_unichar (s, consume_escape (t));
      continue;
    }
    g_string_append_unichar (s, c);
  }
  tok->value = g_string_free (s, FALSE);
}

static void
consume_comments (Tokenizer *t)
{
  while (peek (t, 0) == '/' && peek (t, 1) == '*') {
    glong start = t->pos;
    t->pos += 2;
    for (;;) {
      if (peek (t, 0) == EOF_CP) {
        report (t, start, "unclosed comment: '*/' missing");
        return;
      }
      if (peek (t, 0) == '*' && peek (t, 1) == '/') {
        t->pos += 2;
        break;
      }
      t->pos++;
    }
  }
}

/* A delim token of the code point c at t->pos. */
static void
consume_delim (Tokenizer *t, StyleToken *tok, gunichar c)
{
  t->pos++;
  tok->type = STYLE_TOK_DELIM;
  tok->delim = c;
}

/* The tokens of one code point that are not delims: a table, not a switch. */
static const struct { gunichar c; StyleTokenType type; } single_tokens[] = {
  { '(', STYLE_TOK_LPAREN }, { ')', STYLE_TOK_RPAREN }, { '[', STYLE_TOK_LBRACKET },
  { ']', STYLE_TOK_RBRACKET }, { '{', STYLE_TOK_LBRACE }, { '}', STYLE_TOK_RBRACE },
  { ',', STYLE_TOK_COMMA }, { ':', STYLE_TOK_COLON }, { ';', STYLE_TOK_SEMICOLON },
};

/* §4.3.1 for the code points of single_tokens and anything else: a delim. */
static void
consume_single (Tokenizer *t, StyleToken *tok, gunichar c)
{
  for (guint k = 0; k < G_N_ELEMENTS (single_tokens); k++)
    if (single_tokens[k].c == c) {
      t->pos++;
      tok->type = single_tokens[k].type;
      return;
    }
  consume_delim (t, tok, c);
}

/* §4.3.1, U+0023 NUMBER SIGN */
static void
consume_hash (Tokenizer *t, StyleToken *tok)
{
  if (!is_ident_char (peek (t, 1)) && !valid_escape (peek (t, 1), peek (t, 2))) {
    consume_delim (t, tok, '#');
    return;
  }
  t->pos++;
  tok->type = STYLE_TOK_HASH;
  tok->hash_id = would_start_ident (peek (t, 0), peek (t, 1), peek (t, 2));
  tok->value = consume_name (t);
}

/* §4.3.1, U+002D HYPHEN-MINUS (and U+002B PLUS SIGN, U+002E FULL STOP,
 * which can only start a number or be a delim) */
static void
consume_sign (Tokenizer *t, StyleToken *tok, gunichar c, glong start)
{
  if (would_start_number (c, peek (t, 1), peek (t, 2))) {
    consume_numeric (t, tok);
  } else if (c == '-' && peek (t, 1) == '-' && peek (t, 2) == '>') {
    t->pos += 3;
    tok->type = STYLE_TOK_CDC;
  } else if (c == '-' && would_start_ident (c, peek (t, 1), peek (t, 2))) {
    consume_ident_like (t, tok, start);
  } else {
    consume_delim (t, tok, c);
  }
}

/* §4.3.1, U+003C LESS-THAN SIGN */
static void
consume_less_than (Tokenizer *t, StyleToken *tok)
{
  if (peek (t, 1) == '!' && peek (t, 2) == '-' && peek (t, 3) == '-') {
    t->pos += 4;
    tok->type = STYLE_TOK_CDO;
  } else {
    consume_delim (t, tok, '<');
  }
}

/* §4.3.1, U+0040 COMMERCIAL AT */
static void
consume_at (Tokenizer *t, StyleToken *tok)
{
  if (!would_start_ident (peek (t, 1), peek (t, 2), peek (t, 3))) {
    consume_delim (t, tok, '@');
    return;
  }
  t->pos++;
  tok->type = STYLE_TOK_AT_KEYWORD;
  tok->value = consume_name (t);
}

/* §4.3.1, U+005C REVERSE SOLIDUS */
static void
consume_backslash (Tokenizer *t, StyleToken *tok, glong start)
{
  if (valid_escape ('\\', peek (t, 1))) {
    consume_ident_like (t, tok, start);
  } else {
    report (t, start, "stray backslash");
    consume_delim (t, tok, '\\');
  }
}

/* §4.3.1 */
static void
consume_token (Tokenizer *t, StyleToken *tok)
{
  consume_comments (t);
  glong start = t->pos;
  memset (tok, 0, sizeof *tok);
  gunichar c = peek (t, 0);
  where (t, start, &tok->line, &tok->column);

  if (c == EOF_CP) {
    tok->type = STYLE_TOK_EOF;
  } else if (is_ws (c)) {
    while (is_ws (peek (t, 0)))
      t->pos++;
    tok->type = STYLE_TOK_WHITESPACE;
  } else if (c == '"' || c == '\'') {
    t->pos++;
    consume_string (t, tok, c, start);
  } else if (c == '#') {
    consume_hash (t, tok);
  } else if (c == '+' || c == '-' || c == '.') {
    consume_sign (t, tok, c, start);
  } else if (c == '<') {
    consume_less_than (t, tok);
  } else if (c == '@') {
    consume_at (t, tok);
  } else if (c == '\\') {
    consume_backslash (t, tok, start);
  } else if (is_digit (c)) {
    consume_numeric (t, tok);
  } else if (is_ident_start (c)) {
    consume_ident_like (t, tok, start);
  } else {
    consume_single (t, tok, c);
  }
  tok->start = t->boff[start];
  tok->end = t->boff[t->pos];
}

/* §3.3: preprocessing, into UTF-8 text and an array of code points. */
static char *
preprocess (const char *css, gsize len, gunichar **cp_out, glong *n_out)
{
  GString *raw = g_string_sized_new (len + 1);
  for (gsize i = 0; i < len; i++) {
    if (css[i] == '\0')
      g_string_append (raw, "\xEF\xBF\xBD");    /* U+FFFD */
    else
      g_string_append_c (raw, css[i]);
  }
  g_autofree char *valid = g_utf8_make_valid (raw->str, (gssize) raw->len);
  g_string_free (raw, TRUE);
  const char *p = valid;
  /* a byte-order mark is not part of the text */
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  GString *out = g_string_sized_new (len + 1);
  for (; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == '\r') {
      if (p[1] == '\n')
        p++;
      c = '\n';
    } else if (c == '\f') {
      c = '\n';
    }
    g_string_append_unichar (out, c);
  }
  *cp_out = g_utf8_to_ucs4_fast (out->str, (glong) out->len, n_out);
  return g_string_free (out, FALSE);
}

StyleTokens *
style_tokenize (const char *css, gsize len, const char *file, DiagList *diags)
{
  StyleTokens *result = g_new0 (StyleTokens, 1);
  gunichar *cp = NULL;
  glong n = 0;

  g_return_val_if_fail (css != NULL || len == 0, NULL);
  result->file = g_strdup (file);
  result->text = preprocess (css ? css : "", len, &cp, &n);
  result->len = strlen (result->text);
  result->tokens = g_array_new (FALSE, TRUE, sizeof (StyleToken));

  gsize *boff = g_new (gsize, n + 1);
  const char *p = result->text;
  for (glong i = 0; i < n; i++) {
    boff[i] = (gsize) (p - result->text);
    p = g_utf8_next_char (p);
  }
  boff[n] = result->len;

  Tokenizer t = { .cp = cp, .n = n, .boff = boff, .scan_line = 1,
                  .file = file, .diags = diags };
  for (;;) {
    StyleToken tok;
    consume_token (&t, &tok);
    g_array_append_val (result->tokens, tok);
    if (tok.type == STYLE_TOK_EOF)
      break;
  }
  g_free (boff);
  g_free (cp);
  return result;
}

void
style_tokens_free (StyleTokens *tokens)
{
  if (!tokens)
    return;
  for (guint i = 0; i < tokens->tokens->len; i++)
    g_free (g_array_index (tokens->tokens, StyleToken, i).value);
  g_array_unref (tokens->tokens);
  g_free (tokens->text);
  g_free (tokens->file);
  g_free (tokens);
}

char *
style_tokens_text (const StyleTokens *t, guint first, guint last)
{
  if (first > last || first >= t->tokens->len)
    return g_strdup ("");
  const StyleToken *a = style_tokens_get (t, first), *b = style_tokens_get (t, last);
  return g_strndup (t->text + a->start, b->end - a->start);
}

const char *
style_token_type_name (StyleTokenType type)
{
  static const char *const names[] = {
    "ident", "function", "at-keyword", "hash", "string", "bad-string", "url",
    "bad-url", "delim", "number", "percentage", "dimension", "whitespace",
    "CDO", "CDC", ":", ";", ",", "[", "]", "(", ")", "{", "}", "EOF",
  };
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (names), "?");
  return names[type];
}
