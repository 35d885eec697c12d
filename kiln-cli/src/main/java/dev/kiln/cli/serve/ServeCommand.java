package dev.kiln.cli.serve;

import dev.kiln.serve.http.ApiKeys;
import dev.kiln.serve.http.KilnServer;
import dev.kiln.serve.http.ServerSettings;
import dev.kiln.serve.input.InputPolicy;
import dev.kiln.serve.kb.ServedKnowledgeBases;
import dev.kiln.serve.monitor.MonitorSettings;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln serve}: the registry's models over HTTP until Ctrl-C (or SIGTERM), which drains requests in flight. */
@Command(name = "serve", description = {"Serve the registered models over HTTP: the Open Inference Protocol (/v2/...) and",
    "POST /api/models/NAME/predict; and the knowledge bases: POST /api/kb/NAME/ask and /chat.",
    "Ctrl-C or SIGTERM stops it after the requests in flight finish."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to bind (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--max-request-mb", paramLabel = "MB", description = "The largest request body (default: ${DEFAULT-VALUE}).")
    int maxRequestMb = 10;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "The longest one prediction may run (default: ${DEFAULT-VALUE}).")
    int requestTimeout = 30;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", description = "How long stopping waits for requests in flight (default: ${DEFAULT-VALUE}).")
    int drainTimeout = 20;

    @Option(names = "--out-of-range", paramLabel = "POLICY", description = {"What to do with numbers outside the range their column held",
        "in training: warn (predict, and list them in the response's warnings), reject (422), off (default: ${DEFAULT-VALUE})."})
    String outOfRange = "warn";

    @Option(names = "--validation", paramLabel = "POLICY", description = {"What to do with request values that fail the model's",
        "expectations (registered with kiln models register --expectations or --reference): warn (predict, and list",
        "them in the response's warnings), reject (422), off (default: ${DEFAULT-VALUE}). Either way they are counted in /metrics."})
    String validation = "warn";

    @Option(names = "--drift-interval", paramLabel = "SECONDS", description = {"How often each model's recent traffic is compared",
        "with its training reference (default: ${DEFAULT-VALUE}; 0: only on GET /api/models/NAME/drift?refresh=true)."})
    int driftInterval = 60;

    @Option(names = "--drift-window", paramLabel = "ROWS", description = "How many of the most recent rows are compared (default: ${DEFAULT-VALUE}).")
    int driftWindow = 1000;

    @Option(names = "--drift-min-rows", paramLabel = "ROWS", description = "The fewest rows a scheduled comparison needs (default: ${DEFAULT-VALUE}).")
    int driftMinRows = 100;

    @Option(names = "--generator", paramLabel = "auto|extractive|llm", description = {"Who writes knowledge-base answers: extractive",
        "(offline), llm (the chat server in KILN_LLM_BASE_URL, KILN_LLM_MODEL, KILN_LLM_API_KEY), or auto (llm when",
        "configured, falling back to extractive; the default)."})
    String generator = "auto";

    @Option(names = "--api-keys", paramLabel = "FILE", description = {"Ask for API keys: FILE holds one 'KEY SCOPE[,SCOPE...]' a line,",
        "scopes among read, predict, admin (default: $KILN_API_KEYS, entries separated by ';'; without keys the server is open)."})
    Path apiKeys;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port).withMaxRequestBytes((long) maxRequestMb << 20)
                .withRequestTimeout(Duration.ofSeconds(requestTimeout)).withDrainTimeout(Duration.ofSeconds(drainTimeout))
                .withOutOfRange(InputPolicy.fromLabel(outOfRange))
                .withMonitoring(MonitorSettings.defaults().withExpectations(InputPolicy.fromLabel(validation))
                        .withDriftInterval(Duration.ofSeconds(driftInterval)).withWindow(driftWindow, driftMinRows));
        ApiKeys keys = apiKeys != null ? ApiKeys.read(apiKeys) : ApiKeys.fromVariable("KILN_API_KEYS", System.getenv("KILN_API_KEYS"));
        ModelRegistry registry = options.registry();
        ServedKnowledgeBases bases = new ServedKnowledgeBases(options.kbRoot(), generator, System.getenv());
        KilnServer server = KilnServer.start(registry, bases, settings, keys);
        ServingUntilStopped serving = new ServingUntilStopped(server);
        var out = spec.commandLine().getOut();
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + server.port();
        out.println("Kiln is serving " + registry.names().size() + " models from " + registry.root() + " and "
                + bases.names().size() + " knowledge bases from " + bases.root() + " at " + base);
        out.println("  " + base + "/v2/health/ready");
        out.println("  " + base + "/api/models");
        out.println("  " + base + "/openapi.json");
        out.println("  " + base + "/metrics");
        String auth = keys.isEmpty() ? "" : " -H 'Authorization: Bearer KEY'";
        out.println("  curl -s -X POST " + base + "/api/models/NAME/predict" + auth + " -H 'Content-Type: application/json' -d '{\"instances\": [...]}'");
        out.println("Ctrl-C stops it.");
        out.flush();
        serving.await();
        return 0;
    }
}
