package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with padded columns and a rule under the header, for terminal output; {@link #render(int)} fits
 * it into a width (the command line's 100 columns).
 */
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
        return render(Integer.MAX_VALUE);
    }

    /**
     * The table in at most {@code maxWidth} columns: while it is wider, the last column is narrowed down to 24 characters,
     * then the widest other than the first (down to its header or 8 characters) and its longer cells end in "..."; a table that cannot be narrowed enough stays wider.
     */
    String render(int maxWidth) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        int total = Arrays.stream(width).sum() + 2 * (header.length - 1);
        while (total > maxWidth) {
            int widest = width.length - 1; // the last column (a description) first, down to 24 characters
            int floor = Math.max(24, header[widest].length());
            if (width[widest] <= floor) {
                for (int i = 1; i < width.length; i++) {
                    widest = width[i] > width[widest] ? i : widest;
                }
                floor = Math.max(8, header[widest].length());
            }
            if (width[widest] <= floor) {
                break;
            }
            int cut = Math.min(total - maxWidth, width[widest] - floor);
            width[widest] -= cut;
            total -= cut;
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
            String cell = cells[i].length() > width[i] ? cells[i].substring(0, width[i] - 3) + "..." : cells[i];
            String pad = " ".repeat(width[i] - cell.length());
            l.append(i == 0 ? "" : "  ").append(right[i] ? pad + cell : cell + pad);
        }
        out.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }
}
