package org.difflab.distributed.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated lists of specs, keeping the commas inside one spec's parameters: {@code ddpm:variance=small,heun}
 * is two specs, {@code gaussian:d=2,mean=1} is one (an entry with '=' and no ':' continues the spec before it).
 */
public final class SpecList {
    private SpecList() {}

    /**
     * Splits a list.
     *
     * @param option names the list in errors, e.g. {@code --integrator}
     * @throws IllegalArgumentException for an empty entry
     */
    public static List<String> split(String option, String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            boolean parameter = part.contains("=") && !part.contains(":");
            if (parameter && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + part.trim());
            } else {
                out.add(part.trim());
            }
        }
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(option + " = " + list + " is not allowed: a comma-separated list of specs "
                    + "with no empty entry, e.g. ddim,heun");
        }
        return out;
    }
}
