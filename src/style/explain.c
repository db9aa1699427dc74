/* explain.c — where a computed value came from, for `dossier --explain`:
 * the declaration that won (file:line:column, selector, specificity), the
 * ones it overrode, the ancestor it was inherited from, the custom property
 * a var() took, or the initial value. A browser's "Computed" panel.
 *
 * It asks the cascade the same questions style_compute() asks
 * (style_matched_decls) and formats each value from the one table of
 * properties (property-table.h: its compute kind and keywords), so a new
 * property is explained without a line here. */
#include "style/style-private.h"

#include <math.h>
#include <string.h>

/* ---- queries ------------------------------------------------------------------ */

struct _StyleQuery {
  GPtrArray *selectors;       /* of StyleSelector*; NULL for @page */
  gboolean page, first, left;
};

StyleQuery *
style_query_parse (const char *text, const char *file, DiagList *diags)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_autoptr (StyleTokens) t = style_tokenize (text, strlen (text), file, diags);
  guint n = t->tokens->len - 1;       /* without EOF */
  guint i = 0;
  while (i < n && style_tokens_get (t, i)->type == STYLE_TOK_WHITESPACE)
    i++;
  StyleQuery *q = g_new0 (StyleQuery, 1);
  const StyleToken *at = style_tokens_get (t, i);
  if (at->type == STYLE_TOK_AT_KEYWORD && g_ascii_strcasecmp (at->value, "page") == 0) {
    q->page = TRUE;
    for (i++; i < n; i++) {
      const StyleToken *tk = style_tokens_get (t, i);
      if (tk->type == STYLE_TOK_WHITESPACE || tk->type == STYLE_TOK_COLON)
        continue;
      if (tk->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (tk->value, "first") == 0)
        q->first = TRUE;
      else if (tk->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (tk->value, "left") == 0)
        q->left = TRUE;
      else if (tk->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (tk->value, "right") == 0)
        q->left = FALSE;
      else {
        g_autofree char *bad = style_tokens_text (t, i, i);
        diag_error (diags, file, tk->line, tk->column,
                    "'%s' in '%s': an @page query takes :first, :left or :right", bad, text);
        style_query_free (q);
        return NULL;
      }
    }
    return q;
  }
  /* the selector parser's messages end in "; rule ignored", which says
   * nothing here */
  g_autoptr (DiagList) found = diag_list_new ();
  q->selectors = i < n ? style_selector_list_parse (t, i, n, found) : NULL;
  for (guint k = 0; k < diag_list_length (found); k++) {
    const Diag *d = diag_list_get (found, k);
    g_autofree char *msg = g_strdup (d->message);
    if (g_str_has_suffix (msg, "; rule ignored"))
      msg[strlen (msg) - strlen ("; rule ignored")] = 0;
    diag_add (diags, d->level, file, d->line, d->column, "%s (in '%s')", msg, text);
  }
  if (!q->selectors) {
    if (diag_list_length (found) == 0)
      diag_error (diags, file, 1, 1, "an empty selector: give one as a style writes it, "
                  "e.g. 'p', 'section#economy > p:lang(zh)' or '@page :first'");
    style_query_free (q);
    return NULL;
  }
  return q;
}

gboolean
style_query_matches (const StyleQuery *q, const StyleNode *node)
{
  if (q->page)
    return FALSE;
  for (guint k = 0; k < q->selectors->len; k++)
    if (style_selector_matches (q->selectors->pdata[k], node))
      return TRUE;
  return FALSE;
}

gboolean
style_query_is_page (const StyleQuery *q, gboolean *first, gboolean *left)
{
  if (first)
    *first = q->first;
  if (left)
    *left = q->left;
  return q->page;
}

void
style_query_free (StyleQuery *q)
{
  if (!q)
    return;
  if (q->selectors)
    g_ptr_array_unref (q->selectors);
  g_free (q);
}

void
style_sheet_observe (StyleSheet *sheet, StyleObserveFunc fn, gpointer data)
{
  sheet->observer = fn;
  sheet->observer_data = data;
}

/* ---- describing ------------------------------------------------------------------- */

static void
describe_one (GString *s, const StyleNode *n)
{
  g_string_append (s, n->name ? n->name : "*");
  if (n->id)
    g_string_append_printf (s, "#%s", n->id);
  if (n->classes) {
    g_auto (GStrv) cls = g_strsplit_set (n->classes, " \t\n", -1);
    for (char **c = cls; *c; c++)
      if (**c)
        g_string_append_printf (s, ".%s", *c);
  }
  if (n->lang && !n->parent)
    g_string_append_printf (s, ":lang(%s)", n->lang);
}

char *
style_node_describe (const StyleNode *node)
{
  GPtrArray *chain = g_ptr_array_new ();
  for (const StyleNode *n = node; n; n = n->parent)
    g_ptr_array_insert (chain, 0, (gpointer) n);
  GString *s = g_string_new (NULL);
  for (guint k = 0; k < chain->len; k++) {
    if (k)
      g_string_append (s, " > ");
    describe_one (s, chain->pdata[k]);
  }
  g_ptr_array_unref (chain);
  return g_string_free (s, FALSE);
}

char *
style_specificity_text (guint sp)
{
  return g_strdup_printf ("(%u,%u,%u)", sp >> 20, (sp >> 10) & 0x3ff, sp & 0x3ff);
}

static char *
color_text (StyleColor c)
{
  int r = (int) lround (c.r * 255), g = (int) lround (c.g * 255), b = (int) lround (c.b * 255);
  if (c.a >= 1)
    return g_strdup_printf ("#%02x%02x%02x", r, g, b);
  if (c.a <= 0)
    return g_strdup ("transparent");
  return g_strdup_printf ("rgba(%d, %d, %d, %.3g)", r, g, b, c.a);
}

#define FIELD_AT(cs, info, type) (*(const type *) ((const char *) (cs) + (info)->offset))

/* The computed value of one property as a designer reads it, by the kind the
 * table gives it. */
static char *
value_text (const StyleComputed *cs, const StylePropInfo *info)
{
  switch (info->compute) {
  case STYLE_COMPUTE_IVAL: {
    int v = FIELD_AT (cs, info, int);
    const char *kw = style_prop_keyword_name (info, v);
    return kw ? g_strdup (kw) : g_strdup_printf ("%d", v);
  }
  case STYLE_COMPUTE_LENGTH: case STYLE_COMPUTE_LENGTH_FS: case STYLE_COMPUTE_FONT_SIZE:
    return g_strdup_printf ("%.4gpt", FIELD_AT (cs, info, double));
  case STYLE_COMPUTE_NUMBER:
    return g_strdup_printf ("%.4g", FIELD_AT (cs, info, double));
  case STYLE_COMPUTE_FONT_WEIGHT:
    return g_strdup_printf ("%d", cs->font_weight);
  case STYLE_COMPUTE_LINE_HEIGHT:
    if (cs->line_height_number > 0)
      return g_strdup_printf ("%.4gpt (%.4g × font-size)", cs->line_height,
                              cs->line_height_number);
    return g_strdup_printf ("%.4gpt", cs->line_height);
  case STYLE_COMPUTE_COLOR: case STYLE_COMPUTE_COLOR_PROP:
    return color_text (FIELD_AT (cs, info, StyleColor));
  case STYLE_COMPUTE_STR: {
    const char *s = FIELD_AT (cs, info, char *);
    return g_strdup (s ? s : "none");
  }
  case STYLE_COMPUTE_PALETTE: {
    GString *s = g_string_new (NULL);
    for (int k = 0; k < cs->n_palette; k++) {
      g_autofree char *c = color_text (cs->palette[k]);
      g_string_append_printf (s, "%s%s", k ? " " : "", c);
    }
    return g_string_free (s, FALSE);
  }
  case STYLE_COMPUTE_HYPHENATE_LIMIT: {
    const int *n = &FIELD_AT (cs, info, int);
    return g_strdup_printf ("%d %d %d", n[0], n[1], n[2]);
  }
  case STYLE_COMPUTE_NONE:
    break;
  }
  return g_strdup ("");
}

/* ---- sources ----------------------------------------------------------------------- */

static void
source_free (gpointer p)
{
  StyleSource *s = p;
  if (!s)
    return;
  g_free (s->file);
  g_free (s->selector);
  g_free (s->value);
  g_free (s->element);
  g_free (s);
}

static void
explained_free (gpointer p)
{
  StyleExplained *e = p;
  g_free (e->value);
  source_free (e->winner);
  g_ptr_array_unref (e->overridden);
  g_free (e->var_name);
  source_free (e->var_source);
  g_free (e);
}

static StyleSource *
source_new (const StyleDecl *d, const char *selector, guint specificity, const char *element)
{
  StyleSource *s = g_new0 (StyleSource, 1);
  s->file = g_strdup (d->file);
  s->line = d->line;
  s->column = d->column;
  s->selector = g_strdup (selector);
  s->specificity = specificity;
  s->important = d->important;
  s->value = g_strdup (d->text ? d->text : d->raw);
  s->element = g_strdup (element);
  return s;
}

static gboolean
decl_sets (const StyleDecl *d, StyleProp prop)
{
  if (d->custom_name)
    return FALSE;
  StyleProp longhands[12];
  guint n = style_prop_longhands (d->prop, longhands);
  for (guint k = 0; k < n; k++)
    if (longhands[k] == prop)
      return TRUE;
  return FALSE;
}

/* The CSS-wide keyword a declaration gives prop (SV_INHERIT …), or -1. */
static int
decl_wide_keyword (const StyleDecl *d, StyleProp prop)
{
  if (!d->values)
    return -1;
  for (guint k = 0; k < d->values->len; k++) {
    const StyleLonghandValue *lv = &g_array_index (d->values, StyleLonghandValue, k);
    if (lv->prop == prop && lv->v.kind <= SV_UNSET)
      return lv->v.kind;
  }
  return -1;
}

/* The first var(--x) name in text, or NULL. */
static char *
first_var_name (const char *text)
{
  g_autoptr (StyleTokens) t = style_tokenize (text, strlen (text), NULL, NULL);
  for (guint k = 0; k + 1 < t->tokens->len; k++) {
    const StyleToken *tk = style_tokens_get (t, k);
    if (tk->type != STYLE_TOK_FUNCTION || g_ascii_strcasecmp (tk->value, "var") != 0)
      continue;
    for (guint j = k + 1; j < t->tokens->len; j++) {
      const StyleToken *a = style_tokens_get (t, j);
      if (a->type == STYLE_TOK_WHITESPACE)
        continue;
      return a->type == STYLE_TOK_IDENT ? g_strdup (a->value) : NULL;
    }
  }
  return NULL;
}

/* One element of the chain: its node, computed style, matched declarations. */
typedef struct {
  const StyleNode *node;
  StyleComputed *style;
  GPtrArray *decls;           /* of StyleDecl*, cascade order */
  GPtrArray *sels;            /* of StyleSelector*, in step */
  char *desc;                 /* "section#economy" … up to here */
} Level;

static void
levels_free (Level *levels, guint n)
{
  for (guint k = 0; k < n; k++) {
    style_computed_free (levels[k].style);
    g_ptr_array_unref (levels[k].decls);
    g_ptr_array_unref (levels[k].sels);
    g_free (levels[k].desc);
  }
  g_free (levels);
}

/* Where the custom property name got its value, looking at level and up. */
static StyleSource *
var_source (Level *levels, guint level, const char *name)
{
  for (guint l = level + 1; l-- > 0;) {
    GPtrArray *decls = levels[l].decls;
    for (guint k = decls->len; k-- > 0;) {
      const StyleDecl *d = decls->pdata[k];
      if (d->custom_name && strcmp (d->custom_name, name) == 0) {
        const StyleSelector *sel = levels[l].sels->pdata[k];
        return source_new (d, sel->text, sel->specificity, levels[l].desc);
      }
    }
  }
  return NULL;
}

/* The declaration prop takes at the element (level), else, if it inherits,
 * at the nearest ancestor that declares it, else its initial value. */
static void
explain_prop (Level *levels, guint level, StyleProp prop, StyleExplained *e)
{
  const StylePropInfo *info = style_prop_info (prop);
  for (guint l = level + 1; l-- > 0;) {
    GPtrArray *decls = levels[l].decls;
    int winner = -1;
    for (guint k = decls->len; k-- > 0;) {
      if (!decl_sets (decls->pdata[k], prop))
        continue;
      if (winner < 0) {
        winner = (int) k;
      } else if (l == level) {
        const StyleSelector *sel = levels[l].sels->pdata[k];
        g_ptr_array_add (e->overridden, source_new (decls->pdata[k], sel->text,
                                                   sel->specificity, levels[l].desc));
      }
    }
    if (winner >= 0) {
      const StyleDecl *d = decls->pdata[winner];
      const StyleSelector *sel = levels[l].sels->pdata[winner];
      int wide = decl_wide_keyword (d, prop);
      e->winner = source_new (d, sel->text, sel->specificity, levels[l].desc);
      e->from = l == level ? STYLE_FROM_DECLARED : STYLE_FROM_INHERITED;
      e->explicit_inherit = l == level && l > 0
                            && (wide == SV_INHERIT || (wide == SV_UNSET && info->inherited));
      if (d->has_var && (e->var_name = first_var_name (d->raw)))
        e->var_source = var_source (levels, l, e->var_name);
      return;
    }
    if (!info->inherited)
      break;
  }
  e->from = STYLE_FROM_INITIAL;
}

GPtrArray *
style_explain (const StyleSheet *sheet, const StyleNode *node)
{
  g_return_val_if_fail (sheet && node, NULL);
  guint n = 0;
  for (const StyleNode *x = node; x; x = x->parent)
    n++;
  Level *levels = g_new0 (Level, n);
  guint k = n;
  for (const StyleNode *x = node; x; x = x->parent)
    levels[--k].node = x;
  for (k = 0; k < n; k++) {
    levels[k].style = style_compute (sheet, levels[k].node, k ? levels[k - 1].style : NULL);
    levels[k].sels = g_ptr_array_new ();
    levels[k].decls = style_matched_decls (sheet, levels[k].node, levels[k].sels);
    levels[k].desc = style_node_describe (levels[k].node);
  }
  GPtrArray *out = g_ptr_array_new_with_free_func (explained_free);
  for (int p = 0; p < P_N_LONGHANDS; p++) {
    const StylePropInfo *info = style_prop_info (p);
    if (!(info->contexts & STYLE_CTX_RULE) || info->compute == STYLE_COMPUTE_NONE)
      continue;
    StyleExplained *e = g_new0 (StyleExplained, 1);
    e->property = info->name;
    e->value = value_text (levels[n - 1].style, info);
    e->overridden = g_ptr_array_new_with_free_func (source_free);
    explain_prop (levels, n - 1, p, e);
    g_ptr_array_add (out, e);
  }
  levels_free (levels, n);
  return out;
}

/* ---- @page ------------------------------------------------------------------------- */

static char *
page_selector (const StylePageRule *r)
{
  return g_strdup (r->first ? "@page :first" : r->left ? "@page :left"
                   : r->right ? "@page :right" : "@page");
}

GPtrArray *
style_explain_page (const StyleSheet *sheet, gboolean first, gboolean left)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  for (guint r = 0; r < sheet->page_rules->len; r++) {
    StylePageRule *rule = sheet->page_rules->pdata[r];
    if (rule->name || rule->blank)
      continue;                 /* named and blank pages: not asked for here */
    if (!((rule->first && !first) || (rule->left && !left) || (rule->right && left)))
      g_ptr_array_add (rules, rule);
  }
  g_ptr_array_sort (rules, style_page_rule_cmp);
  int number = first ? 1 : left ? 2 : 3;
  g_autoptr (StylePage) page = style_page_compute (sheet, number, first);
  /* the page context's text properties, computed as page.c does */
  g_autoptr (GPtrArray) ordered = g_ptr_array_new ();
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < rules->len; r++) {
      GPtrArray *decls = ((StylePageRule *) rules->pdata[r])->decls;
      for (guint k = 0; k < decls->len; k++)
        if (((StyleDecl *) decls->pdata[k])->important == (pass == 1))
          g_ptr_array_add (ordered, decls->pdata[k]);
    }
  const StyleSpecValue *slots[P_N_LONGHANDS] = { 0 };
  g_autoptr (GPtrArray) temps = g_ptr_array_new_with_free_func (
      (GDestroyNotify) style_longhand_value_array_free);
  style_collect_specified (ordered, sheet->root_vars, slots, temps);
  g_autoptr (StyleComputed) context = style_compute_from_slots (slots, NULL, sheet->root_vars);
  GPtrArray *out = g_ptr_array_new_with_free_func (explained_free);
  const char *elem = first ? "page 1" : left ? "a left page" : "a right page";
  /* var() in @page takes the custom properties of :root / dossier */
  StyleNode root_node = { .name = "dossier" };
  Level root = { .node = &root_node, .sels = g_ptr_array_new (), .desc = g_strdup ("dossier") };
  root.decls = style_matched_decls (sheet, &root_node, root.sels);
  for (int p = 0; p < P_N_LONGHANDS; p++) {
    const StylePropInfo *info = style_prop_info (p);
    if (!(info->contexts & STYLE_CTX_PAGE))
      continue;
    StyleExplained *e = g_new0 (StyleExplained, 1);
    e->property = info->name;
    e->overridden = g_ptr_array_new_with_free_func (source_free);
    if (p == P_SIZE)
      e->value = g_strdup_printf ("%.4gpt %.4gpt", page->width, page->height);
    else if (p >= P_MARGIN_TOP && p <= P_MARGIN_LEFT)
      e->value = g_strdup_printf ("%.4gpt", page->margin[p - P_MARGIN_TOP]);
    else
      e->value = value_text (context, info);
    /* normal declarations, then !important ones; the last one wins */
    for (int pass = 1; pass >= 0; pass--)
      for (guint r = rules->len; r-- > 0;) {
        const StylePageRule *rule = rules->pdata[r];
        for (guint k = rule->decls->len; k-- > 0;) {
          const StyleDecl *d = rule->decls->pdata[k];
          if (d->important != (pass == 1) || !decl_sets (d, p))
            continue;
          g_autofree char *sel = page_selector (rule);
          StyleSource *s = source_new (d, sel, rule->specificity, elem);
          if (!e->winner) {
            e->winner = s;
            if (d->has_var && (e->var_name = first_var_name (d->raw)))
              e->var_source = var_source (&root, 0, e->var_name);
          } else
            g_ptr_array_add (e->overridden, s);
        }
      }
    e->from = e->winner ? STYLE_FROM_DECLARED : STYLE_FROM_INITIAL;
    g_ptr_array_add (out, e);
  }
  g_ptr_array_unref (root.decls);
  g_ptr_array_unref (root.sels);
  g_free (root.desc);
  return out;
}
