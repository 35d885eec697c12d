package dev.kiln.bench.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bench.MachineDescription;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.data.ImageDataset;
import dev.kiln.nn.layer.ChannelNormalization;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.model.Architectures;
import dev.kiln.nn.optim.Adam;
import dev.kiln.nn.train.ClassifierTrainer;
import dev.kiln.nn.train.EpochResult;
import dev.kiln.nn.train.TrainingConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Training throughput and test accuracy of Kiln's networks beside PyTorch's, in one run: the
 * MLP 784-256-128-10 and the CNN conv32-pool-conv64-pool-fc128 on Fashion-MNIST, batch 64,
 * Adam (lr 0.001), inputs standardised with the training set's mean and std, two threads on
 * each side. Kiln trains first, then {@code kiln-bench/peers/torch_side.py} trains the same
 * networks. Writes {@code kiln-bench/results/nn.md}.
 *
 * <p>Arguments: {@code [--data DIR] [--epochs N] [--seed S] [mlp] [cnn]}.
 */
public final class NnComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NnComparison() {
    }

    record Side(List<Double> epochSeconds, int trainImages, double testAccuracy) {
        double samplesPerSecond() {
            return epochSeconds.size() * (double) trainImages / epochSeconds.stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Throughput over the epochs after the first (Kiln's first epoch includes the JIT's warm-up). */
        double steadySamplesPerSecond() {
            List<Double> rest = epochSeconds.size() > 1 ? epochSeconds.subList(1, epochSeconds.size()) : epochSeconds;
            return rest.size() * (double) trainImages / rest.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/datasets/fashion_mnist");
        int epochs = 5;
        long seed = 1;
        List<String> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "mlp", "cnn" -> models.add(args[i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; use [--data DIR] [--epochs N] [--seed S] [mlp] [cnn]");
            }
        }
        if (models.isEmpty()) {
            models = List.of("mlp", "cnn");
        }
        ImageDataset train = ImageDataset.read(data, "train");
        ImageDataset test = ImageDataset.read(data, "t10k");
        Map<String, Side> kiln = new LinkedHashMap<>();
        for (String model : models) {
            kiln.put(model, kilnSide(model, train, test, epochs, seed));
            System.out.printf(Locale.ROOT, "kiln %s: %.0f samples/s, test accuracy %.4f%n", model, kiln.get(model).samplesPerSecond(),
                    kiln.get(model).testAccuracy());
        }
        Map<String, Side> torch = new LinkedHashMap<>();
        String torchVersion = torchSide(data, epochs, seed, models, torch);
        String command = "./kiln bench nn" + (args.length > 0 ? " " + String.join(" ", args) : "");
        Path out = Path.of("kiln-bench/results/nn.md");
        Files.writeString(out, report(models, kiln, torch, epochs, torchVersion, command));
        System.out.println(Files.readString(out));
    }

    private static Side kilnSide(String model, ImageDataset train, ImageDataset test, int epochs, long seed) {
        Rng rng = Rng.seeded(seed);
        ChannelNormalization input = ChannelNormalization.measure(train.pixels(), 1, 28 * 28);
        Sequential net = model.equals("mlp")
                ? Architectures.mlp(input, 1, 28, 28, new int[] {256, 128}, 10, 0, rng)
                : Architectures.cnn(input, 1, 28, 28, new int[] {32, 64}, new int[] {128}, 10, 0, rng);
        var trainer = new ClassifierTrainer(TrainingConfig.of(epochs, 64, seed), p -> new Adam(p, Adam.Params.adam(1e-3)));
        var result = trainer.fit(net, train, IntStream.range(0, 10).mapToObj(Integer::toString).toList());
        List<Double> seconds = result.history().epochs().stream().map(EpochResult::seconds).toList();
        return new Side(seconds, train.size(), result.model().accuracy(test));
    }

    private static String torchSide(Path data, int epochs, long seed, List<String> models, Map<String, Side> out)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "kiln-bench/peers/torch_side.py", data.toString(),
                Integer.toString(epochs), Long.toString(seed)));
        cmd.addAll(models);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String version = "?";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                List<Double> seconds = new ArrayList<>();
                n.path("epoch_seconds").forEach(s -> seconds.add(s.asDouble()));
                out.put(n.path("model").asText(), new Side(seconds, n.path("train_images").asInt(), n.path("test_accuracy").asDouble()));
                version = n.path("torch").asText() + ", " + n.path("threads").asInt() + " threads";
                System.out.println("pytorch " + line);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("torch_side.py failed with exit code " + p.exitValue() + " (is python3-torch installed?)");
        }
        return version;
    }

    static String report(List<String> models, Map<String, Side> kiln, Map<String, Side> torch, int epochs, String torchVersion, String command) {
        StringBuilder sb = new StringBuilder("# Neural networks: training beside PyTorch\n\n");
        sb.append("Fashion-MNIST (60,000 training and 10,000 test images, 28×28), inputs standardised with the training set's mean and ")
                .append("std, batch 64, Adam (lr 0.001, PyTorch's defaults otherwise), cross-entropy, ").append(epochs)
                .append(" epochs, reshuffled each epoch; PyTorch's default initialisation on both sides. ")
                .append("MLP: 784-256-128-10 with ReLU. CNN: conv3×3(32, pad 1)-ReLU-maxpool2, conv3×3(64, pad 1)-ReLU-maxpool2, ")
                .append("fc 3136-128-ReLU, fc 128-10. Both sides train on two threads in the same run, one after the other; throughput is ")
                .append("training images per second of training (forward, backward, optimiser step and batch assembly; test scoring not ")
                .append("timed). \"Steady\" leaves out the first epoch, which on Kiln's side includes the JIT compiling the kernels.\n\n");
        sb.append("| network | Kiln images/s | PyTorch images/s | Kiln / PyTorch | steady: Kiln | steady: PyTorch | Kiln test accuracy | ")
                .append("PyTorch test accuracy | difference | target met |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (String m : models) {
            Side k = kiln.get(m);
            Side t = torch.get(m);
            double ratio = k.samplesPerSecond() / t.samplesPerSecond();
            boolean met = (m.equals("mlp") ? ratio >= 1 : ratio >= 0.5) && Math.abs(k.testAccuracy() - t.testAccuracy()) <= 0.01;
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f× | %,.0f | %,.0f | %.4f | %.4f | %+.4f | %s |%n",
                    m.equals("mlp") ? "MLP 784-256-128-10" : "CNN conv32-pool-conv64-pool-fc128", k.samplesPerSecond(), t.samplesPerSecond(),
                    ratio, k.steadySamplesPerSecond(), t.steadySamplesPerSecond(), k.testAccuracy(), t.testAccuracy(),
                    k.testAccuracy() - t.testAccuracy(), met ? "yes" : "**no**"));
        }
        sb.append("\nTargets (issue 5): MLP at least PyTorch's throughput, CNN at least half of it, test accuracy within one point.\n\n");
        sb.append("Seconds per epoch:\n\n| network | side | ").append(String.join(" | ", IntStream.rangeClosed(1, epochs).mapToObj(i -> "epoch " + i).toList()))
                .append(" |\n|---|---|").append("---:|".repeat(epochs)).append("\n");
        for (String m : models) {
            for (var side : List.of(Map.entry("Kiln", kiln.get(m)), Map.entry("PyTorch", torch.get(m)))) {
                sb.append("| ").append(m).append(" | ").append(side.getKey()).append(" | ");
                sb.append(String.join(" | ", side.getValue().epochSeconds().stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList()));
                sb.append(" |\n");
            }
        }
        sb.append("\n## Machine\n\n").append(MachineDescription.markdown()).append("\n- Kiln threads: ").append(Parallelism.threads())
                .append("\n- PyTorch ").append(torchVersion).append(" (Debian python3-torch, CPU)\n- Run on ").append(LocalDate.now())
                .append("\n\n## Command\n\n```\n").append(command).append("\n```\n");
        return sb.toString();
    }
}
