package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.difflab.theory.claims.Catalogue;
import org.difflab.theory.claims.CatalogueEntry;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.ControlResult;
import org.difflab.theory.claims.OrderClaim;
import org.difflab.theory.claims.Table;
import org.junit.jupiter.api.Test;

class ClaimRunnerTest {

    private static CatalogueEntry small(String id) {
        return CatalogueEntry.of(((OrderClaim) Catalogue.byId(id)).withSteps(20, 40, 80));
    }

    /** Records the threads the claims ran on, and their intra-op thread counts. */
    private static final class Threads implements ClaimRunner.Listener {
        final Set<String> names = Collections.synchronizedSet(new HashSet<>());
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> intraOp = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(String claim) {
            names.add(Thread.currentThread().getName());
            started.add(claim);
            intraOp.add(JniUtils.getNumThreads());
        }

        @Override
        public void controlStarted(String claim, String control) {
        }

        @Override
        public void finished(ClaimResult result, List<ControlResult> controls) {
        }
    }

    @Test
    void claimsSideBySideGiveTheSameBitsAsOneAtATimeInEitherOrder() {
        List<CatalogueEntry> entries = List.of(small("order-ddim"), small("order-ddpm"));
        Threads one = new Threads();
        List<ClaimResult> alone = ClaimRunner.run(entries, false, 1, Map.of("order-ddim", 1.0, "order-ddpm", 5.0), one);
        assertThat(one.started).as("the longest claim of the previous run first").containsExactly("order-ddpm", "order-ddim");
        assertThat(alone).extracting(r -> r.claim().id()).containsExactly("order-ddim", "order-ddpm");
        List<CatalogueEntry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        Threads threads = new Threads();
        List<ClaimResult> together = new ArrayList<>(ClaimRunner.run(reversed, false, 2, threads));
        Collections.reverse(together);

        assertThat(threads.names).hasSize(2);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(together.get(i).claim().id()).isEqualTo(entries.get(i).id());
            assertThat(withoutWallTimes(together.get(i).tables())).isEqualTo(withoutWallTimes(alone.get(i).tables()));
            List<Check> a = alone.get(i).checks();
            List<Check> b = together.get(i).checks();
            assertThat(b).hasSameSizeAs(a);
            for (int k = 0; k < a.size(); k++) {
                assertThat(Double.doubleToRawLongBits(b.get(k).value())).as(b.get(k).subject()).isEqualTo(Double.doubleToRawLongBits(a.get(k).value()));
                assertThat(b.get(k).lower()).isEqualTo(a.get(k).lower());
                assertThat(b.get(k).upper()).isEqualTo(a.get(k).upper());
            }
        }
    }

    /** Each table's title and rows without its wall-time columns (the only cells that may differ between runs). */
    private static List<List<Object>> withoutWallTimes(List<Table> tables) {
        List<List<Object>> out = new ArrayList<>();
        for (Table t : tables) {
            out.add(List.of(t.title()));
            for (List<?> row : t.rows()) {
                List<Object> kept = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    if (!t.columns().get(c).contains("wall")) {
                        kept.add(row.get(c));
                    }
                }
                out.add(kept);
            }
        }
        return out;
    }

    /**
     * Two claims at once on an engine of 6 intra-op threads run with 3 each, one at a time with 6 (a new thread would have
     * OpenMP's default: OMP_NUM_THREADS or the processors).
     */
    @Test
    void theEnginesIntraOpThreadsAreDividedAmongTheWorkers() {
        assertThat(ClaimRunner.threadsPerClaim(2, 2)).isEqualTo(1);
        assertThat(ClaimRunner.threadsPerClaim(1, 4)).isEqualTo(1);
        assertThat(ClaimRunner.threadsPerClaim(16, 3)).isEqualTo(5);
        List<CatalogueEntry> entries = List.of(small("order-ddim"), small("order-heun"));
        Threads two = new Threads();
        ClaimRunner.run(entries, false, 2, 6, Map.of(), two);
        assertThat(two.intraOp).containsExactly(3, 3);
        Threads one = new Threads();
        ClaimRunner.run(entries, false, 1, 6, Map.of(), one);
        assertThat(one.intraOp).containsExactly(6, 6);
    }

    @Test
    void anInterruptStopsTheRunningClaimsAndIsReportedAsACancellation() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> ClaimRunner.run(List.of(Catalogue.entry("complexity-li-ddpm"), Catalogue.entry("complexity-accelerated-ddpm")),
                false, 2, new Threads())).isInstanceOf(CancellationException.class).hasMessageContaining("stopped while claims were running");
        assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
    }

    @Test
    void aFailingClaimIsRethrownAsItIsAndWorkersAreChecked() {
        CatalogueEntry broken = CatalogueEntry.of(((OrderClaim) Catalogue.byId("order-ddim")).withIntegrators(List.of("noSuchSampler")));
        assertThatThrownBy(() -> ClaimRunner.run(List.of(small("order-ddim"), broken), false, 2, new Threads()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noSuchSampler");
        assertThatThrownBy(() -> ClaimRunner.run(List.of(broken), false, 0, new Threads()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workers = 0 is not allowed");
        System.setProperty(ClaimRunner.WORKERS_PROPERTY, "two");
        try {
            assertThatThrownBy(() -> ClaimRunner.workers(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("difflab.check.workers = 'two' is not allowed: must be an integer in [1, 64]");
        } finally {
            System.clearProperty(ClaimRunner.WORKERS_PROPERTY);
        }
    }
}
