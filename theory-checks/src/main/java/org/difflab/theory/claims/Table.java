package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a claim's evidence (e.g. errors against steps), already formatted, so every report format shows the same
 * digits; written as Markdown, HTML and CSV.
 *
 * @param title   one line saying what the table holds
 * @param columns column headers
 * @param rows    rows of cells, each as long as {@code columns}
 */
public record Table(String title, List<String> columns, List<List<String>> rows) {

    public Table {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("columns = " + columns + " is not allowed: give at least 1 column");
        }
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, which is not allowed: the table has "
                        + columns.size() + " columns " + columns);
            }
            copy.add(List.copyOf(r));
        }
        title = title == null ? "" : title;
        columns = List.copyOf(columns);
        rows = List.copyOf(copy);
    }

    /** Builds a table row by row. */
    public static Builder of(String title, String... columns) {
        return new Builder(title, List.of(columns));
    }

    /** Collects rows; cells are formatted with {@link String#valueOf}. */
    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(String title, List<String> columns) {
            this.title = title;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            List<String> r = new ArrayList<>();
            for (Object c : cells) {
                r.add(String.valueOf(c));
            }
            rows.add(r);
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows);
        }
    }
}
