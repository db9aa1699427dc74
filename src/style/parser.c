/* parser.c — CSS Syntax Level 3 parsing (§5) of a style file into rules,
 * @page rules and @imports, with CSS's error recovery: a bad declaration
 * is dropped up to the next ';', a bad rule up to the end of its block, so
 * one pass reports every problem of a file.
 *
 * Written by hand for the same reason as tokenizer.c. It works on the flat
 * token array; a "component value" (a block or function with its contents)
 * is skipped by bracket matching. Loading, freeing and the sheet's lists
 * are sheet.c. */
#include "style/style-private.h"
#include "common/limits.h"
#include "common/readfile.h"

#include <errno.h>
#include <string.h>

typedef struct {
  StyleSheet *sheet;
  const StyleTokens *src;
  const char *file;           /* interned */
  guint i;
  DiagList *diags;
  GPtrArray *import_stack;    /* canonical paths of the files being read */
  gboolean seen_rule;         /* a rule other than @charset/@import came */
} Parser;

#define MAX_IMPORT_DEPTH 16


static const StyleToken *
tok (const Parser *p, guint i)
{
  return style_tokens_get (p->src, i);
}

static void
error_at (Parser *p, const StyleToken *t, const char *format, ...) G_GNUC_PRINTF (3, 4);
static void
warning_at (Parser *p, const StyleToken *t, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
error_at (Parser *p, const StyleToken *t, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  diag_error (p->diags, p->file, t->line, t->column, "%s", msg);
}

static void
warning_at (Parser *p, const StyleToken *t, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  diag_warning (p->diags, p->file, t->line, t->column, "%s", msg);
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
matching_close (const Parser *p, guint open, guint limit)
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

/* Skips one component value starting at i; returns the index after it. */
static guint
skip_component (const Parser *p, guint i, guint limit)
{
  if (is_opener (tok (p, i)->type)) {
    guint close = matching_close (p, i, limit);
    return close < limit && tok (p, close)->type != STYLE_TOK_EOF ? close + 1 : close;
  }
  return i + 1;
}

/* The first index in [i, limit) of a token of type at depth 0, or limit. */
static guint
find_at_depth0 (const Parser *p, guint i, guint limit, StyleTokenType type)
{
  while (i < limit && tok (p, i)->type != STYLE_TOK_EOF && tok (p, i)->type != type)
    i = skip_component (p, i, limit);
  return MIN (i, limit);
}

/* A block opening at open: the index of its '}' (or EOF, reported). */
static guint
block_end (Parser *p, guint open)
{
  guint close = matching_close (p, open, G_MAXUINT);
  if (tok (p, close)->type == STYLE_TOK_EOF)
    error_at (p, tok (p, open), "unclosed block: the file ends before the '}' of this '{'");
  return close;
}

static gboolean
range_has_bad_tokens (const Parser *p, guint first, guint last)
{
  for (guint k = first; k < last; k++) {
    StyleTokenType t = tok (p, k)->type;
    if (t == STYLE_TOK_BAD_STRING || t == STYLE_TOK_BAD_URL)
      return TRUE;
  }
  return FALSE;
}

static gboolean
range_uses_var (const Parser *p, guint first, guint last)
{
  for (guint k = first; k < last; k++) {
    const StyleToken *t = tok (p, k);
    if (t->type == STYLE_TOK_FUNCTION && g_ascii_strcasecmp (t->value, "var") == 0)
      return TRUE;
  }
  return FALSE;
}

static const char *
context_name (guint ctx)
{
  return ctx == STYLE_CTX_PAGE ? "@page" : ctx == STYLE_CTX_MBOX ? "page margin boxes"
                                                                 : "element rules";
}

static void
add_family_uses (Parser *p, GPtrArray *uses)
{
  for (guint k = 0; k < uses->len; k++) {
    StyleFamilyUse *u = uses->pdata[k];
    gboolean known = FALSE;
    for (guint j = 0; j < p->sheet->families->len && !known; j++)
      known = g_ascii_strcasecmp (((StyleFamilyUse *) p->sheet->families->pdata[j])->family,
                                  u->family) == 0;
    if (known)
      continue;
    u->file = g_strdup (p->file);
    g_ptr_array_add (p->sheet->families, u);
    uses->pdata[k] = NULL;
  }
}

void
style_family_use_free (gpointer p)
{
  StyleFamilyUse *u = p;
  if (!u)
    return;
  g_free (u->family);
  g_free (u->file);
  g_free (u);
}

/* One declaration: tokens [first, last), first is its name (an ident). */
static void
parse_declaration (Parser *p, guint first, guint last, guint ctx, GPtrArray *out)
{
  const StyleToken *name = tok (p, first);
  guint i = first + 1;
  while (i < last && tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  if (i >= last || tok (p, i)->type != STYLE_TOK_COLON) {
    error_at (p, i < last ? tok (p, i) : name,
              "expected ':' after the property name '%s'; declaration ignored", name->value);
    return;
  }
  guint vfirst = i + 1, vlast = last;
  while (vfirst < vlast && tok (p, vfirst)->type == STYLE_TOK_WHITESPACE)
    vfirst++;
  while (vlast > vfirst && tok (p, vlast - 1)->type == STYLE_TOK_WHITESPACE)
    vlast--;

  /* !important at the end */
  gboolean important = FALSE;
  if (vlast > vfirst && tok (p, vlast - 1)->type == STYLE_TOK_IDENT
      && g_ascii_strcasecmp (tok (p, vlast - 1)->value, "important") == 0) {
    guint k = vlast - 1;
    while (k > vfirst && tok (p, k - 1)->type == STYLE_TOK_WHITESPACE)
      k--;
    if (k > vfirst && tok (p, k - 1)->type == STYLE_TOK_DELIM && tok (p, k - 1)->delim == '!') {
      important = TRUE;
      vlast = k - 1;
      while (vlast > vfirst && tok (p, vlast - 1)->type == STYLE_TOK_WHITESPACE)
        vlast--;
    }
  }
  if (range_has_bad_tokens (p, vfirst, vlast))
    return;                     /* reported by the tokenizer */

  const StyleToken *vtok = vfirst < vlast ? tok (p, vfirst) : name;

  if (g_str_has_prefix (name->value, "--")) {
    if (ctx != STYLE_CTX_RULE) {
      warning_at (p, name, "custom property '%s' in %s has no effect; define it on :root "
                  "or dossier", name->value, context_name (ctx));
      return;
    }
    StyleDecl *d = g_new0 (StyleDecl, 1);
    d->custom_name = g_strdup (name->value);
    d->raw = vfirst < vlast ? style_tokens_text (p->src, vfirst, vlast - 1) : g_strdup ("");
    d->text = g_strdup (d->raw);
    d->important = important;
    d->has_var = range_uses_var (p, vfirst, vlast);
    d->file = p->file;
    d->line = vtok->line;
    d->column = vtok->column;
    d->name_line = name->line;
    d->name_column = name->column;
    d->contexts = ctx;
    g_ptr_array_add (out, d);
    return;
  }

  const StylePropInfo *info = style_prop_lookup (name->value);
  if (!info) {
    if (style_prop_is_unsupported_css (name->value)) {
      warning_at (p, name, "property '%s' is valid CSS but not supported by dossier; ignored",
                  name->value);
      return;
    }
    if (name->value[0] == '-') {
      warning_at (p, name, "vendor-specific property '%s' is not supported by dossier; ignored",
                  name->value);
      return;
    }
    const char *near = style_prop_suggest (name->value);
    if (near)
      error_at (p, name, "unknown property '%s' (did you mean '%s'?)", name->value, near);
    else
      error_at (p, name, "unknown property '%.80s%s'", name->value,
                strlen (name->value) > 80 ? "…" : "");   /* a 60 KB name: the start says enough */
    return;
  }
  if (!(info->contexts & ctx)) {
    if (info->prop == P_CONTENT)
      warning_at (p, name, "property 'content' only applies in page margin boxes "
                  "(@top-left … @bottom-right) in dossier; ignored");
    else if (info->prop == P_SIZE)
      warning_at (p, name, "property 'size' only applies in @page; ignored");
    else
      warning_at (p, name, "property '%s' does not apply in %s; ignored", info->name,
                  context_name (ctx));
    return;
  }
  if (vfirst == vlast) {
    error_at (p, name, "missing value for '%s' (expected %s)", info->name, info->expected);
    return;
  }

  StyleDecl *d = g_new0 (StyleDecl, 1);
  d->prop = info->prop;
  d->text = style_tokens_text (p->src, vfirst, vlast - 1);
  d->important = important;
  d->file = p->file;
  d->line = vtok->line;
  d->column = vtok->column;
  d->name_line = name->line;
  d->name_column = name->column;
  d->contexts = ctx;
  if (range_uses_var (p, vfirst, vlast)) {
    d->has_var = TRUE;
    d->raw = style_tokens_text (p->src, vfirst, vlast - 1);
    g_ptr_array_add (out, d);
    return;
  }

  StyleValueCursor c;
  const char *expected = NULL;
  g_autoptr (GPtrArray) uses = g_ptr_array_new_with_free_func (style_family_use_free);
  style_value_cursor_init (&c, p->src, vfirst, vlast);
  d->values = g_array_new (FALSE, TRUE, sizeof (StyleLonghandValue));
  if (!style_prop_parse_with_uses (info->prop, &c, d->values, &expected, uses)) {
    const StyleToken *bad = c.n ? c.toks[MIN (c.i, c.n - 1)] : vtok;
    g_autofree char *text = style_tokens_text (p->src, vfirst, vlast - 1);
    const char *near = bad->type == STYLE_TOK_IDENT && c.n == 1
                       ? style_prop_keyword_suggest (info, bad->value) : NULL;
    if (near)
      error_at (p, bad, "invalid value for '%s': '%s' (did you mean '%s'? expected %s)",
                name->value, text, near, expected);
    else
      error_at (p, bad, "invalid value for '%s': '%s' (expected %s)", name->value, text,
                expected);
    style_value_cursor_clear (&c);
    style_decl_free (d);
    return;
  }
  style_value_cursor_clear (&c);
  add_family_uses (p, uses);
  g_ptr_array_add (out, d);
}

static const char *const margin_box_names[] = {
  "top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right", NULL,
};
static const char *const other_margin_boxes[] = {
  "top-left-corner", "top-right-corner", "bottom-left-corner", "bottom-right-corner",
  "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom", NULL,
};

/* Skips an at-rule at p->i (to its ';' or the end of its block). */
static void
skip_at_rule (Parser *p, guint limit)
{
  guint i = p->i + 1;
  while (i < limit) {
    StyleTokenType t = tok (p, i)->type;
    if (t == STYLE_TOK_EOF || t == STYLE_TOK_SEMICOLON) {
      i++;
      break;
    }
    if (t == STYLE_TOK_LBRACE) {
      i = block_end (p, i) + 1;
      break;
    }
    i = skip_component (p, i, limit);
  }
  p->i = MIN (i, limit);
}

static void parse_declarations (Parser *p, guint first, guint last, guint ctx,
                                GPtrArray *out, StylePageRule *page);

/* A margin box at-rule inside @page, at p->i. */
static void
parse_margin_box (Parser *p, guint limit, StylePageRule *page)
{
  const StyleToken *at = tok (p, p->i);
  int box = -1;
  for (int k = 0; margin_box_names[k]; k++)
    if (g_ascii_strcasecmp (at->value, margin_box_names[k]) == 0)
      box = k;
  if (box < 0) {
    if (g_strv_contains (other_margin_boxes, at->value)) {
      warning_at (p, at, "margin box '@%s' is valid CSS but not supported by dossier; ignored",
                  at->value);
    } else {
      const char *near = style_suggest (at->value, margin_box_names);
      if (near)
        error_at (p, at, "unknown margin box '@%s' (did you mean '@%s'?)", at->value, near);
      else
        error_at (p, at, "unknown at-rule '@%s' in @page (margin boxes are @top-left, "
                  "@top-center, @top-right, @bottom-left, @bottom-center, @bottom-right)",
                  at->value);
    }
    skip_at_rule (p, limit);
    return;
  }
  guint i = p->i + 1;
  while (i < limit && tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  if (i >= limit || tok (p, i)->type != STYLE_TOK_LBRACE) {
    error_at (p, i < limit ? tok (p, i) : at, "'@%s' must be followed by a '{ … }' block",
              at->value);
    skip_at_rule (p, limit);
    return;
  }
  guint close = block_end (p, i);
  if (!page->box_decls[box])
    page->box_decls[box] = g_ptr_array_new_with_free_func ((GDestroyNotify) style_decl_free);
  parse_declarations (p, i + 1, MIN (close, limit), STYLE_CTX_MBOX, page->box_decls[box], NULL);
  p->i = MIN (close + 1, limit);
}

/* A list of declarations in [first, last). In @page (page != NULL), margin
 * box at-rules too. */
static void
parse_declarations (Parser *p, guint first, guint last, guint ctx, GPtrArray *out,
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
      if (page) {
        parse_margin_box (p, last, page);
      } else {
        if (g_strv_contains (margin_box_names, t->value))
          error_at (p, t, "'@%s' is only allowed inside @page", t->value);
        else
          error_at (p, t, "at-rule '@%s' is not allowed inside %s; ignored", t->value,
                    ctx == STYLE_CTX_MBOX ? "a margin box" : "a rule");
        skip_at_rule (p, last);
      }
      break;
    case STYLE_TOK_IDENT: {
      guint end = find_at_depth0 (p, p->i, last, STYLE_TOK_SEMICOLON);
      parse_declaration (p, p->i, end, ctx, out);
      p->i = end + 1;
      break;
    }
    default: {
      guint end = find_at_depth0 (p, p->i, last, STYLE_TOK_SEMICOLON);
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
      break;
    }
    }
  }
}

/* A qualified (style) rule at p->i. */
static void
parse_qualified_rule (Parser *p)
{
  guint first = p->i;
  guint i = first;
  while (tok (p, i)->type != STYLE_TOK_EOF && tok (p, i)->type != STYLE_TOK_LBRACE)
    i = skip_component (p, i, G_MAXUINT);
  if (tok (p, i)->type == STYLE_TOK_EOF) {
    error_at (p, tok (p, first), "selector without a '{ … }' block; ignored");
    p->i = i;
    return;
  }
  guint close = block_end (p, i);
  p->seen_rule = TRUE;

  GPtrArray *selectors = NULL;
  if (!range_has_bad_tokens (p, first, i))
    selectors = style_selector_list_parse (p->src, first, i, p->diags);
  StyleRule *rule = g_new0 (StyleRule, 1);
  rule->decls = g_ptr_array_new_with_free_func ((GDestroyNotify) style_decl_free);
  /* declarations are checked even when the selector is bad: every problem
   * of the file shows at once */
  parse_declarations (p, i + 1, close, STYLE_CTX_RULE, rule->decls, NULL);
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

/* The first token after whitespace from i: where a page name may stand. */
static guint
first_of_prelude (const Parser *p, guint i)
{
  while (tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  return i;
}

static void
parse_page_rule (Parser *p, guint limit)
{
  const StyleToken *at = tok (p, p->i);
  guint i = p->i + 1;
  StylePageRule *rule = g_new0 (StylePageRule, 1);
  gboolean ok = TRUE;
  rule->decls = g_ptr_array_new_with_free_func ((GDestroyNotify) style_decl_free);

  while (tok (p, i)->type != STYLE_TOK_EOF && tok (p, i)->type != STYLE_TOK_LBRACE
         && tok (p, i)->type != STYLE_TOK_SEMICOLON) {
    const StyleToken *t = tok (p, i);
    if (t->type == STYLE_TOK_WHITESPACE) {
      i++;
      continue;
    }
    if (t->type == STYLE_TOK_COLON && tok (p, i + 1)->type == STYLE_TOK_IDENT) {
      const char *pc = tok (p, i + 1)->value;
      if (g_ascii_strcasecmp (pc, "first") == 0)
        rule->first = TRUE;
      else if (g_ascii_strcasecmp (pc, "left") == 0)
        rule->left = TRUE;
      else if (g_ascii_strcasecmp (pc, "right") == 0)
        rule->right = TRUE;
      else if (g_ascii_strcasecmp (pc, "blank") == 0)
        rule->blank = TRUE;
      else if (ok) {
        static const char *const known[] = { "first", "left", "right", "blank", NULL };
        const char *near = style_suggest (pc, known);
        if (near)
          error_at (p, t, "unknown page selector ':%s' (did you mean ':%s'?); rule ignored",
                    pc, near);
        else
          error_at (p, t, "unknown page selector ':%s' (dossier knows :first, :left, :right, "
                    ":blank); rule ignored", pc);
        ok = FALSE;
      }
      i += 2;
      continue;
    }
    if (t->type == STYLE_TOK_IDENT && !rule->name && i == first_of_prelude (p, p->i + 1)) {
      rule->name = g_strdup (t->value);   /* @page NAME: pages of elements with page: NAME */
      i++;
      continue;
    }
    if (ok) {
      if (t->type == STYLE_TOK_IDENT && rule->name)
        error_at (p, t, "'%s' after '@page %s': a rule names one page (write a rule for "
                  "each); rule ignored", t->value, rule->name);
      else if (t->type == STYLE_TOK_IDENT)
        error_at (p, t, "'%s' after a page selector: the page name comes first "
                  "('@page %s:first'); rule ignored", t->value, t->value);
      else
        error_at (p, t, "unexpected %s after @page (expected a page name, :first, :left, "
                  ":right or :blank); rule ignored", style_token_type_name (t->type));
      ok = FALSE;
    }
    i = skip_component (p, i, limit);
  }
  if (tok (p, i)->type != STYLE_TOK_LBRACE) {
    error_at (p, at, "@page without a '{ … }' block; ignored");
    p->i = i + (tok (p, i)->type == STYLE_TOK_EOF ? 0 : 1);
    style_page_rule_free (rule);
    return;
  }
  guint close = block_end (p, i);
  parse_declarations (p, i + 1, close, STYLE_CTX_PAGE, rule->decls, rule);
  p->i = close + (tok (p, close)->type == STYLE_TOK_EOF ? 0 : 1);
  p->seen_rule = TRUE;
  if (!ok || (rule->left && rule->right)) {
    if (ok)
      error_at (p, at, "'@page :left:right' never matches a page; rule ignored");
    style_page_rule_free (rule);
    return;
  }
  /* CSS Paged Media: a page name counts as an id, :first and :blank as
   * classes, :left and :right as elements */
  rule->specificity = (rule->name ? 100 : 0) + (rule->first ? 10 : 0) + (rule->blank ? 10 : 0)
                    + (rule->left || rule->right ? 1 : 0);
  rule->order = p->sheet->next_order++;
  g_ptr_array_add (p->sheet->page_rules, rule);
}

/* Whether the @import of path (written href) may be read under the sheet's
 * load rules; says why not, or warns. */
static gboolean
import_allowed (Parser *p, const StyleToken *at, const char *href, const char *path)
{
  const StyleLoadRules *rules = p->sheet->load_rules;
  if (!rules || !rules->folders)
    return TRUE;
  for (const char *const *f = rules->folders; *f; f++)
    if (dossier_path_inside (path, *f))
      return TRUE;
  if (rules->confined) {
    error_at (p, at, "@import \"%s\" leaves the folder of the style the input names (%s): "
              "such a style may import only files in that folder or the built-in styles",
              href, rules->folders[0]);
    return FALSE;
  }
  warning_at (p, at, "@import \"%s\" leaves the folder of the style given with -s (%s); "
              "imported all the same", href, rules->folders[0]);
  return TRUE;
}

static void
parse_import (Parser *p)
{
  const StyleToken *at = tok (p, p->i);
  guint i = p->i + 1;
  guint end = find_at_depth0 (p, i, G_MAXUINT, STYLE_TOK_SEMICOLON);
  guint lbrace = find_at_depth0 (p, i, end, STYLE_TOK_LBRACE);
  if (lbrace < end) {
    error_at (p, at, "@import must end with ';', not a block; ignored");
    p->i = block_end (p, lbrace) + 1;
    return;
  }
  p->i = end + (tok (p, end)->type == STYLE_TOK_EOF ? 0 : 1);

  while (i < end && tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  const StyleToken *t = tok (p, i);
  const char *href = NULL;
  if (t->type == STYLE_TOK_STRING || t->type == STYLE_TOK_URL) {
    href = t->value;
    i++;
  } else if (t->type == STYLE_TOK_FUNCTION && g_ascii_strcasecmp (t->value, "url") == 0) {
    guint k = i + 1;
    while (tok (p, k)->type == STYLE_TOK_WHITESPACE)
      k++;
    if (tok (p, k)->type == STYLE_TOK_STRING) {
      href = tok (p, k)->value;
      k++;
      while (tok (p, k)->type == STYLE_TOK_WHITESPACE)
        k++;
      if (tok (p, k)->type == STYLE_TOK_RPAREN)
        i = k + 1;
      else
        href = NULL;
    }
  }
  if (!href) {
    if (t->type != STYLE_TOK_BAD_STRING && t->type != STYLE_TOK_BAD_URL)
      error_at (p, at, "@import expects a file name: @import \"file.css\"; or "
                "@import url(file.css);");
    return;
  }
  while (i < end && tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  if (p->seen_rule) {
    error_at (p, at, "@import after other rules is ignored (as CSS does): move it to the "
              "top of the file");
    return;
  }
  if (i < end)
    warning_at (p, tok (p, i), "media queries and layers after @import are not supported; "
                "the file is imported as if they were not there");
  if (!href[0]) {
    error_at (p, at, "@import with an empty file name");
    return;
  }

  g_autofree char *dir = g_path_get_dirname (p->file ? p->file : ".");
  g_autofree char *path = g_path_is_absolute (href) ? g_strdup (href)
                                                    : g_build_filename (dir, href, NULL);
  g_autofree char *canon = g_canonicalize_filename (path, NULL);
  for (guint k = 0; k < p->import_stack->len; k++)
    if (strcmp (p->import_stack->pdata[k], canon) == 0) {
      error_at (p, at, "@import cycle: '%s' is already being imported (through '%s'); ignored",
                path, p->file ? p->file : "?");
      return;
    }
  if (p->import_stack->len >= MAX_IMPORT_DEPTH) {
    error_at (p, at, "@import nested more than %d deep; ignored", MAX_IMPORT_DEPTH);
    return;
  }
  if (!import_allowed (p, at, href, path))
    return;
  g_autofree char *css = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  if (!dossier_read_regular_file (path, limits_get ()->max_input_bytes, &css, &len, &error)) {
    error_at (p, at, "cannot read imported file '%s': %s", path, error->message);
    return;
  }
  style_sheet_parse_text (p->sheet, css, len, path, p->diags, p->import_stack);
}

static void
parse_at_rule (Parser *p)
{
  const StyleToken *at = tok (p, p->i);
  static const char *const known[] = { "import", "page", "charset", NULL };
  static const char *const css_only[] = {
    "media", "font-face", "supports", "namespace", "keyframes", "layer", "counter-style",
    "font-feature-values", "property", "container", "document", "viewport", "scope",
    "starting-style", "font-palette-values", NULL,
  };
  if (g_ascii_strcasecmp (at->value, "import") == 0) {
    parse_import (p);
  } else if (g_ascii_strcasecmp (at->value, "page") == 0) {
    parse_page_rule (p, G_MAXUINT);
  } else if (g_ascii_strcasecmp (at->value, "charset") == 0) {
    skip_at_rule (p, G_MAXUINT);    /* the files are UTF-8 anyway */
  } else if (g_strv_contains (margin_box_names, at->value)) {
    error_at (p, at, "'@%s' is only allowed inside @page; ignored", at->value);
    skip_at_rule (p, G_MAXUINT);
    p->seen_rule = TRUE;
  } else {
    g_autofree char *lower = g_ascii_strdown (at->value, -1);
    if (g_strv_contains (css_only, lower)) {
      warning_at (p, at, "at-rule '@%s' is valid CSS but not supported by dossier; ignored",
                  at->value);
    } else {
      const char *near = style_suggest (at->value, known);
      if (near)
        error_at (p, at, "unknown at-rule '@%s' (did you mean '@%s'?); ignored", at->value,
                  near);
      else
        error_at (p, at, "unknown at-rule '@%s'; ignored", at->value);
    }
    skip_at_rule (p, G_MAXUINT);
    p->seen_rule = TRUE;
  }
}

gboolean
style_sheet_parse_text (StyleSheet *sheet, const char *css, gsize len, const char *file,
            DiagList *diags, GPtrArray *import_stack)
{
  g_autofree char *canon = g_canonicalize_filename (file ? file : "<string>", NULL);
  g_autoptr (StyleTokens) src = style_tokenize (css, len, file, diags);
  Parser p = { .sheet = sheet, .src = src, .file = style_sheet_intern_file (sheet, file),
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
      parse_at_rule (&p);
      break;
    default:
      parse_qualified_rule (&p);
      break;
    }
  }
  g_ptr_array_remove_index (import_stack, import_stack->len - 1);
  return TRUE;
}

