package org.scratchnet.bench.sparkml;

import org.apache.spark.sql.SparkSession;

/** The benchmark's Spark session: local[2] (the machine's two cores), no web UI. */
final class Sessions {
    private Sessions() {
    }

    static SparkSession local(String name) {
        SparkSession s = SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.memory", "8g").getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
