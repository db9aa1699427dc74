/* declaration.c — one declaration of a style sheet, "name: value
 * [!important]", into a StyleDecl: a custom property keeps its text; a
 * value with var() keeps its text to be parsed after substitution; any
 * other is parsed now into longhand values (property-parse.c). Every way a
 * declaration can be wrong has its message here, with "did you mean" where
 * a near name exists.
 *
 * Apart from parser.c, which finds the declarations in a block: the checks
 * of one declaration are a topic of their own and most of the messages. */
#include "style/parser-private.h"

#include <string.h>

/* A declaration cut into its parts. */
typedef struct {
  const StyleToken *name;
  guint vfirst, vlast;        /* the value [vfirst, vlast): no whitespace around, no !important */
  gboolean important;
  const StyleToken *vtok;     /* the value's first token; the name's when empty */
} DeclParts;

static gboolean
range_uses_var (const StyleParser *p, guint first, guint last)
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

/* The ':' after the name, the value around it trimmed, and !important at
 * its end; FALSE (reported) when there is no ':'. */
static gboolean
split_declaration (StyleParser *p, guint first, guint last, DeclParts *d)
{
  const StyleToken *name = tok (p, first);
  guint i = first + 1;
  while (i < last && tok (p, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  if (i >= last || tok (p, i)->type != STYLE_TOK_COLON) {
    error_at (p, i < last ? tok (p, i) : name,
              "expected ':' after the property name '%s'; declaration ignored", name->value);
    return FALSE;
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
  *d = (DeclParts) { .name = name, .vfirst = vfirst, .vlast = vlast, .important = important,
                     .vtok = vfirst < vlast ? tok (p, vfirst) : name };
  return TRUE;
}

/* A StyleDecl with the place and flags of parts; the value is the caller's. */
static StyleDecl *
decl_new (const StyleParser *p, const DeclParts *parts, guint ctx)
{
  StyleDecl *d = g_new0 (StyleDecl, 1);
  d->important = parts->important;
  d->file = p->file;
  d->line = parts->vtok->line;
  d->column = parts->vtok->column;
  d->name_line = parts->name->line;
  d->name_column = parts->name->column;
  d->contexts = ctx;
  return d;
}

/* --name: its text, kept for var() (element rules only). */
static void
custom_declaration (StyleParser *p, const DeclParts *parts, guint ctx, GPtrArray *out)
{
  const StyleToken *name = parts->name;
  if (ctx != STYLE_CTX_RULE) {
    warning_at (p, name, "custom property '%s' in %s has no effect; define it on :root "
                "or dossier", name->value, context_name (ctx));
    return;
  }
  StyleDecl *d = decl_new (p, parts, ctx);
  d->custom_name = g_strdup (name->value);
  d->raw = parts->vfirst < parts->vlast
           ? style_tokens_text (p->src, parts->vfirst, parts->vlast - 1) : g_strdup ("");
  d->text = g_strdup (d->raw);
  d->has_var = range_uses_var (p, parts->vfirst, parts->vlast);
  g_ptr_array_add (out, d);
}

/* A name that is no property of dossier's: why, and what was meant. */
static void
report_unknown_property (StyleParser *p, const StyleToken *name)
{
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
}

/* Whether info may stand in ctx (and has a value); says why not. */
static gboolean
declaration_fits (StyleParser *p, const DeclParts *parts, const StylePropInfo *info, guint ctx)
{
  const StyleToken *name = parts->name;
  if (!(info->contexts & ctx)) {
    if (info->prop == P_CONTENT)
      warning_at (p, name, "property 'content' only applies in page margin boxes "
                  "(@top-left … @bottom-right) in dossier; ignored");
    else if (info->prop == P_SIZE)
      warning_at (p, name, "property 'size' only applies in @page; ignored");
    else
      warning_at (p, name, "property '%s' does not apply in %s; ignored", info->name,
                  context_name (ctx));
    return FALSE;
  }
  if (parts->vfirst == parts->vlast) {
    error_at (p, name, "missing value for '%s' (expected %s)", info->name, info->expected);
    return FALSE;
  }
  return TRUE;
}

/* Parses the value of d into d->values; FALSE (reported) when it is
 * invalid. The families it names go to the sheet's list. */
static gboolean
parse_value (StyleParser *p, const DeclParts *parts, const StylePropInfo *info, StyleDecl *d)
{
  StyleValueCursor c;
  const char *expected = NULL;
  g_autoptr (GPtrArray) uses = g_ptr_array_new_with_free_func (style_family_use_free);
  style_value_cursor_init (&c, p->src, parts->vfirst, parts->vlast);
  d->values = g_array_new (FALSE, TRUE, sizeof (StyleLonghandValue));
  if (!style_prop_parse_with_uses (info->prop, &c, d->values, &expected, uses)) {
    const StyleToken *bad = c.n ? c.toks[MIN (c.i, c.n - 1)] : parts->vtok;
    g_autofree char *text = style_tokens_text (p->src, parts->vfirst, parts->vlast - 1);
    const char *near = bad->type == STYLE_TOK_IDENT && c.n == 1
                       ? style_prop_keyword_suggest (info, bad->value) : NULL;
    if (near)
      error_at (p, bad, "invalid value for '%s': '%s' (did you mean '%s'? expected %s)",
                parts->name->value, text, near, expected);
    else
      error_at (p, bad, "invalid value for '%s': '%s' (expected %s)", parts->name->value, text,
                expected);
    style_value_cursor_clear (&c);
    return FALSE;
  }
  style_value_cursor_clear (&c);
  style_sheet_add_families (p->sheet, uses, p->file);
  return TRUE;
}

void
style_parser_declaration (StyleParser *p, guint first, guint last, guint ctx, GPtrArray *out)
{
  DeclParts parts;
  if (!split_declaration (p, first, last, &parts))
    return;
  if (style_parser_has_bad_tokens (p, parts.vfirst, parts.vlast))
    return;                     /* reported by the tokenizer */
  if (g_str_has_prefix (parts.name->value, "--")) {
    custom_declaration (p, &parts, ctx, out);
    return;
  }
  const StylePropInfo *info = style_prop_lookup (parts.name->value);
  if (!info) {
    report_unknown_property (p, parts.name);
    return;
  }
  if (!declaration_fits (p, &parts, info, ctx))
    return;

  StyleDecl *d = decl_new (p, &parts, ctx);
  d->prop = info->prop;
  d->text = style_tokens_text (p->src, parts.vfirst, parts.vlast - 1);
  if (range_uses_var (p, parts.vfirst, parts.vlast)) {
    d->has_var = TRUE;
    d->raw = style_tokens_text (p->src, parts.vfirst, parts.vlast - 1);
    g_ptr_array_add (out, d);
    return;
  }
  if (!parse_value (p, &parts, info, d)) {
    style_decl_free (d);
    return;
  }
  g_ptr_array_add (out, d);
}
