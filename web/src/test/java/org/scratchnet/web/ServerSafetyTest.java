package org.scratchnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchnet.io.Json;

/** The server's guards: static files stay in their folder, caps, methods, origins, session limits. */
class ServerSafetyTest {
    PlaygroundServer server;
    int port;

    @BeforeEach
    void start() throws Exception {
        server = PlaygroundServer.start("127.0.0.1", 0);
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String session() throws Exception {
        RawHttp.Response r = RawHttp.post(port, "/api/session", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (String) ((Map<?, ?>) Json.parse(r.body())).get("session");
    }

    private static String error(RawHttp.Response r) {
        Object e = ((Map<?, ?>) Json.parse(r.body())).get("error");
        assertThat(e).as("error JSON in " + r.body()).isInstanceOf(String.class);
        String m = (String) e;
        assertThat(m).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception:");
        return m;
    }

    @Test
    void servesThePageAndItsFiles() throws Exception {
        RawHttp.Response page = RawHttp.get(port, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<title>scratchnet playground</title>");
        assertThat(RawHttp.get(port, "/static/playground.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(RawHttp.get(port, "/static/playground.css").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml", "/static/%2E%2E%2Fweb%2FApi.class",
        "/static/..%2f..%2fetc%2fpasswd", "/../../../../etc/passwd", "/static//etc/passwd", "/etc/passwd",
        "/static/%2fetc%2fpasswd", "/static/..\\..\\Api.class", "/static/C:%5cWindows%5cwin.ini",
        "/org/scratchnet/web/Api.class", "/static/Api.class", "/static/.", "/static/", "/static/index.html%00.js"})
    void staticFilesCannotLeaveTheirFolder(String path) throws Exception {
        RawHttp.Response r = RawHttp.get(port, path);
        if (path.contains("\\")) {
            // the JDK's server refuses a backslash in the request line before any handler runs
            assertThat(r.status()).as(path).isIn(400, 404);
            return;
        }
        assertThat(r.status()).as(path).isEqualTo(404);
        assertThat(error(r)).startsWith("no such page: ");
        assertThat(r.body()).doesNotContain("root:").doesNotContain("<project");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        RawHttp.Response r = RawHttp.get(port, "/api/config?session=x");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("POST");
        assertThat(error(r)).isEqualTo("/api/config takes POST, not GET");
        RawHttp.Response del = RawHttp.send(port, "DELETE / HTTP/1.1\r\nHost: 127.0.0.1:" + port, null);
        assertThat(del.status()).isEqualTo(405);
        assertThat(del.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void oversizedBodyIs413BeforeItIsRead() throws Exception {
        String id = session();
        long t0 = System.nanoTime();
        // declares 50 MB but sends 10 bytes: an answer can only come from the header check
        RawHttp.Response r = RawHttp.send(port, "POST /api/upload?session=" + id + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: http://127.0.0.1:" + port + "\r\nContent-Length: 50000000", "x1,x2,y\n1,".getBytes());
        assertThat(r.status()).isEqualTo(413);
        assertThat(error(r)).isEqualTo("request body too large: at most 1048576 bytes, found 50000000 bytes");
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
        RawHttp.Response form = RawHttp.post(port, "/api/config?session=" + id, "seed=" + "1".repeat(20_000));
        assertThat(form.status()).isEqualTo(413);
    }

    @Test
    void postsNeedTheSameOrigin() throws Exception {
        String head = "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 0";
        RawHttp.Response none = RawHttp.send(port, head, null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(error(none)).isEqualTo("cross-origin request refused: expected Origin http://127.0.0.1:" + port
                + ", found none");
        RawHttp.Response evil = RawHttp.send(port, head + "\r\nOrigin: http://evil.example", null);
        assertThat(evil.status()).isEqualTo(403);
        assertThat(server.liveSessions()).isZero();
    }

    @Test
    void foreignHostNamesAreRefused() throws Exception {
        RawHttp.Response r = RawHttp.send(port, "GET / HTTP/1.1\r\nHost: rebound.example:" + port, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(error(r)).startsWith("Host 'rebound.example:" + port + "' is not this machine");
        assertThat(RawHttp.send(port, "GET / HTTP/1.1\r\nHost: localhost:" + port, null).status()).isEqualTo(200);
    }

    @Test
    void badSettingsComeBackAsOneLineJson() throws Exception {
        String id = session();
        RawHttp.Response r = RawHttp.post(port, "/api/config?session=" + id, "hidden=4,9");
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo("hidden: each layer takes 1 to 8 neurons, got '4,9'");
        RawHttp.Response samples = RawHttp.post(port, "/api/config?session=" + id, "samples=10001");
        assertThat(error(samples)).isEqualTo("samples: expected a whole number from 10 to 10000, got '10001'");
        RawHttp.Response layers = RawHttp.post(port, "/api/config?session=" + id, "hidden=1,1,1,1,1,1,1");
        assertThat(error(layers)).isEqualTo("hidden: at most 6 hidden layers, got 7");
        RawHttp.Response csv = RawHttp.post(port, "/api/upload?session=" + id + "&name=pts.csv", "x1,x2,y\n1,2,a\n3,b,b\n");
        assertThat(error(csv)).isEqualTo("pts.csv:3:2: expected a number in column 'x2', found 'b'");
        RawHttp.Response gone = RawHttp.get(port, "/api/data?session=nope");
        assertThat(gone.status()).isEqualTo(410);
    }

    @Test
    void atMostEightSessions() throws Exception {
        for (int i = 0; i < Sessions.MAX; i++) {
            session();
        }
        RawHttp.Response r = RawHttp.post(port, "/api/session", "");
        assertThat(r.status()).isEqualTo(503);
        assertThat(error(r)).startsWith("8 playground pages are open already");
    }

    @Test
    void idleSessionsEndAndTheirThreadsStop() throws Exception {
        server.close();
        // 1.5 s of idleness ends a session: long enough that a loaded machine does not end it between
        // the two requests below, short enough for the wait after them
        server = PlaygroundServer.start("127.0.0.1", 0, TimeUnit.MILLISECONDS.toNanos(1500));
        port = server.port();
        String id = session();
        assertThat(RawHttp.post(port, "/api/control?session=" + id, "action=play").status()).isEqualTo(200);
        assertThat(trainingThreads(id)).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((server.liveSessions() > 0 || trainingThreads(id) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.liveSessions()).isZero();
        assertThat(trainingThreads(id)).isZero();
        assertThat(RawHttp.get(port, "/api/data?session=" + id).status()).isEqualTo(410);
    }

    @Test
    void closingThePageStreamEndsItsSessionAndStreamsDoNotBlockOtherRequests() throws Exception {
        String id = session();
        RawHttp.post(port, "/api/control?session=" + id, "action=play");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET /api/events?session=" + id + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String first = new String(in.readNBytes(200), StandardCharsets.UTF_8);
            assertThat(first).startsWith("HTTP/1.1 200").contains("text/event-stream").contains("data: {\"type\":\"snapshot\"");
            // the open stream holds one worker; the page's other requests still answer at once
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(RawHttp.get(port, "/api/data?session=" + id).status()).isEqualTo(200);
            }
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(3));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((server.liveSessions() > 0 || trainingThreads(id) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.liveSessions()).isZero();
        assertThat(trainingThreads(id)).isZero();
    }

    private static long trainingThreads(String id) {
        String name = "playground-" + id.substring(0, 8);
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }
}
