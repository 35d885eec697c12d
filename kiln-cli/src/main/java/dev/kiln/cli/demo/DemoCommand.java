package dev.kiln.cli.demo;

import dev.kiln.cli.serve.ServingUntilStopped;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.serve.http.ApiKeys;
import dev.kiln.serve.http.KilnServer;
import dev.kiln.serve.http.ServerSettings;
import dev.kiln.serve.kb.ServedKnowledgeBases;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln demo}: the learner's path in one command, on data bundled with Kiln. It trains a
 * sentiment classifier (TF-IDF + logistic regression on 3,000 review sentences) and a tabular
 * model (a random forest on the penguins), registers both, builds a knowledge base from Kiln's own
 * user guide ({@code docs/}), then serves all three over HTTP and prints what to call. Each step is
 * the {@code kiln} command a user would run, so the output shows them; run again, it reuses what
 * is already there (same seed, same models: no new version; unchanged documents are not embedded
 * again).
 */
@Command(name = "demo", description = {"Train a sentiment classifier and a tabular model on bundled data, register them, build a",
    "knowledge base from Kiln's docs/, and serve them all over HTTP (Ctrl-C stops). 'kiln demo tour' is the library tour."},
        subcommands = TourCommand.class)
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "The demo's Kiln home: models, knowledge base, data (default: ${DEFAULT-VALUE}).")
    Path home = Path.of("kiln-demo");

    @Option(names = "--docs", paramLabel = "DIR", description = "The documents of the knowledge base (default: Kiln's docs/).")
    Path docs;

    @Option(names = "--port", paramLabel = "PORT", description = "The server's port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--no-serve", description = "Prepare everything, print the command that serves it, and stop.")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path docsDir = docs != null ? docs : defaultDocs();
        if (!Files.isDirectory(docsDir)) {
            throw new IllegalArgumentException("no documents for the knowledge base at " + docsDir + "; pass --docs DIR (Kiln's docs/ folder)");
        }
        Path data = Files.createDirectories(home.resolve("data"));
        Path sentences = bundled("sentences.csv", data);
        Path penguins = bundled("penguins.csv", data);

        step(out, "1/4", "A sentiment classifier: TF-IDF of words and word pairs, then logistic regression, on 3,000 review sentences");
        run("train", "--data", sentences.toString(), "--target", "label", "--model", "tfidf-logreg", "--param", "text_col=text",
                "--param", "ngram_max=2", "--out", home.resolve("saved/sentiment").toString());
        step(out, "2/4", "A tabular model: a random forest tells penguin species apart (categoricals one-hot encoded, gaps imputed)");
        run("train", "--data", penguins.toString(), "--target", "species", "--model", "random-forest",
                "--out", home.resolve("saved/penguins").toString());

        step(out, "3/4", "Both registered in " + home.resolve("models") + " as the champion");
        ModelRegistry registry = new ModelRegistry(home.resolve("models"));
        register(out, registry, "sentiment", "TF-IDF + logistic regression on review sentences (kiln demo)");
        register(out, registry, "penguins", "random forest on the Palmer penguins (kiln demo)");

        step(out, "4/4", "A knowledge base of Kiln's user guide (" + docsDir + "), embedded with all-MiniLM-L6-v2");
        run("rag", "ingest", "--kb", "docs", "--home", home.toString(), "--prune", docsDir.toString());

        if (noServe) {
            out.println();
            out.println("Ready. Serve it with: ./kiln serve --home " + home + " --port " + port);
            out.flush();
            return 0;
        }
        ServedKnowledgeBases bases = new ServedKnowledgeBases(home.resolve("kb"), "auto", System.getenv());
        KilnServer server = KilnServer.start(registry, bases, ServerSettings.defaults().withHost(host).withPort(port), ApiKeys.none());
        ServingUntilStopped serving = new ServingUntilStopped(server);
        printCalls(out, "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + server.port());
        serving.await();
        return 0;
    }

    /** What to call, with curl: one line per route a learner would try first. */
    static void printCalls(PrintWriter out, String base) {
        String json = " -H 'Content-Type: application/json' -d ";
        out.println();
        out.println("Kiln is serving at " + base + " — try, in another terminal:");
        out.println();
        out.println("  curl -s " + base + "/api/models/sentiment/predict" + json
                + "'{\"instances\": [\"The battery lasts all day, love it.\", \"Broke after two days. Waste of money.\"]}'");
        out.println("  curl -s " + base + "/api/models/penguins/predict" + json + "'{\"instances\": [{\"island\": \"Biscoe\", "
                + "\"bill_length_mm\": 48.6, \"bill_depth_mm\": 16.0, \"flipper_length_mm\": 230, \"body_mass_g\": 5800, \"sex\": \"male\"}]}'");
        out.println("  curl -s " + base + "/api/kb/docs/ask" + json + "'{\"question\": \"How do I move the champion alias to another version?\"}'");
        out.println("  curl -s " + base + "/v2/models/penguins        # Open Inference Protocol metadata");
        out.println("  curl -s " + base + "/api/models                # the registry");
        out.println("  curl -s " + base + "/metrics | grep ^kiln_     # Prometheus metrics");
        out.println("  " + base + "/openapi.json                      # the OpenAPI description");
        out.println();
        out.println("Ctrl-C stops the server (requests in flight finish first).");
        out.flush();
    }

    private void step(PrintWriter out, String number, String what) {
        out.println();
        out.println("[" + number + "] " + what);
        out.flush();
    }

    /** Runs one {@code kiln} command as a user would, with the demo's output streams. */
    private void run(String... args) {
        CommandLine root = spec.root().commandLine();
        int code = root.execute(args);
        if (code != 0) {
            throw new IllegalStateException("kiln " + String.join(" ", args) + " failed (exit code " + code + ")");
        }
    }

    /** Registers the model saved in HOME/saved/NAME unless the latest version has the same weights, and makes it the champion. */
    private void register(PrintWriter out, ModelRegistry registry, String name, String description) {
        Path saved = home.resolve("saved").resolve(name);
        String weights = ModelFile.readManifest(saved).weights().sha256();
        List<ModelVersion> versions = registry.names().contains(name) ? registry.versions(name) : List.of();
        ModelVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        ModelVersion champion;
        if (latest != null && latest.manifest().weights().sha256().equals(weights)) {
            champion = latest;
            out.println("  " + name + ": version " + latest.version() + " already holds this model");
        } else {
            champion = registry.register(name, saved, description);
            out.println("  " + name + ": registered as version " + champion.version());
        }
        registry.promote(name, champion.version(), ModelRegistry.CHAMPION);
        out.flush();
    }

    /** Kiln's docs/: beside the launcher that started this JVM ({@code -Dkiln.root}), else in the working directory. */
    private static Path defaultDocs() {
        String root = System.getProperty("kiln.root");
        return root != null ? Path.of(root, "docs") : Path.of("docs");
    }

    /** Copies bundled data set {@code name} into {@code dir} (where the train command reads it from, and a learner can look). */
    private static Path bundled(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled data set " + name + " is missing from the kiln jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
