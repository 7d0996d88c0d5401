package org.difflab.theory.claims;

import java.util.function.Supplier;
import org.difflab.runtime.classifier.ClassifierCache;
import org.difflab.runtime.classifier.ClassifierRecipe;
import org.difflab.runtime.classifier.FeatureClassifier;

/**
 * Where a feature claim gets its classifier (the feature space of its FD and KD, and the classes of its histograms): a
 * description for the setup text and how to build it. Building may train it (the cache trains on first use), so a
 * claim builds it only when checked, and closes it afterwards.
 *
 * @param description what the classifier is, e.g. its recipe
 * @param build       builds (loads or trains) the classifier
 */
public record ClaimClassifier(String description, Supplier<FeatureClassifier> build) {

    public ClaimClassifier {
        if (description == null || description.isBlank() || build == null) {
            throw new IllegalArgumentException("description = '" + description + "', build = " + build
                    + " are not allowed: a classifier source needs a description and a way to build it");
        }
    }

    /** DiffLab's Fashion-MNIST classifier ({@link ClassifierRecipe#standard()}) from the standard cache, trained on first use. */
    static ClaimClassifier standard() {
        ClassifierRecipe recipe = ClassifierRecipe.standard();
        return new ClaimClassifier("classifier " + recipe.describe() + " (ClassifierCache, trained on first use)",
                () -> ClassifierCache.standard(System.err::println).obtain(recipe));
    }
}
