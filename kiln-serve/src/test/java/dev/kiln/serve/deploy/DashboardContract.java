package dev.kiln.serve.deploy;

import dev.kiln.serve.http.Scrape;
import org.junit.jupiter.api.Test;

/** The checks every dashboard of deploy/grafana/dashboards passes against the scrape of a server its test set up. */
interface DashboardContract {
    Dashboard dashboard();

    Scrape scrape();

    @Test
    default void everyPanelQueriesAMetric() {
        dashboard().assertEveryPanelQueriesAMetric();
    }

    @Test
    default void everyMetricAQueryReadsIsServed() {
        dashboard().assertEveryMetricReadIsIn(scrape());
    }

    @Test
    default void everyLabelValueAQuerySelectsIsServed() {
        dashboard().assertEveryLabelValueSelectedIsIn(scrape());
    }

    @Test
    default void variablesListLabelsTheMetricsCarry() {
        dashboard().assertVariablesListLabelsIn(scrape());
    }
}
