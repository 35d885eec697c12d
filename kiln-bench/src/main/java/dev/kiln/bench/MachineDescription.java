package dev.kiln.bench;

import dev.kiln.core.KilnVersion;
import dev.kiln.core.linalg.Blas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The facts a benchmark report states about the machine it ran on. */
public final class MachineDescription {
    private MachineDescription() {
    }

    /** The CPU model as /proc/cpuinfo names it, or the OS architecture elsewhere. */
    public static String cpuModel() {
        return cpuInfo("model name", System.getProperty("os.arch"));
    }

    /** The CPU clock /proc/cpuinfo reports (the nominal one under virtualisation), in MHz, or NaN. */
    public static double nominalMhz() {
        String mhz = cpuInfo("cpu MHz", null);
        return mhz == null ? Double.NaN : Double.parseDouble(mhz);
    }

    /** Whether /proc/cpuinfo lists {@code flag} (e.g. "avx512f") for the CPU. */
    public static boolean hasCpuFlag(String flag) {
        String flags = cpuInfo("flags", "");
        return (" " + flags + " ").contains(" " + flag + " ");
    }

    /** A markdown bullet list: CPU, cores, memory, OS, JDK, Kiln version and kernels. */
    public static String markdown() {
        Runtime rt = Runtime.getRuntime();
        return String.join("\n",
                "- CPU: " + cpuModel() + " (" + rt.availableProcessors() + " cores visible, "
                        + String.format(java.util.Locale.ROOT, "%.0f", nominalMhz()) + " MHz nominal)",
                "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                "- JDK: " + System.getProperty("java.vm.name") + " " + Runtime.version(),
                "- Kiln " + KilnVersion.current() + ", kernels: " + Blas.implementation(),
                "- JVM heap limit: " + rt.maxMemory() / (1024 * 1024) + " MiB");
    }

    private static String cpuInfo(String key, String fallback) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
        return fallback;
    }
}
