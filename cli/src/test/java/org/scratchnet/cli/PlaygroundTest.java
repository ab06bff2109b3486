package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scratchnet.io.Json;
import org.scratchnet.web.PlaygroundServer;

/**
 * The playground next to the command line: for data sets and settings both have, the same seed
 * gives the same loss numbers as {@code scratchnet train}; the model the page downloads runs in
 * {@code scratchnet predict} and gives the page's predictions.
 */
class PlaygroundTest {
    @TempDir
    Path dir;
    PlaygroundServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = PlaygroundServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        if (method.equals("POST")) {
            b.header("Origin", server.url().substring(0, server.url().length() - 1))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Map<?, ?> json(String method, String path, String body) throws Exception {
        HttpResponse<byte[]> r = call(method, path, body);
        String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(text).isEqualTo(200);
        return (Map<?, ?>) Json.parse(text);
    }

    private String session() throws Exception {
        return (String) json("POST", "/api/session", "").get("session");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"circle, circles, sgd, 0.5", "moons, moons, sgd, 0.3", "spiral, spiral:2, adam, 0.03",
        "quadrants, quadrants, sgd, 0.1", "gaussian, gaussian, adam, 0.01", "xor, xor-square, sgd, 0.3"})
    void sameSeedSameLossesAsTrain(String page, String train, String optimizer, String lr) throws Exception {
        // 200 points, 60 % for training: 120 rows in batches of 8 → 15 steps per epoch, 4 epochs
        CliRun.Result r = CliRun.run("train", "--data", train, "--samples", "200", "--noise", "0.15", "--seed", "7",
                "--test-split", "0.4", "--batch-size", "8", "--hidden", "5,3", "--activation", "tanh",
                "--optimizer", optimizer, "--lr", lr, "--epochs", "4", "--metrics-out", dir.resolve("m.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<?, ?> metrics = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("m.json")));

        String id = session();
        json("POST", "/api/config?session=" + id, "data=" + page + "&samples=200&noise=0.15&seed=7&train=60&batch=8"
                + "&hidden=5,3&activation=tanh&optimizer=" + optimizer + "&lr=" + lr + "&features=x1,x2");
        for (int i = 0; i < 4 * 15; i++) {
            json("POST", "/api/control?session=" + id, "action=step");
        }
        Map<?, ?> state = json("GET", "/api/state?session=" + id, null);
        assertThat(((Number) state.get("epoch")).intValue()).isEqualTo(4);
        assertThat(((Number) state.get("trainLoss")).doubleValue())
                .isEqualTo(((Number) metrics.get("final_loss")).doubleValue());
        assertThat(((Number) state.get("testLoss")).doubleValue())
                .isEqualTo(((Number) metrics.get("test_loss")).doubleValue());
    }

    @Test
    void downloadedModelTakesRawPointsInPredict() throws Exception {
        String id = session();
        json("POST", "/api/config?session=" + id, "data=spiral&features=x1,x2,x1^2,x1*x2,sin(x1),sin(x2)&hidden=6,4"
                + "&optimizer=adam&lr=0.03");
        for (int i = 0; i < 40; i++) {
            json("POST", "/api/control?session=" + id, "action=step");
        }
        HttpResponse<byte[]> model = call("GET", "/api/model?session=" + id, null);
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.headers().firstValue("Content-Disposition").orElse("")).contains("playground.safetensors");
        Path file = dir.resolve("playground.safetensors");
        Files.write(file, model.body());

        List<float[]> points = List.of(new float[] {0.1f, -0.5f}, new float[] {-0.8f, 0.3f}, new float[] {0.6f, 0.6f});
        StringBuilder csv = new StringBuilder("x1,x2\n");
        for (float[] p : points) {
            csv.append(p[0]).append(',').append(p[1]).append('\n');
        }
        Files.writeString(dir.resolve("points.csv"), csv);
        Path out = dir.resolve("pred.csv");
        CliRun.Result r = CliRun.run("predict", "--model", file.toString(), "--data", "csv:" + dir.resolve("points.csv"),
                "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        int col = List.of(lines.get(0).split(",")).indexOf("p_1");
        assertThat(col).as(lines.get(0)).isNotNegative();
        for (int i = 0; i < points.size(); i++) {
            float[] p = points.get(i);
            double page = ((Number) json("GET", "/api/predict?session=" + id + "&x1=" + p[0] + "&x2=" + p[1], null)
                    .get("value")).doubleValue();
            // predict writes 4 decimals
            assertThat(Double.parseDouble(lines.get(i + 1).split(",")[col])).isCloseTo(page, within(0.00005001));
        }
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun.Result r = CliRun.run("playground", "--port", Integer.toString(port), "--serve-seconds", "1");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).matches("error: --port " + port + ": cannot listen on 127\\.0\\.0\\.1:" + port
                    + " \\(.+\\): pick another --port, or --port 0 for any free one\\s*");
        }
    }

    @Test
    void aHostBeyondThisMachineIsWarnedAbout() {
        // 192.0.2.1 is a documentation address no machine has: warned about, then it cannot be bound
        CliRun.Result r = CliRun.run("playground", "--host", "192.0.2.1", "--port", "0", "--serve-seconds", "1");
        assertThat(r.err()).startsWith("warning: --host 192.0.2.1 serves the playground beyond this machine");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err().lines().toList().get(1)).matches("error: --host 192\\.0\\.2\\.1: not an address of this machine \\(.+\\): use 127\\.0\\.0\\.1, or an address this machine has");
    }

    @Test
    void commandPrintsTheUrlAndStops() {
        CliRun.Result r = CliRun.run("playground", "--port", "0", "--serve-seconds", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).matches("(?s)playground: open http://127\\.0\\.0\\.1:\\d+/ .*Ctrl-C stops it\\)\\s*");
        assertThat(r.err()).isEmpty();
    }
}
