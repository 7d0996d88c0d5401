package org.difflab.plugin.notebook.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.difflab.plugin.notebook.kernel.rapaio.RapaioKernelLauncher;

/**
 * Writes the jar that holds {@link RapaioKernelLauncher} alone, beside kernel.json: the kernel's JVM starts from it
 * and rapaio's jar, while DiffLab's own jars stay off the JVM's class path (JShell loads them from RJK_CLASSPATH).
 * The class file is copied from the running DiffLab, so the launcher always matches the installer. The jar names no
 * main class: the launcher needs rapaio's jar beside it on the class path, so kernel.json names both and the class.
 */
public final class KernelLauncherJar {
    /** The jar's file name. */
    public static final String FILE = "difflab-kernel-launcher.jar";

    private KernelLauncherJar() {}

    /** Writes the launcher jar to {@code jar}, replacing what is there. */
    public static void write(Path jar) throws IOException {
        String entry = RapaioKernelLauncher.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (InputStream in = RapaioKernelLauncher.class.getClassLoader().getResourceAsStream(entry);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (in == null) {
                throw new IOException("the class file " + entry + " is not on DiffLab's class path");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
