package org.scratchnet.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scratchnet.data.TabularData;
import org.scratchnet.tensor.Tensor;

/**
 * The page's API under {@code /api/}: POST for what changes state (session, config, control,
 * upload, close), GET for what reads it (events, data, state, explain, predict, model). Every answer is
 * JSON except the event stream and the model file; every error is {@code {"error": "..."}}.
 */
final class Api {
    /** A stream with nothing new still writes a comment this often, so a closed page is noticed. */
    static final long PING_MILLIS = 2000;
    private final Sessions sessions;

    Api(Sessions sessions) {
        this.sessions = sessions;
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/api/session" -> {
                Http.allow(ex, "POST");
                Http.body(ex, Http.MAX_FORM);
                Http.json(ex, 200, Map.of("session", sessions.open().id));
            }
            case "/api/config" -> {
                Http.allow(ex, "POST");
                Session s = session(ex);
                Map<String, String> f = Http.form(utf8(Http.body(ex, Http.MAX_FORM)));
                int dv = s.configure(Settings.parse(f));
                Http.json(ex, 200, Map.of("ok", true, "dataVersion", dv));
            }
            case "/api/control" -> {
                Http.allow(ex, "POST");
                Session s = session(ex);
                Map<String, String> f = Http.form(utf8(Http.body(ex, Http.MAX_FORM)));
                boolean playing = s.control(f.getOrDefault("action", ""));
                Http.json(ex, 200, Map.of("ok", true, "playing", playing));
            }
            case "/api/upload" -> {
                Http.allow(ex, "POST");
                Session s = session(ex);
                String text = utf8(Http.body(ex, PlaygroundData.MAX_UPLOAD));
                TabularData t = PlaygroundData.parseUpload(Http.query(ex).get("name"), text);
                s.upload(t);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ok", true);
                m.put("rows", t.dataset().size());
                m.put("task", t.task().id());
                Http.json(ex, 200, m);
            }
            case "/api/close" -> {
                Http.allow(ex, "POST");
                Session s = session(ex);
                sessions.close(s);
                Http.json(ex, 200, Map.of("ok", true));
            }
            case "/api/events" -> {
                Http.allow(ex, "GET");
                stream(ex, session(ex));
            }
            case "/api/data" -> {
                Http.allow(ex, "GET");
                Http.json(ex, 200, session(ex).data());
            }
            case "/api/state" -> {
                Http.allow(ex, "GET");
                Http.json(ex, 200, session(ex).state());
            }
            case "/api/explain" -> {
                Http.allow(ex, "GET");
                Http.json(ex, 200, session(ex).explain());
            }
            case "/api/predict" -> {
                Http.allow(ex, "GET");
                Session s = session(ex);
                Map<String, String> q = Http.query(ex);
                float x1 = coordinate(q, "x1"), x2 = coordinate(q, "x2");
                Tensor out = s.predict(Tensor.of(new float[] {x1, x2}, 1, 2));
                Http.json(ex, 200, Map.of("value", (double) out.get(0)));
            }
            case "/api/model" -> {
                Http.allow(ex, "GET");
                byte[] bytes = session(ex).withTraining(ModelExport::bytes);
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"playground.safetensors\"");
                Http.send(ex, 200, "application/octet-stream", bytes);
            }
            default -> throw new BadRequest(404, "no such API: " + Settings.clip(path));
        }
    }

    private Session session(HttpExchange ex) {
        return sessions.get(Http.query(ex).get("session"));
    }

    /**
     * Server-Sent Events: each snapshot as one {@code data:} line. Only the newest snapshot is
     * sent (a slow page skips frames instead of queueing them). A failed write means the page
     * is gone, and its session ends with it.
     */
    private void stream(HttpExchange ex, Session s) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        long[] version = {-1};
        try (OutputStream out = ex.getResponseBody()) {
            while (!s.closed()) {
                String snap = s.awaitSnapshot(version[0], version, PING_MILLIS);
                byte[] msg = (snap == null ? ": ping\n\n" : "data: " + snap + "\n\n").getBytes(StandardCharsets.UTF_8);
                out.write(msg);
                out.flush();
                s.touch();
            }
        } catch (IOException e) {
            sessions.close(s); // the page closed its end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private static float coordinate(Map<String, String> q, String key) {
        String v = q.get(key);
        try {
            float f = Float.parseFloat(v == null ? "" : v.trim());
            if (Float.isFinite(f) && Math.abs(f) <= 1e6f) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(key + ": expected a number of at most 1e6 in size, got '" + Settings.clip(String.valueOf(v)) + "'");
    }

    /** Bodies must be UTF-8: a stray byte is an error, not a silent replacement character. */
    static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("request body is not UTF-8 text");
        }
    }
}
