package dev.kiln.serve.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One scrape of {@code /metrics}, parsed from the Prometheus text format: a sample per line {@code name{labels} value}.
 * Public for the tests of other packages (the deploy tests).
 */
public record Scrape(List<Sample> samples) {
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static Scrape of(Http http) {
        Http.Reply r = http.get("/metrics");
        if (r.status() != 200) {
            throw new AssertionError("GET /metrics answered " + r.status() + ": " + r.body());
        }
        return parse(r.body());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new Scrape(samples);
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, space), Map.of(), value(line, space + 1));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf("=\"", i);
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    c = line.charAt(++j) == 'n' ? '\n' : line.charAt(j);
                }
                v.append(c);
            }
            labels.put(line.substring(i, eq), v.toString());
            i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
        }
        return new Sample(line.substring(0, brace), labels, value(line, i + 2));
    }

    private static double value(String line, int from) {
        String v = line.substring(from).split(" ")[0];
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    /** A scrape taken once the JVM has reported a collection (the GC pause series appears with the first), within 10 s. */
    public static Scrape afterACollection(Http http) throws InterruptedException {
        System.gc();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Scrape scrape = of(http);
        while (!scrape.has("jvm_gc_pause_seconds_count") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            scrape = of(http);
        }
        return scrape;
    }

    /** Whether a sample is named {@code name} and has {@code labels} among its labels (name, value, name, value…). */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && matches(s.labels(), labels));
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels} (name, value, name, value…); 0 when there are none. */
    double sum(String name, String... labels) {
        double total = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && matches(s.labels(), labels)) {
                total += s.value();
            }
        }
        return total;
    }

    private static boolean matches(Map<String, String> have, String[] want) {
        for (int k = 0; k < want.length; k += 2) {
            if (!want[k + 1].equals(have.get(want[k]))) {
                return false;
            }
        }
        return true;
    }
}
