package dev.kiln.serve.experiment;

import java.util.Locale;

/** How a routed request ended: answered, failed by the model (an exception, a 5xx), or refused as the caller's bad input (a 4xx). */
public enum RequestStatus {
    OK, ERROR, REJECTED;

    /** The status of an HTTP answer: 5xx an error, 4xx refused, else answered. */
    public static RequestStatus ofHttp(int status) {
        return status >= 500 ? ERROR : status >= 400 ? REJECTED : OK;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
