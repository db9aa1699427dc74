/* vars.c — custom properties and var(): substitution (with a cap on the
 * expanded text), the custom properties of an element resolved with cycles
 * found, and the checks at load of every declaration that uses var(). */
#include "style/style-private.h"

#include <string.h>

/* ---- var() ----------------------------------------------------------------------- */

typedef const char *(*VarLookup) (const char *name, gpointer data);

/* Why a substitution failed, for the message at the declaration. */
typedef struct {
  char *missing;              /* the first var() with no value and no fallback */
  gboolean too_long;          /* the text grew past STYLE_VAR_MAX_BYTES */
} SubstErr;

/* Whether substitute() would give text back unchanged without tokenizing
 * it: no var( (nor a backslash, which could spell one), and nothing the
 * tokenizer rewrites or drops (comments, CR, FF, NUL, a byte-order mark,
 * invalid UTF-8). Most custom properties' values are plain ("12pt",
 * "#1a3c6e"), and tokenizing each again for every element whose style is
 * computed was a third of the cost of custom properties in layout. */
static gboolean
plain_value (const char *text)
{
  for (const char *p = text; *p; p++) {
    char c = *p;
    if (c == '\\' || c == '\r' || c == '\f' || (c == '/' && p[1] == '*'))
      return FALSE;
    if ((c == 'v' || c == 'V') && g_ascii_strncasecmp (p, "var(", 4) == 0)
      return FALSE;
  }
  return !g_str_has_prefix (text, "\xEF\xBB\xBF") && g_utf8_validate (text, -1, NULL);
}

static gboolean
substitute (const char *text, VarLookup lookup, gpointer data, GString *out, int depth,
            SubstErr *err)
{
  if (depth > 32)
    return FALSE;
  if (plain_value (text)) {
    g_string_append (out, text);
    return TRUE;
  }
  g_autoptr (StyleTokens) t = style_tokenize (text, strlen (text), NULL, NULL);
  guint n = t->tokens->len - 1;   /* without EOF */
  for (guint i = 0; i < n; i++) {
    const StyleToken *tk = style_tokens_get (t, i);
    if (!(tk->type == STYLE_TOK_FUNCTION && g_ascii_strcasecmp (tk->value, "var") == 0)) {
      g_string_append_len (out, t->text + tk->start, (gssize) (tk->end - tk->start));
      continue;
    }
    guint k = i + 1;
    while (k < n && style_tokens_get (t, k)->type == STYLE_TOK_WHITESPACE)
      k++;
    const StyleToken *name = style_tokens_get (t, k);
    if (k >= n || name->type != STYLE_TOK_IDENT || !g_str_has_prefix (name->value, "--"))
      return FALSE;
    k++;
    while (k < n && style_tokens_get (t, k)->type == STYLE_TOK_WHITESPACE)
      k++;
    gboolean has_fallback = FALSE;
    guint fb_first = 0, close;
    if (k < n && style_tokens_get (t, k)->type == STYLE_TOK_COMMA) {
      has_fallback = TRUE;
      fb_first = k + 1;
    } else if (k >= n || style_tokens_get (t, k)->type != STYLE_TOK_RPAREN) {
      return FALSE;
    }
    /* find the closing parenthesis of var( */
    int depth_paren = 1;
    for (close = i + 1; close < n; close++) {
      StyleTokenType ty = style_tokens_get (t, close)->type;
      if (ty == STYLE_TOK_FUNCTION || ty == STYLE_TOK_LPAREN)
        depth_paren++;
      else if (ty == STYLE_TOK_RPAREN && --depth_paren == 0)
        break;
    }
    const char *value = lookup (name->value, data);
    if (value) {
      g_string_append (out, value);
    } else if (has_fallback) {
      g_autofree char *fb = close > fb_first ? style_tokens_text (t, fb_first, close - 1)
                                             : g_strdup ("");
      if (!substitute (fb, lookup, data, out, depth + 1, err))
        return FALSE;
    } else {
      if (err && !err->missing)
        err->missing = g_strdup (name->value);
      return FALSE;
    }
    if (out->len > STYLE_VAR_MAX_BYTES) {
      if (err)
        err->too_long = TRUE;
      return FALSE;
    }
    i = close;                  /* an unclosed var( runs to the end */
  }
  return TRUE;
}

static const char *
table_lookup (const char *name, gpointer data)
{
  return data ? g_hash_table_lookup (data, name) : NULL;
}

static char *
substitute_table (const char *text, GHashTable *vars, SubstErr *err)
{
  GString *out = g_string_new (NULL);
  if (!substitute (text, table_lookup, vars, out, 0, err)) {
    g_string_free (out, TRUE);
    return NULL;
  }
  return g_string_free (out, FALSE);
}

char *
style_substitute_vars (const char *text, GHashTable *vars, char **missing)
{
  SubstErr err = { 0 };
  char *result = substitute_table (text, vars, &err);
  if (missing)
    *missing = g_steal_pointer (&err.missing);
  g_free (err.missing);
  return result;
}

GArray *
style_parse_value_text (StyleProp prop, const char *text, const char **expected,
                        char **bad_token)
{
  return style_parse_value_text_full (prop, text, expected, bad_token, NULL);
}

GArray *
style_parse_value_text_full (StyleProp prop, const char *text, const char **expected,
                             char **bad_token, GPtrArray *uses)
{
  g_autoptr (StyleTokens) t = style_tokenize (text, strlen (text), NULL, NULL);
  StyleValueCursor c;
  GArray *values = g_array_new (FALSE, TRUE, sizeof (StyleLonghandValue));
  gboolean bad = FALSE;
  for (guint k = 0; k < t->tokens->len; k++) {
    StyleTokenType ty = style_tokens_get (t, k)->type;
    bad |= ty == STYLE_TOK_BAD_STRING || ty == STYLE_TOK_BAD_URL;
  }
  style_value_cursor_init (&c, t, 0, t->tokens->len - 1);
  if (bad || !style_prop_parse_with_uses (prop, &c, values, expected, uses)) {
    if (bad_token && c.n) {
      const StyleToken *b = c.toks[MIN (c.i, c.n - 1)];
      *bad_token = g_strndup (t->text + b->start, b->end - b->start);
    }
    style_value_cursor_clear (&c);
    g_array_unref (values);
    return NULL;
  }
  style_value_cursor_clear (&c);
  return values;
}

/* Custom properties declared on one element: raw texts, resolved on demand
 * (so --a: var(--b) sees this element's --b), with cycles detected. */
typedef struct {
  GHashTable *raw;            /* name → raw text (borrowed) */
  GHashTable *resolved;       /* name → text, or "" + invalid mark */
  GPtrArray *visiting;        /* the names being resolved, outermost first */
  GHashTable *parent;         /* inherited, already resolved (may be NULL) */
  SubstErr *err;              /* what went wrong first (may be NULL) */
  char *cycle;                /* "--a → --b → --a" for the first cycle found */
} VarResolver;

static gboolean
resolver_visiting (const VarResolver *r, const char *name, guint *at)
{
  for (guint k = 0; k < r->visiting->len; k++)
    if (strcmp (r->visiting->pdata[k], name) == 0) {
      *at = k;
      return TRUE;
    }
  return FALSE;
}

static void
resolver_note_cycle (VarResolver *r, guint from, const char *name)
{
  if (r->cycle)
    return;
  GString *chain = g_string_new (NULL);
  for (guint k = from; k < r->visiting->len; k++)
    g_string_append_printf (chain, "%s → ", (const char *) r->visiting->pdata[k]);
  g_string_append (chain, name);
  r->cycle = g_string_free (chain, FALSE);
}

static const char *
resolver_lookup (const char *name, gpointer data)
{
  VarResolver *r = data;
  const char *raw = g_hash_table_lookup (r->raw, name);
  if (!raw)
    return r->parent ? g_hash_table_lookup (r->parent, name) : NULL;
  if (g_hash_table_contains (r->resolved, name))
    return g_hash_table_lookup (r->resolved, name);   /* NULL when invalid */
  guint at;
  if (resolver_visiting (r, name, &at)) {
    resolver_note_cycle (r, at, name);
    return NULL;
  }
  g_ptr_array_add (r->visiting, (gpointer) name);
  GString *out = g_string_new (NULL);
  char *value = NULL;
  if (substitute (raw, resolver_lookup, r, out, 0, r->err))
    value = g_string_free (out, FALSE);
  else
    g_string_free (out, TRUE);
  g_ptr_array_remove_index (r->visiting, r->visiting->len - 1);
  g_hash_table_insert (r->resolved, g_strdup (name), value);
  return value;
}

static void
resolver_init (VarResolver *r, GPtrArray *decls, GHashTable *parent)
{
  r->raw = g_hash_table_new (g_str_hash, g_str_equal);
  r->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->visiting = g_ptr_array_new ();
  r->parent = parent;
  for (guint k = 0; k < decls->len; k++) {
    StyleDecl *d = decls->pdata[k];
    if (d->custom_name)
      g_hash_table_insert (r->raw, d->custom_name, d->raw);
  }
}

static void
resolver_clear (VarResolver *r)
{
  g_hash_table_unref (r->raw);
  g_hash_table_unref (r->resolved);
  g_ptr_array_unref (r->visiting);
  g_free (r->cycle);
}

/* The custom properties of an element: parent's, overridden by decls. */
GHashTable *
style_custom_compute (GPtrArray *decls, GHashTable *parent)
{
  VarResolver r = { 0 };
  gboolean any = FALSE;
  for (guint k = 0; k < decls->len && !any; k++)
    any = ((StyleDecl *) decls->pdata[k])->custom_name != NULL;
  if (!any)
    return parent ? g_hash_table_ref (parent) : NULL;

  resolver_init (&r, decls, parent);
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (parent) {
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init (&it, parent);
    while (g_hash_table_iter_next (&it, &key, &value))
      g_hash_table_insert (result, g_strdup (key), g_strdup (value));
  }
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, r.raw);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    const char *v = resolver_lookup (key, &r);
    if (v)
      g_hash_table_insert (result, g_strdup (key), g_strdup (v));
    else
      g_hash_table_remove (result, key);  /* invalid: as if not defined */
  }
  resolver_clear (&r);
  return result;
}


/* ---- checking values with var() at load -------------------------------------------- */

/* Families named through var(): listed at the declaration using them (their
 * places are in the substituted text, which is in no file). */
static void
add_families (StyleSheet *sheet, const StyleDecl *d, GPtrArray *uses)
{
  for (guint k = 0; k < uses->len; k++) {
    StyleFamilyUse *u = uses->pdata[k];
    u->line = d->line;
    u->column = d->column;
  }
  style_sheet_add_families (sheet, uses, d->file);
}

/* Is a custom property declared anywhere in the sheet? (A var() naming one that
 * is declared on some element only may still have a value where it applies.) */
static gboolean
sheet_declares (const StyleSheet *sheet, const char *name)
{
  for (guint r = 0; r < sheet->rules->len; r++) {
    GPtrArray *decls = ((StyleRule *) sheet->rules->pdata[r])->decls;
    for (guint k = 0; k < decls->len; k++) {
      const StyleDecl *d = decls->pdata[k];
      if (d->custom_name && strcmp (d->custom_name, name) == 0)
        return TRUE;
    }
  }
  return FALSE;
}

/* A var() with no value: an error when nothing in the sheet declares it (the
 * property can never have a value), else a warning. */
static void
report_missing (const StyleSheet *sheet, const StyleDecl *d, const char *prop,
                const char *missing, DiagList *diags)
{
  if (!sheet_declares (sheet, missing))
    diag_error (diags, d->file, d->line, d->column,
                "'%s' uses var(%s), which no rule declares, with no fallback: '%s' would "
                "have no value (declare %s, or write var(%s, fallback))",
                prop, missing, prop, missing, missing);
  else
    diag_warning (diags, d->file, d->line, d->column,
                  "'%s' is not defined on :root or dossier and var() has no fallback: "
                  "'%s' needs it defined where it applies", missing, prop);
}

static void
report_too_long (const StyleDecl *d, const char *prop, DiagList *diags)
{
  diag_error (diags, d->file, d->line, d->column,
              "'%s': var() substitution grows past %d bytes, the cap on an expanded value "
              "(does a custom property repeat another many times?)",
              prop, STYLE_VAR_MAX_BYTES);
}

static void
check_decl (StyleSheet *sheet, const StyleDecl *d, GHashTable *vars, GHashTable *broken,
            DiagList *diags)
{
  if (!d->has_var || d->custom_name)
    return;
  const StylePropInfo *info = style_prop_info (d->prop);
  SubstErr err = { 0 };
  g_autofree char *text = substitute_table (d->raw, vars, &err);
  g_autofree char *missing = err.missing;
  if (!text) {
    if (err.too_long)
      report_too_long (d, info->name, diags);
    else if (missing && g_hash_table_contains (broken, missing))
      return;                   /* reported where that property is declared */
    else if (missing)
      report_missing (sheet, d, info->name, missing, diags);
    else
      diag_error (diags, d->file, d->line, d->column,
                  "invalid var() in '%s': '%s' (expected var(--name) or var(--name, fallback))",
                  info->name, d->raw);
    return;
  }
  const char *expected = NULL;
  g_autofree char *bad = NULL;
  g_autoptr (GPtrArray) uses = g_ptr_array_new_with_free_func (style_family_use_free);
  GArray *values = style_parse_value_text_full (d->prop, text, &expected, &bad, uses);
  if (!values) {
    diag_error (diags, d->file, d->line, d->column,
                "invalid value for '%s': '%s' (after var() substitution: '%s'; expected %s)",
                info->name, d->raw, g_strstrip (text), expected ? expected : info->expected);
    return;
  }
  style_longhand_value_array_free (values);
  add_families (sheet, d, uses);
}

/* The custom properties of one rule, resolved as on an element it matches: a
 * cycle, an expansion past the cap or a var() nothing declares is an error at
 * the declaration; one that only uses such a property says nothing more (one
 * mistake, one message). */
static void
check_custom_decls (StyleSheet *sheet, GPtrArray *decls, GHashTable *vars, GHashTable *broken,
                    DiagList *diags)
{
  VarResolver r = { 0 };
  resolver_init (&r, decls, vars);
  for (guint k = 0; k < decls->len; k++) {
    const StyleDecl *d = decls->pdata[k];
    if (!d->custom_name || !d->has_var || g_hash_table_contains (r.resolved, d->custom_name))
      continue;
    SubstErr err = { 0 };
    r.err = &err;
    g_clear_pointer (&r.cycle, g_free);
    const char *v = resolver_lookup (d->custom_name, &r);
    guint before = diag_list_length (diags);
    if (!v && r.cycle)
      diag_error (diags, d->file, d->line, d->column,
                  "'%s' is part of a var() cycle (%s): none of them has a value; break the "
                  "cycle", d->custom_name, r.cycle);
    else if (!v && err.too_long)
      report_too_long (d, d->custom_name, diags);
    else if (!v && err.missing && !sheet_declares (sheet, err.missing))
      report_missing (sheet, d, d->custom_name, err.missing, diags);
    else if (!v && !err.missing)
      diag_error (diags, d->file, d->line, d->column,
                  "invalid var() in '%s': '%s' (expected var(--name) or var(--name, fallback))",
                  d->custom_name, d->raw);
    if (diag_list_length (diags) > before
        || (!v && err.missing && g_hash_table_contains (broken, err.missing)))
      g_hash_table_add (broken, d->custom_name);
    g_free (err.missing);
  }
  r.err = NULL;
  resolver_clear (&r);
}

void
style_sheet_check_vars (StyleSheet *sheet, DiagList *diags)
{
  StyleNode root = { .name = "dossier" };
  g_autoptr (StyleComputed) cs = style_compute (sheet, &root, NULL);
  sheet->root_vars = cs->custom ? g_hash_table_ref (cs->custom) : NULL;
  /* custom properties already reported: a var() of one says nothing more */
  g_autoptr (GHashTable) broken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < sheet->rules->len; r++) {
    StyleRule *rule = sheet->rules->pdata[r];
    check_custom_decls (sheet, rule->decls, sheet->root_vars, broken, diags);
    for (guint k = 0; k < rule->decls->len; k++)
      check_decl (sheet, rule->decls->pdata[k], sheet->root_vars, broken, diags);
  }
  for (guint r = 0; r < sheet->page_rules->len; r++) {
    StylePageRule *rule = sheet->page_rules->pdata[r];
    for (guint k = 0; k < rule->decls->len; k++)
      check_decl (sheet, rule->decls->pdata[k], sheet->root_vars, broken, diags);
    for (int b = 0; b < STYLE_N_MARGIN_BOXES; b++)
      if (rule->box_decls[b])
        for (guint k = 0; k < rule->box_decls[b]->len; k++)
          check_decl (sheet, rule->box_decls[b]->pdata[k], sheet->root_vars, broken, diags);
  }
}
