/* inline.c — a text variant's inline content as text + Pango attributes.
 *
 * Figures and dates are formatted for the language here, quotes get the
 * language's marks (nested quotes the inner pair), and the language is set
 * on the whole run so that Pango picks the right glyph forms (SC, not JP).
 * The typography of each language is applied as the text is put together:
 * German words get soft hyphens from the dictionary (not in names or
 * links; the paragraph engine breaks a last word only where nothing else
 * fits); Chinese gets a quarter-em space between Han and Latin
 * letters or digits, and spaces that do not stretch. */
#include <string.h>
#include "text/text.h"

#define SHY "\u00ad"
#define QUARTER_EM "\u2005"   /* FOUR-PER-EM SPACE: not stretched by Pango */
#define WORD_JOINER "\u2060"  /* no break here; dropped from the PDF's text */
#define NAME_JOINER "\ufeff"  /* no break inside a name while anything else fits */

typedef struct {
  GString *text;
  PangoAttrList *attrs;       /* NULL: plain text only */
  GArray *links;
  const char *lang;
  int quote_depth;
  gboolean chinese;
  StyleHyphens hyphens;
  const TextHyphenator *hyphenator;   /* for hyphens: auto; NULL if none */
  int no_hyphens;             /* inside name or a: never hyphenated */
} RunBuilder;

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
is_latin_or_digit (gunichar c)
{
  return (c < 0x80 && g_ascii_isalnum ((char) c)) ||
         (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN);
}

/* Where clreq puts a quarter em: Han beside a Latin letter or digit. */
static gboolean
han_meets_latin (gunichar prev, gunichar c)
{
  return (is_han (prev) && is_latin_or_digit (c)) || (is_latin_or_digit (prev) && is_han (c));
}

static gboolean
is_opening_mark (gunichar c)
{
  return c == 0x201c || c == 0x2018 || c == 0x300c || c == 0x300e || c == 0x300a ||
         c == 0xff08 || c == 0x3010;
}

static gboolean
is_closing_mark (gunichar c)
{
  return c == 0x201d || c == 0x2019 || c == 0x300d || c == 0x300f || c == 0x300b ||
         c == 0xff09 || c == 0x3011;
}

static gunichar
last_char (const GString *s)
{
  if (s->len == 0)
    return 0;
  const char *p = g_utf8_find_prev_char (s->str, s->str + s->len);
  return p ? g_utf8_get_char (p) : 0;
}

/* Chinese: a quarter-em space where Han meets a Latin letter or digit
 * (NEV、2026年 → "NEV", "2026 年"), none next to punctuation. Inside a
 * figure of the running text too (spaced: "逾 42 亿美元", "2026 年 3 月"),
 * held by word joiners so the figure never breaks there. */
static void
put_chinese (RunBuilder *rb, const char *s, gboolean atom, gboolean spaced)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gunichar prev = last_char (rb->text);
    gboolean boundary = p == s || !atom;
    gboolean meet = han_meets_latin (prev, c);
    if (meet && !boundary && spaced)
      g_string_append (rb->text, WORD_JOINER QUARTER_EM WORD_JOINER);
    else if (boundary && meet)
      g_string_append (rb->text, QUARTER_EM);
    else if (atom && p != s && c != ' ' && !g_unichar_isspace (prev) &&
             !(spaced && is_han (prev) && is_han (c)))
      /* a figure is one word: Chinese would break "42亿" between 2 and 亿;
       * in running text its unit may go to the next line (亿|美元) */
      g_string_append (rb->text, WORD_JOINER);
    /* Pango may break after an opening or before a closing quotation
     * mark (Unicode calls them ambiguous); Chinese never does */
    if (is_closing_mark (c) && rb->text->len > 0)
      g_string_append (rb->text, WORD_JOINER);
    if (c == ' ')
      /* Pango puts all the stretch of a justified line into U+0020 and
       * U+00A0; in Chinese the few spaces, between Latin words, would
       * gape. A four-per-em space keeps the gap and does not stretch. */
      g_string_append (rb->text, QUARTER_EM);
    else
      g_string_append_unichar (rb->text, c);
    if (is_opening_mark (c) && *g_utf8_next_char (p) != '\0')
      g_string_append (rb->text, WORD_JOINER);
  }
}

/* German abbreviations of several parts (z. B., u. a., d. h.) are set with
 * a narrow no-break space between the parts, as Duden sets them: a line
 * never breaks inside one, and the gap does not stretch. */
static char *
german_abbreviations (const char *s)
{
  static const char *const abbrevs[] = { "z. B.", "u. a.", "d. h.", "z. T.", "u. U.", "v. a.",
                                         "s. o.", "s. u.", "o. Ä.", "i. d. R.", "u. v. m.",
                                         "m. E.", "a. D.", "Z. B.", "U. a.", "D. h.", NULL };
  if (!strstr (s, ". "))
    return NULL;
  GString *out = g_string_new (NULL);
  for (const char *p = s; *p;) {
    const char *match = NULL;
    gboolean at_word_start = p == s || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p)));
    for (const char *const *a = abbrevs; at_word_start && *a && !match; a++)
      if (strncmp (p, *a, strlen (*a)) == 0)
        match = *a;
    if (!match) {
      g_string_append_c (out, *p++);
      continue;
    }
    for (const char *q = match; *q; q++)
      if (*q == ' ')
        g_string_append (out, "\u202F");
      else
        g_string_append_c (out, *q);
    p += strlen (match);
  }
  return g_string_free (out, FALSE);
}

/* Text of the input: hyphenated or spaced after the language's rules. */
static void
put_text (RunBuilder *rb, const char *s)
{
  if (rb->chinese) {
    put_chinese (rb, s, FALSE, FALSE);
    return;
  }
  g_autofree char *abbreviated = g_str_has_prefix (rb->lang, "de") ? german_abbreviations (s)
                                                                   : NULL;
  if (abbreviated)
    s = abbreviated;
  if (rb->hyphens == STYLE_HYPHENS_NONE) {
    for (const char *p = s; *p; p++)
      if (strncmp (p, SHY, 2) == 0)
        p++;   /* hyphens: none ignores soft hyphens too */
      else
        g_string_append_c (rb->text, *p);
    return;
  }
  if (rb->hyphens == STYLE_HYPHENS_AUTO && rb->hyphenator && rb->no_hyphens == 0)
    text_hyphenate_append (rb->hyphenator, s, -1, rb->text);
  else
    g_string_append (rb->text, s);
}

/* Whether text so far ends where a sentence begins: nothing yet, or a
 * full stop, question or exclamation mark (a closing quote after it
 * allowed) and a space, not after an ordinal ("17. "), an abbreviation set
 * with a narrow space ("z. B. ") or a common one ("ca. "). */
static gboolean
at_sentence_start (const GString *text)
{
  static const char *const abbrevs[] = { "ca.", "Nr.", "bzw.", "vgl.", "Dr.", "Prof.", "St.",
                                         "rd.", "inkl.", "zzgl.", "Mio.", "Mrd.", "Bio.", NULL };
  const char *begin = text->str, *p = text->str + text->len;
  gboolean spaced = FALSE;
  while (p > begin) {
    const char *prev = g_utf8_find_prev_char (begin, p);
    gunichar c = g_utf8_get_char (prev);
    if (c != ' ' && c != 0xa0 && c != '\n')
      break;
    spaced = TRUE;
    p = prev;
  }
  if (p == begin)
    return TRUE;
  if (!spaced)
    return FALSE;
  const char *prev = g_utf8_find_prev_char (begin, p);
  gunichar c = g_utf8_get_char (prev);
  if (c == 0x201c || c == 0x201d || c == 0x2019 || c == 0xbb || c == '"' || c == ')') {
    p = prev;
    prev = p > begin ? g_utf8_find_prev_char (begin, p) : NULL;
    c = prev ? g_utf8_get_char (prev) : 0;
  }
  if (c == '!' || c == '?')
    return TRUE;
  if (c != '.')
    return FALSE;
  /* the word the full stop ends */
  const char *w = prev;
  while (w > begin) {
    const char *q = g_utf8_find_prev_char (begin, w);
    gunichar d = g_utf8_get_char (q);
    if (d == ' ' || d == 0xa0 || d == '\n')
      break;
    if (d == 0x202f)
      return FALSE;   /* "z. B." */
    w = q;
  }
  if (g_ascii_isdigit (*w))
    return FALSE;     /* "17. September" */
  gsize len = (gsize) (prev + 1 - w);
  for (const char *const *a = abbrevs; *a; a++)
    if (strlen (*a) == len && strncmp (w, *a, len) == 0)
      return FALSE;
  return TRUE;
}

/* The first letter of *s in capitals. */
static void
capitalize_first (char **s)
{
  gunichar c = g_utf8_get_char (*s);
  if (!g_unichar_islower (c))
    return;
  char buf[8];
  int n = g_unichar_to_utf8 (g_unichar_totitle (c), buf);
  char *up = g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (*s));
  g_free (*s);
  *s = up;
}

/* A formatted figure or date: never hyphenated, never broken; in Chinese
 * spaced where Han meets digits when spaced (running text), else only at
 * its ends (labels, made text). */
static void
put_atom_spaced (RunBuilder *rb, const char *s, gboolean spaced)
{
  if (rb->chinese)
    put_chinese (rb, s, TRUE, spaced);
  else
    g_string_append (rb->text, s);
}

static void
add_attr (RunBuilder *rb, PangoAttribute *a, gsize start)
{
  if (!rb->attrs) {
    pango_attribute_destroy (a);
    return;
  }
  a->start_index = (guint) start;
  a->end_index = (guint) rb->text->len;
  pango_attr_list_insert (rb->attrs, a);
}

static void append_inlines (RunBuilder *rb, const GPtrArray *inlines);

/* A name stays on one line (Li Zhongjun, BSH Hausgeräte) unless it is
 * wider than one: U+FEFF (a zero-width no-break space, a word joiner to
 * UAX #14) after each of its spaces; the paragraph engine breaks there
 * only where nothing else fits, and the space itself still stretches. */
static void
bind_spaces (RunBuilder *rb, gsize start)
{
  for (gsize i = start; i < rb->text->len; i++) {
    gboolean ascii = rb->text->str[i] == ' ';
    gboolean quarter = strncmp (rb->text->str + i, QUARTER_EM, 3) == 0;
    if (!ascii && !quarter)
      continue;
    gsize at = i + (ascii ? 1 : 3);
    g_string_insert (rb->text, (gssize) at, NAME_JOINER);
    if (rb->attrs)
      pango_attr_list_update (rb->attrs, (int) at, 0, 3);
    for (guint k = 0; rb->links && k < rb->links->len; k++) {
      TextLink *l = &g_array_index (rb->links, TextLink, k);
      if (l->start >= (int) at)
        l->start += 3;
      if (l->end >= (int) at)
        l->end += 3;
    }
    i = at + 2;
  }
}

static void
append_inline (RunBuilder *rb, const ModelInline *inl)
{
  gsize start = rb->text->len;
  switch (inl->kind) {
  case MODEL_INLINE_TEXT:
    put_text (rb, inl->text);
    return;
  case MODEL_INLINE_BR:
    g_string_append (rb->text, "\u2028");   /* a line break inside the paragraph */
    return;
  case MODEL_INLINE_FIG: {
    g_autofree char *s = inl->figure ? text_format_figure (inl->figure, rb->lang) : NULL;
    if (s && !rb->chinese && at_sentence_start (rb->text))
      capitalize_first (&s);   /* "Mehr als 860 Teilnehmende kamen." */
    put_atom_spaced (rb, s ? s : "", TRUE);
    return;
  }
  case MODEL_INLINE_DATE: {
    g_autofree char *s = text_format_date (inl->arg, rb->lang, NULL);
    put_atom_spaced (rb, s ? s : inl->arg, TRUE);
    return;
  }
  case MODEL_INLINE_Q:
    g_string_append (rb->text, text_quote_open (rb->lang, rb->quote_depth));
    rb->quote_depth++;
    append_inlines (rb, inl->children);
    rb->quote_depth--;
    g_string_append (rb->text, text_quote_close (rb->lang, rb->quote_depth));
    return;
  case MODEL_INLINE_EM:
    append_inlines (rb, inl->children);
    add_attr (rb, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
    return;
  case MODEL_INLINE_STRONG:
    append_inlines (rb, inl->children);
    add_attr (rb, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
    return;
  case MODEL_INLINE_NAME:
    rb->no_hyphens++;
    append_inlines (rb, inl->children);
    rb->no_hyphens--;
    bind_spaces (rb, start);
    return;
  case MODEL_INLINE_A: {
    rb->no_hyphens++;
    append_inlines (rb, inl->children);
    rb->no_hyphens--;
    if (rb->text->len == start && inl->arg)   /* an empty link shows its address */
      g_string_append (rb->text, inl->arg);
    add_attr (rb, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start);
    if (rb->links && inl->arg) {
      TextLink link = { (int) start, (int) rb->text->len, g_strdup (inl->arg) };
      g_array_append_val (rb->links, link);
    }
    return;
  }
  }
}

static void
append_inlines (RunBuilder *rb, const GPtrArray *inlines)
{
  for (guint i = 0; inlines && i < inlines->len; i++)
    append_inline (rb, g_ptr_array_index (inlines, i));
}

static void
link_clear (gpointer p)
{
  g_free (((TextLink *) p)->href);
}

TextRun *
text_run_from_variant (const ModelVariant *variant, const char *lang,
                       const StyleComputed *style)
{
  /* a variant shown in another language's place (a missing translation)
   * keeps its own language: its figures, quotes and hyphens are its own */
  if (variant && variant->lang)
    lang = variant->lang;
  TextRun *run = g_new0 (TextRun, 1);
  RunBuilder rb = {
    .text = g_string_new (NULL),
    .attrs = pango_attr_list_new (),
    .links = g_array_new (FALSE, FALSE, sizeof (TextLink)),
    .lang = lang,
    .chinese = model_lang_is_chinese (lang),
    .hyphens = style ? style->hyphens : STYLE_HYPHENS_MANUAL,
  };
  if (rb.hyphens == STYLE_HYPHENS_AUTO)
    rb.hyphenator = text_hyphenator_get (lang);
  g_array_set_clear_func (rb.links, link_clear);
  if (variant)
    append_inlines (&rb, variant->inlines);
  PangoAttribute *la = pango_attr_language_new (pango_language_from_string (lang));
  la->start_index = 0;
  la->end_index = G_MAXUINT;
  pango_attr_list_insert_before (rb.attrs, la);
  run->text = g_string_free (rb.text, FALSE);
  run->attrs = rb.attrs;
  run->links = rb.links;
  return run;
}

char *
text_variant_plain (const ModelVariant *variant, const char *lang)
{
  if (variant && variant->lang)
    lang = variant->lang;   /* as text_run_from_variant */
  /* no soft hyphens in titles, bookmarks, metadata */
  RunBuilder rb = { .text = g_string_new (NULL), .lang = lang, .hyphens = STYLE_HYPHENS_NONE };
  if (variant)
    append_inlines (&rb, variant->inlines);
  /* a line break reads as a space in a title or bookmark */
  g_autofree char *s = g_string_free (rb.text, FALSE);
  g_auto (GStrv) parts = g_strsplit (s, "\u2028", -1);
  return g_strjoinv (" ", parts);
}

/* The author's words on a made line: a quarter em where Han meets a Latin
 * letter or digit, whatever the line's language (a bilingual running head
 * is one run in the first language), held by word joiners where a digit
 * meets Han ("2026 年 9 月 17 日" stays whole, as a date in running text
 * does); "Katrin Behrens 博士" may still break at its gap. Nothing else
 * changes: no hyphens, no other spaces. */
static void
put_words (RunBuilder *rb, const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gunichar prev = last_char (rb->text);
    if (han_meets_latin (prev, c))
      g_string_append (rb->text, g_unichar_isdigit (prev) || g_unichar_isdigit (c)
                                   ? WORD_JOINER QUARTER_EM WORD_JOINER : QUARTER_EM);
    g_string_append_unichar (rb->text, c);
  }
}

/* What a made run holds: how its text is put. */
typedef enum {
  MADE_PLAIN,                 /* as it is (a marker, a number, a label) */
  MADE_FIGURE,                /* a figure, spaced as in running text */
  MADE_WORDS,                 /* the author's words (put_words) */
} MadeKind;

static TextRun *
made_run (const char *text, const char *lang, MadeKind kind)
{
  TextRun *run = g_new0 (TextRun, 1);
  RunBuilder rb = { .text = g_string_new (NULL), .lang = lang,
                    .chinese = model_lang_is_chinese (lang) };
  if (kind == MADE_WORDS)
    put_words (&rb, text);
  else
    put_atom_spaced (&rb, text, kind == MADE_FIGURE);
  run->text = g_string_free (rb.text, FALSE);
  run->attrs = pango_attr_list_new ();
  PangoAttribute *la = pango_attr_language_new (pango_language_from_string (lang));
  la->start_index = 0;
  la->end_index = G_MAXUINT;
  pango_attr_list_insert (run->attrs, la);
  run->links = g_array_new (FALSE, FALSE, sizeof (TextLink));
  g_array_set_clear_func (run->links, link_clear);
  return run;
}

TextRun *
text_run_new_plain (const char *text, const char *lang)
{
  /* made text (labels, markers, numbers): set as it is, without hyphens or
   * Han-Latin spaces inside it */
  return made_run (text, lang, MADE_PLAIN);
}

TextRun *
text_run_new_words (const char *text, const char *lang)
{
  return made_run (text, lang, MADE_WORDS);
}

TextRun *
text_run_new_figure (const char *text, const char *lang)
{
  /* a figure as running text spaces it ("逾 42 亿美元", "22.2 亿"), held
   * together by word joiners: the same in tiles and charts as in the text */
  return made_run (text, lang, MADE_FIGURE);
}

void
text_run_free (TextRun *run)
{
  if (!run)
    return;
  g_free (run->text);
  pango_attr_list_unref (run->attrs);
  g_array_unref (run->links);
  g_free (run);
}
