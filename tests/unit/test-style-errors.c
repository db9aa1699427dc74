/* test-style-errors.c — a style file with many mistakes: every one is
 * reported, in order, as file:line:column with a clear message ("did you
 * mean" where a known name is close), and valid CSS that dossier does not
 * support is a warning, not an error. */
#include <glib.h>
#include <string.h>

#include "style/style.h"

/* All diagnostics as "W|E file:line:col: message" lines. */
static char *
report (const char *css, const char *file)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleSheet) sheet = style_sheet_parse (css, strlen (css), file, diags);
  g_assert_nonnull (sheet);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < diag_list_length (diags); i++) {
    const Diag *d = diag_list_get (diags, i);
    g_autofree char *m = diag_format (d);
    g_string_append_printf (s, "%c %s\n", d->level == DIAG_ERROR ? 'E' : 'W', m);
  }
  return g_string_free (s, FALSE);
}

static void
check (const char *css, const char *expected)
{
  g_autofree char *got = report (css, "bad.css");
  if (strcmp (got, expected) != 0)
    g_test_message ("got:\n%s\nexpected:\n%s", got, expected);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_many_mistakes (void)
{
  check (
      "p { colr: red; font-size: big; float: left; }\n"
      "heading { color: #12; margin: 1mm 2xx; text-shadow: 1px 1px red }\n"
      "paragraf { color: red; }\n"
      "p:hover, p { color: red; }\n"
      "p + p { color: blue; }\n"
      "p { font-weight: 950; line-height: -1; }\n"
      "@pgae { size: A4; }\n"
      "section { fnot-size: 10pt; border: 1pt wavy red; }\n"
      "p { color red; width: 10mm; }\n",
      "E bad.css:1:5: unknown property 'colr' (did you mean 'color'?)\n"
      "E bad.css:1:27: invalid value for 'font-size': 'big' (expected a length such as 10pt, "
      "a percentage, or xx-small … xx-large, smaller, larger)\n"
      "W bad.css:1:32: property 'float' is valid CSS but not supported by dossier; ignored\n"
      "E bad.css:2:18: invalid value for 'color': '#12' (expected a colour: #rgb, #rrggbb, "
      "rgb(), rgba(), a colour name or transparent)\n"
      "E bad.css:2:35: invalid value for 'margin': '1mm 2xx' (expected 1 to 4 lengths such as "
      "4mm 0 (percentages are not supported))\n"
      "W bad.css:2:40: property 'text-shadow' is valid CSS but not supported by dossier; "
      "ignored\n"
      "E bad.css:3:1: unknown element 'paragraf'; rule ignored\n"
      "E bad.css:4:2: unknown pseudo-class ':hover' (dossier knows :lang(), :root); rule "
      "ignored\n"
      "E bad.css:5:3: the combinator '+' is not supported by dossier (only descendant 'a b' "
      "and child 'a > b'); rule ignored\n"
      "E bad.css:6:18: invalid value for 'font-weight': '950' (expected normal, bold, bolder, "
      "lighter or a number from 100 to 900)\n"
      "E bad.css:6:36: invalid value for 'line-height': '-1' (expected normal, a number such "
      "as 1.4, a length or a percentage)\n"
      "E bad.css:7:1: unknown at-rule '@pgae' (did you mean '@page'?); ignored\n"
      "E bad.css:8:11: unknown property 'fnot-size' (did you mean 'font-size'?)\n"
      "E bad.css:8:40: invalid value for 'border': '1pt wavy red' (expected a width, a style "
      "(none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333)\n"
      "E bad.css:9:11: expected ':' after the property name 'color'; declaration ignored\n"
      "W bad.css:9:16: property 'width' is valid CSS but not supported by dossier; ignored\n");
}

static void
test_suggestions (void)
{
  check ("p { backgroud-color: red; marginleft: 0; text-algin: left; tile-colums: 2; "
         "xyzzy: 1; }\n"
         "heding { color: red; }\n"
         "Section { color: red; }\n"
         "p:lnag(de) { color: red; }\n"
         "p:roo { color: red; }\n",
         "E bad.css:1:5: unknown property 'backgroud-color' (did you mean 'background-color'?)\n"
         "E bad.css:1:27: unknown property 'marginleft' (did you mean 'margin-left'?)\n"
         "E bad.css:1:42: unknown property 'text-algin' (did you mean 'text-align'?)\n"
         "E bad.css:1:60: unknown property 'tile-colums' (did you mean 'tile-columns'?)\n"
         "E bad.css:1:76: unknown property 'xyzzy'\n"
         "E bad.css:2:1: unknown element 'heding' (did you mean 'heading'?); rule ignored\n"
         "E bad.css:3:1: unknown element 'Section' (element names are lower case: 'section'); "
         "rule ignored\n"
         "E bad.css:4:2: unknown pseudo-class ':lnag()' (dossier knows :lang(), :root); rule "
         "ignored\n"
         "E bad.css:5:2: unknown pseudo-class ':roo' (did you mean ':root'?); rule ignored\n");
}

static void
test_unsupported_css (void)
{
  check ("p { position: absolute; transform: none; grid-template-columns: 1fr;\n"
         "    box-shadow: none; opacity: 0.5; font-variant: small-caps;\n"
         "    -moz-hyphens: auto; }\n"
         "@media print { p { color: red; } }\n"
         "@font-face { font-family: X; }\n"
         "@page { @left-middle { content: 'x'; } }\n"
         "@page :recto { }\n"
         "p::first-line { color: red; }\n"
         "p[class] { color: red; }\n",
         "W bad.css:1:5: property 'position' is valid CSS but not supported by dossier; ignored\n"
         "W bad.css:1:25: property 'transform' is valid CSS but not supported by dossier; "
         "ignored\n"
         "W bad.css:1:42: property 'grid-template-columns' is valid CSS but not supported by "
         "dossier; ignored\n"
         "W bad.css:2:5: property 'box-shadow' is valid CSS but not supported by dossier; "
         "ignored\n"
         "W bad.css:2:23: property 'opacity' is valid CSS but not supported by dossier; "
         "ignored\n"
         "W bad.css:2:37: property 'font-variant' is valid CSS but not supported by dossier; "
         "ignored\n"
         "W bad.css:3:5: vendor-specific property '-moz-hyphens' is not supported by dossier; "
         "ignored\n"
         "W bad.css:4:1: at-rule '@media' is valid CSS but not supported by dossier; ignored\n"
         "W bad.css:5:1: at-rule '@font-face' is valid CSS but not supported by dossier; "
         "ignored\n"
         "W bad.css:6:9: margin box '@left-middle' is valid CSS but not supported by dossier; "
         "ignored\n"
         "E bad.css:7:7: unknown page selector ':recto' (dossier knows :first, :left, :right, "
         ":blank); rule ignored\n"
         "E bad.css:8:2: pseudo-elements such as '::first-line' are not supported by dossier; "
         "rule ignored\n"
         "E bad.css:9:2: attribute selectors are not supported by dossier; rule ignored\n");
}

static void
test_page_mistakes (void)
{
  check ("@page :frist { size: A6; margin: 10%; }\n"
         "@page { @top-middle { content: 'x'; } @top-left { content: counter(chapter); }\n"
         "        color: red; tile-columns: 2; }\n"
         "@bottom-center { content: 'x'; }\n"
         "p { content: 'x'; size: A4; }\n",
         "E bad.css:1:7: unknown page selector ':frist' (did you mean ':first'?); rule ignored\n"
         "E bad.css:1:22: invalid value for 'size': 'A6' (expected A3, A4, A5, B5, letter or "
         "legal (and portrait or landscape), or one or two lengths)\n"
         "E bad.css:1:34: invalid value for 'margin': '10%' (expected 1 to 4 lengths such as "
         "4mm 0 (percentages are not supported))\n"
         "E bad.css:2:9: unknown at-rule '@top-middle' in @page (margin boxes are @top-left, "
         "@top-center, @top-right, @bottom-left, @bottom-center, @bottom-right)\n"
         "E bad.css:2:60: invalid value for 'content': 'counter(chapter)' (expected none, or "
         "strings, counter(page), counter(pages) and string(name) in a row)\n"
         "W bad.css:3:21: property 'tile-columns' does not apply in @page; ignored\n"
         "E bad.css:4:1: '@bottom-center' is only allowed inside @page; ignored\n"
         "W bad.css:5:5: property 'content' only applies in page margin boxes (@top-left … "
         "@bottom-right) in dossier; ignored\n"
         "W bad.css:5:19: property 'size' only applies in @page; ignored\n");
}

static void
test_syntax_mistakes (void)
{
  /* an unclosed string (its declaration dropped, the next one read); a
   * stray token; an unclosed block (reported, its declarations still
   * checked) */
  check ("q { content: \"open\n; color: blue; }\n"
         "p { 12pt; color: red }\n"
         "note { color: bluee; \n"
         "  margin: 1mm;\n",
         "E bad.css:1:14: unclosed string: line break inside a string (write \\A for a new "
         "line)\n"
         "E bad.css:3:5: expected a property name, found dimension; ignored up to the next ';'\n"
         "E bad.css:4:6: unclosed block: the file ends before the '}' of this '{'\n"
         "E bad.css:4:15: invalid value for 'color': 'bluee' (expected a colour: #rgb, #rrggbb, "
         "rgb(), rgba(), a colour name or transparent)\n");
}

static void
test_var_checked_at_load (void)
{
  check (":root { --accent: #b5121b; --gap: 4mm; }\n"
         "p { color: var(--accent); margin: var(--gap) 0; }\n"
         "heading { color: var(--gap); }\n"
         "q { border-left: 1pt solid var(--accent); font-size: var(--undefined); }\n"
         "em { color: var(--undefined, #ff0000); background-color: var(--x, nope); }\n",
         "E bad.css:3:18: invalid value for 'color': 'var(--gap)' (after var() substitution: "
         "'4mm'; expected a colour: #rgb, #rrggbb, rgb(), rgba(), a colour name or "
         "transparent)\n"
         "E bad.css:4:54: 'font-size' uses var(--undefined), which no rule declares, with no "
         "fallback: 'font-size' would have no value (declare --undefined, or write "
         "var(--undefined, fallback))\n"
         "E bad.css:5:58: invalid value for 'background-color': 'var(--x, nope)' (after var() "
         "substitution: 'nope'; expected a colour: #rgb, #rrggbb, rgb(), rgba(), a colour name "
         "or transparent)\n");
}

static void
test_import_mistakes (void)
{
  check ("p { color: red; }\n"
         "@import \"late.css\";\n"
         "@import 12;\n",
         "E bad.css:2:1: @import after other rules is ignored (as CSS does): move it to the top "
         "of the file\n"
         "E bad.css:3:1: @import expects a file name: @import \"file.css\"; or "
         "@import url(file.css);\n");

  g_autofree char *got = report ("@import \"does-not-exist.css\";\n", "/nonexistent/dir/x.css");
  g_assert_true (g_str_has_prefix (got, "E /nonexistent/dir/x.css:1:1: cannot read imported "
                                   "file '/nonexistent/dir/does-not-exist.css': "));
  g_assert_cmpuint (strlen (got) - strlen (strchr (got, '\n')), ==, strlen (got) - 1);
}

static void
test_good_sheet_is_quiet (void)
{
  check ("@charset \"utf-8\";\n"
         "/* a comment */\n"
         ":root { --a: #123; }\n"
         "dossier { font: 10pt/1.4 \"Noto Serif\", serif; }\n"
         "section > heading, .note p:lang(zh), #intro { color: var(--a) !important; }\n"
         "@page :first:left { margin: 1in 2cm 3mm 4pt; @top-left { content: none } }\n"
         "<!-- -->\n",
         "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/style/errors/many-mistakes", test_many_mistakes);
  g_test_add_func ("/style/errors/suggestions", test_suggestions);
  g_test_add_func ("/style/errors/unsupported-css", test_unsupported_css);
  g_test_add_func ("/style/errors/page-mistakes", test_page_mistakes);
  g_test_add_func ("/style/errors/syntax-mistakes", test_syntax_mistakes);
  g_test_add_func ("/style/errors/var-checked-at-load", test_var_checked_at_load);
  g_test_add_func ("/style/errors/import-mistakes", test_import_mistakes);
  g_test_add_func ("/style/errors/good-sheet-is-quiet", test_good_sheet_is_quiet);
  return g_test_run ();
}
