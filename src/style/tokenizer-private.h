/* tokenizer-private.h — CSS Syntax Level 3 tokens with their place.
 *
 * Private to src/style (and its unit tests). A StyleTokens holds the
 * preprocessed source text (UTF-8) and the token array; every token knows
 * its 1-based line and column (columns count characters, not bytes) and
 * the byte range of its source text, so a value can be cut out again as
 * written (var() substitution works on that text). */
#pragma once

#include <glib.h>
#include "common/diag.h"

G_BEGIN_DECLS

typedef enum {
  STYLE_TOK_IDENT,
  STYLE_TOK_FUNCTION,       /* value = name, without "(" */
  STYLE_TOK_AT_KEYWORD,     /* value = name, without "@" */
  STYLE_TOK_HASH,           /* value = name, without "#"; hash_id as the spec says */
  STYLE_TOK_STRING,         /* value = unescaped contents */
  STYLE_TOK_BAD_STRING,
  STYLE_TOK_URL,            /* value = the URL */
  STYLE_TOK_BAD_URL,
  STYLE_TOK_DELIM,          /* delim = the character */
  STYLE_TOK_NUMBER,
  STYLE_TOK_PERCENTAGE,
  STYLE_TOK_DIMENSION,      /* value = unit as written */
  STYLE_TOK_WHITESPACE,
  STYLE_TOK_CDO,
  STYLE_TOK_CDC,
  STYLE_TOK_COLON,
  STYLE_TOK_SEMICOLON,
  STYLE_TOK_COMMA,
  STYLE_TOK_LBRACKET,
  STYLE_TOK_RBRACKET,
  STYLE_TOK_LPAREN,
  STYLE_TOK_RPAREN,
  STYLE_TOK_LBRACE,
  STYLE_TOK_RBRACE,
  STYLE_TOK_EOF,
} StyleTokenType;

typedef struct {
  StyleTokenType type;
  int line, column;           /* 1-based, column in characters */
  gsize start, end;           /* byte range in StyleTokens.text */
  char *value;                /* ident/function/at/hash/string/url name, dimension unit */
  gunichar delim;
  double number;              /* number, percentage (as written: 50 for 50%), dimension */
  gboolean is_integer;        /* number type "integer" */
  gboolean hash_id;           /* hash type "id" */
} StyleToken;

typedef struct {
  char *file;
  char *text;                 /* preprocessed source (CRLF, CR, FF → LF; NUL → U+FFFD) */
  gsize len;
  GArray *tokens;             /* of StyleToken, always ending with STYLE_TOK_EOF */
} StyleTokens;

/* Tokenizes css. Problems (unclosed string or comment, bad url, stray
 * backslash) are reported to diags as file:line:column when diags is set. */
StyleTokens *style_tokenize (const char *css, gsize len, const char *file,
                             DiagList *diags);
void style_tokens_free (StyleTokens *tokens);

static inline const StyleToken *
style_tokens_get (const StyleTokens *t, guint i)
{
  return &g_array_index (t->tokens, StyleToken, MIN (i, t->tokens->len - 1));
}

/* The source text of tokens [first, last] (inclusive); caller frees. */
char *style_tokens_text (const StyleTokens *t, guint first, guint last);
/* A name for the token type, for tests and messages ("ident", "{" …). */
const char *style_token_type_name (StyleTokenType type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyleTokens, style_tokens_free)

G_END_DECLS
