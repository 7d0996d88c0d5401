package org.difflab.plugin.notebook.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * A JJava kernel that evaluates nothing, built from JJava's own builder parts (I/O, comms, error styling) around a
 * given renderer, so tests install extensions into a real {@link BaseKernel}.
 */
final class Kernels extends BaseKernelBuilder<Kernels, BaseKernel> {
    private final Renderer renderer;

    private Kernels(Renderer renderer) {
        this.renderer = renderer;
    }

    static BaseKernel jjava(Renderer renderer) {
        return new Kernels(renderer).build();
    }

    @Override
    public BaseKernel build() {
        return new BaseKernel("test", "0", null, List.of(), null, buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), renderer,
                null, buildMagicsRegistry(), false, buildErrorStyler()) {
            @Override
            public Object evalRaw(String expr) {
                throw new UnsupportedOperationException("this kernel evaluates nothing");
            }

            @Override
            public DisplayData inspect(String code, int at, boolean extraDetail) {
                return null;
            }

            @Override
            public ReplacementOptions complete(String code, int at) {
                return null;
            }

            @Override
            public String isComplete(String code) {
                return null;
            }
        };
    }
}
