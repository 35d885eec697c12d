package dev.kiln.serve.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as Docker's parser reads it: comment lines dropped, lines ending in {@code \} joined,
 * one instruction per logical line, numbered by the build stage ({@code FROM}) it belongs to.
 */
record Dockerfile(List<Stage> stages, List<Instruction> instructions) {
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    /** A build stage: {@code FROM image [AS name]}. */
    record Stage(int index, String image, String name) {
    }

    /** One instruction: its stage, its keyword in upper case, the rest of its logical line. */
    record Instruction(int stage, String keyword, String args) {
    }

    /** A {@code COPY}: its {@code --flag=value} options, its sources and its destination. */
    record Copy(Map<String, String> flags, List<String> sources, String destination) {
        /** Whether it copies from another stage or image ({@code --from}) rather than from the build context. */
        boolean fromStage() {
            return flags.containsKey("from");
        }
    }

    static Dockerfile read(Path file) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : DeployFiles.read(file).split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty()) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                logical.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            logical.append(stripped);
            String text = logical.toString().strip();
            logical.setLength(0);
            String[] kw = text.split("\\s+", 2);
            String keyword = kw[0].toUpperCase(Locale.ROOT);
            String args = kw.length > 1 ? kw[1] : "";
            if (keyword.equals("FROM")) {
                String[] words = args.split("\\s+");
                String name = words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS") ? words[words.length - 1] : null;
                String image = Arrays.stream(words).filter(w -> !w.startsWith("--")).findFirst().orElseThrow();
                stages.add(new Stage(stages.size(), image, name));
            }
            instructions.add(new Instruction(stages.size() - 1, keyword, args));
        }
        return new Dockerfile(stages, instructions);
    }

    Stage lastStage() {
        return stages.get(stages.size() - 1);
    }

    /** The instructions {@code keyword} of stage {@code stage}, in order. */
    List<Instruction> in(int stage, String keyword) {
        return instructions.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword)).toList();
    }

    /** The last instruction {@code keyword} of stage {@code stage} (the one in effect), failing when there is none. */
    Instruction last(int stage, String keyword) {
        List<Instruction> found = in(stage, keyword);
        if (found.isEmpty()) {
            throw new AssertionError("no " + keyword + " in stage " + stages.get(stage));
        }
        return found.get(found.size() - 1);
    }

    /** The runtime (last) stage's {@code CMD}, as words. */
    List<String> command() {
        return execForm(last(lastStage().index(), "CMD").args());
    }

    /** The port the runtime command serves on: its {@code --port}, else kiln serve's default. */
    int servedPort() {
        return Integer.parseInt(DeployFiles.option(command(), "--port", "8080"));
    }

    /** The runtime stage's environment: every {@code ENV KEY=VALUE} pair, quotes removed. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : in(lastStage().index(), "ENV")) {
            Matcher m = ENV_PAIR.matcher(i.args());
            while (m.find()) {
                env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
            }
        }
        return env;
    }

    /** Every COPY and ADD of every stage. */
    List<Copy> copies() {
        return instructions.stream().filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD")).map(i -> copy(i.args())).toList();
    }

    static Copy copy(String args) {
        Map<String, String> flags = new LinkedHashMap<>();
        String rest = args.strip();
        while (rest.startsWith("--")) {
            String[] flag = rest.split("\\s+", 2);
            String[] kv = flag[0].substring(2).split("=", 2);
            flags.put(kv[0], kv.length > 1 ? kv[1] : "");
            rest = flag.length > 1 ? flag[1].strip() : "";
        }
        List<String> words = execFormOrWords(rest);
        return new Copy(flags, words.subList(0, words.size() - 1), words.get(words.size() - 1));
    }

    /** The words of a JSON array ({@code VOLUME ["/a"]}), or of space-separated arguments ({@code VOLUME /a /b}). */
    static List<String> execFormOrWords(String args) {
        return args.strip().startsWith("[") ? execForm(args) : List.of(args.strip().split("\\s+"));
    }

    /** The words of an exec-form ({@code ["a", "b"]}) argument, or {@code /bin/sh -c ARGS} for the shell form. */
    static List<String> execForm(String args) {
        if (!args.strip().startsWith("[")) {
            return List.of("/bin/sh", "-c", args);
        }
        try {
            return DeployFiles.strings(DeployFiles.JSON.readTree(args));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON array: " + args, e);
        }
    }

    /** The command of a {@code HEALTHCHECK [OPTIONS] CMD ...} instruction, as the words Docker runs. */
    static List<String> healthcheckCommand(Instruction healthcheck) {
        int at = healthcheck.args().indexOf("CMD ");
        if (at < 0) {
            throw new AssertionError("HEALTHCHECK without CMD: " + healthcheck.args());
        }
        return execForm(healthcheck.args().substring(at + 4));
    }
}
