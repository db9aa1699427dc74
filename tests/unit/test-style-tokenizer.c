/* test-style-tokenizer.c — CSS Syntax Level 3 tokens: kinds, values,
 * positions (line, column in characters), escapes, numbers, comments, bad
 * strings. */
#include <glib.h>
#include <string.h>

#include "style/tokenizer-private.h"

/* The tokens of css as one line of text: "type[value]@line:col …"
 * (whitespace as "_", EOF left out). */
static char *
dump (const char *css, DiagList *diags)
{
  g_autoptr (StyleTokens) t = style_tokenize (css, strlen (css), "t.css", diags);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < t->tokens->len; i++) {
    const StyleToken *tk = style_tokens_get (t, i);
    if (tk->type == STYLE_TOK_EOF)
      break;
    if (s->len)
      g_string_append_c (s, ' ');
    switch (tk->type) {
    case STYLE_TOK_WHITESPACE:
      g_string_append (s, "_");
      continue;
    case STYLE_TOK_IDENT: case STYLE_TOK_FUNCTION: case STYLE_TOK_AT_KEYWORD:
    case STYLE_TOK_STRING: case STYLE_TOK_URL:
      g_string_append_printf (s, "%s[%s]", style_token_type_name (tk->type), tk->value);
      break;
    case STYLE_TOK_HASH:
      g_string_append_printf (s, "hash[%s%s]", tk->value, tk->hash_id ? ",id" : "");
      break;
    case STYLE_TOK_DELIM: {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (tk->delim, buf);
      g_string_append_printf (s, "delim[%s]", buf);
      break;
    }
    case STYLE_TOK_NUMBER:
      g_string_append_printf (s, "number[%g%s]", tk->number, tk->is_integer ? ",int" : "");
      break;
    case STYLE_TOK_PERCENTAGE:
      g_string_append_printf (s, "percentage[%g]", tk->number);
      break;
    case STYLE_TOK_DIMENSION:
      g_string_append_printf (s, "dimension[%g,%s]", tk->number, tk->value);
      break;
    default:
      g_string_append (s, style_token_type_name (tk->type));
      break;
    }
    g_string_append_printf (s, "@%d:%d", tk->line, tk->column);
  }
  return g_string_free (s, FALSE);
}

static void
check (const char *css, const char *expected)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autofree char *got = dump (css, diags);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_kinds (void)
{
  check ("p{color:red;}",
         "ident[p]@1:1 {@1:2 ident[color]@1:3 :@1:8 ident[red]@1:9 ;@1:12 }@1:13");
  check ("@page :first",
         "at-keyword[page]@1:1 _ :@1:7 ident[first]@1:8");
  check ("#a1 #1x", "hash[a1,id]@1:1 _ hash[1x]@1:5");
  check ("rgb(1,2) [x]",
         "function[rgb]@1:1 number[1,int]@1:5 ,@1:6 number[2,int]@1:7 )@1:8 _ [@1:10 "
         "ident[x]@1:11 ]@1:12");
  check ("<!-- -->", "CDO@1:1 _ CDC@1:6");
  check ("a>b+c~d", "ident[a]@1:1 delim[>]@1:2 ident[b]@1:3 delim[+]@1:4 ident[c]@1:5 "
         "delim[~]@1:6 ident[d]@1:7");
  check ("--accent -x", "ident[--accent]@1:1 _ ident[-x]@1:10");
  check ("url(a.css) url( \"b.css\" )",
         "url[a.css]@1:1 _ function[url]@1:12 _ string[b.css]@1:17 _ )@1:25");
  check ("!important", "delim[!]@1:1 ident[important]@1:2");
}

static void
test_numbers (void)
{
  check ("1e3 .5 -2px +3 50% 1.5em 10E-1 2e",
         "number[1000]@1:1 _ number[0.5]@1:5 _ dimension[-2,px]@1:8 _ number[3,int]@1:13 _ "
         "percentage[50]@1:16 _ dimension[1.5,em]@1:20 _ number[1]@1:26 _ "
         "dimension[2,e]@1:32");
  check ("-.5 - 5", "number[-0.5]@1:1 _ delim[-]@1:5 _ number[5,int]@1:7");
  check ("12pt/1.3", "dimension[12,pt]@1:1 delim[/]@1:5 number[1.3]@1:6");
}

static void
test_positions (void)
{
  /* columns count characters: 「中文」 is three bytes per character */
  check ("a\n  \"中文\" b\r\nc",
         "ident[a]@1:1 _ string[中文]@2:3 _ ident[b]@2:8 _ ident[c]@3:1");
  check ("\tx", "_ ident[x]@1:2");
}

static void
test_escapes (void)
{
  check ("\\41 b", "ident[Ab]@1:1");
  check ("\"a\\\"b\" 'c\\\nd'", "string[a\"b]@1:1 _ string[cd]@1:8");
  check ("\"\\4e2d\"", "string[中]@1:1");
  check ("\\000000x", "ident[\xEF\xBF\xBDx]@1:1");
  check (".\\31 a", "delim[.]@1:1 ident[1a]@1:2");
  /* §4.3.7: a backslash before the end of the file escapes U+FFFD (an
   * error, with its place), in names, hashes and unquoted URLs alike */
  check ("red\\", "ident[red\xEF\xBF\xBD]@1:1");
  check ("#a\\", "hash[a\xEF\xBF\xBD,id]@1:1");
  check ("url(a\\", "url[a\xEF\xBF\xBD]@1:1");
  check ("12\\%", "dimension[12,%]@1:1");
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autofree char *got = dump ("p\\", diags);
  g_assert_cmpuint (diag_list_length (diags), ==, 1);
  g_assert_cmpint (diag_list_get (diags, 0)->column, ==, 2);
}

static void
test_comments (void)
{
  check ("a/* x */b /**/ c", "ident[a]@1:1 ident[b]@1:9 _ _ ident[c]@1:16");
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autofree char *got = dump ("a /* open", diags);
  g_assert_cmpstr (got, ==, "ident[a]@1:1 _");
  g_assert_cmpuint (diag_list_length (diags), ==, 1);
  g_autofree char *msg = diag_format (diag_list_get (diags, 0));
  g_assert_cmpstr (msg, ==, "t.css:1:3: unclosed comment: '*/' missing");
}

static void
test_bad_string (void)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autofree char *got = dump ("p { content: \"abc\n; color: red }", diags);
  g_assert_cmpstr (got, ==, "ident[p]@1:1 _ {@1:3 _ ident[content]@1:5 :@1:12 _ "
                   "bad-string@1:14 _ ;@2:1 _ ident[color]@2:3 :@2:8 _ ident[red]@2:10 _ }@2:14");
  g_assert_cmpuint (diag_list_length (diags), ==, 1);
  g_autofree char *msg = diag_format (diag_list_get (diags, 0));
  g_assert_true (g_str_has_prefix (msg, "t.css:1:14: unclosed string"));

  g_autoptr (DiagList) d2 = diag_list_new ();
  g_autofree char *got2 = dump ("'abc", d2);
  g_assert_cmpstr (got2, ==, "string[abc]@1:1");
  g_assert_cmpuint (diag_list_length (d2), ==, 1);
}

static void
test_bad_url (void)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autofree char *got = dump ("url(a b) x", diags);
  g_assert_cmpstr (got, ==, "bad-url@1:1 _ ident[x]@1:10");
  g_assert_cmpuint (diag_list_length (diags), ==, 1);
}

static void
test_source_text (void)
{
  const char *css = "a { margin: 1mm  2mm /* c */ 3mm }";
  g_autoptr (StyleTokens) t = style_tokenize (css, strlen (css), NULL, NULL);
  /* tokens: a _ { _ margin : _ 1mm _ 2mm _ (comment) _ 3mm _ } */
  g_autofree char *text = style_tokens_text (t, 7, 12);
  g_assert_cmpstr (text, ==, "1mm  2mm /* c */ 3mm");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/style/tokenizer/kinds", test_kinds);
  g_test_add_func ("/style/tokenizer/numbers", test_numbers);
  g_test_add_func ("/style/tokenizer/positions", test_positions);
  g_test_add_func ("/style/tokenizer/escapes", test_escapes);
  g_test_add_func ("/style/tokenizer/comments", test_comments);
  g_test_add_func ("/style/tokenizer/bad-string", test_bad_string);
  g_test_add_func ("/style/tokenizer/bad-url", test_bad_url);
  g_test_add_func ("/style/tokenizer/source-text", test_source_text);
  return g_test_run ();
}
