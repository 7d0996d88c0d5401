package org.difflab.plugin.notebook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks a notebook ended with, each a line from {@link Expect} saying what held: one per line as text, a list
 * in HTML (a plain string's line breaks vanish there).
 *
 * @param lines what held, in order
 */
public record Checked(List<String> lines) implements MimeRenderable {

    public Checked {
        lines = List.copyOf(lines);
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.text(String.join("\n", lines)).with(MimeBundle.HTML, "<ul>" + lines.stream()
                .map(l -> "<li>" + Html.escape(l) + "</li>").collect(Collectors.joining()) + "</ul>").build();
    }
}
