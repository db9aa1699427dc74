/* selector.c — the selectors dossier knows (a subset of Selectors Level 4):
 * element names, *, .class, #id, :lang(), :root, the descendant and child
 * combinators and lists. Anything else is reported where it stands and the
 * rule is dropped, as CSS drops a rule with an invalid selector. */
#include "style/style-private.h"

#include <string.h>

/* The input format's element names, then the parts the layout styles. */
static const char *const element_names[] = {
  "dossier", "meta", "title", "subtitle", "place", "organizer", "author", "keywords",
  "data", "figure", "series", "point", "section", "heading", "p", "quote", "list", "item",
  "facts", "chart", "caption", "programme", "session", "people", "person", "name", "role",
  "organisations", "org", "note", "table", "row", "cell", "em", "strong", "q", "fig",
  "date", "a", "br",
  /* presentational parts */
  "tile", "value", "label", "source", "speaker", "time", "cover", "toc",
  "entry",      /* a line of the table of contents */
  "qualifier", "unit",   /* a tile's value in parts: "mehr als" 730 Mio. "US-Dollar" */
  NULL,
};

const char *const *
style_element_names (void)
{
  return element_names;
}

int
style_element_index (const char *name)
{
  if (!name)
    return -1;
  for (int k = 0; element_names[k]; k++)
    if (strcmp (element_names[k], name) == 0)
      return k;
  return -1;
}

const char *
style_element_name (int index)
{
  g_return_val_if_fail (index >= 0 && index < (int) G_N_ELEMENTS (element_names) - 1, NULL);
  return element_names[index];
}

static void
compound_clear (StyleCompound *c)
{
  g_free (c->id);
  g_strfreev (c->classes);
  g_strfreev (c->langs);
}

void
style_selector_free (StyleSelector *sel)
{
  if (!sel)
    return;
  for (guint k = 0; k < sel->compounds->len; k++)
    compound_clear (&g_array_index (sel->compounds, StyleCompound, k));
  g_array_unref (sel->compounds);
  g_free (sel->text);
  g_free (sel);
}

typedef struct {
  const StyleTokens *src;
  guint i, last;
  DiagList *diags;
  gboolean failed;
} SelParser;

static const StyleToken *
peek (SelParser *p)
{
  static const StyleToken eof = { .type = STYLE_TOK_EOF };
  return p->i < p->last ? style_tokens_get (p->src, p->i) : &eof;
}

static const StyleToken *
at_or_last (SelParser *p)
{
  return style_tokens_get (p->src, p->i < p->last ? p->i : (p->last ? p->last - 1 : 0));
}

static gboolean
fail (SelParser *p, const StyleToken *t, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (SelParser *p, const StyleToken *t, const char *format, ...)
{
  if (!p->failed && p->diags) {
    va_list ap;
    va_start (ap, format);
    g_autofree char *msg = g_strdup_vprintf (format, ap);
    va_end (ap);
    diag_error (p->diags, p->src->file, t->line, t->column, "%s; rule ignored", msg);
  }
  p->failed = TRUE;
  return FALSE;
}

static gboolean
skip_ws (SelParser *p)
{
  gboolean any = FALSE;
  while (peek (p)->type == STYLE_TOK_WHITESPACE) {
    p->i++;
    any = TRUE;
  }
  return any;
}

static void
strv_add (char ***v, const char *s)
{
  guint n = *v ? g_strv_length (*v) : 0;
  *v = g_renew (char *, *v, n + 2);
  (*v)[n] = g_strdup (s);
  (*v)[n + 1] = NULL;
}

static gboolean
parse_lang_args (SelParser *p, StyleCompound *comp)
{
  const StyleToken *fn = peek (p);
  p->i++;
  for (;;) {
    skip_ws (p);
    const StyleToken *t = peek (p);
    if (t->type != STYLE_TOK_IDENT && t->type != STYLE_TOK_STRING)
      return fail (p, at_or_last (p), "':lang()' expects a language tag such as de or zh");
    if (!t->value[0] || strchr (t->value, ' '))
      return fail (p, t, "':lang()' expects a language tag such as de or zh");
    g_autofree char *lower = g_ascii_strdown (t->value, -1);
    strv_add (&comp->langs, lower);
    p->i++;
    skip_ws (p);
    t = peek (p);
    if (t->type == STYLE_TOK_RPAREN) {
      p->i++;
      return TRUE;
    }
    if (t->type != STYLE_TOK_COMMA)
      return fail (p, t->type == STYLE_TOK_EOF ? fn : t,
                   "':lang()' expects language tags separated by commas and a ')'");
    p->i++;
  }
}

/* The element name or '*' that may start a compound; FALSE (reported) for
 * an unknown name. */
static gboolean
parse_type (SelParser *p, StyleCompound *comp, guint *spec, gboolean *any)
{
  const StyleToken *t = peek (p);
  if (t->type == STYLE_TOK_IDENT) {
    comp->type = style_element_index (t->value);
    if (comp->type < 0) {
      g_autofree char *lower = g_ascii_strdown (t->value, -1);
      int k = style_element_index (lower);
      if (k >= 0)
        return fail (p, t, "unknown element '%s' (element names are lower case: '%s')",
                     t->value, lower);
      const char *near = style_suggest (t->value, element_names);
      if (near)
        return fail (p, t, "unknown element '%s' (did you mean '%s'?)", t->value, near);
      return fail (p, t, "unknown element '%s'", t->value);
    }
    *spec += 1;
    p->i++;
    *any = TRUE;
  } else if (t->type == STYLE_TOK_DELIM && t->delim == '*') {
    p->i++;
    *any = TRUE;
  }
  return TRUE;
}

/* #id, the hash token t */
static gboolean
parse_id (SelParser *p, const StyleToken *t, StyleCompound *comp, guint *spec)
{
  if (!t->hash_id)
    return fail (p, t, "'#%s' is not a valid id selector", t->value);
  if (comp->id && strcmp (comp->id, t->value) != 0) {
    g_free (comp->id);
    comp->id = g_strdup ("\x01never");  /* two different ids never match */
  } else {
    g_free (comp->id);
    comp->id = g_strdup (t->value);
  }
  *spec += 1 << 20;
  p->i++;
  return TRUE;
}

/* .class, t the '.' */
static gboolean
parse_class (SelParser *p, const StyleToken *t, StyleCompound *comp, guint *spec)
{
  p->i++;
  const StyleToken *name = peek (p);
  if (name->type != STYLE_TOK_IDENT)
    return fail (p, t, "'.' must be followed by a class name");
  strv_add (&comp->classes, name->value);
  *spec += 1 << 10;
  p->i++;
  return TRUE;
}

/* A pseudo-class, t its ':': :root and :lang() are known; pseudo-elements
 * and the page selectors get a message of their own. */
static gboolean
parse_pseudo_class (SelParser *p, const StyleToken *t, StyleCompound *comp, guint *spec)
{
  p->i++;
  const StyleToken *name = peek (p);
  if (name->type == STYLE_TOK_COLON) {
    const StyleToken *pe = style_tokens_get (p->src, p->i + 1);
    return fail (p, t, "pseudo-elements such as '::%s' are not supported by dossier",
                 pe->type == STYLE_TOK_IDENT || pe->type == STYLE_TOK_FUNCTION
                 ? pe->value : "before");
  }
  if (name->type == STYLE_TOK_FUNCTION) {
    if (g_ascii_strcasecmp (name->value, "lang") != 0)
      return fail (p, t, "unknown pseudo-class ':%s()' (dossier knows :lang(), :root)",
                   name->value);
    if (!parse_lang_args (p, comp))
      return FALSE;
    *spec += 1 << 10;
    return TRUE;
  }
  if (name->type != STYLE_TOK_IDENT)
    return fail (p, t, "':' must be followed by a pseudo-class");
  if (g_ascii_strcasecmp (name->value, "root") == 0) {
    comp->root = TRUE;
    *spec += 1 << 10;
    p->i++;
    return TRUE;
  }
  if (g_ascii_strcasecmp (name->value, "first") == 0
      || g_ascii_strcasecmp (name->value, "left") == 0
      || g_ascii_strcasecmp (name->value, "right") == 0)
    return fail (p, t, "':%s' selects pages: write it after @page", name->value);
  static const char *const known[] = { "root", "lang", NULL };
  const char *near = style_suggest (name->value, known);
  if (near)
    return fail (p, t, "unknown pseudo-class ':%s' (did you mean ':%s'?)", name->value, near);
  return fail (p, t, "unknown pseudo-class ':%s' (dossier knows :lang(), :root)",
               name->value);
}

/* A compound that is empty: says what stands in its place. */
static gboolean
fail_empty (SelParser *p)
{
  const StyleToken *t = at_or_last (p);
  if (t->type == STYLE_TOK_DELIM) {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (t->delim, buf);
    return fail (p, t, "unexpected '%s' in selector", buf);
  }
  if (t->type == STYLE_TOK_EOF || t->type == STYLE_TOK_COMMA)
    return fail (p, t, "expected a selector");
  return fail (p, t, "unexpected %s in selector", style_token_type_name (t->type));
}

/* A compound selector: [type or *] then #id, .class, :pseudo-class in any
 * number. */
static gboolean
parse_compound (SelParser *p, StyleCompound *comp, guint *spec)
{
  gboolean any = FALSE;
  comp->type = -1;
  if (!parse_type (p, comp, spec, &any))
    return FALSE;
  for (;;) {
    const StyleToken *t = peek (p);
    gboolean ok;
    if (t->type == STYLE_TOK_HASH)
      ok = parse_id (p, t, comp, spec);
    else if (t->type == STYLE_TOK_DELIM && t->delim == '.')
      ok = parse_class (p, t, comp, spec);
    else if (t->type == STYLE_TOK_COLON)
      ok = parse_pseudo_class (p, t, comp, spec);
    else if (t->type == STYLE_TOK_LBRACKET)
      return fail (p, t, "attribute selectors are not supported by dossier");
    else
      break;
    if (!ok)
      return FALSE;
    any = TRUE;
  }
  return any ? TRUE : fail_empty (p);
}

static StyleSelector *
parse_complex (SelParser *p)
{
  GArray *comps = g_array_new (FALSE, TRUE, sizeof (StyleCompound));
  guint spec = 0;
  g_array_set_clear_func (comps, (GDestroyNotify) compound_clear);

  for (;;) {
    StyleCompound comp = { 0 };
    if (!parse_compound (p, &comp, &spec)) {
      compound_clear (&comp);
      g_array_unref (comps);
      return NULL;
    }
    g_array_append_val (comps, comp);
    gboolean ws = skip_ws (p);
    const StyleToken *t = peek (p);
    if (t->type == STYLE_TOK_EOF || t->type == STYLE_TOK_COMMA)
      break;
    StyleCombinator comb;
    if (t->type == STYLE_TOK_DELIM && t->delim == '>') {
      comb = STYLE_COMB_CHILD;
      p->i++;
      skip_ws (p);
    } else if (t->type == STYLE_TOK_DELIM && (t->delim == '+' || t->delim == '~')) {
      fail (p, t, "the combinator '%c' is not supported by dossier (only descendant "
            "'a b' and child 'a > b')", (char) t->delim);
      g_array_unref (comps);
      return NULL;
    } else if (ws) {
      comb = STYLE_COMB_DESCENDANT;
    } else {
      char buf[8] = { 0 };
      if (t->type == STYLE_TOK_DELIM)
        g_unichar_to_utf8 (t->delim, buf);
      fail (p, t, "unexpected '%s' in selector",
            t->type == STYLE_TOK_DELIM ? buf : style_token_type_name (t->type));
      g_array_unref (comps);
      return NULL;
    }
    /* the combinator binds this compound to the one on its right */
    g_array_index (comps, StyleCompound, comps->len - 1).combinator = comb;
  }

  /* store right to left: [0] is the subject; combinator = relation to [k+1] */
  StyleSelector *sel = g_new0 (StyleSelector, 1);
  sel->compounds = g_array_sized_new (FALSE, TRUE, sizeof (StyleCompound), comps->len);
  for (guint k = comps->len; k-- > 0;) {
    StyleCompound c = g_array_index (comps, StyleCompound, k);
    c.combinator = k > 0 ? g_array_index (comps, StyleCompound, k - 1).combinator
                         : STYLE_COMB_NONE;
    g_array_append_val (sel->compounds, c);
  }
  g_array_set_clear_func (comps, NULL);
  g_array_unref (comps);
  sel->specificity = spec;
  return sel;
}

GPtrArray *
style_selector_list_parse (const StyleTokens *src, guint first, guint last, DiagList *diags)
{
  SelParser p = { .src = src, .i = first, .last = last, .diags = diags };
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) style_selector_free);
  for (;;) {
    skip_ws (&p);
    guint start = p.i;
    StyleSelector *sel = parse_complex (&p);
    if (!sel) {
      g_ptr_array_unref (list);
      return NULL;
    }
    guint end = p.i;
    while (end > start && style_tokens_get (src, end - 1)->type == STYLE_TOK_WHITESPACE)
      end--;
    sel->text = end > start ? style_tokens_text (src, start, end - 1) : g_strdup ("*");
    g_ptr_array_add (list, sel);
    const StyleToken *t = peek (&p);
    if (t->type == STYLE_TOK_EOF)
      break;
    g_assert (t->type == STYLE_TOK_COMMA);
    p.i++;
  }
  return list;
}

/* ---- matching -------------------------------------------------------------------- */

static gboolean
has_class (const char *classes, const char *cls)
{
  if (!classes)
    return FALSE;
  gsize n = strlen (cls);
  for (const char *p = classes; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n')
      p++;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n')
      e++;
    if ((gsize) (e - p) == n && strncmp (p, cls, n) == 0)
      return TRUE;
    p = e;
  }
  return FALSE;
}

static gboolean
lang_matches (const char *lang, const char *range)
{
  gsize n = strlen (range);
  return g_ascii_strncasecmp (lang, range, n) == 0 && (lang[n] == '\0' || lang[n] == '-');
}

static gboolean
compound_matches (const StyleCompound *c, const StyleNode *node)
{
  if (c->type >= 0 && (!node->name || strcmp (node->name, element_names[c->type]) != 0))
    return FALSE;
  if (c->id && (!node->id || strcmp (node->id, c->id) != 0))
    return FALSE;
  if (c->root && node->parent)
    return FALSE;
  if (c->classes)
    for (char **cls = c->classes; *cls; cls++)
      if (!has_class (node->classes, *cls))
        return FALSE;
  if (c->langs) {
    const char *lang = NULL;
    for (const StyleNode *n = node; n && !lang; n = n->parent)
      lang = n->lang;
    if (!lang)
      return FALSE;
    gboolean any = FALSE;
    for (char **l = c->langs; *l && !any; l++)
      any = lang_matches (lang, *l);
    if (!any)
      return FALSE;
  }
  return TRUE;
}

static gboolean
matches_from (const StyleSelector *sel, guint k, const StyleNode *node)
{
  const StyleCompound *c = &g_array_index (sel->compounds, StyleCompound, k);
  if (!compound_matches (c, node))
    return FALSE;
  if (k + 1 == sel->compounds->len)
    return TRUE;
  if (c->combinator == STYLE_COMB_CHILD)
    return node->parent && matches_from (sel, k + 1, node->parent);
  for (const StyleNode *a = node->parent; a; a = a->parent)
    if (matches_from (sel, k + 1, a))
      return TRUE;
  return FALSE;
}

gboolean
style_selector_matches (const StyleSelector *sel, const StyleNode *node)
{
  return matches_from (sel, 0, node);
}
