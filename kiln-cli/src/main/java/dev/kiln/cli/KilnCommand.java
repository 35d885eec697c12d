package dev.kiln.cli;

import dev.kiln.cli.data.DataCommand;
import dev.kiln.cli.demo.DemoCommand;
import dev.kiln.cli.explain.AuditCommand;
import dev.kiln.cli.explain.ExplainCommand;
import dev.kiln.cli.info.InfoCommand;
import dev.kiln.cli.learn.ClusterCommand;
import dev.kiln.cli.learn.CvCommand;
import dev.kiln.cli.learn.EvaluateCommand;
import dev.kiln.cli.learn.ModelsCommand;
import dev.kiln.cli.learn.PredictCommand;
import dev.kiln.cli.learn.ReduceCommand;
import dev.kiln.cli.learn.TrainCommand;
import dev.kiln.cli.learn.TuneCommand;
import dev.kiln.cli.monitor.DriftCommand;
import dev.kiln.cli.monitor.ExpectCommand;
import dev.kiln.cli.monitor.ProfileCommand;
import dev.kiln.cli.monitor.ValidateCommand;
import dev.kiln.cli.logging.LogSetup;
import dev.kiln.cli.index.IndexCommand;
import dev.kiln.cli.rag.RagCommand;
import dev.kiln.cli.rl.RlCommand;
import dev.kiln.cli.search.EmbedCommand;
import dev.kiln.cli.search.SimilarCommand;
import dev.kiln.cli.serve.ExperimentsCommand;
import dev.kiln.cli.serve.ServeCommand;
import dev.kiln.cli.text.TextCommand;
import dev.kiln.core.KilnVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root of the kiln command: global options and the list of subcommands. */
@Command(name = "kiln", scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = KilnCommand.Version.class,
        description = "Kiln: machine learning on the JVM, from data to a monitored service.",
        footer = {"", "Exit codes: 0 success, 1 a check failed, 2 bad usage or input, 3 internal error.",
            "Run 'kiln help COMMAND' for a command's options."},
        subcommands = {DemoCommand.class, DataCommand.class,
            TrainCommand.class, EvaluateCommand.class, PredictCommand.class, CvCommand.class, TuneCommand.class,
            ModelsCommand.class, ClusterCommand.class, ReduceCommand.class,
            TextCommand.class, SimilarCommand.class, EmbedCommand.class, IndexCommand.class, RagCommand.class,
            RlCommand.class,
            ServeCommand.class, ExperimentsCommand.class,
            ProfileCommand.class, ExpectCommand.class, ValidateCommand.class, DriftCommand.class,
            ExplainCommand.class, AuditCommand.class,
            InfoCommand.class,
            HelpCommand.class})
public final class KilnCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "Log lines on stderr as readable text (default) or JSON lines.")
    LogSetup.Format logFormat = LogSetup.Format.TEXT;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log debug detail, and stack traces with errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Log warnings and errors only.")
    boolean quiet;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    LogSetup.Format logFormat() {
        return logFormat;
    }

    boolean verbose() {
        return verbose;
    }

    boolean quiet() {
        return quiet;
    }

    /** "kiln 0.1.0" plus the Java runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kiln " + KilnVersion.current(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
