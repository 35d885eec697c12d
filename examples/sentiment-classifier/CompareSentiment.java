import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.plot.Heatmap;
import dev.kiln.core.report.HtmlReport;
import dev.kiln.learn.selection.Fold;
import dev.kiln.learn.selection.StratifiedKFold;
import dev.kiln.text.classify.LstmTextClassifier;
import dev.kiln.text.classify.MiniLmLogisticRegression;
import dev.kiln.text.classify.TextClassifierModel;
import dev.kiln.text.classify.TfidfLogisticRegression;
import dev.kiln.text.vectorize.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compares sentiment classifiers on the labelled sentences with 5-fold stratified
 * cross-validation (the same folds for all), and writes a comparison table and one confusion
 * matrix per pipeline (out-of-fold predictions of all 3,000 sentences).
 *
 * Usage: java CompareSentiment.java SENTENCES.csv OUT_DIR
 */
public class CompareSentiment {
    record Result(String name, double[] accuracy, double fitSeconds, int[][] confusion) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Frame all = CsvReader.read(data);
        Frame text = all.select(List.of("text"));
        Column label = all.column("label");

        TfidfLogisticRegression.Params defaults = TfidfLogisticRegression.Params.defaults().withTextColumn("text");
        Map<String, Supplier<Estimator<? extends TextClassifierModel>>> pipelines = new LinkedHashMap<>();
        pipelines.put("TF-IDF + logistic regression (scikit-learn's defaults)", () -> new TfidfLogisticRegression(defaults));
        pipelines.put("TF-IDF + logistic regression (words and pairs, 1 + ln tf, C = 10)", () -> new TfidfLogisticRegression(
                defaults.withTfidf(defaults.tfidf().withAnalyzer(TextAnalyzer.words().withNgrams(1, 2)).withSublinearTf(true))
                        .withLogistic(defaults.logistic().withC(10))));
        pipelines.put("Embedding + bidirectional LSTM (kiln-nn, defaults)",
                () -> new LstmTextClassifier(LstmTextClassifier.Params.defaults().withTextColumn("text")));
        pipelines.put("all-MiniLM-L6-v2 sentence embeddings (frozen) + logistic regression",
                () -> new MiniLmLogisticRegression(MiniLmLogisticRegression.Params.defaults().withTextColumn("text")));

        List<Fold> folds = new StratifiedKFold(5, true, 42).folds(all.rowCount(), label);
        List<Result> results = new ArrayList<>();
        for (var p : pipelines.entrySet()) {
            System.err.println(p.getKey() + "…");
            results.add(crossValidate(p.getKey(), p.getValue(), text, label, folds));
        }

        StringBuilder md = new StringBuilder("| pipeline | 5-fold accuracy | per fold | fit s (mean) |\n|---|---:|---|---:|\n");
        HtmlReport report = new HtmlReport("Sentiment classifiers on " + all.rowCount() + " labelled sentences");
        report.paragraph("5-fold stratified cross-validation (shuffled, seed 42), the same folds for every pipeline. "
                + "Confusion matrices count the out-of-fold predictions of all rows (rows: true label, columns: predicted; 1 = positive).");
        List<List<?>> rows = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            Result res = results.get(r);
            String perFold = String.join(", ", java.util.Arrays.stream(res.accuracy()).mapToObj(a -> String.format(Locale.ROOT, "%.3f", a)).toList());
            String mean = String.format(Locale.ROOT, "%.3f ± %.3f", mean(res.accuracy()), std(res.accuracy()));
            md.append("| ").append(res.name()).append(" | ").append(mean).append(" | ").append(perFold).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", res.fitSeconds())).append(" |\n");
            rows.add(List.of(res.name(), mean, perFold, String.format(Locale.ROOT, "%.3f", res.fitSeconds())));
        }
        report.table(List.of("pipeline", "5-fold accuracy", "per fold", "fit s (mean)"), rows);
        for (int r = 0; r < results.size(); r++) {
            Result res = results.get(r);
            double[][] counts = new double[2][2];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    counts[i][j] = res.confusion()[i][j];
                }
            }
            report.figure("confusion-" + (r + 1) + ".svg", new Heatmap(res.name(), "true", "predicted", new String[] {"0", "1"},
                    new String[] {"0", "1"}, counts), res.name());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("comparison.md"), md);
        Path page = report.write(out.resolve("report"));
        System.out.print(md);
        System.out.println("\nwrote " + out.resolve("comparison.md") + " and " + page);
    }

    static Result crossValidate(String name, Supplier<Estimator<? extends TextClassifierModel>> make, Frame text, Column label,
                                List<Fold> folds) {
        double[] accuracy = new double[folds.size()];
        int[][] confusion = new int[2][2];
        double fit = 0;
        for (int k = 0; k < folds.size(); k++) {
            Fold f = folds.get(k);
            long t0 = System.nanoTime();
            TextClassifierModel m = make.get().fit(text.take(f.train()), label.take(f.train()));
            fit += (System.nanoTime() - t0) / 1e9;
            int[] predicted = m.predict(text.take(f.test())).labels();
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                int truth = Integer.parseInt(label.text(f.test()[i]));
                int guess = Integer.parseInt(m.classes().get(predicted[i]));
                confusion[truth][guess]++;
                right += truth == guess ? 1 : 0;
            }
            accuracy[k] = (double) right / predicted.length;
        }
        return new Result(name, accuracy, fit / folds.size(), confusion);
    }

    static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(Double.NaN));
    }
}
