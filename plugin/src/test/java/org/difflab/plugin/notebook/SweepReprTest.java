package org.difflab.plugin.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.difflab.distributed.job.Progress;
import org.difflab.distributed.sweep.Cell;
import org.difflab.distributed.sweep.CellEvaluator;
import org.difflab.distributed.sweep.Sweep;
import org.difflab.distributed.sweep.SweepGrid;
import org.difflab.distributed.sweep.SweepRow;
import org.difflab.distributed.sweep.SweepTable;
import org.junit.jupiter.api.Test;

/** A sweep's table renders with its studies, cells and plots; a job's progress keeps one display updated. */
class SweepReprTest {

    /** The table of a grid evaluated cell by cell in this JVM (no Spark needed to render one). */
    private static SweepTable table(Sweep sweep) {
        SweepGrid grid = sweep.build();
        List<SweepRow> rows = new ArrayList<>();
        List<Cell> cells = grid.cells();
        for (int i = 0; i < cells.size(); i++) {
            rows.add(SweepRow.of(cells.get(i), new CellEvaluator().run(cells.get(i)), 0.5, "1@here"));
        }
        return SweepTable.of(grid, rows, "local[1]", 1, 2.0);
    }

    @Test
    void aSweepRendersItsOrdersCellsAndPlots() {
        SweepTable t = table(Sweep.grid().targets("gaussian:d=2,mean=1,var=0.05").integrators("ddim", "heun").steps(8, 16, 32));
        MimeBundle b = Repr.of(t);
        assertThat(b.types()).containsExactly(MimeBundle.TEXT, MimeBundle.HTML, MimeBundle.PNG, MimeBundle.SVG);
        assertThat(b.get(MimeBundle.TEXT)).startsWith("sweep of 6 cells on local[1] (1 executor, 2.0 s)");
        assertThat(b.get(MimeBundle.HTML)).contains("<b>Sweep of 6 cells</b>", "<h4>w2 on gaussian:d=2,mean=1,var=0.05</h4>",
                "Fitted orders against h = 1/T", "heun", "1@here");
        assertThat(b.get(MimeBundle.HTML).split("src=\"data:image/png;base64,", -1)).as("two inline plots: errors and work-precision").hasSize(3);
        assertThat(Bundles.png(b).getWidth()).isGreaterThan(100);
    }

    @Test
    void aComplexitySweepRendersItsExponents() {
        SweepTable t = table(Sweep.grid().targets("gaussian:mean=1,var=0.05").dims(1, 4).integrators("ddim").eps(0.2, 0.1).metrics("tv")
                .timeGrid("uniform").reference("x0").init("prior").stepRange(2, 512));
        assertThat(Repr.of(t).get(MimeBundle.HTML)).contains("<h4>tv on gaussian:mean=1,var=0.05</h4>", "Fitted T ~ C d^a eps^-b");
    }

    @Test
    void aJobsProgressIsShownOnceThenUpdated() {
        RecordingDisplay display = new RecordingDisplay();
        NotebookJobProgress p = new NotebookJobProgress(display::display, display::update, 0);
        p.update(new Progress("sweep", "cells", 0, 4, 0.1));
        p.update(new Progress("sweep", "cells", 2, 4, 1.0));
        p.update(new Progress("sweep", "cells", 2, 4, 1.5));
        p.update(new Progress("sweep", "cells", 4, 4, 2.0));
        assertThat(display.shown).hasSize(1);
        assertThat(Repr.of(display.shown.get(0)).get(MimeBundle.HTML)).contains("<progress value=\"0\" max=\"4\"");
        p.update(new Progress("sweep", "cells", 4, 4, 2.1));
        assertThat(display.updateTexts()).containsExactly("id-1 [###############---------------] sweep: 2/4 cells, 1.0 s, about 1 s left",
                "id-1 [###############---------------] sweep: 2/4 cells, 1.5 s, about 2 s left",
                "id-1 [##############################] sweep: 4/4 cells, 2.0 s");
        assertThat(p.shown().finished()).isTrue();
    }
}
