package org.difflab.distributed.sweep;

import java.util.ArrayList;
import java.util.List;

/** Target specs with their dimension set: the {@code --dims} axis applied to a {@code --target} spec. */
final class TargetSpecs {
    private TargetSpecs() {}

    /** The spec with {@code d=<dim>}, replacing a d it has: {@code gaussian:mean=1} and 4 give {@code gaussian:d=4,mean=1}. */
    static String withDim(String spec, int dim) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        List<String> entries = new ArrayList<>();
        entries.add("d=" + dim);
        if (colon >= 0) {
            for (String e : spec.substring(colon + 1).split(",")) {
                if (!e.isBlank() && !e.trim().startsWith("d=")) {
                    entries.add(e.trim());
                }
            }
        }
        return name + ":" + String.join(",", entries);
    }

    /** The spec without its d entry, naming a family of targets across dimensions: {@code gaussian:mean=1,var=0.05}. */
    static String withoutDim(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return spec.trim();
        }
        List<String> entries = new ArrayList<>();
        for (String e : spec.substring(colon + 1).split(",")) {
            if (!e.isBlank() && !e.trim().startsWith("d=")) {
                entries.add(e.trim());
            }
        }
        String name = spec.substring(0, colon).trim();
        return entries.isEmpty() ? name : name + ":" + String.join(",", entries);
    }
}
