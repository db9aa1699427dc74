/* precheck.c — the input's own messages for the mistakes authors make most,
 * before the RELAX NG schema sees the file.
 *
 * libxml2's validator answers a misspelt unit with "Element figure failed
 * to validate attributes" and a cascade of follow-up lines. Here one table
 * says, per attribute, what form its value takes; each element name and
 * attribute value is checked against it, and a mistake gets one message
 * naming the value and what would be right (did you mean …?). When this
 * finds anything, the schema is not run: its messages would only repeat it.
 * The schema stays the full check for everything else. */
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include "model/model-private.h"

typedef enum {
  V_NUMBER, V_UNIT, V_QUALIFIER, V_DATE, V_TIME, V_YEAR, V_BOOL, V_ENUM,
} ValueKind;

typedef struct {
  const char *element;        /* NULL: any element */
  const char *attr;
  ValueKind kind;
  const char *const *choices; /* V_ENUM */
  const char *what;           /* "chart types", for the message */
} AttrRule;

static const char *const chart_types[] = { "bar", "column", "line", "donut", NULL };
static const char *const session_kinds[] = { "plenary", "forum", "signing", "other", NULL };
static const char *const list_kinds[] = { "bullet", "ordered", NULL };

static const AttrRule rules[] = {
  { "figure", "value", V_NUMBER, NULL, NULL },
  { "point", "value", V_NUMBER, NULL, NULL },
  { NULL, "unit", V_UNIT, NULL, NULL },
  { NULL, "qualifier", V_QUALIFIER, NULL, NULL },
  { "date", "when", V_DATE, NULL, NULL },
  { "session", "start", V_TIME, NULL, NULL },
  { "session", "end", V_TIME, NULL, NULL },
  { "figure", "year", V_YEAR, NULL, NULL },
  { NULL, "illustrative", V_BOOL, NULL, NULL },
  { "row", "head", V_BOOL, NULL, NULL },
  { "chart", "type", V_ENUM, chart_types, "chart types" },
  { "session", "kind", V_ENUM, session_kinds, "session kinds" },
  { "list", "kind", V_ENUM, list_kinds, "list kinds" },
};

/* Words authors write for a unit or qualifier, and the value meant. */
static const char *const synonyms[][2] = {
  { "euro", "EUR" }, { "euros", "EUR" }, { "€", "EUR" }, { "eur", "EUR" },
  { "dollar", "USD" }, { "dollars", "USD" }, { "us-dollar", "USD" }, { "$", "USD" },
  { "usd", "USD" }, { "yuan", "CNY" }, { "rmb", "CNY" }, { "renminbi", "CNY" },
  { "cny", "CNY" }, { "%", "percent" }, { "pct", "percent" }, { "prozent", "percent" },
  { "number", "count" }, { "anzahl", "count" },
  { "approximately", "about" }, { "approx", "about" }, { "circa", "about" },
  { "ca.", "about" }, { "around", "about" }, { "rund", "about" },
  { "over", "more-than" }, { "above", "more-than" }, { "more", "more-than" },
  { "morethan", "more-than" }, { "more_than", "more-than" },
  { "under", "less-than" }, { "below", "less-than" }, { "less", "less-than" },
  { "lessthan", "less-than" }, { "less_than", "less-than" },
};

static const char *const units[] = { "count", "percent", "EUR", "USD", "CNY", NULL };
static const char *const qualifiers[] = { "more-than", "about", "less-than", NULL };

/* The element names of input format v1 (the schema's), for did-you-mean. */
static const char *const elements[] = {
  "a", "author", "br", "caption", "cell", "chart", "data", "date", "dossier", "em", "facts",
  "fig", "figure", "heading", "include", "item", "keywords", "label", "list", "meta", "name",
  "note", "org", "organisations", "organizer", "p", "pack", "people", "person", "place",
  "point", "programme", "q", "quote", "role", "row", "section", "series", "session",
  "source", "strong", "subtitle", "t", "table", "title", NULL,
};

static int
edit_distance (const char *a, const char *b)
{
  int la = (int) strlen (a), lb = (int) strlen (b);
  if (abs (la - lb) > 3)
    return 99;
  g_autofree int *row = g_new (int, lb + 1);
  for (int j = 0; j <= lb; j++)
    row[j] = j;
  for (int i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = i;
    for (int j = 1; j <= lb; j++) {
      int up = row[j];
      int cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
      row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
      diag = up;
    }
  }
  return row[lb];
}

/* The closest of choices to word (about a third of it wrong at most), or NULL. */
static const char *
closest (const char *word, const char *const *choices)
{
  const char *best = NULL;
  int len = (int) strlen (word);
  int best_d = (len <= 4 ? 1 : len / 3 + 1) + 1;   /* a short word: one slip only */
  for (const char *const *c = choices; *c; c++) {
    int d = edit_distance (word, *c);
    if (d < best_d) {
      best = *c;
      best_d = d;
    }
  }
  return best;
}

static const char *
synonym (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_ascii_strcasecmp (word, synonyms[i][0]) == 0)
      return synonyms[i][1];
  return NULL;
}

static gboolean
is_number (const char *v)
{
  /* the schema's form: no spaces, no hex, no inf or nan */
  if (!*v || strpbrk (v, " \t\n\rxXiInN"))
    return FALSE;
  char *end;
  g_ascii_strtod (v, &end);
  return *end == '\0';
}

static gboolean
is_date (const char *v)
{
  int y, m, d;
  char tail;
  if (strlen (v) != 10 || sscanf (v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || v[4] != '-' ||
      v[7] != '-')
    return FALSE;
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
is_time (const char *v)
{
  return strlen (v) == 5 && g_ascii_isdigit (v[0]) && g_ascii_isdigit (v[1]) && v[2] == ':' &&
         g_ascii_isdigit (v[3]) && g_ascii_isdigit (v[4]) && atoi (v) <= 23 && atoi (v + 3) <= 59;
}

static gboolean
in_list (const char *v, const char *const *list)
{
  for (const char *const *c = list; *c; c++)
    if (strcmp (v, *c) == 0)
      return TRUE;
  return FALSE;
}

static void
report (ModelSource *ms, const xmlNode *n, const char *attr, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);

static void
report (ModelSource *ms, const xmlNode *n, const char *attr, const char *fmt, ...)
{
  int line, column;
  model_source_locate_attr (ms, n, attr, &line, &column);
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  diag_error (ms->diags, ms->file, line, column, "%s", msg);
}

/* The value's mistake said, or nothing when it is right. */
static void
check_value (ModelSource *ms, const xmlNode *n, const AttrRule *r, const char *v)
{
  const char *e = (const char *) n->name, *a = r->attr;
  switch (r->kind) {
  case V_NUMBER:
    if (is_number (v))
      return;
    if (strchr (v, ',') && !strchr (v, '.')) {
      g_autofree char *fixed = g_strdup (v);
      g_strdelimit (fixed, ",", '.');
      if (is_number (fixed)) {
        report (ms, n, a, "<%s %s=\"%s\">: not a number: write %s (a point, not a comma)", e,
                a, v, fixed);
        return;
      }
    }
    report (ms, n, a, "<%s %s=\"%s\">: not a number: write digits with a decimal point and "
            "an optional exponent, as 1350000000, 1.35e9 or -2.5", e, a, v);
    return;
  case V_UNIT: {
    if (strcmp (v, "count") == 0 || strcmp (v, "percent") == 0 ||
        (strlen (v) == 3 && g_ascii_isupper (v[0]) && g_ascii_isupper (v[1]) &&
         g_ascii_isupper (v[2])))
      return;
    const char *s = synonym (v);
    if (!s)
      s = closest (v, units);
    report (ms, n, a, "<%s unit=\"%s\">: not a unit%s%s%s: units are count, percent or an ISO "
            "4217 currency code (EUR, USD, CNY …)", e, v, s ? ", did you mean \"" : "",
            s ? s : "", s ? "\"?" : "");
    return;
  }
  case V_QUALIFIER: {
    if (in_list (v, qualifiers))
      return;
    const char *s = synonym (v);
    if (!s)
      s = closest (v, qualifiers);
    report (ms, n, a, "<%s qualifier=\"%s\">: not a qualifier%s%s%s: qualifiers are more-than, "
            "about, less-than", e, v, s ? ", did you mean \"" : "", s ? s : "", s ? "\"?" : "");
    return;
  }
  case V_DATE:
    if (!is_date (v))
      report (ms, n, a, "<%s %s=\"%s\">: not a date: write YYYY-MM-DD, a day that exists "
              "(2026-03-02)", e, a, v);
    return;
  case V_TIME:
    if (!is_time (v))
      report (ms, n, a, "<%s %s=\"%s\">: not a time: write HH:MM, 00:00 to 23:59 (09:30)", e, a,
              v);
    return;
  case V_YEAR:
    if (strlen (v) != 4 || strspn (v, "0123456789") != 4)
      report (ms, n, a, "<%s year=\"%s\">: not a year: write four digits (2025)", e, v);
    return;
  case V_BOOL:
    if (strcmp (v, "true") != 0 && strcmp (v, "false") != 0)
      report (ms, n, a, "<%s %s=\"%s\">: write true or false", e, a, v);
    return;
  case V_ENUM: {
    if (in_list (v, r->choices))
      return;
    g_autofree char *all = g_strjoinv (", ", (char **) r->choices);
    const char *s = closest (v, r->choices);
    report (ms, n, a, "<%s %s=\"%s\">: %s%s%s%s are %s", e, a, v, s ? "did you mean \"" : "",
            s ? s : "", s ? "\"? " : "", r->what, all);
    return;
  }
  }
}

/* A processing instruction (<?xml-stylesheet …?>, <?php …?>) means nothing to
 * dossier: it is skipped, with a warning at its place naming its target. */
static void
warn_pi (ModelSource *ms, const xmlNode *n)
{
  int line = (int) xmlGetLineNo (n), column = 1;
  g_autofree char *open = g_strdup_printf ("<?%s", (const char *) n->name);
  const char *p = ms->src, *end = ms->src + ms->len;
  for (int l = 1; l < line && p < end; p++)
    if (*p == '\n')
      l++;
  const char *eol = memchr (p, '\n', (gsize) (end - p));
  const char *hit = g_strstr_len (p, (eol ? eol : end) - p, open);
  if (hit)
    column = model_source_column (ms, line, (gsize) (hit - ms->src));
  diag_warning (ms->diags, ms->file, line, column,
                "processing instruction <?%s …?> ignored: input format v1 has none (the text "
                "around it is kept whole)", (const char *) n->name);
}

static void
check_element (ModelSource *ms, const xmlNode *n, guint *found)
{
  const char *name = (const char *) n->name;
  if (n->ns != NULL) {
    int line, column;
    model_source_locate (ms, n, &line, &column);
    gboolean xinclude = n->ns->href && strstr ((const char *) n->ns->href, "XInclude");
    diag_error (ms->diags, ms->file, line, column,
                "<%s%s%s>: %s", n->ns->prefix ? (const char *) n->ns->prefix : "",
                n->ns->prefix ? ":" : "", name,
                xinclude ? "XInclude is not part of input format v1 (nothing is included): put "
                           "the content in this file, or make a pack of several dossiers"
                         : "elements in a namespace are not part of input format v1");
    (*found)++;
    return;
  }
  if (!in_list (name, elements)) {
    int line, column;
    model_source_locate (ms, n, &line, &column);
    const char *s = closest (name, elements);
    diag_error (ms->diags, ms->file, line, column,
                "<%s> is not an element of input format v1%s%s%s", name,
                s ? ": did you mean <" : "", s ? s : "", s ? ">?" : "");
    (*found)++;
    return;
  }
  for (const xmlAttr *at = n->properties; at; at = at->next) {
    if (at->ns)
      continue;
    for (guint i = 0; i < G_N_ELEMENTS (rules); i++) {
      const AttrRule *r = &rules[i];
      if (strcmp (r->attr, (const char *) at->name) != 0 ||
          (r->element && strcmp (r->element, name) != 0))
        continue;
      xmlChar *v = xmlNodeListGetString (n->doc, at->children, 1);
      guint before = diag_list_count_errors (ms->diags, FALSE);
      check_value (ms, n, r, v ? (const char *) v : "");
      *found += diag_list_count_errors (ms->diags, FALSE) - before;
      xmlFree (v);
      break;
    }
  }
}

gboolean
model_precheck (ModelSource *ms, xmlNode *root)
{
  guint found = 0;
  /* iterative: the depth limit is checked before, but keep the stack flat */
  for (xmlNode *n = root->doc ? root->doc->children : NULL; n; n = n->next)
    if (n->type == XML_PI_NODE)
      warn_pi (ms, n);
  for (xmlNode *n = root; n;) {
    if (n->type == XML_ELEMENT_NODE)
      check_element (ms, n, &found);
    else if (n->type == XML_PI_NODE)
      warn_pi (ms, n);
    if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n && !n->next && n != root)
      n = n->parent;
    if (!n || n == root)
      break;
    n = n->next;
  }
  return found == 0;
}
