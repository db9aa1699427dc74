/* parser.c — CSS Syntax Level 3 parsing (§5) of a style file into rules,
 * @page rules and @imports, with CSS's error recovery: a bad declaration
 * is dropped up to the next ';', a bad rule up to the end of its block, so
 * one pass reports every problem of a file.
 *
 * Written by hand for the same reason as tokenizer.c. It works on the flat
 * token array; a "component value" (a block or function with its contents)
 * is skipped by bracket matching. This file holds the sheet's level: that
 * walk, style rules and declaration lists. One declaration is
 * declaration.c, the at-rules (@page, margin boxes, @import) at-rule.c;
 * they share parser-private.h. Loading, freeing and the sheet's lists are
 * sheet.c. */
#include "style/parser-private.h"

void
style_parser_report (StyleParser *p, DiagLevel level, const StyleToken *t,
                     const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  diag_add (p->diags, level, p->file, t->line, t->column, "%s", msg);
}

static StyleTokenType
closer_of (StyleTokenType open)
{
  switch (open) {
  case STYLE_TOK_LBRACE: return STYLE_TOK_RBRACE;
  case STYLE_TOK_LBRACKET: return STYLE_TOK_RBRACKET;
  default: return STYLE_TOK_RPAREN;   /* ( and function tokens */
  }
}

static gboolean
is_opener (StyleTokenType t)
{
  return t == STYLE_TOK_LBRACE || t == STYLE_TOK_LBRACKET || t == STYLE_TOK_LPAREN
         || t == STYLE_TOK_FUNCTION;
}

/* Index of the token closing the block/function opened at open, or of EOF
 * (or of limit) when it is never closed. */
static guint
matching_close (const StyleParser *p, guint open, guint limit)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (StyleTokenType));
  StyleTokenType want = closer_of (tok (p, open)->type);
  guint i;
  for (i = open + 1; i < limit; i++) {
    StyleTokenType t = tok (p, i)->type;
    if (t == STYLE_TOK_EOF)
      break;
    if (is_opener (t)) {
      g_array_append_val (stack, want);
      want = closer_of (t);
    } else if (t == want) {
      if (stack->len == 0)
        break;
      want = g_array_index (stack, StyleTokenType, stack->len - 1);
      g_array_set_size (stack, stack->len - 1);
    }
  }
  g_array_unref (stack);
  return i;
}

guint
style_parser_skip_component (const StyleParser *p, guint i, guint limit)
{
  if (is_opener (tok (p, i)->type)) {
    guint close = matching_close (p, i, limit);
    return close < limit && tok (p, close)->type != STYLE_TOK_EOF ? close + 1 : close;
  }
  return i + 1;
}

guint
style_parser_find_at_depth0 (const StyleParser *p, guint i, guint limit, StyleTokenType type)
{
  while (i < limit && tok (p, i)->type != STYLE_TOK_EOF && tok (p, i)->type != type)
    i = style_parser_skip_component (p, i, limit);
  return MIN (i, limit);
}

guint
style_parser_block_end (StyleParser *p, guint open)
{
  guint close = matching_close (p, open, G_MAXUINT);
  if (tok (p, close)->type == STYLE_TOK_EOF)
    error_at (p, tok (p, open), "unclosed block: the file ends before the '}' of this '{'");
  return close;
}

gboolean
style_parser_has_bad_tokens (const StyleParser *p, guint first, guint last)
{
  for (guint k = first; k < last; k++) {
    StyleTokenType t = tok (p, k)->type;
    if (t == STYLE_TOK_BAD_STRING || t == STYLE_TOK_BAD_URL)
      return TRUE;
  }
  return FALSE;
}

/* What stands where a property name should: skipped to the next ';'. */
static void
skip_non_declaration (StyleParser *p, guint last)
{
  const StyleToken *t = tok (p, p->i);
  guint end = style_parser_find_at_depth0 (p, p->i, last, STYLE_TOK_SEMICOLON);
  if (t->type == STYLE_TOK_BAD_STRING || t->type == STYLE_TOK_BAD_URL)
    ;                       /* reported by the tokenizer */
  else if (t->type == STYLE_TOK_LBRACE)
    error_at (p, t, "unexpected '{': nested rules are not supported; ignored up to the "
              "next ';'");
  else
    error_at (p, t, "expected a property name, found %s%s%s; ignored up to the next ';'",
              t->type == STYLE_TOK_DELIM ? "'" : "",
              t->type == STYLE_TOK_DELIM ? (char[]) { (char) t->delim, 0 }
                                         : style_token_type_name (t->type),
              t->type == STYLE_TOK_DELIM ? "'" : "");
  p->i = end + 1;
}

void
style_parser_declarations (StyleParser *p, guint first, guint last, guint ctx, GPtrArray *out,
                           StylePageRule *page)
{
  p->i = first;
  while (p->i < last) {
    const StyleToken *t = tok (p, p->i);
    switch (t->type) {
    case STYLE_TOK_EOF:
      return;
    case STYLE_TOK_WHITESPACE:
    case STYLE_TOK_SEMICOLON:
      p->i++;
      break;
    case STYLE_TOK_AT_KEYWORD:
      style_parser_nested_at_rule (p, last, ctx, page);
      break;
    case STYLE_TOK_IDENT: {
      guint end = style_parser_find_at_depth0 (p, p->i, last, STYLE_TOK_SEMICOLON);
      style_parser_declaration (p, p->i, end, ctx, out);
      p->i = end + 1;
      break;
    }
    default:
      skip_non_declaration (p, last);
      break;
    }
  }
}

/* A qualified (style) rule at p->i. */
static void
parse_qualified_rule (StyleParser *p)
{
  guint first = p->i;
  guint i = first;
  while (tok (p, i)->type != STYLE_TOK_EOF && tok (p, i)->type != STYLE_TOK_LBRACE)
    i = style_parser_skip_component (p, i, G_MAXUINT);
  if (tok (p, i)->type == STYLE_TOK_EOF) {
    error_at (p, tok (p, first), "selector without a '{ … }' block; ignored");
    p->i = i;
    return;
  }
  guint close = style_parser_block_end (p, i);
  p->seen_rule = TRUE;

  GPtrArray *selectors = NULL;
  if (!style_parser_has_bad_tokens (p, first, i))
    selectors = style_selector_list_parse (p->src, first, i, p->diags);
  StyleRule *rule = g_new0 (StyleRule, 1);
  rule->decls = g_ptr_array_new_with_free_func ((GDestroyNotify) style_decl_free);
  /* declarations are checked even when the selector is bad: every problem
   * of the file shows at once */
  style_parser_declarations (p, i + 1, close, STYLE_CTX_RULE, rule->decls, NULL);
  p->i = close + (tok (p, close)->type == STYLE_TOK_EOF ? 0 : 1);
  if (!selectors) {
    g_ptr_array_unref (rule->decls);
    g_free (rule);
    return;
  }
  rule->selectors = selectors;
  rule->order = p->sheet->next_order++;
  for (guint k = 0; k < selectors->len; k++)
    ((StyleSelector *) selectors->pdata[k])->rule = rule;
  g_ptr_array_add (p->sheet->rules, rule);
}

gboolean
style_sheet_parse_text (StyleSheet *sheet, const char *css, gsize len, const char *file,
            DiagList *diags, GPtrArray *import_stack)
{
  g_autofree char *canon = g_canonicalize_filename (file ? file : "<string>", NULL);
  g_autoptr (StyleTokens) src = style_tokenize (css, len, file, diags);
  StyleParser p = { .sheet = sheet, .src = src, .file = style_sheet_intern_file (sheet, file),
                    .diags = diags, .import_stack = import_stack };
  g_ptr_array_add (import_stack, canon);

  for (;;) {
    const StyleToken *t = tok (&p, p.i);
    if (t->type == STYLE_TOK_EOF)
      break;
    switch (t->type) {
    case STYLE_TOK_WHITESPACE:
    case STYLE_TOK_CDO:
    case STYLE_TOK_CDC:
      p.i++;
      break;
    case STYLE_TOK_AT_KEYWORD:
      style_parser_at_rule (&p);
      break;
    default:
      parse_qualified_rule (&p);
      break;
    }
  }
  g_ptr_array_remove_index (import_stack, import_stack->len - 1);
  return TRUE;
}
