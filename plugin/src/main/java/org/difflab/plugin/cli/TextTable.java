package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with padded columns and a rule under the header, for terminal output. */
final class TextTable {
    private final String[] header;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns named in the header; a name starting with '>' is right-aligned (the '>' is not shown). */
    TextTable(String... header) {
        this.header = new String[header.length];
        this.right = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            right[i] = header[i].startsWith(">");
            this.header[i] = right[i] ? header[i].substring(1) : header[i];
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells: must have " + header.length);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        return this;
    }

    String render() {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        String[] rule = new String[header.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        for (String[] r : rows) {
            line(out, r, width);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - cells[i].length());
            l.append(i == 0 ? "" : "  ").append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }
}
