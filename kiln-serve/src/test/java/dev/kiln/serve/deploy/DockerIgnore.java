package dev.kiln.serve.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} with Docker's matching rules (moby/patternmatcher): one pattern a line, {@code #} comments,
 * {@code *} and {@code ?} within one path segment, {@code **} across segments, a leading {@code !} re-including what an
 * earlier pattern excluded; a path is excluded when it or one of its parent directories matches, and the last pattern
 * that matches decides.
 */
record DockerIgnore(List<Rule> rules) {
    record Rule(String pattern, Pattern regex, boolean exception) {
    }

    static DockerIgnore read(Path file) {
        List<Rule> rules = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : DeployFiles.read(file).split("\n")) {
                String p = line.strip();
                if (p.isEmpty() || p.startsWith("#")) {
                    continue;
                }
                boolean exception = p.startsWith("!");
                if (exception) {
                    p = p.substring(1).strip();
                }
                p = p.replaceAll("^/+", "").replaceAll("/+$", "");
                rules.add(new Rule(p, Pattern.compile(regex(p)), exception));
            }
        }
        return new DockerIgnore(rules);
    }

    private static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                re.append("(.*/)?");
                i += 2;
            } else if (glob.startsWith("**", i)) {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** Whether {@code path} (relative to the build context, '/' separated) is left out of the context. */
    boolean excludes(String path) {
        List<String> candidates = new ArrayList<>();
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            prefix.append(prefix.isEmpty() ? "" : "/").append(part);
            candidates.add(prefix.toString());
        }
        boolean excluded = false;
        for (Rule rule : rules) {
            if (rule.exception() != excluded) {
                continue;
            }
            if (candidates.stream().anyMatch(c -> rule.regex().matcher(c).matches())) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }
}
