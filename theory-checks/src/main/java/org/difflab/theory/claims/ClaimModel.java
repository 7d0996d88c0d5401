package org.difflab.theory.claims;

import java.util.function.Supplier;
import org.difflab.dsl.model.ScoreModel;

/**
 * Where a claim gets its score model: a description a reader can rerun (e.g. {@code zoo:shapes16-w16}) and how to
 * build it. Building may be costly (loading or training a network), so a claim builds it only when checked; a model
 * that holds native memory ({@link AutoCloseable}) is closed after the check.
 *
 * @param description what the model is, for the setup text
 * @param build       builds the model
 */
public record ClaimModel(String description, Supplier<ScoreModel> build) {

    public ClaimModel {
        if (description == null || description.isBlank() || build == null) {
            throw new IllegalArgumentException("description = '" + description + "', build = " + build
                    + " are not allowed: a model source needs a description and a way to build it");
        }
    }

    /** Runs {@code use} on a freshly built model and closes the model afterwards when it holds native memory. */
    <T> T with(java.util.function.Function<ScoreModel, T> use) {
        ScoreModel model = build.get();
        try {
            return use.apply(model);
        } finally {
            if (model instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the model " + description + " failed: " + e.getMessage(), e);
                }
            }
        }
    }
}
