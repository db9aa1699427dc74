/* at-rule.c — the at-rules of a style sheet: @page with its selectors
 * (:first, :left, :right, :blank, a page name) and its margin boxes
 * (@top-left …), @import (read here, under the sheet's load rules, with
 * cycles and depth checked), @charset; the at-rules of CSS that dossier
 * does not support are named as such, unknown ones get a "did you mean".
 *
 * Apart from parser.c because each at-rule has a grammar and messages of
 * its own, while parser.c only finds where a rule or block ends. */
#include "style/parser-private.h"
#include "common/limits.h"
#include "common/readfile.h"

#include <string.h>

#define MAX_IMPORT_DEPTH 16

static const char *const margin_box_names[] = {
  "top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right", NULL,
};
static const char *const other_margin_boxes[] = {
  "top-left-corner", "top-right-corner", "bottom-left-corner", "bottom-right-corner",
  "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom", NULL,
};

/* Skips an at-rule at p->i (to its ';' or the end of its block). */
static void
skip_at_rule (StyleParser *p, guint limit)
{
  guint i = p->i + 1;
  while (i < limit) {
    StyleTokenType t = tok (p, i)->type;
    if (t == STYLE_TOK_EOF || t == STYLE_TOK_SEMICOLON) {
      i++;
      break;
    }
    if (t == STYLE_TOK_LBRACE) {
      i = style_parser_block_end (p, i) + 1;
      break;
    }
    i = style_parser_skip_component (p, i, limit);
  }
  p->i = MIN (i, limit);
}

/* ---- margin boxes ---------------------------------------------------------------- */

/* The margin box an at-keyword names (its index), or -1 (reported). */
static int
margin_box_index (StyleParser *p, const StyleToken *at)
{
  for (int k = 0; margin_box_names[k]; k++)
    if (g_ascii_strcasecmp (at->value, margin_box_names[k]) == 0)
      return k;
  if (g_strv_contains (other_margin_boxes, at->value)) {
    warning_at (p, at, "margin box '@%s' is valid CSS but not supported by dossier; ignored",
                at->value);
    return -1;
  }
  const char *near = style_suggest (at->value, margin_box_names);
  if (near)
    error_at (p, at, "unknown margin box '@%s' (did you mean '@%s'?)", at->value, near);
  else
    error_at (p, at, "unknown at-rule '@%s' in @page (margin boxes are @top-left, "
              "@top-center, @top-right, @bottom-left, @bottom-center, @bottom-right)",
              at->value);
  return -1;
}

/* A margin box at-rule inside @page, at p->i. */
static void
parse_margin_box (StyleParser *p, guint limit, StylePageRule *page)
{
  const StyleToken *at = tok (p, p->i);
  int box = margin_box_index (p, at);
  if (box < 0) {
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
  guint close = style_parser_block_end (p, i);
  if (!page->box_decls[box])
    page->box_decls[box] = g_ptr_array_new_with_free_func ((GDestroyNotify) style_decl_free);
  style_parser_declarations (p, i + 1, MIN (close, limit), STYLE_CTX_MBOX,
                             page->box_decls[box], NULL);
  p->i = MIN (close + 1, limit);
}

void
style_parser_nested_at_rule (StyleParser *p, guint last, guint ctx, StylePageRule *page)
{
  const StyleToken *t = tok (p, p->i);
  if (page) {
    parse_margin_box (p, last, page);
    return;
  }
  if (g_strv_contains (margin_box_names, t->value))
    error_at (p, t, "'@%s' is only allowed inside @page", t->value);
  else
    error_at (p, t, "at-rule '@%s' is not allowed inside %s; ignored", t->value,
              ctx == STYLE_CTX_MBOX ? "a margin box" : "a rule");
  skip_at_rule (p, last);
}

/* ---- @page ----------------------------------------------------------------------- */

/* The first token after whitespace from i: where a page name may stand. */
static guint
first_of_prelude (const StyleParser *p, guint i)
{
  while (tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  return i;
}

/* A page pseudo-class ':NAME' at i: sets it in rule, or reports it (when
 * nothing was reported yet: *ok). */
static void
parse_page_pseudo (StyleParser *p, guint i, StylePageRule *rule, gboolean *ok)
{
  const StyleToken *t = tok (p, i);
  const char *pc = tok (p, i + 1)->value;
  if (g_ascii_strcasecmp (pc, "first") == 0)
    rule->first = TRUE;
  else if (g_ascii_strcasecmp (pc, "left") == 0)
    rule->left = TRUE;
  else if (g_ascii_strcasecmp (pc, "right") == 0)
    rule->right = TRUE;
  else if (g_ascii_strcasecmp (pc, "blank") == 0)
    rule->blank = TRUE;
  else if (*ok) {
    static const char *const known[] = { "first", "left", "right", "blank", NULL };
    const char *near = style_suggest (pc, known);
    if (near)
      error_at (p, t, "unknown page selector ':%s' (did you mean ':%s'?); rule ignored",
                pc, near);
    else
      error_at (p, t, "unknown page selector ':%s' (dossier knows :first, :left, :right, "
                ":blank); rule ignored", pc);
    *ok = FALSE;
  }
}

/* The selectors of @page at p->i into rule, up to its '{' (or ';' or EOF):
 * returns the index of that token; *ok is FALSE when a problem was reported. */
static guint
parse_page_prelude (StyleParser *p, guint limit, StylePageRule *rule, gboolean *ok)
{
  guint i = p->i + 1;
  while (tok (p, i)->type != STYLE_TOK_EOF && tok (p, i)->type != STYLE_TOK_LBRACE
         && tok (p, i)->type != STYLE_TOK_SEMICOLON) {
    const StyleToken *t = tok (p, i);
    if (t->type == STYLE_TOK_WHITESPACE) {
      i++;
      continue;
    }
    if (t->type == STYLE_TOK_COLON && tok (p, i + 1)->type == STYLE_TOK_IDENT) {
      parse_page_pseudo (p, i, rule, ok);
      i += 2;
      continue;
    }
    if (t->type == STYLE_TOK_IDENT && !rule->name && i == first_of_prelude (p, p->i + 1)) {
      rule->name = g_strdup (t->value);   /* @page NAME: pages of elements with page: NAME */
      i++;
      continue;
    }
    if (*ok) {
      if (t->type == STYLE_TOK_IDENT && rule->name)
        error_at (p, t, "'%s' after '@page %s': a rule names one page (write a rule for "
                  "each); rule ignored", t->value, rule->name);
      else if (t->type == STYLE_TOK_IDENT)
        error_at (p, t, "'%s' after a page selector: the page name comes first "
                  "('@page %s:first'); rule ignored", t->value, t->value);
      else
        error_at (p, t, "unexpected %s after @page (expected a page name, :first, :left, "
                  ":right or :blank); rule ignored", style_token_type_name (t->type));
      *ok = FALSE;
    }
    i = style_parser_skip_component (p, i, limit);
  }
  return i;
}

static void
parse_page_rule (StyleParser *p, guint limit)
{
  const StyleToken *at = tok (p, p->i);
  StylePageRule *rule = g_new0 (StylePageRule, 1);
  gboolean ok = TRUE;
  rule->decls = g_ptr_array_new_with_free_func ((GDestroyNotify) style_decl_free);

  guint i = parse_page_prelude (p, limit, rule, &ok);
  if (tok (p, i)->type != STYLE_TOK_LBRACE) {
    error_at (p, at, "@page without a '{ … }' block; ignored");
    p->i = i + (tok (p, i)->type == STYLE_TOK_EOF ? 0 : 1);
    style_page_rule_free (rule);
    return;
  }
  guint close = style_parser_block_end (p, i);
  style_parser_declarations (p, i + 1, close, STYLE_CTX_PAGE, rule->decls, rule);
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

/* ---- @import --------------------------------------------------------------------- */

/* Whether the @import of path (written href) may be read under the sheet's
 * load rules; says why not, or warns. */
static gboolean
import_allowed (StyleParser *p, const StyleToken *at, const char *href, const char *path)
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

/* The file name of @import at token *i: "file", url(file) or url("file");
 * *i moves past it. NULL when there is none. */
static const char *
import_href (const StyleParser *p, guint *i)
{
  const StyleToken *t = tok (p, *i);
  if (t->type == STYLE_TOK_STRING || t->type == STYLE_TOK_URL) {
    (*i)++;
    return t->value;
  }
  if (t->type != STYLE_TOK_FUNCTION || g_ascii_strcasecmp (t->value, "url") != 0)
    return NULL;
  guint k = *i + 1;
  while (tok (p, k)->type == STYLE_TOK_WHITESPACE)
    k++;
  if (tok (p, k)->type != STYLE_TOK_STRING)
    return NULL;
  const char *href = tok (p, k)->value;
  k++;
  while (tok (p, k)->type == STYLE_TOK_WHITESPACE)
    k++;
  if (tok (p, k)->type != STYLE_TOK_RPAREN)
    return NULL;
  *i = k + 1;
  return href;
}

/* Reads the imported file href (from @import at) into the sheet, unless it
 * is one being read already, too deep, or outside the load rules. */
static void
import_file (StyleParser *p, const StyleToken *at, const char *href)
{
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
parse_import (StyleParser *p)
{
  const StyleToken *at = tok (p, p->i);
  guint i = p->i + 1;
  guint end = style_parser_find_at_depth0 (p, i, G_MAXUINT, STYLE_TOK_SEMICOLON);
  guint lbrace = style_parser_find_at_depth0 (p, i, end, STYLE_TOK_LBRACE);
  if (lbrace < end) {
    error_at (p, at, "@import must end with ';', not a block; ignored");
    p->i = style_parser_block_end (p, lbrace) + 1;
    return;
  }
  p->i = end + (tok (p, end)->type == STYLE_TOK_EOF ? 0 : 1);

  while (i < end && tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  const StyleToken *t = tok (p, i);
  const char *href = import_href (p, &i);
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
  import_file (p, at, href);
}

/* ---- the rest -------------------------------------------------------------------- */

void
style_parser_at_rule (StyleParser *p)
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
