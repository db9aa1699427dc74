/* parser-private.h — what the three files of the style sheet parser share:
 * the parser's state, the walk over the flat token array (blocks and
 * component values by bracket matching) and the messages with a place.
 *
 * Private to parser.c (the sheet: rules, blocks, declaration lists),
 * declaration.c (one declaration) and at-rule.c (@page, margin boxes,
 * @import and the rest); the other files of src/style use style-private.h.
 * The short names (tok, error_at, warning_at) stand on nearly every line of
 * those three files; they are kept out of style-private.h so that no other
 * file sees them. */
#pragma once

#include "style/style-private.h"

G_BEGIN_DECLS

typedef struct {
  StyleSheet *sheet;
  const StyleTokens *src;
  const char *file;           /* interned */
  guint i;
  DiagList *diags;
  GPtrArray *import_stack;    /* canonical paths of the files being read */
  gboolean seen_rule;         /* a rule other than @charset/@import came */
} StyleParser;

static inline const StyleToken *
tok (const StyleParser *p, guint i)
{
  return style_tokens_get (p->src, i);
}

/* A message at token t: file:line:column of t. */
void style_parser_report (StyleParser *p, DiagLevel level, const StyleToken *t,
                          const char *format, ...) G_GNUC_PRINTF (4, 5);
#define error_at(p, t, ...) style_parser_report ((p), DIAG_ERROR, (t), __VA_ARGS__)
#define warning_at(p, t, ...) style_parser_report ((p), DIAG_WARNING, (t), __VA_ARGS__)

/* Skips one component value starting at i; returns the index after it. */
guint style_parser_skip_component (const StyleParser *p, guint i, guint limit);
/* The first index in [i, limit) of a token of type at depth 0, or limit. */
guint style_parser_find_at_depth0 (const StyleParser *p, guint i, guint limit,
                                   StyleTokenType type);
/* A block opening at open: the index of its '}' (or EOF, reported). */
guint style_parser_block_end (StyleParser *p, guint open);
/* Whether tokens [first, last) hold a bad string or bad url (the tokenizer
 * has reported it). */
gboolean style_parser_has_bad_tokens (const StyleParser *p, guint first, guint last);

/* A list of declarations in [first, last) where ctx (STYLE_CTX_*) says, into
 * out (of StyleDecl*). In @page (page != NULL), margin box at-rules too
 * (parser.c). */
void style_parser_declarations (StyleParser *p, guint first, guint last, guint ctx,
                                GPtrArray *out, StylePageRule *page);
/* One declaration: tokens [first, last), first is its name, an ident
 * (declaration.c). */
void style_parser_declaration (StyleParser *p, guint first, guint last, guint ctx,
                               GPtrArray *out);
/* A top-level at-rule at p->i (at-rule.c). */
void style_parser_at_rule (StyleParser *p);
/* An at-rule at p->i inside a declaration list ending at last: a margin box
 * in @page (page != NULL), else an error (at-rule.c). */
void style_parser_nested_at_rule (StyleParser *p, guint last, guint ctx, StylePageRule *page);

G_END_DECLS
