/* cache.c — style_compute() remembers its results: it is called for every
 * unit and language of a document, and the same node chain with the same
 * inherited values gives the same style (a copy of it). The key is the node
 * chain and every field the parent passes on, taken from the one table of
 * properties (property-table.h), so a new property is in the key without a
 * line here. Copying and freeing computed styles are here too. */
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

/* Replaces the string fields (compute STR) with copies of their own. */
void
style_computed_own_strings (StyleComputed *cs)
{
  for (int k = 0; k < P_N_LONGHANDS; k++) {
    const StylePropInfo *info = style_prop_info (k);
    if (info->compute == STYLE_COMPUTE_STR) {
      char **f = (char **) ((char *) cs + info->offset);
      *f = g_strdup (*f);
    }
  }
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

/* The fields of p that the table names (property-table.h), with the padding
 * zeroed and no pointers: a field no property names is not passed on. */
static void
normalized_values (const StyleComputed *p, StyleComputed *out)
{
  memset (out, 0, sizeof *out);
  for (int k = 0; k < P_N_LONGHANDS; k++) {
    const StylePropInfo *info = style_prop_info (k);
    if (info->compute == STYLE_COMPUTE_STR)
      continue;                 /* added as text */
    if (info->compute == STYLE_COMPUTE_PALETTE) {
      out->n_palette = CLAMP (p->n_palette, 0, STYLE_MAX_PALETTE);
      memcpy (out->palette, p->palette, sizeof (StyleColor) * out->n_palette);
      continue;
    }
    style_copy_field (out, p, k);
  }
}

/* The string fields of a computed style (compute STR). */
static inline char **
string_field (const StyleComputed *cs, const StylePropInfo *info)
{
  return (char **) ((char *) cs + info->offset);
}

/* Returns how many leading bytes of the key to hash: the chain and the
 * parent's first fields (font, line height, colour …) tell keys apart well
 * enough; equality still compares every byte. */
static gsize
build_key (KeyBuilder *kb, const StyleSheet *sheet, const StyleNode *node,
           const StyleComputed *p)
{
  kb->buf = (guint8 *) kb->stack;
  kb->cap = sizeof kb->stack;
  kb->len = sizeof (CacheKey);                /* the header, filled in later */
  for (const StyleNode *n = node; n; n = n->parent) {
    kb_str (kb, n->name);
    /* an id no selector names changes nothing: left out, the styles of a
     * document's many elements with ids of their own are computed once */
    kb_str (kb, n->id && g_hash_table_contains (sheet->selector_ids, n->id) ? n->id : NULL);
    kb_str (kb, n->classes);
    kb_str (kb, n->lang);
    kb_add (kb, "\x1e", 1);
  }
  gsize hashed = kb->len + 160;
  if (p) {
    StyleComputed norm;
    normalized_values (p, &norm);
    kb_add (kb, &norm, sizeof norm);
    for (int k = 0; k < P_N_LONGHANDS; k++)
      if (style_prop_info (k)->compute == STYLE_COMPUTE_STR)
        kb_str (kb, *string_field (p, style_prop_info (k)));
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

/* Entries are about 2 KB (a computed style and its key): 2,048 keep every
 * repeated element's style (classes, languages, depths, the ids selectors
 * name) and no more than 5 MB (issue 9: 20,000 held 46 MB through a
 * 1,000-page layout). */
#define CACHE_MAX 2048

StyleComputed *
style_compute (const StyleSheet *sheet, const StyleNode *node, const StyleComputed *parent)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);
  StyleSheet *mut = (StyleSheet *) sheet;   /* the cache only */

  /* the key is built in place, after room for a CacheKey header */
  KeyBuilder kb;
  gsize hashed = build_key (&kb, sheet, node, parent);
  CacheKey *key = (CacheKey *) kb.buf;
  key->len = kb.len - sizeof (CacheKey);
  key->hash = key_hash (key->data, hashed);

  if (sheet->observer)
    sheet->observer (node, sheet->observer_data);
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

  result = style_cascade_compute (sheet, node, parent);
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
  style_computed_own_strings (copy);
  if (copy->custom)
    g_hash_table_ref (copy->custom);
  return copy;
}

void
style_computed_free (StyleComputed *style)
{
  if (!style)
    return;
  for (int k = 0; k < P_N_LONGHANDS; k++)
    if (style_prop_info (k)->compute == STYLE_COMPUTE_STR)
      g_free (*string_field (style, style_prop_info (k)));
  if (style->custom)
    g_hash_table_unref (style->custom);
  g_free (style);
}

GHashTable *
style_cache_new (void)
{
  return g_hash_table_new_full (cache_key_hash, cache_key_equal, g_free, cache_entry_free);
}
