/* property-table.h — the one table of dossier's properties (an X-macro).
 *
 * Every property is one line here; the enum StyleProp, the name lookup, the
 * parser dispatch (property-parse.c, property-shorthand.c), computing and
 * inheritance (computed.c), the cascade cache key, copying and freeing of computed
 * styles (cascade.c) and --explain (explain.c) are all expanded from it, so
 * a new property cannot be forgotten in one of them (the cache key in
 * particular: a field it missed would silently give a wrong cached style).
 *
 * A new longhand: a field in StyleComputed (style.h), a line below, and, if
 * its value is of a new kind, a parse_NAME function in property-parse.c.
 * docs/style-reference.md documents the same table for designers.
 *
 * Columns of LONGHAND:
 *   ID         the enum name after P_
 *   name       as written in a style
 *   inherited  TRUE if the property inherits
 *   contexts   where it may stand (STYLE_CTX_*)
 *   parse      the value parser: lh_<parse> in property-parse.c
 *   compute    how a specified value becomes the field (StyleComputeKind,
 *              without the STYLE_COMPUTE_ prefix)
 *   field      FIELD (f), FIELD2 (f, g) when it sets two fields, or NO_FIELD
 *   keywords   its keyword table (kw_… in properties.c), or NULL
 *   expected   what a value may be, for "invalid value" messages
 *
 * SHORTHAND (ID, name, inherited, contexts, parse, expected): parse is
 * sh_<parse> in property-shorthand.c; the longhands it sets are its
 * shorthand_parts there. */

#ifndef TEXT_CTX
#define TEXT_CTX (STYLE_CTX_RULE | STYLE_CTX_PAGE | STYLE_CTX_MBOX)
#define RULE_CTX STYLE_CTX_RULE
#define BOX_CTX (STYLE_CTX_RULE | STYLE_CTX_PAGE)
#define EXP_LENGTH "a length such as 4mm, 10pt or 1.5em (percentages are not supported)"
#define EXP_NN_LENGTH "a length of 0 or more such as 4mm, 10pt or 1.5em (percentages are not supported)"
#define EXP_COLOR "a colour: #rgb, #rrggbb, rgb(), rgba(), a colour name or transparent"
#define EXP_BWIDTH "a length of 0 or more, thin, medium or thick"
#define EXP_BSTYLE "none, solid, dashed or dotted"
#define EXP_BREAK "auto, avoid, avoid-page, page, always, left or right"
#define EXP_BORDER "a width, a style (none, solid, dashed, dotted) and a colour in any order, e.g. 1pt solid #333"
#endif

#ifndef SHORTHAND
#define SHORTHAND(ID, name, inherited, contexts, parse, expected)
#endif

/* ---- text (inherited) ---------------------------------------------------------- */
LONGHAND (FONT_FAMILY, "font-family", TRUE, TEXT_CTX, font_family, STR, FIELD (font_family), NULL,
          "a comma-separated list of family names, e.g. \"Noto Serif\", serif")
LONGHAND (FONT_SIZE, "font-size", TRUE, TEXT_CTX, font_size, FONT_SIZE, FIELD (font_size), NULL,
          "a length such as 10pt, a percentage, or xx-small … xx-large, smaller, larger")
LONGHAND (FONT_WEIGHT, "font-weight", TRUE, TEXT_CTX, font_weight, FONT_WEIGHT, FIELD (font_weight),
          NULL, "normal, bold, bolder, lighter or a number from 100 to 900")
LONGHAND (FONT_STYLE, "font-style", TRUE, TEXT_CTX, keyword, IVAL, FIELD (font_italic),
          kw_font_style, "normal, italic or oblique")
LONGHAND (LINE_HEIGHT, "line-height", TRUE, TEXT_CTX, line_height, LINE_HEIGHT,
          FIELD2 (line_height, line_height_number), NULL,
          "normal, a number such as 1.4, a length or a percentage")
LONGHAND (COLOR, "color", TRUE, TEXT_CTX, color, COLOR_PROP, FIELD (color), NULL, EXP_COLOR)
LONGHAND (TEXT_ALIGN, "text-align", TRUE, TEXT_CTX, keyword, IVAL, FIELD (text_align), kw_align,
          "left, right, center, justify, start or end")
LONGHAND (TEXT_INDENT, "text-indent", TRUE, RULE_CTX, length, LENGTH, FIELD (text_indent), NULL,
          EXP_LENGTH)
LONGHAND (LETTER_SPACING, "letter-spacing", TRUE, TEXT_CTX, letter_spacing, LENGTH,
          FIELD (letter_spacing), NULL, "normal or " EXP_LENGTH)
LONGHAND (HYPHENS, "hyphens", TRUE, RULE_CTX, keyword, IVAL, FIELD (hyphens), kw_hyphens,
          "none, manual or auto")
LONGHAND (HYPHENATE_LIMIT_CHARS, "hyphenate-limit-chars", TRUE, RULE_CTX, hyphenate_limit,
          HYPHENATE_LIMIT, FIELD (hyphenate_limit), NULL,
          "one to three of auto or an integer of 1 or more (word, before, after)")
LONGHAND (WIDOWS, "widows", TRUE, RULE_CTX, int_1_1000, IVAL, FIELD (widows), NULL,
          "an integer of 1 or more")
LONGHAND (ORPHANS, "orphans", TRUE, RULE_CTX, int_1_1000, IVAL, FIELD (orphans), NULL,
          "an integer of 1 or more")
LONGHAND (MISSING_COLOR, "missing-color", TRUE, RULE_CTX, color, COLOR, FIELD (missing_color), NULL,
          EXP_COLOR)

/* ---- box (not inherited) --------------------------------------------------------- */
LONGHAND (DISPLAY, "display", FALSE, RULE_CTX, keyword, IVAL, FIELD (display_none), kw_display,
          "block or none")
LONGHAND (MARGIN_TOP, "margin-top", FALSE, BOX_CTX, length, LENGTH, FIELD (margin[STYLE_TOP]),
          NULL, EXP_LENGTH)
LONGHAND (MARGIN_RIGHT, "margin-right", FALSE, BOX_CTX, length, LENGTH,
          FIELD (margin[STYLE_RIGHT]), NULL, EXP_LENGTH)
LONGHAND (MARGIN_BOTTOM, "margin-bottom", FALSE, BOX_CTX, length, LENGTH,
          FIELD (margin[STYLE_BOTTOM]), NULL, EXP_LENGTH)
LONGHAND (MARGIN_LEFT, "margin-left", FALSE, BOX_CTX, length, LENGTH, FIELD (margin[STYLE_LEFT]),
          NULL, EXP_LENGTH)
LONGHAND (PADDING_TOP, "padding-top", FALSE, RULE_CTX, nn_length, LENGTH,
          FIELD (padding[STYLE_TOP]), NULL, EXP_NN_LENGTH)
LONGHAND (PADDING_RIGHT, "padding-right", FALSE, RULE_CTX, nn_length, LENGTH,
          FIELD (padding[STYLE_RIGHT]), NULL, EXP_NN_LENGTH)
LONGHAND (PADDING_BOTTOM, "padding-bottom", FALSE, RULE_CTX, nn_length, LENGTH,
          FIELD (padding[STYLE_BOTTOM]), NULL, EXP_NN_LENGTH)
LONGHAND (PADDING_LEFT, "padding-left", FALSE, RULE_CTX, nn_length, LENGTH,
          FIELD (padding[STYLE_LEFT]), NULL, EXP_NN_LENGTH)
LONGHAND (BORDER_TOP_WIDTH, "border-top-width", FALSE, RULE_CTX, border_width, LENGTH,
          FIELD (border_width[STYLE_TOP]), NULL, EXP_BWIDTH)
LONGHAND (BORDER_RIGHT_WIDTH, "border-right-width", FALSE, RULE_CTX, border_width, LENGTH,
          FIELD (border_width[STYLE_RIGHT]), NULL, EXP_BWIDTH)
LONGHAND (BORDER_BOTTOM_WIDTH, "border-bottom-width", FALSE, RULE_CTX, border_width, LENGTH,
          FIELD (border_width[STYLE_BOTTOM]), NULL, EXP_BWIDTH)
LONGHAND (BORDER_LEFT_WIDTH, "border-left-width", FALSE, RULE_CTX, border_width, LENGTH,
          FIELD (border_width[STYLE_LEFT]), NULL, EXP_BWIDTH)
LONGHAND (BORDER_TOP_STYLE, "border-top-style", FALSE, RULE_CTX, keyword, IVAL,
          FIELD (border_style[STYLE_TOP]), kw_border_style, EXP_BSTYLE)
LONGHAND (BORDER_RIGHT_STYLE, "border-right-style", FALSE, RULE_CTX, keyword, IVAL,
          FIELD (border_style[STYLE_RIGHT]), kw_border_style, EXP_BSTYLE)
LONGHAND (BORDER_BOTTOM_STYLE, "border-bottom-style", FALSE, RULE_CTX, keyword, IVAL,
          FIELD (border_style[STYLE_BOTTOM]), kw_border_style, EXP_BSTYLE)
LONGHAND (BORDER_LEFT_STYLE, "border-left-style", FALSE, RULE_CTX, keyword, IVAL,
          FIELD (border_style[STYLE_LEFT]), kw_border_style, EXP_BSTYLE)
LONGHAND (BORDER_TOP_COLOR, "border-top-color", FALSE, RULE_CTX, color, COLOR,
          FIELD (border_color[STYLE_TOP]), NULL, EXP_COLOR)
LONGHAND (BORDER_RIGHT_COLOR, "border-right-color", FALSE, RULE_CTX, color, COLOR,
          FIELD (border_color[STYLE_RIGHT]), NULL, EXP_COLOR)
LONGHAND (BORDER_BOTTOM_COLOR, "border-bottom-color", FALSE, RULE_CTX, color, COLOR,
          FIELD (border_color[STYLE_BOTTOM]), NULL, EXP_COLOR)
LONGHAND (BORDER_LEFT_COLOR, "border-left-color", FALSE, RULE_CTX, color, COLOR,
          FIELD (border_color[STYLE_LEFT]), NULL, EXP_COLOR)
LONGHAND (BACKGROUND_COLOR, "background-color", FALSE, BOX_CTX, color, COLOR,
          FIELD (background_color), NULL, EXP_COLOR)
LONGHAND (BREAK_BEFORE, "break-before", FALSE, RULE_CTX, keyword, IVAL, FIELD (break_before),
          kw_break, EXP_BREAK)
LONGHAND (BREAK_AFTER, "break-after", FALSE, RULE_CTX, keyword, IVAL, FIELD (break_after),
          kw_break, EXP_BREAK)
LONGHAND (BREAK_INSIDE, "break-inside", FALSE, RULE_CTX, keyword, IVAL, FIELD (break_inside),
          kw_break_inside, "auto, avoid or avoid-page")

/* ---- dossier's own --------------------------------------------------------------- */
LONGHAND (LAYOUT, "layout", TRUE, RULE_CTX, keyword, IVAL, FIELD (layout), kw_layout,
          "parallel, sequential or interleaved")
LONGHAND (COLUMN_GAP, "column-gap", TRUE, RULE_CTX, column_gap, LENGTH, FIELD (column_gap), NULL,
          "normal or " EXP_NN_LENGTH)
LONGHAND (TILE_COLUMNS, "tile-columns", FALSE, RULE_CTX, int_1_6, IVAL, FIELD (tile_columns), NULL,
          "an integer from 1 to 6")
LONGHAND (PALETTE, "palette", TRUE, RULE_CTX, palette, PALETTE, FIELD2 (palette, n_palette), NULL,
          "1 to 12 colours separated by spaces or commas")
LONGHAND (HEIGHT, "height", FALSE, RULE_CTX, height, LENGTH, FIELD (height), NULL,
          "auto or " EXP_NN_LENGTH)
LONGHAND (ASPECT_RATIO, "aspect-ratio", FALSE, RULE_CTX, aspect_ratio, NUMBER,
          FIELD (aspect_ratio), NULL,
          "auto, a number above 0 such as 2, or a ratio such as 16 / 9")
LONGHAND (AXIS_COLOR, "axis-color", TRUE, RULE_CTX, color, COLOR, FIELD (axis_color), NULL,
          EXP_COLOR)
LONGHAND (AXIS_WIDTH, "axis-width", TRUE, RULE_CTX, nn_length, LENGTH, FIELD (axis_width), NULL,
          EXP_NN_LENGTH)
LONGHAND (GRID_COLOR, "grid-color", TRUE, RULE_CTX, color, COLOR, FIELD (grid_color), NULL,
          EXP_COLOR)
LONGHAND (GRID_WIDTH, "grid-width", TRUE, RULE_CTX, nn_length, LENGTH, FIELD (grid_width), NULL,
          EXP_NN_LENGTH)
LONGHAND (LABEL_FONT_SIZE, "label-font-size", TRUE, RULE_CTX, nn_length_pct, LENGTH_FS,
          FIELD (label_font_size), NULL,
          "a length such as 7.5pt or 0.8em, or a percentage of the font size")
LONGHAND (CHART_LABELS, "chart-labels", TRUE, RULE_CTX, keyword, IVAL, FIELD (chart_labels),
          kw_chart_labels, "stacked or side-by-side")
LONGHAND (LEGEND, "legend", TRUE, RULE_CTX, keyword, IVAL, FIELD (legend), kw_legend,
          "top, bottom, right or none")
LONGHAND (STRING_SET, "string-set", FALSE, RULE_CTX, string_set, STR, FIELD (string_set), NULL,
          "none, or a name followed by content(), e.g. section-title content()")
/* inherited: CSS's `auto` is the parent's page, which is what inheriting gives */
LONGHAND (PAGE, "page", TRUE, RULE_CTX, page_name, STR, FIELD (page), NULL,
          "auto, or a page name given by @page NAME")
LONGHAND (CONTENT, "content", FALSE, STYLE_CTX_MBOX, content, NONE, NO_FIELD, NULL,
          "none, or strings, counter(page), counter(pages) and string(name) in a row")
LONGHAND (SIZE, "size", FALSE, STYLE_CTX_PAGE, page_size, NONE, NO_FIELD, NULL,
          "A3, A4, A5, B5, letter or legal (and portrait or landscape), or one or two lengths")
/* print production, @page only (page.c) */
LONGHAND (BLEED, "bleed", FALSE, STYLE_CTX_PAGE, page_bleed, NONE, NO_FIELD, NULL,
          "auto or a length of 0 to 72pt, such as 3mm")
LONGHAND (MARKS, "marks", FALSE, STYLE_CTX_PAGE, page_marks, NONE, NO_FIELD, NULL,
          "none, crop, cross, or crop cross")

/* ---- shorthands ------------------------------------------------------------------ */
SHORTHAND (FONT, "font", TRUE, TEXT_CTX, font_shorthand,
           "[style] [weight] size[/line-height] family, e.g. bold 12pt/1.3 \"Noto Sans\", sans-serif")
SHORTHAND (MARGIN, "margin", FALSE, BOX_CTX, box_shorthand,
           "1 to 4 lengths such as 4mm 0 (percentages are not supported)")
SHORTHAND (PADDING, "padding", FALSE, RULE_CTX, box_shorthand,
           "1 to 4 lengths of 0 or more (percentages are not supported)")
SHORTHAND (BORDER, "border", FALSE, RULE_CTX, border_shorthand, EXP_BORDER)
SHORTHAND (BORDER_TOP, "border-top", FALSE, RULE_CTX, border_shorthand, EXP_BORDER)
SHORTHAND (BORDER_RIGHT, "border-right", FALSE, RULE_CTX, border_shorthand, EXP_BORDER)
SHORTHAND (BORDER_BOTTOM, "border-bottom", FALSE, RULE_CTX, border_shorthand, EXP_BORDER)
SHORTHAND (BORDER_LEFT, "border-left", FALSE, RULE_CTX, border_shorthand, EXP_BORDER)
SHORTHAND (BORDER_WIDTH, "border-width", FALSE, RULE_CTX, box_shorthand,
           "1 to 4 widths: lengths of 0 or more, thin, medium or thick")
SHORTHAND (BORDER_STYLE, "border-style", FALSE, RULE_CTX, box_shorthand,
           "1 to 4 of none, solid, dashed or dotted")
SHORTHAND (BORDER_COLOR, "border-color", FALSE, RULE_CTX, box_shorthand, "1 to 4 colours")
SHORTHAND (BACKGROUND, "background", FALSE, BOX_CTX, background_shorthand,
           "a colour (images and other background features are not supported)")

#undef LONGHAND
#undef SHORTHAND
