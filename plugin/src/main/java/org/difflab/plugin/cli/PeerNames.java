package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The names under which k-diffusion ({@code k_diffusion/sampling.py}) and diffusers ({@code diffusers.schedulers})
 * offer the same method as a DiffLab sampler, for {@code difflab list}; docs/samplers.md's table "Names people know"
 * says how far each match was checked and is held to these names by {@code DocsAgreeWithCodeTest}.
 */
final class PeerNames {
    /** The peers' names of one sampler ("none" where the library has no such sampler). */
    record Peer(String kDiffusion, String diffusers) {
        /** k-diffusion's function alone, for a table cell ("-" where it has none; `difflab list NAME` shows both in full). */
        String kDiffusionFunction() {
            return kDiffusion.startsWith("none") ? "-" : kDiffusion.split("[ ;]")[0];
        }
    }

    private static final Peer NONE = new Peer("none", "none");

    /** The table, one line a sampler: its name, k-diffusion's and diffusers' names, tab-separated ({@code peer-names.tsv}). */
    private static final Map<String, Peer> BY_NAME = read("peer-names.tsv");

    private PeerNames() {}

    /** The peers' names of the sampler registered as {@code name}. */
    static Peer of(String name) {
        return BY_NAME.getOrDefault(name, NONE);
    }

    private static Map<String, Peer> read(String resource) {
        try (InputStream in = PeerNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            Map<String, Peer> byName = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t", -1);
                if (fields.length != 3 || byName.put(fields[0], new Peer(fields[1], fields[2])) != null) {
                    throw new IllegalStateException(resource + ": '" + line + "' is not allowed: each line must be a new name, "
                            + "k-diffusion's and diffusers' names, tab-separated");
                }
            }
            return Map.copyOf(byName);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource + ": " + e.getMessage(), e);
        }
    }
}
