/* cascade.c — the computed style of an element: matching rules (found
 * through an index by the rightmost compound's id, class or element),
 * ordered by importance, specificity and source order; inheritance and
 * initial values; em and % resolved. Custom properties and var() are
 * vars.c; remembering results (style_compute) is cache.c. */
#include "style/style-private.h"

#include <string.h>

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
  sheet->selector_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < sheet->rules->len; r++) {
    StyleRule *rule = sheet->rules->pdata[r];
    for (guint s = 0; s < rule->selectors->len; s++) {
      StyleSelector *sel = rule->selectors->pdata[s];
      const StyleCompound *c = &g_array_index (sel->compounds, StyleCompound, 0);
      for (guint k = 0; k < sel->compounds->len; k++) {
        const StyleCompound *ck = &g_array_index (sel->compounds, StyleCompound, k);
        if (ck->langs)
          sheet->uses_lang = TRUE;
        if (ck->id)
          g_hash_table_add (sheet->selector_ids, g_strdup (ck->id));
      }
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
  sheet->cache = style_cache_new ();
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
  style_computed_own_strings (cs);
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

GPtrArray *
style_matched_decls (const StyleSheet *sheet, const StyleNode *node, GPtrArray *selectors)
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
        if (d->important == (pass == 1)) {
          g_ptr_array_add (decls, d);
          if (selectors)
            g_ptr_array_add (selectors, (gpointer) g_array_index (matches, Match, m).sel);
        }
      }
    }
  g_array_unref (matches);
  return decls;
}

StyleComputed *
style_cascade_compute (const StyleSheet *sheet, const StyleNode *node,
                       const StyleComputed *parent)
{
  GPtrArray *decls = style_matched_decls (sheet, node, NULL);

  GHashTable *vars = style_custom_compute (decls, parent ? parent->custom : NULL);
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

