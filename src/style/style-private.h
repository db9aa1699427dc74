/* style-private.h — what the files of src/style share: properties and their
 * specified values, declarations, selectors, rules and the sheet.
 *
 * A declaration is parsed once, at load, into specified values of
 * longhands (shorthands are expanded then). A declaration that uses var()
 * keeps its text and is parsed again after substitution, at compute time;
 * at load it is checked once with the custom properties of :root/dossier. */
#pragma once

/* font-size: medium, the initial size (pt) */
#define MEDIUM_PT 10.0

#include <glib.h>
#include "common/diag.h"
#include "style/style.h"
#include "style/tokenizer-private.h"

G_BEGIN_DECLS

/* ---- properties ------------------------------------------------------------ */

/* The properties, in the order of property-table.h: longhands, then
 * shorthands. */
typedef enum {
#define LONGHAND(ID, ...) P_##ID,
#include "style/property-table.h"
  P_N_LONGHANDS,
  P__BEFORE_SHORTHANDS = P_N_LONGHANDS - 1,
#define SHORTHAND(ID, ...) P_##ID,
#define LONGHAND(...)
#include "style/property-table.h"
  P_N_PROPS,
} StyleProp;

/* Where a property may stand. */
enum {
  STYLE_CTX_RULE = 1 << 0,    /* element rules */
  STYLE_CTX_PAGE = 1 << 1,    /* @page { … } */
  STYLE_CTX_MBOX = 1 << 2,    /* @top-left { … } … */
};

/* A keyword of a property's value and the number it stands for (an enum of
 * style.h); a table ends with { NULL, 0 }. The first name of a number is
 * the one --explain shows. */
typedef struct { const char *name; int value; } StyleKeyword;

/* How a specified value becomes the field(s) of StyleComputed (computed.c). */
typedef enum {
  STYLE_COMPUTE_NONE,         /* not in StyleComputed (content, size) */
  STYLE_COMPUTE_IVAL,         /* int field = the keyword's or integer's value */
  STYLE_COMPUTE_LENGTH,       /* double field, pt; em of the font size, % of 0 */
  STYLE_COMPUTE_LENGTH_FS,    /* the same, % of the font size */
  STYLE_COMPUTE_NUMBER,       /* double field = the number */
  STYLE_COMPUTE_COLOR,        /* StyleColor field; currentcolor = color */
  STYLE_COMPUTE_STR,          /* char * field (owned by the computed style) */
  STYLE_COMPUTE_COLOR_PROP,   /* color: currentcolor = the parent's */
  STYLE_COMPUTE_FONT_SIZE,    /* em, %, larger, smaller of the parent's size */
  STYLE_COMPUTE_FONT_WEIGHT,  /* bolder, lighter of the parent's weight */
  STYLE_COMPUTE_LINE_HEIGHT,  /* a number (kept apart, inherited as such) or a length */
  STYLE_COMPUTE_PALETTE,      /* palette + n_palette */
  STYLE_COMPUTE_HYPHENATE_LIMIT,  /* int[3] from a byte each of ival; 0: auto */
} StyleComputeKind;

typedef struct {
  const char *name;
  StyleProp prop;
  gboolean inherited;
  guint contexts;
  const char *expected;       /* for "invalid value" messages */
  StyleComputeKind compute;
  const StyleKeyword *keywords;   /* NULL: not a keyword property */
  /* the field(s) of StyleComputed it sets; size 0: none */
  gsize offset, size, offset2, size2;
} StylePropInfo;

typedef enum {
  SV_INHERIT, SV_INITIAL, SV_UNSET,   /* CSS-wide keywords */
  SV_LENGTH,                  /* num in unit */
  SV_NUMBER,                  /* num */
  SV_INT,                     /* ival */
  SV_KEYWORD,                 /* ival: an enum of the property */
  SV_COLOR,                   /* color */
  SV_CURRENTCOLOR,
  SV_STRING,                  /* str */
  SV_PALETTE,                 /* colors */
  SV_CONTENT,                 /* content: of StyleContentItem* */
  SV_SIZE,                    /* num × num2 pt */
  SV_NONE,
} StyleSpecKind;

typedef enum {
  U_PT, U_EM, U_PCT,
  /* font-size keywords that depend on the parent */
  U_LARGER, U_SMALLER,
  /* font-weight relative keywords */
  U_BOLDER, U_LIGHTER,
} StyleUnit;

typedef struct {
  StyleSpecKind kind;
  StyleUnit unit;
  int ival;
  double num, num2;
  StyleColor color;
  char *str;
  GArray *colors;             /* of StyleColor */
  GPtrArray *content;         /* of StyleContentItem* */
} StyleSpecValue;

typedef struct {
  StyleProp prop;             /* a longhand */
  StyleSpecValue v;
} StyleLonghandValue;

/* keyword values stored in SV_KEYWORD.ival where no public enum exists */
enum { STYLE_DISPLAY_BLOCK, STYLE_DISPLAY_NONE };

const StylePropInfo *style_prop_lookup (const char *name);
const StylePropInfo *style_prop_info (StyleProp prop);
/* Longhands a shorthand sets (a longhand: itself); returns their number
 * (property-shorthand.c). */
guint style_prop_longhands (StyleProp prop, StyleProp out[12]);
/* The first keyword of a keyword property that stands for value, or NULL. */
const char *style_prop_keyword_name (const StylePropInfo *info, int value);
/* The keyword of info closest to word, or NULL (none close, or no keywords). */
const char *style_prop_keyword_suggest (const StylePropInfo *info, const char *word);
/* The closest known property name to name, or NULL. */
const char *style_prop_suggest (const char *name);
/* TRUE if name is a CSS property that dossier does not support. */
gboolean style_prop_is_unsupported_css (const char *name);

/* Cursor over the tokens of a value, whitespace removed (ws[i] says whether
 * whitespace preceded token i). */
typedef struct {
  const StyleToken **toks;
  gboolean *ws;
  guint n;
  guint i;
} StyleValueCursor;

/* Builds a cursor over tokens [first, last) of src; free with _clear. */
void style_value_cursor_init (StyleValueCursor *c, const StyleTokens *src,
                              guint first, guint last);
void style_value_cursor_clear (StyleValueCursor *c);

/* The token at the cursor, or NULL at the end. */
static inline const StyleToken *
style_value_cursor_peek (const StyleValueCursor *c)
{
  return c->i < c->n ? c->toks[c->i] : NULL;
}

/* Whether the token at the cursor is the identifier name (any case). */
static inline gboolean
style_value_cursor_is_ident (const StyleValueCursor *c, const char *name)
{
  const StyleToken *t = style_value_cursor_peek (c);
  return t && t->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (t->value, name) == 0;
}

/* Parses the value of prop (longhand or shorthand) into longhand values
 * appended to out. On failure returns FALSE with c->i at the offending
 * token and *expected set. CSS-wide keywords are handled here too. */
gboolean style_prop_parse (StyleProp prop, StyleValueCursor *c, GArray *out,
                           const char **expected);
/* The same, also collecting the families font-family / font name (of
 * StyleFamilyUse*, without file) into uses. */
gboolean style_prop_parse_with_uses (StyleProp prop, StyleValueCursor *c, GArray *out,
                                     const char **expected, GPtrArray *uses);
/* One longhand's value, by its parser in the table (property-parse.c). */
gboolean style_longhand_parse (StyleProp prop, StyleValueCursor *c, StyleSpecValue *v,
                               GPtrArray *uses);
/* A shorthand's value into the values of its longhands, appended to out
 * (property-shorthand.c). */
gboolean style_shorthand_parse (StyleProp prop, StyleValueCursor *c, GArray *out,
                                GPtrArray *uses);
/* The values of page properties (property-page.c), for the parsers' table. */
gboolean style_parse_page_name (StyleValueCursor *c, StyleSpecValue *v);
gboolean style_parse_string_set (StyleValueCursor *c, StyleSpecValue *v);
gboolean style_parse_content (StyleValueCursor *c, StyleSpecValue *v);
/* Frees a StyleContentItem: for arrays of them (property-page.c). */
void style_content_item_free (gpointer item);
gboolean style_parse_page_size (StyleValueCursor *c, StyleSpecValue *v);
/* @page's bleed (auto: SV_INITIAL, or a length) and marks (SV_INT: a set
 * of StylePageMarks) (page.c). */
gboolean style_page_parse_bleed (StyleValueCursor *c, StyleSpecValue *v);
gboolean style_page_parse_marks (StyleValueCursor *c, StyleSpecValue *v);
void style_spec_value_clear (StyleSpecValue *v);
/* Appends (prop, v) to out (of StyleLonghandValue); out owns v's contents then. */
void style_longhand_value_push (GArray *out, StyleProp prop, const StyleSpecValue *v);
void style_longhand_value_array_free (GArray *values);

/* ---- values ------------------------------------------------------------------ */

gboolean style_color_parse (StyleValueCursor *c, StyleColor *out, gboolean *current);
gboolean style_color_from_name (const char *name, StyleColor *out);
/* Frees a StyleFamilyUse (declaration.c): for arrays of them. */
void style_family_use_free (gpointer use);
/* Length in the usual units; pt/em/% kept apart (U_PT for absolute units). */
gboolean style_length_parse (StyleValueCursor *c, gboolean allow_pct,
                             gboolean allow_unitless_number, StyleSpecValue *out);
gboolean style_unit_to_pt (const char *unit, double *factor);
int style_edit_distance (const char *a, const char *b);
/* The closest of candidates (NULL-terminated) to word, or NULL. */
const char *style_suggest (const char *word, const char *const *candidates);

/* ---- declarations, selectors, rules ------------------------------------------ */

typedef struct {
  StyleProp prop;             /* meaningless when custom_name is set */
  char *custom_name;          /* "--x" for custom properties */
  gboolean important;
  gboolean has_var;
  char *raw;                  /* value text (custom properties, values with var()) */
  char *text;                 /* the value as written (for --explain) */
  GArray *values;             /* of StyleLonghandValue (when !has_var and !custom) */
  const char *file;           /* interned in the sheet */
  int line, column;           /* of the value's first token */
  int name_line, name_column;
  guint contexts;             /* where it stands (STYLE_CTX_*) */
} StyleDecl;

void style_decl_free (StyleDecl *d);

typedef enum { STYLE_COMB_NONE, STYLE_COMB_DESCENDANT, STYLE_COMB_CHILD } StyleCombinator;

typedef struct {
  int type;                   /* element index, -1 = any */
  char *id;
  char **classes;             /* NULL-terminated, or NULL */
  char **langs;               /* :lang() arguments, lower case */
  gboolean root;
  StyleCombinator combinator; /* relation to the next compound to the left */
} StyleCompound;

typedef struct _StyleRule StyleRule;

typedef struct {
  GArray *compounds;          /* of StyleCompound, [0] = rightmost */
  guint specificity;          /* a << 20 | b << 10 | c */
  StyleRule *rule;
  char *text;                 /* as written (whitespace runs as one space), for --explain */
} StyleSelector;

struct _StyleRule {
  GPtrArray *selectors;       /* of StyleSelector* */
  GPtrArray *decls;           /* of StyleDecl* */
  guint order;
};

/* An element name of the input format or a presentational part, or -1. */
int style_element_index (const char *name);
const char *style_element_name (int index);
const char *const *style_element_names (void);

/* Parses a selector list from tokens [first, last) of src. Reports the first
 * problem of the list (unknown element, pseudo-class, combinator …) and
 * returns NULL: CSS drops the whole rule then. */
GPtrArray *style_selector_list_parse (const StyleTokens *src, guint first, guint last,
                                      DiagList *diags);
void style_selector_free (StyleSelector *sel);
gboolean style_selector_matches (const StyleSelector *sel, const StyleNode *node);

/* ---- @page ----------------------------------------------------------------- */

typedef struct {
  gboolean first, left, right, blank;
  char *name;                 /* @page NAME; NULL: any page */
  guint specificity;          /* a name > :first, :blank > :left/:right > plain */
  guint order;
  GPtrArray *decls;           /* of StyleDecl*: size, margin, text properties */
  GPtrArray *box_decls[STYLE_N_MARGIN_BOXES];  /* of StyleDecl*, or NULL */
} StylePageRule;

void style_page_rule_free (StylePageRule *rule);
/* For sorting @page rules into cascade order: specificity, then order. */
int style_page_rule_cmp (gconstpointer a, gconstpointer b);

/* ---- the sheet ----------------------------------------------------------------- */

struct _StyleSheet {
  GPtrArray *rules;           /* of StyleRule*, in order (imports first) */
  GPtrArray *page_rules;      /* of StylePageRule* */
  GPtrArray *families;        /* of StyleFamilyUse* */
  GHashTable *files;          /* interned file name → its rank (order first read) + 1 */
  guint next_order;

  /* rule index by the rightmost compound */
  GHashTable *by_id;          /* id → GPtrArray of StyleSelector* */
  GHashTable *selector_ids;   /* every id a selector names, in any compound (a set) */
  GHashTable *by_class;
  GPtrArray **by_type;        /* element index → GPtrArray or NULL */
  GPtrArray *universal;
  gboolean uses_lang;         /* some selector has :lang() */

  /* custom properties of :root / dossier, for checking values with var() */
  GHashTable *root_vars;

  /* while loading: where @imports may reach (NULL: anywhere) */
  const StyleLoadRules *load_rules;

  /* --explain: told of every node styled (style_sheet_observe) */
  StyleObserveFunc observer;
  gpointer observer_data;

  /* style_compute() results, keyed by node chain + inherited parent values */
  GMutex cache_lock;
  GHashTable *cache;
};

/* Parses css (from file; import_stack: the files being read, for cycles)
 * into sheet (parser.c, with declaration.c and at-rule.c). */
gboolean style_sheet_parse_text (StyleSheet *sheet, const char *css, gsize len,
                                 const char *file, DiagList *diags, GPtrArray *import_stack);
void style_rule_free (StyleRule *rule);
/* Adds the families of uses (of StyleFamilyUse*) the sheet does not list
 * yet, taking them out of uses; file: where they were named (sheet.c). */
void style_sheet_add_families (StyleSheet *sheet, GPtrArray *uses, const char *file);
/* Interned file name (lives as long as the sheet). */
const char *style_sheet_intern_file (StyleSheet *sheet, const char *file);
/* Builds the index; called once the rules are complete. */
void style_sheet_index (StyleSheet *sheet);
/* Checks every declaration that uses var() against root_vars. */
void style_sheet_check_vars (StyleSheet *sheet, DiagList *diags);
/* Page sizes and margins that cannot be typeset: errors at their declaration
 * (file names the sheet for the defaults). */
void style_sheet_check_pages (StyleSheet *sheet, const char *file, DiagList *diags);

/* ---- computing -------------------------------------------------------------------- */

/* Replaces var() in text using vars (name → text, NULL = none); returns
 * NULL when a var() has neither a value nor a fallback (*missing set to its
 * name when missing is not NULL). */
/* The longest text a var() substitution may produce: 64 KiB. Real values (a
 * font list, a content string) are well under 1 KiB; browsers cap it too
 * (Chromium at 2 MiB), and each element repeats the work, so keep it small. */
#define STYLE_VAR_MAX_BYTES 65536

char *style_substitute_vars (const char *text, GHashTable *vars, char **missing);
/* Parses text as the value of prop (after substitution). */
GArray *style_parse_value_text (StyleProp prop, const char *text, const char **expected,
                                char **bad_token);
/* The same, collecting the families named (of StyleFamilyUse*) into uses. */
GArray *style_parse_value_text_full (StyleProp prop, const char *text, const char **expected,
                                     char **bad_token, GPtrArray *uses);

/* The initial values (static, never freed). */
const StyleComputed *style_computed_initial (void);
/* Sets one longhand of cs from a specified value (parent may be NULL). */
void style_apply_value (StyleComputed *cs, const StyleComputed *parent,
                        StyleProp prop, const StyleSpecValue *v);
/* Sets what depends on several values (line-height number, border
 * widths of style none, currentcolor borders). */
void style_computed_finish (StyleComputed *cs);
/* Copies the field(s) of longhand prop from src to dst (no string copies). */
void style_copy_field (StyleComputed *dst, const StyleComputed *src, StyleProp prop);
/* Fills slots (one per longhand, NULL = not specified) from declarations
 * in cascade order (later wins), substituting var() from vars; values made
 * by substitution are kept in temps (of GArray*, freed with
 * style_longhand_value_array_free). */
void style_collect_specified (GPtrArray *ordered_decls, GHashTable *vars,
                              const StyleSpecValue **slots, GPtrArray *temps);
/* The declarations that apply to node, in cascade order (normal ones by
 * specificity and order, then !important ones); selectors (may be NULL)
 * gets the selector through which each matched, in step. */
GPtrArray *style_matched_decls (const StyleSheet *sheet, const StyleNode *node,
                                GPtrArray *selectors);
/* The computed style of node, not remembered (style_compute remembers it). */
StyleComputed *style_cascade_compute (const StyleSheet *sheet, const StyleNode *node,
                                      const StyleComputed *parent);
/* The custom properties of an element: parent's, overridden by decls' (vars.c). */
GHashTable *style_custom_compute (GPtrArray *decls, GHashTable *parent);
/* The cache of style_compute() results (cache.c). */
GHashTable *style_cache_new (void);
/* Replaces the string fields of cs (compute STR) with copies of their own. */
void style_computed_own_strings (StyleComputed *cs);
/* Computes a style from specified values; parent gives inherited values
 * (NULL: initial ones). The result holds its own copies and a ref on vars. */
StyleComputed *style_compute_from_slots (const StyleSpecValue *const *slots,
                                         const StyleComputed *parent, GHashTable *vars);

G_END_DECLS
