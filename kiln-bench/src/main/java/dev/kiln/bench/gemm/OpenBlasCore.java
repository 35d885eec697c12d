package dev.kiln.bench.gemm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kernel set ("core") OpenBLAS's DYNAMIC_ARCH build picks: a child JVM loads OpenBLAS
 * with {@code OPENBLAS_VERBOSE=2}, which makes OpenBLAS print it. {@code OPENBLAS_CORETYPE}
 * forces a core instead of detecting one.
 */
final class OpenBlasCore {
    private static final Pattern CORE = Pattern.compile("Core: (\\S+)");

    private OpenBlasCore() {
    }

    /** Loads OpenBLAS and exits; OpenBLAS prints its core on the way. */
    public static void main(String[] args) {
        org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
    }

    /** The core OpenBLAS uses in a fresh JVM, forced to {@code coretype} unless it is null. */
    static String detect(String coretype) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                OpenBlasCore.class.getName()));
        pb.environment().put("OPENBLAS_VERBOSE", "2");
        if (coretype != null) {
            pb.environment().put("OPENBLAS_CORETYPE", coretype);
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = CORE.matcher(output);
        String core = null;
        while (m.find()) {
            core = m.group(1);
        }
        return core == null ? "unknown" : core;
    }
}
