/* page.c — @page rules for one page: size, margins, the six margin
 * boxes, and for print production the page's background, bleed and marks
 * (CSS Paged Media §7: the bleed is the area past the trim that the page's
 * background runs into; crop marks and registration crosses are drawn
 * outside it). Rules cascade as CSS Paged Media says: :first is more specific
 * than :left/:right, which are more specific than a plain @page; then
 * source order; !important above all. Page 1 is a right page, so left
 * pages are the even ones. */
#include "style/style-private.h"

#include <math.h>
#include <string.h>

#define DEFAULT_PAGE_MARGIN (20 * 72 / 25.4)

int
style_page_rule_cmp (gconstpointer a, gconstpointer b)
{
  const StylePageRule *x = *(StylePageRule *const *) a, *y = *(StylePageRule *const *) b;
  if (x->specificity != y->specificity)
    return x->specificity < y->specificity ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Declarations of the matching rules (decls, or box_decls[box] when box
 * >= 0) in cascade order. */
static GPtrArray *
ordered_decls (GPtrArray *rules, int box)
{
  GPtrArray *out = g_ptr_array_new ();
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < rules->len; r++) {
      const StylePageRule *rule = rules->pdata[r];
      GPtrArray *decls = box < 0 ? rule->decls : rule->box_decls[box];
      if (!decls)
        continue;
      for (guint k = 0; k < decls->len; k++) {
        StyleDecl *d = decls->pdata[k];
        if (d->important == (pass == 1))
          g_ptr_array_add (out, d);
      }
    }
  return out;
}

static GPtrArray *
content_copy (const GPtrArray *items)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (style_content_item_free);
  for (guint k = 0; k < items->len; k++) {
    const StyleContentItem *item = items->pdata[k];
    StyleContentItem *c = g_new0 (StyleContentItem, 1);
    c->kind = item->kind;
    c->text = g_strdup (item->text);
    g_ptr_array_add (copy, c);
  }
  return copy;
}

/* Whether rule applies to the page sel says. */
static gboolean
rule_matches (const StylePageRule *rule, const StylePageSelect *sel)
{
  gboolean left = sel->number % 2 == 0;
  if ((rule->first && !sel->first) || (rule->blank && !sel->blank) || (rule->left && !left)
      || (rule->right && left))
    return FALSE;
  return !rule->name || (sel->name && strcmp (rule->name, sel->name) == 0);
}

/* The rules for the page sel says, in cascade order. */
static GPtrArray *
matching_rules (const StyleSheet *sheet, const StylePageSelect *sel)
{
  GPtrArray *rules = g_ptr_array_new ();
  for (guint r = 0; r < sheet->page_rules->len; r++)
    if (rule_matches (sheet->page_rules->pdata[r], sel))
      g_ptr_array_add (rules, sheet->page_rules->pdata[r]);
  g_ptr_array_sort (rules, style_page_rule_cmp);
  return rules;
}

StylePage *
style_page_compute (const StyleSheet *sheet, int page_number, gboolean first)
{
  StylePageSelect sel = { page_number, first, FALSE, NULL };
  return style_page_compute_for (sheet, &sel);
}

StylePage *
style_page_compute_for (const StyleSheet *sheet, const StylePageSelect *sel)
{
  g_return_val_if_fail (sheet != NULL && sel != NULL, NULL);
  g_autoptr (GPtrArray) rules = matching_rules (sheet, sel);

  StylePage *page = g_new0 (StylePage, 1);
  g_autoptr (GPtrArray) temps = g_ptr_array_new_with_free_func (
      (GDestroyNotify) style_longhand_value_array_free);

  /* the page context: size, margins, text properties the boxes inherit */
  const StyleSpecValue *slots[P_N_LONGHANDS] = { 0 };
  g_autoptr (GPtrArray) decls = ordered_decls (rules, -1);
  style_collect_specified (decls, sheet->root_vars, slots, temps);
  g_autoptr (StyleComputed) context = style_compute_from_slots (slots, NULL, sheet->root_vars);

  page->width = 210 * 72 / 25.4;
  page->height = 297 * 72 / 25.4;
  if (slots[P_SIZE] && slots[P_SIZE]->kind == SV_SIZE) {
    page->width = slots[P_SIZE]->num;
    page->height = slots[P_SIZE]->num2;
  }
  page->marks = slots[P_MARKS] && slots[P_MARKS]->kind == SV_INT ? (guint) slots[P_MARKS]->ival : 0;
  /* bleed: auto is 6pt with marks, none without (CSS Paged Media) */
  page->bleed = page->marks ? 6 : 0;
  if (slots[P_BLEED] && slots[P_BLEED]->kind == SV_LENGTH)
    page->bleed = slots[P_BLEED]->unit == U_EM ? slots[P_BLEED]->num * context->font_size
                                               : slots[P_BLEED]->num;
  page->background = context->background_color;
  for (int s = 0; s < 4; s++) {
    const StyleSpecValue *v = slots[P_MARGIN_TOP + s];
    page->margin[s] = DEFAULT_PAGE_MARGIN;
    if (v && v->kind == SV_LENGTH)
      page->margin[s] = v->unit == U_EM ? v->num * context->font_size : v->num;
  }

  static const StyleTextAlign box_align[STYLE_N_MARGIN_BOXES] = {
    STYLE_ALIGN_LEFT, STYLE_ALIGN_CENTER, STYLE_ALIGN_RIGHT,
    STYLE_ALIGN_LEFT, STYLE_ALIGN_CENTER, STYLE_ALIGN_RIGHT,
  };
  for (int b = 0; b < STYLE_N_MARGIN_BOXES; b++) {
    const StyleSpecValue *box_slots[P_N_LONGHANDS] = { 0 };
    g_autoptr (GPtrArray) box_decls = ordered_decls (rules, b);
    style_collect_specified (box_decls, sheet->root_vars, box_slots, temps);
    const StyleSpecValue *content = box_slots[P_CONTENT];
    if (content && content->kind == SV_CONTENT && content->content->len)
      page->boxes[b].content = content_copy (content->content);
    page->boxes[b].style = style_compute_from_slots (box_slots, context, sheet->root_vars);
    /* CSS Paged Media: a box is aligned to its side unless told otherwise */
    if (!box_slots[P_TEXT_ALIGN] && !slots[P_TEXT_ALIGN])
      page->boxes[b].style->text_align = box_align[b];
  }
  return page;
}

void
style_page_free (StylePage *page)
{
  if (!page)
    return;
  for (int b = 0; b < STYLE_N_MARGIN_BOXES; b++) {
    if (page->boxes[b].content)
      g_ptr_array_unref (page->boxes[b].content);
    style_computed_free (page->boxes[b].style);
  }
  g_free (page);
}

/* ---- bleed and marks ---------------------------------------------------------------- */

gboolean
style_page_parse_bleed (StyleValueCursor *c, StyleSpecValue *v)
{
  if (style_value_cursor_is_ident (c, "auto")) {
    c->i++;
    v->kind = SV_INITIAL;
    return TRUE;
  }
  guint save = c->i;
  if (!style_length_parse (c, FALSE, FALSE, v))
    return FALSE;
  /* at most an inch: room for the marks stays within what readers show */
  double pt = v->unit == U_EM ? v->num * MEDIUM_PT : v->num;
  if (!isfinite (pt) || pt < 0 || pt > 72) {
    c->i = save;
    return FALSE;
  }
  return TRUE;
}

gboolean
style_page_parse_marks (StyleValueCursor *c, StyleSpecValue *v)
{
  static const struct { const char *name; guint mark; } names[] = {
    { "crop", STYLE_MARKS_CROP }, { "cross", STYLE_MARKS_CROSS },
  };
  v->kind = SV_INT;
  v->ival = 0;
  if (style_value_cursor_is_ident (c, "none") && c->n == 1) {
    c->i++;
    return TRUE;
  }
  /* crop || cross: each at most once, in either order */
  while (c->i < c->n) {
    const StyleToken *t = c->toks[c->i];
    guint k = 0;
    while (k < G_N_ELEMENTS (names) &&
           !(t->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (t->value, names[k].name) == 0))
      k++;
    if (k == G_N_ELEMENTS (names) || (v->ival & (int) names[k].mark))
      return FALSE;
    v->ival |= (int) names[k].mark;
    c->i++;
  }
  return v->ival != 0;
}

/* ---- checking page sizes at load --------------------------------------------------- */

/* What can be typeset: a page side from 1 in to 200 in (14400 pt, the largest
 * page PDF readers show without UserUnit, ISO 32000-1 Annex C) and a text
 * area of at least 24 pt each way (one line of 12 pt text at line-height 1.4
 * plus its leading; less leaves no room for a line, and layout cannot place it). */
#define PAGE_MIN_SIDE 72.0
#define PAGE_MAX_SIDE 14400.0
#define PAGE_MIN_TEXT 24.0

/* The last declaration in cascade order setting one of props (the one that
 * decides), or NULL when the defaults apply. */
static const StyleDecl *
deciding_decl (GPtrArray *decls, StyleProp first, StyleProp last)
{
  for (guint k = decls->len; k-- > 0;) {
    const StyleDecl *d = decls->pdata[k];
    if (d->custom_name)
      continue;
    StyleProp longhands[12];
    guint n = style_prop_longhands (d->prop, longhands);
    for (guint j = 0; j < n; j++)
      if (longhands[j] >= first && longhands[j] <= last)
        return d;
  }
  return NULL;
}

static gboolean
side_ok (double v)
{
  return isfinite (v) && v >= PAGE_MIN_SIDE && v <= PAGE_MAX_SIDE;
}

static gboolean
margin_ok (double v)
{
  return isfinite (v) && v >= 0 && v <= PAGE_MAX_SIDE;
}

static void
report_page (const StyleDecl *d, const char *file, DiagList *diags, const char *what,
             const StylePage *pg)
{
  diag_error (diags, d ? d->file : file, d ? d->line : 0, d ? d->column : 0,
              "%s: page %g × %g pt, margins %g %g %g %g pt (top right bottom left); a page "
              "side must be %g–%g pt, margins 0–%g pt, and the text area at least %g pt "
              "each way", what, pg->width, pg->height, pg->margin[0], pg->margin[1],
              pg->margin[2], pg->margin[3], PAGE_MIN_SIDE, PAGE_MAX_SIDE, PAGE_MAX_SIDE,
              PAGE_MIN_TEXT);
}

/* One kind of page (first, left, right): an error at the declaration that
 * makes it impossible to typeset, so that no valid sheet ends in exit 70. */
static void
check_page (StyleSheet *sheet, const StylePageSelect *sel, const char *file, DiagList *diags)
{
  g_autoptr (StylePage) pg = style_page_compute_for (sheet, sel);
  g_autoptr (GPtrArray) rules = matching_rules (sheet, sel);
  g_autoptr (GPtrArray) decls = ordered_decls (rules, -1);
  const StyleDecl *size = deciding_decl (decls, P_SIZE, P_SIZE);
  const StyleDecl *margin = deciding_decl (decls, P_MARGIN_TOP, P_MARGIN_TOP + 3);
  gboolean margins = TRUE;
  for (int m = 0; m < 4; m++)
    margins &= margin_ok (pg->margin[m]);
  if (!side_ok (pg->width) || !side_ok (pg->height))
    report_page (size, file, diags, "'size' cannot be typeset", pg);
  else if (!margins)
    report_page (margin, file, diags, "'margin' cannot be typeset", pg);
  else if (pg->width - pg->margin[1] - pg->margin[3] < PAGE_MIN_TEXT
           || pg->height - pg->margin[0] - pg->margin[2] < PAGE_MIN_TEXT)
    report_page (margin ? margin : size, file, diags,
                 "the margins leave too small a text area", pg);
}

void
style_sheet_check_pages (StyleSheet *sheet, const char *file, DiagList *diags)
{
  /* page 1 is the first (a right page), 2 a left one, 3 a right one; one
   * message for a mistake all of them share */
  g_autoptr (DiagList) found = diag_list_new ();
  for (guint r = 0; r <= sheet->page_rules->len; r++) {
    /* every kind of page, plain and of each name the rules give */
    const char *name = NULL;
    if (r < sheet->page_rules->len && !(name = ((StylePageRule *) sheet->page_rules->pdata[r])->name))
      continue;
    for (int number = 1; number <= 3; number++)
      for (int blank = 0; blank <= 1; blank++) {
        StylePageSelect sel = { number, number == 1, blank, name };
        check_page (sheet, &sel, file, found);
      }
  }
  for (guint k = 0; k < diag_list_length (found); k++) {
    const Diag *d = diag_list_get (found, k);
    gboolean seen = FALSE;
    for (guint j = 0; j < k && !seen; j++) {
      const Diag *e = diag_list_get (found, j);
      seen = e->line == d->line && e->column == d->column && strcmp (e->message, d->message) == 0;
    }
    if (!seen)
      diag_add (diags, d->level, d->file, d->line, d->column, "%s", d->message);
  }
}
