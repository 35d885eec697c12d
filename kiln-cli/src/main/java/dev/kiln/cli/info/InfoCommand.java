package dev.kiln.cli.info;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.modelfile.ModelTypes;
import dev.kiln.core.parallel.Parallelism;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln info}: what Kiln runs on here — versions, cores, memory, SIMD kernels, model types. */
@Command(name = "info", description = "Show the Kiln and Java versions, cores, memory, SIMD kernels and known model types.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> info = facts();
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), info);
        } else {
            spec.commandLine().getOut().print(Table.keyValues(info));
        }
        return 0;
    }

    /** The facts shown, keyed in snake_case. */
    public static Map<String, Object> facts() {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("kiln_version", KilnVersion.current());
        info.put("java_version", Runtime.version().toString());
        info.put("java_vendor", System.getProperty("java.vendor"));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        info.put("cores", rt.availableProcessors());
        info.put("threads", Parallelism.threads());
        info.put("max_heap_mib", rt.maxMemory() / (1024 * 1024));
        info.put("kernels", Blas.implementation());
        info.put("model_types", ModelTypes.ids());
        return info;
    }
}
