package org.difflab.distributed.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress on a terminal is one bar rewritten in place; elsewhere plain lines, never the carriage return. */
class ConsoleProgressTest {

    /** What a ConsoleProgress (on a terminal or not, lines at most once per interval) writes for these updates. */
    private static String written(boolean terminal, long intervalMillis, Progress... updates) {
        StringWriter out = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(out), terminal, intervalMillis);
        for (Progress u : updates) {
            p.update(u);
        }
        return out.toString();
    }

    @Test
    void aTerminalGetsOneBarRewrittenAndEndedWithANewline() {
        assertThat(written(true, 2000, new Progress("sweep", "cells", 0, 3, 0.0), new Progress("sweep", "cells", 3, 3, 1.0)))
                .isEqualTo("\r[------------------------------] sweep: 0/3 cells, 0.0 s"
                        + "\r[##############################] sweep: 3/3 cells, 1.0 s" + System.lineSeparator());
    }

    @Test
    void aLogGetsPlainLinesAtTheStartWhenItemsFinishAfterTheIntervalAndAtTheEnd() {
        String nl = System.lineSeparator();
        assertThat(written(false, 0, new Progress("sample", "partitions", 0, 4, 0.0), new Progress("sample", "partitions", 2, 4, 1.0),
                new Progress("sample", "partitions", 4, 4, 2.0)))
                .isEqualTo("sample: 0/4 partitions, 0.0 s" + nl + "sample: 2/4 partitions, 1.0 s, about 1 s left" + nl
                        + "sample: 4/4 partitions, 2.0 s" + nl).doesNotContain("\r");
    }

    @Test
    void aLogIsNotFloodedWithinTheInterval() {
        Progress[] updates = new Progress[51];
        for (int i = 0; i <= 50; i++) {
            updates[i] = new Progress("sweep", "cells", i, 100, i * 0.01);
        }
        assertThat(written(false, 60_000, updates).lines()).containsExactly("sweep: 0/100 cells, 0.0 s");
    }
}
