package org.difflab.plugin.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A notebook's two display functions for tests of live progress: {@link #display} records the value and returns the
 * display id "id-1", {@link #update} records each replacement with the id it was sent to.
 */
final class RecordingDisplay {
    final List<Object> shown = new ArrayList<>();
    final List<String> updateIds = new ArrayList<>();
    final List<Object> updates = new ArrayList<>();

    String display(Object value) {
        shown.add(value);
        return "id-1";
    }

    void update(String id, Object value) {
        updateIds.add(id);
        updates.add(value);
    }

    /** Each update as "ID TEXT", TEXT its plain-text rendering. */
    List<String> updateTexts() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            out.add(updateIds.get(i) + " " + Repr.of(updates.get(i)).get(MimeBundle.TEXT));
        }
        return out;
    }
}
