import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.serve.input.InstanceReader;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * What each step of one served prediction costs, on one thread, outside the HTTP server: the steps
 * KilnServer.predict takes per request, called in the same order with Kiln's public classes, timed apart
 * (the mean of many calls after a warm-up, best of five rounds), and the bytes each call allocates.
 *
 *   java --add-modules jdk.incubator.vector -cp kiln-cli/target/kiln.jar kiln-bench/tools/serving/ServeProbe.java HOME NAME BODY.json
 *
 * Used by kiln-bench/tools/serve-bench.sh profile. Prints a markdown table.
 */
public class ServeProbe {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String name = args[1];
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        ModelRegistry registry = new ModelRegistry(home.resolve("models"));
        ObjectMapper json = new ObjectMapper();
        ModelVersion version = registry.resolve(name, null);
        @SuppressWarnings("unchecked")
        Model<Prediction> model = (Model<Prediction>) ModelFile.load(version.path()).model();
        JsonNode parsed = json.readTree(body);
        Frame rows = new InstanceReader(version.manifest().inputSchema()).read(parsed.get("instances"), "/instances");
        Prediction prediction = model.predict(rows);

        List<Object[]> steps = new ArrayList<>();
        steps.add(step("registry.resolve(name, champion): the whole per-request lookup", () -> registry.resolve(name, null)));
        steps.add(step("  of which ModelFile.readManifest (read + parse manifest.json, "
                + Files.size(version.path().resolve("manifest.json")) / 1024 + " KB)", () -> ModelFile.readManifest(version.path())));
        steps.add(step("  of which registry.aliases (read + parse aliases.json)", () -> registry.aliases(name)));
        steps.add(step("  of which registry.versionNumbers (list the version directories)", () -> registry.versionNumbers(name)));
        steps.add(step("request id: UUID.randomUUID()", UUID::randomUUID));
        steps.add(step("request body: ObjectMapper.readTree (" + body.length + " bytes)", () -> json.readTree(body)));
        steps.add(step("new InstanceReader(schema).read(instances): records to a Frame",
                () -> new InstanceReader(version.manifest().inputSchema()).read(parsed.get("instances"), "/instances")));
        steps.add(step("model.predict(one row): imputer + " + "random forest", () -> model.predict(rows)));
        steps.add(step("response: a map like PredictionJson's, written by Jackson", () -> {
            ClassificationPrediction c = (ClassificationPrediction) prediction;
            Map<String, Object> probabilities = new LinkedHashMap<>();
            for (int k = 0; k < c.classes().size(); k++) {
                probabilities.put(c.classes().get(k), c.probabilities(0)[k]);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", c.classes().get(c.classIndex(0)));
            row.put("probabilities", probabilities);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", name);
            out.put("version", version.version());
            out.put("predictions", List.of(row));
            return json.writeValueAsBytes(out);
        }));

        System.out.println("| step (one thread, " + Runtime.getRuntime().availableProcessors() + " cores) | µs per call | KB allocated per call |");
        System.out.println("|---|---:|---:|");
        for (Object[] s : steps) {
            System.out.printf(java.util.Locale.ROOT, "| %s | %.1f | %.1f |%n", s[0], (double) s[1], (double) s[2]);
        }
    }

    /**
     * The best of five rounds' mean time per call, in microseconds, after a warm-up of about a second; and the
     * kilobytes allocated per call (this thread's allocation counter over a round).
     */
    static Object[] step(String label, Callable<Object> call) throws Exception {
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        int calls = 0;
        while (System.nanoTime() < warmEnd) {
            sink = call.call();
            calls++;
        }
        int perRound = Math.max(50, calls / 4);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        long a0 = threads.getThreadAllocatedBytes(me);
        for (int i = 0; i < perRound; i++) {
            sink = call.call();
        }
        double kb = (threads.getThreadAllocatedBytes(me) - a0) / 1024.0 / perRound;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink = call.call();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / perRound);
        }
        return new Object[] {label, best, kb};
    }
}
