package org.difflab.plugin.notebook;

import java.util.List;

/** Small HTML pieces of notebook output: escaped text and tables with a caption. */
public final class Html {
    private Html() {}

    /** Text with &amp;, &lt;, &gt; and quotes escaped. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table; every cell is escaped, numbers right-aligned by the notebook's own style. */
    public static String table(String caption, List<String> columns, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table>");
        if (caption != null && !caption.isEmpty()) {
            b.append("<caption style=\"text-align:left\">").append(escape(caption)).append("</caption>");
        }
        b.append("<thead><tr>");
        for (String c : columns) {
            b.append("<th>").append(escape(c)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, which is not allowed: the table has "
                        + columns.size() + " columns " + columns);
            }
            b.append("<tr>");
            for (String c : r) {
                b.append("<td>").append(escape(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
