/* cascade.c — the computed style of an element: matching rules (found
 * through an index by the rightmost compound's id, class or element),
 * ordered by importance, specificity and source order; custom properties
 * and var(); inheritance and initial values; em and % resolved.
 *
 * style_compute() is called for every unit and language of a document, so
 * its results are remembered: the same node chain with the same inherited
 * values gives the same style (a copy of it). */
#include "style/style-private.h"

#include <string.h>

/* A remembered result; holds the parent's custom table, whose address is
 * part of the key, so that the address cannot be reused meanwhile. */
typedef struct {
  StyleComputed *style;
  GHashTable *parent_custom;
} CacheEntry;

static void
cache_entry_free (gpointer p)
{
  CacheEntry *e = p;
  style_computed_free (e->style);
  if (e->parent_custom)
    g_hash_table_unref (e->parent_custom);
  g_free (e);
}

static guint cache_key_hash (gconstpointer k);
static gboolean cache_key_equal (gconstpointer a, gconstpointer b);

/* ---- index ------------------------------------------------------------------------ */

static void
bucket_add (GHashTable *table, const char *key, StyleSelector *sel)
{
  GPtrArray *list = g_hash_table_lookup (table, key);
  if (!list) {
    list = g_ptr_array_new ();
    g_hash_table_insert (table, g_strdup (key), list);
  }
  g_ptr_array_add (list, sel);
}

void
style_sheet_index (StyleSheet *sheet)
{
  guint n_types = g_strv_length ((char **) style_element_names ());
  sheet->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  sheet->by_class = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  sheet->by_type = g_new0 (GPtrArray *, n_types);
  sheet->universal = g_ptr_array_new ();
  for (guint r = 0; r < sheet->rules->len; r++) {
    StyleRule *rule = sheet->rules->pdata[r];
    for (guint s = 0; s < rule->selectors->len; s++) {
      StyleSelector *sel = rule->selectors->pdata[s];
      const StyleCompound *c = &g_array_index (sel->compounds, StyleCompound, 0);
      for (guint k = 0; k < sel->compounds->len; k++)
        if (g_array_index (sel->compounds, StyleCompound, k).langs)
          sheet->uses_lang = TRUE;
      if (c->id) {
        bucket_add (sheet->by_id, c->id, sel);
      } else if (c->classes) {
        bucket_add (sheet->by_class, c->classes[0], sel);
      } else if (c->type >= 0) {
        if (!sheet->by_type[c->type])
          sheet->by_type[c->type] = g_ptr_array_new ();
        g_ptr_array_add (sheet->by_type[c->type], sel);
      } else {
        g_ptr_array_add (sheet->universal, sel);
      }
    }
  }
  sheet->cache = g_hash_table_new_full (cache_key_hash, cache_key_equal, g_free,
                                        cache_entry_free);
}

/* ---- var() ----------------------------------------------------------------------- */

typedef const char *(*VarLookup) (const char *name, gpointer data);

/* Why a substitution failed, for the message at the declaration. */
typedef struct {
  char *missing;              /* the first var() with no value and no fallback */
  gboolean too_long;          /* the text grew past STYLE_VAR_MAX_BYTES */
} SubstErr;

static gboolean
substitute (const char *text, VarLookup lookup, gpointer data, GString *out, int depth,
            SubstErr *err)
{
  if (depth > 32)
    return FALSE;
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
static GHashTable *
compute_custom (GPtrArray *decls, GHashTable *parent)
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

/* ---- computing ---------------------------------------------------------------------- */

static const StyleSpecValue unset_value = { .kind = SV_UNSET };

void
style_collect_specified (GPtrArray *decls, GHashTable *vars, const StyleSpecValue **slots,
                         GPtrArray *temps)
{
  for (guint k = 0; k < decls->len; k++) {
    const StyleDecl *d = decls->pdata[k];
    if (d->custom_name)
      continue;
    GArray *values = d->values;
    if (d->has_var) {
      g_autofree char *text = style_substitute_vars (d->raw, vars, NULL);
      const char *expected;
      values = text ? style_parse_value_text (d->prop, text, &expected, NULL) : NULL;
      if (!values) {
        /* invalid at computed-value time: unset */
        StyleProp longhands[12];
        guint n = style_prop_longhands (d->prop, longhands);
        for (guint j = 0; j < n; j++)
          slots[longhands[j]] = &unset_value;
        continue;
      }
      g_ptr_array_add (temps, values);
    }
    for (guint j = 0; j < values->len; j++) {
      const StyleLonghandValue *lv = &g_array_index (values, StyleLonghandValue, j);
      slots[lv->prop] = &lv->v;
    }
  }
}

StyleComputed *
style_compute_from_slots (const StyleSpecValue *const *slots, const StyleComputed *parent,
                          GHashTable *vars)
{
  const StyleComputed *initial = style_computed_initial ();
  StyleComputed *cs = g_new (StyleComputed, 1);
  *cs = *initial;
  if (parent)
    for (int p = 0; p < P_N_LONGHANDS; p++)
      if (style_prop_info (p)->inherited)
        style_copy_field (cs, parent, p);

  /* font-size first (em of everything else), then color (currentcolor) */
  if (slots[P_FONT_SIZE])
    style_apply_value (cs, parent, P_FONT_SIZE, slots[P_FONT_SIZE]);
  if (slots[P_COLOR])
    style_apply_value (cs, parent, P_COLOR, slots[P_COLOR]);
  for (int p = 0; p < P_N_LONGHANDS; p++)
    if (slots[p] && p != P_FONT_SIZE && p != P_COLOR)
      style_apply_value (cs, parent, p, slots[p]);
  style_computed_finish (cs);

  /* own the strings (they pointed into the parent, the sheet or temps) */
  cs->font_family = g_strdup (cs->font_family);
  cs->string_set = g_strdup (cs->string_set);
  cs->page = g_strdup (cs->page);
  cs->custom = vars ? g_hash_table_ref (vars) : NULL;
  return cs;
}

typedef struct {
  const StyleSelector *sel;
  guint specificity, order, index;
} Match;

static int
match_cmp (const void *a, const void *b)
{
  const Match *x = a, *y = b;
  if (x->specificity != y->specificity)
    return x->specificity < y->specificity ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
collect (GArray *matches, GPtrArray *list, const StyleNode *node)
{
  if (!list)
    return;
  for (guint k = 0; k < list->len; k++) {
    const StyleSelector *sel = list->pdata[k];
    if (style_selector_matches (sel, node)) {
      Match m = { sel, sel->specificity, sel->rule->order, matches->len };
      g_array_append_val (matches, m);
    }
  }
}

static StyleComputed *
compute (const StyleSheet *sheet, const StyleNode *node, const StyleComputed *parent)
{
  GArray *matches = g_array_sized_new (FALSE, FALSE, sizeof (Match), 32);

  if (node->id)
    collect (matches, g_hash_table_lookup (sheet->by_id, node->id), node);
  if (node->classes && g_hash_table_size (sheet->by_class)) {
    g_auto (GStrv) classes = g_strsplit_set (node->classes, " \t\n", -1);
    for (char **c = classes; *c; c++)
      if (**c) {
        gboolean seen = FALSE;  /* "a a" is one class */
        for (char **d = classes; d < c && !seen; d++)
          seen = strcmp (*d, *c) == 0;
        if (!seen)
          collect (matches, g_hash_table_lookup (sheet->by_class, *c), node);
      }
  }
  int type = style_element_index (node->name);
  if (type >= 0)
    collect (matches, sheet->by_type[type], node);
  collect (matches, sheet->universal, node);
  g_array_sort (matches, match_cmp);

  /* declarations in cascade order: normal ones, then !important ones */
  GPtrArray *decls = g_ptr_array_new ();
  for (int pass = 0; pass < 2; pass++)
    for (guint m = 0; m < matches->len; m++) {
      const StyleRule *rule = g_array_index (matches, Match, m).sel->rule;
      for (guint k = 0; k < rule->decls->len; k++) {
        StyleDecl *d = rule->decls->pdata[k];
        if (d->important == (pass == 1))
          g_ptr_array_add (decls, d);
      }
    }
  g_array_unref (matches);

  GHashTable *vars = compute_custom (decls, parent ? parent->custom : NULL);
  const StyleSpecValue *slots[P_N_LONGHANDS] = { 0 };
  GPtrArray *temps = g_ptr_array_new_with_free_func (
      (GDestroyNotify) style_longhand_value_array_free);
  style_collect_specified (decls, vars, slots, temps);
  StyleComputed *cs = style_compute_from_slots (slots, parent, vars);
  g_ptr_array_unref (temps);
  g_ptr_array_unref (decls);
  if (vars)
    g_hash_table_unref (vars);
  return cs;
}

/* ---- the cache key: node chain + what the parent passes on --------------------- */

/* A key is a byte string: the node chain, then the parent's values (every
 * field, as `inherit` may take a non-inherited one) with its strings, and
 * the address of its custom-property table (shared by reference). */
typedef struct {
  guint hash;
  gsize len;
  guint8 data[];
} CacheKey;

static guint
cache_key_hash (gconstpointer k)
{
  return ((const CacheKey *) k)->hash;
}

static gboolean
cache_key_equal (gconstpointer a, gconstpointer b)
{
  const CacheKey *x = a, *y = b;
  return x->hash == y->hash && x->len == y->len && memcmp (x->data, y->data, x->len) == 0;
}

typedef struct {
  guint8 *buf;
  gsize len, cap;
  guint64 stack[320];         /* aligned for the CacheKey header */
} KeyBuilder;

static void
kb_add (KeyBuilder *kb, const void *p, gsize n)
{
  if (kb->len + n > kb->cap) {
    gsize cap = MAX (kb->cap * 2, kb->len + n);
    if (kb->buf == (guint8 *) kb->stack) {
      kb->buf = g_malloc (cap);
      memcpy (kb->buf, kb->stack, kb->len);
    } else {
      kb->buf = g_realloc (kb->buf, cap);
    }
    kb->cap = cap;
  }
  memcpy (kb->buf + kb->len, p, n);
  kb->len += n;
}

static void
kb_str (KeyBuilder *kb, const char *s)
{
  if (s)
    kb_add (kb, s, strlen (s));
  kb_add (kb, "\x1f", 1);
}

/* The fields of p with the padding zeroed and no pointers. */
static void
normalized_values (const StyleComputed *p, StyleComputed *out)
{
  memset (out, 0, sizeof *out);
  out->font_size = p->font_size;
  out->font_weight = p->font_weight;
  out->font_italic = p->font_italic;
  out->line_height = p->line_height;
  out->color = p->color;
  out->text_align = p->text_align;
  out->text_indent = p->text_indent;
  out->letter_spacing = p->letter_spacing;
  out->hyphens = p->hyphens;
  memcpy (out->hyphenate_limit, p->hyphenate_limit, sizeof out->hyphenate_limit);
  out->widows = p->widows;
  out->orphans = p->orphans;
  out->missing_color = p->missing_color;
  out->display_none = p->display_none;
  memcpy (out->margin, p->margin, sizeof out->margin);
  memcpy (out->padding, p->padding, sizeof out->padding);
  memcpy (out->border_width, p->border_width, sizeof out->border_width);
  memcpy (out->border_color, p->border_color, sizeof out->border_color);
  out->background_color = p->background_color;
  out->break_before = p->break_before;
  out->break_after = p->break_after;
  out->break_inside = p->break_inside;
  out->layout = p->layout;
  out->column_gap = p->column_gap;
  out->tile_columns = p->tile_columns;
  out->n_palette = CLAMP (p->n_palette, 0, STYLE_MAX_PALETTE);
  memcpy (out->palette, p->palette, sizeof (StyleColor) * out->n_palette);
  out->height = p->height;
  out->aspect_ratio = p->aspect_ratio;
  out->axis_color = p->axis_color;
  out->grid_color = p->grid_color;
  out->axis_width = p->axis_width;
  out->grid_width = p->grid_width;
  out->label_font_size = p->label_font_size;
  out->chart_labels = p->chart_labels;
  out->legend = p->legend;
  memcpy (out->border_style, p->border_style, sizeof out->border_style);
  out->line_height_number = p->line_height_number;
}

/* Returns how many leading bytes of the key to hash: the chain and the
 * parent's first fields (font, line height, colour …) tell keys apart well
 * enough; equality still compares every byte. */
static gsize
build_key (KeyBuilder *kb, const StyleNode *node, const StyleComputed *p)
{
  kb->buf = (guint8 *) kb->stack;
  kb->cap = sizeof kb->stack;
  kb->len = sizeof (CacheKey);                /* the header, filled in later */
  for (const StyleNode *n = node; n; n = n->parent) {
    kb_str (kb, n->name);
    kb_str (kb, n->id);
    kb_str (kb, n->classes);
    kb_str (kb, n->lang);
    kb_add (kb, "\x1e", 1);
  }
  gsize hashed = kb->len + 160;
  if (p) {
    StyleComputed norm;
    normalized_values (p, &norm);
    kb_add (kb, &norm, sizeof norm);
    kb_str (kb, p->font_family);
    kb_str (kb, p->string_set);
    kb_str (kb, p->page);
    kb_add (kb, &p->custom, sizeof p->custom);
  } else {
    kb_add (kb, "\x1droot", 5);
  }
  return MIN (hashed, kb->len) - sizeof (CacheKey);
}

/* Four independent multiply-xor lanes over 64-bit words (they pipeline),
 * folded at the end: fast enough for keys of some hundred bytes. */
static guint
key_hash (const guint8 *data, gsize len)
{
  guint64 h[4] = { 0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL, 0x165667b19e3779f9ULL,
                   0x27d4eb2f165667c5ULL };
  gsize k = 0;
  for (; k + 32 <= len; k += 32)
    for (int l = 0; l < 4; l++) {
      guint64 w;
      memcpy (&w, data + k + 8 * l, 8);
      h[l] = (h[l] ^ w) * 0x100000001b3ULL;
    }
  guint64 r = h[0] ^ (h[1] >> 1) ^ (h[2] << 1) ^ (h[3] >> 3);
  for (; k < len; k++)
    r = (r ^ data[k]) * 0x100000001b3ULL;
  r ^= r >> 29;
  r *= 0xbf58476d1ce4e5b9ULL;
  return (guint) (r ^ (r >> 32));
}

/* Entries are about 2 KB (a computed style and its key), and a document's
 * ids make most keys unique: 2,048 keep every repeated element's style
 * (classes, languages, depths) and no more than 5 MB (issue 9: 20,000 held
 * 46 MB through a 1,000-page layout). */
#define CACHE_MAX 2048

StyleComputed *
style_compute (const StyleSheet *sheet, const StyleNode *node, const StyleComputed *parent)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);
  StyleSheet *mut = (StyleSheet *) sheet;   /* the cache only */

  /* the key is built in place, after room for a CacheKey header */
  KeyBuilder kb;
  gsize hashed = build_key (&kb, node, parent);
  CacheKey *key = (CacheKey *) kb.buf;
  key->len = kb.len - sizeof (CacheKey);
  key->hash = key_hash (key->data, hashed);

  g_mutex_lock (&mut->cache_lock);
  CacheEntry *hit = g_hash_table_lookup (sheet->cache, key);
  StyleComputed *result = hit ? style_computed_copy (hit->style) : NULL;
  g_mutex_unlock (&mut->cache_lock);
  if (result) {
    if (kb.buf != (guint8 *) kb.stack)
      g_free (kb.buf);
    return result;
  }
  key = g_memdup2 (kb.buf, kb.len);
  if (kb.buf != (guint8 *) kb.stack)
    g_free (kb.buf);

  result = compute (sheet, node, parent);
  g_mutex_lock (&mut->cache_lock);
  if (g_hash_table_size (sheet->cache) >= CACHE_MAX)
    g_hash_table_remove_all (sheet->cache);
  CacheEntry *entry = g_new (CacheEntry, 1);
  entry->style = style_computed_copy (result);
  entry->parent_custom = parent && parent->custom ? g_hash_table_ref (parent->custom) : NULL;
  g_hash_table_replace (sheet->cache, key, entry);
  g_mutex_unlock (&mut->cache_lock);
  return result;
}

StyleComputed *
style_computed_copy (const StyleComputed *style)
{
  g_return_val_if_fail (style != NULL, NULL);
  StyleComputed *copy = g_new (StyleComputed, 1);
  *copy = *style;
  copy->font_family = g_strdup (style->font_family);
  copy->string_set = g_strdup (style->string_set);
  copy->page = g_strdup (style->page);
  if (copy->custom)
    g_hash_table_ref (copy->custom);
  return copy;
}

void
style_computed_free (StyleComputed *style)
{
  if (!style)
    return;
  g_free (style->font_family);
  g_free (style->string_set);
  g_free (style->page);
  if (style->custom)
    g_hash_table_unref (style->custom);
  g_free (style);
}

/* ---- checking values with var() at load -------------------------------------------- */

/* Families named through var(): listed at the declaration using them. */
static void
add_families (StyleSheet *sheet, const StyleDecl *d, GPtrArray *uses)
{
  for (guint k = 0; k < uses->len; k++) {
    StyleFamilyUse *u = uses->pdata[k];
    gboolean known = FALSE;
    for (guint j = 0; j < sheet->families->len && !known; j++)
      known = g_ascii_strcasecmp (((StyleFamilyUse *) sheet->families->pdata[j])->family,
                                  u->family) == 0;
    if (known)
      continue;
    u->file = g_strdup (d->file);
    u->line = d->line;
    u->column = d->column;
    g_ptr_array_add (sheet->families, u);
    uses->pdata[k] = NULL;
  }
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
