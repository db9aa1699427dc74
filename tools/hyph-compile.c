/* hyph-compile — compiles a libhyphen pattern file (.dic) into C tables at
 * build time, so that dossier never reads or parses patterns at run time
 * (libhyphen's hnj_hyphen_load takes about 2 s for hyph_de_DE.dic).
 *
 *   hyph-compile NAME IN.dic OUT.c
 *
 * writes OUT.c defining `const struct _TextHyphenator text_hyphen_patterns_NAME`
 * in the layout src/text/hyphen-private.h describes.
 *
 * Written by hand: no library turns libhyphen patterns into static tables.
 * It reads the file the way libhyphen 2.8 does (hyphen.c, hnj_hyphen_load_file
 * and hnj_hyphen_load_line), so that the automaton is the same one:
 *   - the first line names the character set (only 8-bit sets are supported);
 *   - lines are read with a 100-byte buffer, longer lines are skipped; lines
 *     starting with '%' are comments, nothing else is (a '#' line is a
 *     pattern for libhyphen too: it only ever matches text containing '#');
 *   - LEFTHYPHENMIN, RIGHTHYPHENMIN, COMPOUNDLEFTHYPHENMIN,
 *     COMPOUNDRIGHTHYPHENMIN and NOHYPHEN set options of their level;
 *   - NEXTLEVEL starts the second level (required here: a file without one
 *     would need libhyphen's built-in first level, which we do not emit);
 *   - a pattern is read up to the first byte <= ' ': digits are the values
 *     between letters, everything else is a letter ('.' marks a word edge);
 *     leading zero values are dropped; a later pattern with the same letters
 *     replaces an earlier one;
 *   - non-standard patterns (with '/') are refused unless their letters hold
 *     a byte that can never occur in a word we hyphenate: hyph_de_DE.dic has
 *     one such line, a '#' comment, which libhyphen loads as the pattern "#".
 * Every prefix of a pattern is a state; a state's fallback is its longest
 * proper suffix that is a state (libhyphen's Aho–Corasick failure link); a
 * state's match is only its own pattern's values (libhyphen does not merge
 * the values of suffix patterns).
 *
 * The output depends only on the input bytes: states are numbered breadth
 * first with transitions in byte order, matches are shared in first-use
 * order. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/hyphen-private.h"

#define LINE_MAX_BYTES 100    /* libhyphen's MAX_CHARS */
#define CSET_MAX_BYTES 20     /* libhyphen's MAX_NAME */

typedef struct {
  char *match;      /* digits '0'–'9', leading zeros dropped; NULL: no pattern */
  gboolean repl;    /* non-standard pattern */
} Pattern;

typedef struct {
  GHashTable *patterns;   /* letters (char *) -> Pattern * */
  GHashTable *keys;       /* every prefix of every pattern, and "" */
  int lhmin, rhmin, clhmin, crhmin;
  GPtrArray *nohyphen;    /* char * */
} Level;

static void
pattern_free (gpointer p)
{
  Pattern *pat = p;
  g_free (pat->match);
  g_free (pat);
}

static void
level_init (Level *lv)
{
  lv->patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pattern_free);
  lv->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (lv->keys, g_strdup (""));
  lv->lhmin = lv->rhmin = lv->clhmin = lv->crhmin = 0;
  lv->nohyphen = g_ptr_array_new_with_free_func (g_free);
}

/* NOHYPHEN a,b,c: libhyphen drops the last byte of the value (the newline)
 * and splits at commas after the first byte. */
static void
level_set_nohyphen (Level *lv, const char *value)
{
  g_ptr_array_set_size (lv->nohyphen, 0);
  while (*value == ' ' || *value == '\t')
    value++;
  if (*value == '\0')
    return;
  g_autofree char *s = g_strdup (value);
  size_t n = strlen (s);
  s[n - 1] = '\0';
  size_t start = 0;
  for (size_t i = 1; i + 1 < n; i++)
    if (s[i] == ',') {
      s[i] = '\0';
      g_ptr_array_add (lv->nohyphen, g_strdup (s + start));
      start = i + 1;
    }
  g_ptr_array_add (lv->nohyphen, g_strdup (s + start));
}

static void
level_add_line (Level *lv, char *buf)
{
  static const struct { const char *name; size_t off; } options[] = {
    { "LEFTHYPHENMIN", G_STRUCT_OFFSET (Level, lhmin) },
    { "RIGHTHYPHENMIN", G_STRUCT_OFFSET (Level, rhmin) },
    { "COMPOUNDLEFTHYPHENMIN", G_STRUCT_OFFSET (Level, clhmin) },
    { "COMPOUNDRIGHTHYPHENMIN", G_STRUCT_OFFSET (Level, crhmin) },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (options); i++) {
    size_t n = strlen (options[i].name);
    if (strncmp (buf, options[i].name, n) == 0) {
      G_STRUCT_MEMBER (int, lv, options[i].off) = atoi (buf + n);
      return;
    }
  }
  if (strncmp (buf, "NOHYPHEN", 8) == 0) {
    level_set_nohyphen (lv, buf + 8);
    return;
  }

  char *slash = strchr (buf, '/');
  if (slash)
    *slash = '\0';

  char word[LINE_MAX_BYTES], digits[LINE_MAX_BYTES];
  int j = 0;
  digits[0] = '0';
  for (int i = 0; (unsigned char) buf[i] > ' ' && j < LINE_MAX_BYTES - 2; i++) {
    if (buf[i] >= '0' && buf[i] <= '9')
      digits[j] = buf[i];
    else {
      word[j] = buf[i];
      digits[++j] = '0';
    }
  }
  word[j] = '\0';
  digits[j + 1] = '\0';

  int skip = 0;
  if (!slash)
    while (digits[skip] == '0')
      skip++;
  else if (word[0] == '.')
    skip = 1;

  Pattern *pat = g_new0 (Pattern, 1);
  pat->match = g_strdup (digits + skip);
  pat->repl = slash != NULL;
  g_hash_table_replace (lv->patterns, g_strdup (word), pat);
  for (int k = 1; k <= j; k++)
    g_hash_table_add (lv->keys, g_strndup (word, k));
}

/* Whether byte c can be in the text the matcher sees for a word: letters of
 * ISO-8859-1, the word edge '.', and '-' and '\'' (NOHYPHEN). */
static gboolean
byte_in_words (unsigned char c)
{
  if (g_ascii_isalpha (c) || c == '.' || c == '-' || c == '\'')
    return TRUE;
  return c == 0xaa || c == 0xb5 || c == 0xba
         || (c >= 0xc0 && c != 0xd7 && c != 0xf7);
}

static int
key_compare (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  size_t nx = strlen (x), ny = strlen (y);
  if (nx != ny)
    return nx < ny ? -1 : 1;
  return memcmp (x, y, nx);
}

static void
emit_bytes (FILE *out, const char *name, const guint8 *data, size_t n)
{
  fprintf (out, "static const guint8 %s[%zu] = {", name, n ? n : 1);
  for (size_t i = 0; i < n; i++)
    fprintf (out, "%s%u,", i % 24 ? "" : "\n", data[i]);
  if (n == 0)
    fputs ("0", out);
  fputs ("\n};\n", out);
}

/* Numbers the states of one level and writes its tables. */
static gboolean
level_emit (Level *lv, FILE *out, const char *prefix, int index)
{
  guint n_keys = 0;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (lv->keys, &n_keys);
  qsort (keys, n_keys, sizeof *keys, key_compare);
  if (n_keys >= TEXT_HYPHEN_FIELD_MASK) {
    g_printerr ("hyph-compile: %u states, at most %u fit\n", n_keys, TEXT_HYPHEN_FIELD_MASK);
    return FALSE;
  }
  g_autoptr (GHashTable) number = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = 0; s < n_keys; s++)
    g_hash_table_insert (number, keys[s], GUINT_TO_POINTER (s));

  g_autofree guint64 *states = g_new0 (guint64, n_keys + 1);
  g_autofree guint8 *chars = g_new0 (guint8, n_keys);
  g_autoptr (GByteArray) matches = g_byte_array_new ();
  g_autoptr (GHashTable) shared = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                         (GDestroyNotify) g_bytes_unref, NULL);
  guint8 zero = 0;
  g_byte_array_append (matches, &zero, 1);   /* offset 0: no match */

  guint32 next_trans = 0;
  for (guint s = 0; s < n_keys; s++) {
    const char *key = keys[s];
    size_t len = strlen (key);

    /* transitions: the children of s are the next states in order */
    guint64 rec = next_trans;
    while (next_trans + 1 < n_keys) {
      const char *child = keys[next_trans + 1];
      if (strlen (child) != len + 1 || memcmp (child, key, len) != 0)
        break;
      chars[next_trans++] = (guint8) child[len];
    }

    /* fallback: the longest proper suffix that is a state */
    guint fallback = 0;
    for (size_t k = 1; k < len; k++) {
      gpointer v;
      if (g_hash_table_lookup_extended (number, key + k, NULL, &v)) {
        fallback = GPOINTER_TO_UINT (v);
        break;
      }
    }
    rec |= (guint64) fallback << TEXT_HYPHEN_FIELD_BITS;

    Pattern *pat = g_hash_table_lookup (lv->patterns, key);
    if (pat && pat->repl) {
      gboolean reachable = TRUE;
      for (size_t k = 0; k < len; k++)
        if (!byte_in_words ((unsigned char) key[k]))
          reachable = FALSE;
      if (reachable) {
        g_printerr ("hyph-compile: non-standard pattern \"%s\" is not supported\n", key);
        return FALSE;
      }
    }
    if (pat && pat->match) {
      size_t mlen = strlen (pat->match);
      GByteArray *enc = g_byte_array_new ();
      guint8 head[2] = { (guint8) mlen, 0 };
      g_byte_array_append (enc, head, 2);
      for (size_t k = 0; k < mlen; k++)
        if (pat->match[k] > '0') {
          guint8 pair[2] = { (guint8) k, (guint8) (pat->match[k] - '0') };
          g_byte_array_append (enc, pair, 2);
          enc->data[1]++;
        }
      if (enc->data[1] > 0) {
        GBytes *b = g_byte_array_free_to_bytes (enc);
        gpointer off;
        if (!g_hash_table_lookup_extended (shared, b, NULL, &off)) {
          off = GUINT_TO_POINTER (matches->len);
          g_byte_array_append (matches, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
          g_hash_table_insert (shared, g_bytes_ref (b), off);
        }
        g_bytes_unref (b);
        rec |= (guint64) GPOINTER_TO_UINT (off) << TEXT_HYPHEN_MATCH_SHIFT;
      } else
        g_byte_array_unref (enc);
    }
    states[s] = rec;
  }
  if (next_trans != n_keys - 1) {
    g_printerr ("hyph-compile: internal error: %u transitions for %u states\n",
                next_trans, n_keys);
    return FALSE;
  }
  if (matches->len >= (1u << (64 - TEXT_HYPHEN_MATCH_SHIFT))) {
    g_printerr ("hyph-compile: match table too large\n");
    return FALSE;
  }
  states[n_keys] = next_trans;

  fprintf (out, "static const guint64 %s_states%d[%u] = {", prefix, index, n_keys + 1);
  for (guint s = 0; s <= n_keys; s++)
    fprintf (out, "%s0x%" G_GINT64_MODIFIER "xu,", s % 8 ? "" : "\n", states[s]);
  fputs ("\n};\n", out);
  g_autofree char *cname = g_strdup_printf ("%s_chars%d", prefix, index);
  g_autofree char *mname = g_strdup_printf ("%s_matches%d", prefix, index);
  emit_bytes (out, cname, chars, n_keys - 1);
  emit_bytes (out, mname, matches->data, matches->len);
  g_printerr ("hyph-compile: level %d: %u patterns, %u states, %u bytes of matches\n",
              index + 1, g_hash_table_size (lv->patterns), n_keys, matches->len);
  return TRUE;
}

static void
emit_c_string (FILE *out, const char *s)
{
  fputc ('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char) *s;
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
      fputc (c, out);
    else
      fprintf (out, "\\%03o", c);
  }
  fputc ('"', out);
}

int
main (int argc, char **argv)
{
  if (argc != 4) {
    g_printerr ("usage: hyph-compile NAME IN.dic OUT.c\n");
    return 2;
  }
  const char *name = argv[1];
  FILE *in = fopen (argv[2], "r");
  if (!in) {
    g_printerr ("hyph-compile: cannot open %s\n", argv[2]);
    return 1;
  }

  char cset[CSET_MAX_BYTES] = "";
  if (!fgets (cset, sizeof cset, in))
    cset[0] = '\0';
  cset[strcspn (cset, "\r\n")] = '\0';
  if (strcmp (cset, "UTF-8") == 0) {
    g_printerr ("hyph-compile: %s: UTF-8 pattern files are not supported\n", argv[2]);
    return 1;
  }

  Level level[2];
  level_init (&level[0]);
  level_init (&level[1]);
  int k = 0;
  gboolean nextlevel = FALSE;
  char buf[LINE_MAX_BYTES];
  while (fgets (buf, sizeof buf, in)) {
    if (!feof (in) && strchr (buf, '\n') == NULL) {
      int c;
      while ((c = fgetc (in)) != '\n' && c != EOF)
        ;
      continue;
    }
    if (strncmp (buf, "NEXTLEVEL", 9) == 0) {
      if (k == 1)
        break;               /* libhyphen reads no further */
      k = 1;
      nextlevel = TRUE;
      continue;
    }
    if (buf[0] != '%')
      level_add_line (&level[k], buf);
  }
  fclose (in);
  if (!nextlevel) {
    g_printerr ("hyph-compile: %s has no NEXTLEVEL; single-level files are not supported\n",
                argv[2]);
    return 1;
  }
  for (guint i = 0; i < level[0].nohyphen->len; i++)
    if (((char *) level[0].nohyphen->pdata[i])[0] == '\0') {
      g_printerr ("hyph-compile: empty NOHYPHEN sequence\n");
      return 1;
    }

  g_autofree char *tmp = g_strconcat (argv[3], ".tmp", NULL);
  FILE *out = fopen (tmp, "w");
  if (!out) {
    g_printerr ("hyph-compile: cannot write %s\n", tmp);
    return 1;
  }
  g_autofree char *prefix = g_strconcat ("hyph_", name, NULL);
  g_autofree char *base = g_path_get_basename (argv[2]);
  fprintf (out, "/* Generated by tools/hyph-compile.c from %s (charset %s). Do not edit. */\n"
           "#include \"text/hyphen-private.h\"\n\n", base, cset);
  for (int i = 0; i < 2; i++)
    if (!level_emit (&level[i], out, prefix, i)) {
      fclose (out);
      remove (tmp);
      return 1;
    }

  fprintf (out, "static const char *const %s_nohyphen[] = { ", prefix);
  for (guint i = 0; i < level[0].nohyphen->len; i++) {
    emit_c_string (out, level[0].nohyphen->pdata[i]);
    fputs (", ", out);
  }
  fputs ("NULL };\n\n", out);

  fprintf (out, "const struct _TextHyphenator text_hyphen_patterns_%s = {\n  {\n", name);
  for (int i = 0; i < 2; i++)
    fprintf (out, "    { G_N_ELEMENTS (%s_states%d) - 1, %s_states%d, %s_chars%d, %s_matches%d },\n",
             prefix, i, prefix, i, prefix, i, prefix, i);
  fprintf (out, "  },\n  %d, %d, %d, %d,\n  %s_nohyphen,\n};\n",
           level[0].lhmin, level[0].rhmin, level[0].clhmin, level[0].crhmin, prefix);

  if (fclose (out) != 0 || rename (tmp, argv[3]) != 0) {
    g_printerr ("hyph-compile: cannot write %s\n", argv[3]);
    remove (tmp);
    return 1;
  }
  for (int i = 0; i < 2; i++) {
    g_hash_table_unref (level[i].patterns);
    g_hash_table_unref (level[i].keys);
    g_ptr_array_unref (level[i].nohyphen);
  }
  return 0;
}
