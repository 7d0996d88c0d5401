package org.difflab.distributed.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The artifacts Spark consists of: the spark-core subtree of this module's dependency tree, written at build time by
 * Maven ({@code dependency:tree} with the duplicates it omits shown, a resource of this module), so it includes the
 * libraries DiffLab shares with Spark (slf4j, commons-math3, ...). A cluster's executors have these already, so they are
 * not shipped ({@link ExecutorJars}); a local standalone cluster's Spark home is made of them
 * ({@link org.difflab.distributed.cluster.SparkHome}). A jar is recognised by its artifact id at the start of Maven's
 * file name {@code artifactId-version[-classifier].jar}, whatever version the class path resolved.
 */
public final class SparkArtifacts {
    private static final String RESOURCE = "dependency-tree.txt";
    private static final Pattern ENTRY = Pattern.compile("^[|+\\\\\\- ]*\\(?([^\\s:()]+):([^\\s:()]+):[^\\s]+");
    private static SparkArtifacts loaded;

    private final Set<String> artifactIds;

    private SparkArtifacts(Set<String> artifactIds) {
        this.artifactIds = Set.copyOf(artifactIds);
    }

    /** The list built with this module. */
    public static synchronized SparkArtifacts load() {
        if (loaded == null) {
            try (InputStream in = SparkArtifacts.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from DiffLab's distributed module: rebuild it (mvn package)");
                }
                loaded = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return loaded;
    }

    /**
     * The artifact ids of the subtree under the depth-1 node {@code org.apache.spark:spark-core_*}, omitted duplicates
     * (in parentheses) included.
     */
    static SparkArtifacts parse(BufferedReader tree) throws IOException {
        Set<String> ids = new TreeSet<>();
        boolean inSpark = false;
        for (String line = tree.readLine(); line != null; line = tree.readLine()) {
            boolean depthOne = line.startsWith("+- ") || line.startsWith("\\- ");
            if (depthOne) {
                inSpark = line.substring(3).startsWith("org.apache.spark:spark-core_");
            }
            Matcher m = ENTRY.matcher(line);
            if (inSpark && m.find()) {
                ids.add(m.group(2));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no spark-core subtree: rebuild DiffLab's distributed module (mvn package)");
        }
        return new SparkArtifacts(ids);
    }

    /** Whether this jar is one of Spark's: its file name is an artifact id of Spark's followed by '-' and a version. */
    public boolean contains(Path jar) {
        String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
        for (int dash = name.indexOf('-'); dash > 0; dash = name.indexOf('-', dash + 1)) {
            if (dash + 1 < name.length() && Character.isDigit(name.charAt(dash + 1)) && artifactIds.contains(name.substring(0, dash))) {
                return true;
            }
        }
        return false;
    }

    /** Number of artifacts. */
    public int size() {
        return artifactIds.size();
    }
}
