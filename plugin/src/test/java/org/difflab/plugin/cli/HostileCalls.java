package org.difflab.plugin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 26's invalid calls, added to {@link InvalidCallsTest}'s: every option of every command mistyped, repeated and
 * left without its value; sizes beyond the memory budget (grids, kept samples, mixtures, full covariances, image
 * shapes); input files that are empty, truncated, random bytes or folders; output paths that are empty, folders, in
 * missing folders or misnamed. Each is (command line, text its error must contain, a second text); every one must be
 * refused before any work with exit code 2, and leave no file whose name starts with {@code out-}.
 */
final class HostileCalls {
    /** Values of the size cases, beyond any heap a test JVM gets (the smallest estimate is 59 GiB). */
    private static final List<String> HUGE_STEPS = List.of("1000000000", "1200000000", "1500000000", "2147483647");

    private HostileCalls() {}

    static Stream<Arguments> all(Path dir) throws IOException {
        List<Arguments> a = new ArrayList<>();
        usage(a);
        numbers(a);
        sizes(a);
        files(a, dir);
        outputs(a, dir);
        return a.stream();
    }

    /** Every long option of every command (subcommands of subcommands too): mistyped, given twice, given without its value. */
    private static void usage(List<Arguments> a) {
        List<CommandLine> commands = new ArrayList<>();
        collect(DiffLabCommand.newCommandLine(), commands);
        for (CommandLine c : commands) {
            List<String> path = new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName().split(" ")));
            path.remove(0);
            for (OptionSpec o : c.getCommandSpec().options()) {
                String name = o.longestName();
                if (o.usageHelp() || o.versionHelp() || !name.startsWith("--")) {
                    continue;
                }
                if (name.length() > 4) {
                    String typo = name.substring(0, name.length() - 2) + name.charAt(name.length() - 1);
                    if (c.getCommandSpec().optionsMap().get(typo) == null) {
                        a.add(Arguments.of(line(path, typo, "1"), "unknown option '" + typo + "'", "did you mean '" + name + "'?"));
                    }
                }
                if (o.arity().min() > 0) {
                    a.add(Arguments.of(line(path, name), name + " needs a value", o.paramLabel()));
                    if (!o.isMultiValue()) {
                        a.add(Arguments.of(line(path, name, "1", name, "2"), name, "is given more than once"));
                    }
                }
            }
            if (!c.getSubcommands().isEmpty()) {
                for (String sub : c.getSubcommands().keySet()) {
                    if (sub.length() > 3 && !sub.equals("help")) {
                        String typo = sub.substring(1);
                        a.add(Arguments.of(line(path, typo), "unknown command '" + typo + "'", "did you mean '" + sub + "'?"));
                    }
                }
            }
        }
    }

    /** Bad numbers for the numeric options of bench, cluster and sweep: zero, negative, not a number, beyond int, empty, exponent notation. */
    private static void numbers(List<Arguments> a) {
        List<String[]> lines = new ArrayList<>();
        for (String o : List.of("--repeats", "--steps", "--unet-steps", "--shapes", "--unet-batches")) {
            lines.add(new String[] {"bench", o});
        }
        for (String o : List.of("--workers", "--cores")) {
            lines.add(new String[] {"cluster", o});
        }
        for (String o : List.of("--n", "--min-steps", "--max-steps", "--connect-timeout", "--executor-timeout", "--steps", "--dims")) {
            String[] other = o.equals("--steps") ? new String[0] : o.endsWith("-steps") ? new String[] {"--eps", "0.01"}
                    : o.equals("--n") ? new String[] {"--steps", "10,20", "--metric", "mmd2"} : new String[] {"--steps", "10,20"};
            lines.add(Stream.concat(Stream.of("sweep", "--target", "gaussian:d=2", "--integrator", "ddim"), Stream.concat(Stream.of(other), Stream.of(o)))
                    .toArray(String[]::new));
        }
        for (String[] l : lines) {
            String option = l[l.length - 1];
            for (String v : List.of("0", "-1", "abc", "99999999999", "", "1e3")) {
                if (option.equals("--dims") && v.equals("1e3")) {
                    continue; // the sweep reads 1e3 dimensions as 1000, a valid request
                }
                String[] line = Arrays.copyOf(l, l.length + 1);
                line[l.length] = v;
                a.add(Arguments.of(line, option, v));
            }
        }
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    private static String[] line(List<String> path, String... rest) {
        return Stream.concat(path.stream(), Stream.of(rest)).toArray(String[]::new);
    }

    /** Requests beyond the budget: refused with their estimate before a target, grid or tensor is made. */
    private static void sizes(List<Arguments> a) {
        for (String steps : HUGE_STEPS) {
            for (String target : List.of("gaussian:d=2", "gaussian:d=64", "gmm:preset=ring8", "gmm:d=8,k=4", "gaussian:d=3,diag=1;2;3")) {
                a.add(Arguments.of(new String[] {"sample", "--target", target, "--integrator", "ddim", "--steps", steps, "--n", "4"}, "needs", steps));
                a.add(Arguments.of(new String[] {"sample", "--target", target, "--integrator", "heun", "--steps", steps, "--n", "4", "--out", "out-s.csv"},
                        "needs", steps));
            }
            for (String target : List.of("gaussian:d=2", "gaussian:d=16,var=0.5", "gaussian:d=4,spread=10")) {
                a.add(Arguments.of(new String[] {"eval", "--target", target, "--integrator", "ddim", "--steps", steps}, "needs", steps));
                a.add(Arguments.of(new String[] {"converge", "--target", target, "--integrator", "ddim", "--steps", "10," + steps}, "needs", steps));
            }
            a.add(Arguments.of(new String[] {"sample", "--model", "absent.pt", "--event-shape", "3,8,8", "--integrator", "ddim", "--steps", steps, "--n",
                    "2"}, "needs", steps));
        }
        for (String n : List.of("1000000000", "1500000000", "2147483647")) {
            for (int d : new int[] {16, 128, 1024, 4096}) {
                a.add(Arguments.of(new String[] {"sample", "--target", "gaussian:d=" + d, "--integrator", "ddim", "--steps", "2", "--n", n}, "--n = " + n,
                        "needs"));
            }
        }
        for (int d : new int[] {10_000, 50_000, 100_000}) {
            for (int k : new int[] {500, 1000}) {
                for (String batch : List.of("4096", "65536")) {
                    String gmm = "gmm:d=" + d + ",k=" + k;
                    a.add(Arguments.of(new String[] {"sample", "--target", gmm, "--integrator", "ddim", "--steps", "5", "--n", "8", "--batch", batch},
                            "--target = " + gmm, "needs"));
                }
            }
        }
        for (int d : new int[] {46_341, 50_000, 100_000}) {
            String full = "gaussian:d=" + d + ",spread=2";
            a.add(Arguments.of(new String[] {"sample", "--target", full, "--integrator", "ddim", "--steps", "5", "--n", "8"}, "--target = " + full, "needs"));
            a.add(Arguments.of(new String[] {"eval", "--target", full, "--integrator", "ddim", "--steps", "5"}, "--target = " + full, "needs"));
            a.add(Arguments.of(new String[] {"converge", "--target", full, "--integrator", "ddim", "--steps", "5,10"}, "--target = " + full, "needs"));
        }
        for (String shape : List.of("3,65536,65536", "1,100000,100000", "3,4096,4096", "64,1024,1024")) {
            for (String n : List.of("64", "100000")) {
                a.add(Arguments.of(new String[] {"sample", "--model", "absent.pt", "--event-shape", shape, "--integrator", "ddim", "--steps", "5", "--n", n},
                        "needs", "--event-shape"));
            }
        }
    }

    /** Input files that are empty, truncated, random bytes or folders, for every option that reads one. */
    private static void files(List<Arguments> a, Path dir) throws IOException {
        byte[] random = new byte[512];
        new SplittableRandom(26).nextBytes(random);
        byte[] zipStart = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        for (String ext : List.of(".pt", ".ckpt")) {
            Path empty = Files.write(dir.resolve("empty" + ext), new byte[0]);
            Path truncated = Files.write(dir.resolve("truncated" + ext), zipStart);
            Path noise = Files.write(dir.resolve("random" + ext), random);
            Path folder = Files.createDirectories(dir.resolve("folder" + ext));
            for (Path f : List.of(empty, truncated, noise, folder)) {
                for (String integrator : List.of("ddim", "heun")) {
                    List<String> line = new ArrayList<>(List.of("sample", "--model", f.toString(), "--integrator", integrator, "--steps", "3", "--n", "2"));
                    if (ext.equals(".pt")) {
                        line.addAll(List.of("--event-shape", "1,4,4"));
                    }
                    a.add(Arguments.of(line.toArray(String[]::new), f.toString(), "not"));
                }
            }
        }
        Path empty = Files.write(dir.resolve("empty.jar"), new byte[0]);
        Path noise = Files.write(dir.resolve("random.jar"), random);
        Path truncated = Files.write(dir.resolve("truncated.jar"), zipStart);
        for (Path jar : List.of(empty, noise, truncated, dir, dir.resolve("absent.jar"), Path.of("/etc/passwd"))) {
            a.add(Arguments.of(new String[] {"kernel", "install", "--prefix", dir.resolve("out-kernels").toString(), "--kernel-jar", jar.toString()},
                    "--kernel-jar = " + jar, "rapaio-jupyter-kernel"));
        }
        Path text = Files.write(dir.resolve("random.grid"), random);
        for (Path grid : List.of(text, dir, dir.resolve("absent.grid"))) {
            a.add(Arguments.of(new String[] {"sweep", "--file", grid.toString(), "--out", dir.resolve("out-sweep").toString()}, "--file = " + grid,
                    "not allowed"));
        }
    }

    /** Output paths refused before any work: empty, an existing folder, in a missing folder, misnamed. */
    private static void outputs(List<Arguments> a, Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out-folder.csv"));
        String missing = dir.resolve("absent").resolve("out-x").toString();
        String[] sample = {"sample", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "5", "--n", "4"};
        String[] converge = {"converge", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "10,20"};
        String[] check = {"check", "--claim", "order-ddim"};
        for (String[] o : new String[][] {{"--out", ""}, {"--out", folder.toString()}, {"--out", missing + ".csv"}, {"--out", missing + ".npy"},
                {"--out", dir.resolve("out-s.txt").toString()}, {"--out", dir.resolve("out-s.png").toString()}, {"--plot", ""},
                {"--plot", folder.toString()}, {"--plot", missing + ".png"}, {"--plot", dir.resolve("out-p.svg").toString()}}) {
            for (String integrator : List.of("ddim", "heun", "ddpm")) {
                String[] line = Cli.withOption(Arrays.asList(sample), "--integrator", integrator);
                a.add(Arguments.of(Cli.withOption(Arrays.asList(line), o[0], o[1]), o[0], o[1].isEmpty() ? "''" : o[1]));
            }
        }
        for (String[] o : new String[][] {{"--plot", ""}, {"--plot", folder.toString()}, {"--plot", missing + ".png"},
                {"--plot", dir.resolve("out-c.jpg").toString()}}) {
            a.add(Arguments.of(Cli.withOption(Arrays.asList(converge), o[0], o[1]), o[0], o[1].isEmpty() ? "''" : o[1]));
        }
        Path file = Files.writeString(dir.resolve("out-file"), "x");
        for (String[] o : new String[][] {{"--report", ""}, {"--report", file.toString()}, {"--json", ""}, {"--json", folder.toString()},
                {"--json", missing + ".json"}}) {
            a.add(Arguments.of(Cli.withOption(Arrays.asList(check), o[0], o[1]), o[0], o[1].isEmpty() ? "''" : o[1]));
        }
        for (String[] o : new String[][] {{"--json", ""}, {"--json", folder.toString()}, {"--json", missing + ".json"},
                {"--json", dir.resolve("out-b.txt").toString()}}) {
            a.add(Arguments.of(new String[] {"bench", o[0], o[1]}, o[0], o[1].isEmpty() ? "''" : o[1]));
        }
        for (String out : List.of("", file.toString())) {
            a.add(Arguments.of(new String[] {"sweep", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "10,20", "--out", out}, "--out",
                    out.isEmpty() ? "''" : out));
        }
    }
}
