package org.difflab.plugin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a Python that imports torch the PyTorch column is left out with a reason that names each Python tried. */
class TorchLoopsTest {

    @Test
    void aMissingPythonIsNamedWithTheWayToGetOne() {
        TorchLoops.Started s = TorchLoops.start(1, List.of("/nonexistent/python3"));
        assertThat(s.loops()).isNull();
        assertThat(s.reason()).contains("/nonexistent/python3: cannot be started").contains("python3-torch").contains(TorchLoops.PYTHON_ENVIRONMENT);
    }

    @Test
    void aPythonWithoutTorchIsNamedWithItsImportError() {
        // a Python that exits at once, as one without torch does after its error line: here `false` stands for it
        TorchLoops.Started s = TorchLoops.start(1, List.of("false"));
        assertThat(s.loops()).isNull();
        assertThat(s.reason()).contains("false: exited without an answer");
    }
}
