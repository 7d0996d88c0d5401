package org.difflab.distributed.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Spark runs, checked before anything starts: the embedded {@code local} forms (tasks on threads of this JVM) or
 * a standalone cluster {@code spark://HOST:PORT} (several comma-separated masters for a standby setup, as Spark's
 * standalone mode reads them). Other Spark masters (YARN, Kubernetes) are not supported by DiffLab's launcher.
 *
 * @param url         the URL as given
 * @param local       true for the local forms
 * @param threads     worker threads of a local master; 0 = one per processor ({@code local[*]}); 0 for a cluster
 * @param maxFailures attempts per task of a local master ({@code local[N,F]}; Spark's default 1); 0 for a cluster
 * @param masters     the standalone masters' addresses (empty for local)
 */
public record MasterUrl(String url, boolean local, int threads, int maxFailures, List<Address> masters) {
    /** What {@code --master} accepts, for error messages. */
    public static final String ALLOWED = "local, local[N], local[*], local[N,F] (F attempts per task) or spark://HOST:PORT "
            + "(a standalone master; standby masters comma-separated: spark://H1:P1,H2:P2)";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,(\\d+))?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([^:,/\\s]+):(\\d{1,5})");

    /** A standalone master's host and port. */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public MasterUrl {
        masters = List.copyOf(masters);
    }

    /**
     * Parses a master URL.
     *
     * @param option the option or parameter name used in error messages, e.g. {@code --master}
     * @throws IllegalArgumentException naming the option, the value and the allowed forms
     */
    public static MasterUrl parse(String option, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(option + " is empty, which is not allowed: use " + ALLOWED);
        }
        String u = url.trim();
        Matcher m = LOCAL.matcher(u);
        if (m.matches()) {
            int threads = m.group(1) == null ? 1 : m.group(1).equals("*") ? 0 : positive(option, url, m.group(1), "thread count N");
            int failures = m.group(2) == null ? 1 : positive(option, url, m.group(2), "attempt count F");
            return new MasterUrl(u, true, threads, failures, List.of());
        }
        if (u.startsWith("spark://")) {
            List<Address> masters = new ArrayList<>();
            for (String part : u.substring("spark://".length()).split(",", -1)) {
                Matcher hp = HOST_PORT.matcher(part.trim());
                if (!hp.matches()) {
                    throw new IllegalArgumentException(option + " = " + url + " is not allowed: '" + part + "' is not HOST:PORT; use " + ALLOWED);
                }
                int port = Integer.parseInt(hp.group(2));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(option + " = " + url + " is not allowed: port " + port + " is outside 1..65535");
                }
                masters.add(new Address(hp.group(1), port));
            }
            return new MasterUrl(u, false, 0, 0, masters);
        }
        String kind = u.startsWith("yarn") || u.startsWith("k8s://") || u.startsWith("mesos://") || u.startsWith("local-cluster")
                ? " (a Spark master DiffLab does not start: submit DiffLab's jar with spark-submit there)" : "";
        throw new IllegalArgumentException(option + " = " + url + " is not allowed" + kind + ": use " + ALLOWED);
    }

    private static int positive(String option, String url, String digits, String what) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " = " + url + " is not allowed: the " + what + " must be an integer >= 1");
    }

    /** Whether every process of this Spark stays on this machine's loopback address (local, or masters on 127.0.0.1/localhost). */
    public boolean loopbackOnly() {
        if (local) {
            return true;
        }
        for (Address a : masters) {
            try {
                if (!InetAddress.getByName(a.host()).isLoopbackAddress()) {
                    return false;
                }
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return url;
    }
}
