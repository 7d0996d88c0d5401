package org.difflab.plugin.notebook.repr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Chart;

/**
 * A model hierarchy (the levels of multilevel samplers) in a notebook: each level's model and cost and, when pilot
 * differences are known, the largest squared difference to the level below (HTML), and both against the level on a
 * log axis: ML-EM pays off when costs grow slower than differences shrink.
 */
public final class HierarchyRepr {
    private HierarchyRepr() {}

    public static MimeBundle of(ModelHierarchy h) {
        double[] deltas = h.differences().map(p -> p.max()).orElse(null);
        List<List<String>> rows = new ArrayList<>();
        double[] k = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            k[i] = i + 1;
            rows.add(List.of(Integer.toString(i + 1), h.model(i + 1).describe(), Numbers.sci(h.cost(i + 1)),
                    deltas == null ? "" : Numbers.sci(deltas[i])));
        }
        String html = Html.table("Model hierarchy: " + h.size() + " levels" + h.base().map(b -> ", base " + b.describe()).orElse(""),
                List.of("level k", "model", "cost C_k", "max delta_k"), rows);
        boolean positive = Arrays.stream(h.costs()).allMatch(v -> v > 0)
                && (deltas == null || Arrays.stream(deltas).allMatch(v -> v > 0));
        Chart.Builder c = Chart.of("levels: cost" + (deltas == null ? "" : " and difference"), "level k", "value", false, positive)
                .measured("cost C_k", k, h.costs());
        if (deltas != null) {
            c.measured("max delta_k (squared difference to level k-1)", k, deltas);
        }
        return ChartRepr.images(c.build(), MimeBundle.text(h.toString()).with(MimeBundle.HTML, html)).build();
    }
}
