package dev.kiln.serve.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One value a request got wrong: its JSON pointer (RFC 6901) and what was expected. */
public record Violation(String pointer, String message) {

    /** {@code violations} as JSON objects {@code {"pointer": …, "detail": …}}, the shape of a problem's {@code errors}. */
    public static List<Map<String, String>> toJson(List<Violation> violations) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Violation v : violations) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("pointer", v.pointer());
            error.put("detail", v.message());
            out.add(error);
        }
        return out;
    }
}
