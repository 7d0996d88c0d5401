package org.difflab.plugin.notebook.install;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Jupyter looks for kernelspecs, as {@code jupyter kernelspec install} chooses: {@code --user} the user's data
 * directory ($JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter), {@code --prefix P}
 * P/share/jupyter, otherwise the system directory /usr/local/share/jupyter; kernels live in its kernels/ folder.
 */
public final class KernelDirs {
    private KernelDirs() {}

    /** The user's kernels directory for this environment and home directory. */
    public static Path user(Map<String, String> env, Path home) {
        String data = env.get("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "kernels");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("jupyter/kernels");
    }

    /** The kernels directory under an installation prefix. */
    public static Path prefix(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }

    /** The system-wide kernels directory (Jupyter's default on Linux). */
    public static Path system() {
        return Path.of("/usr/local/share/jupyter/kernels");
    }
}
