package org.scratchnet.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.io.Json;

/** Small request/response helpers shared by the handlers. */
final class Http {
    /** Cap for form bodies (settings, controls). */
    static final int MAX_FORM = 16 * 1024;

    private Http() {
    }

    /** 405 unless the method is one of {@code allowed}; nothing of the body is read. */
    static void allow(HttpExchange ex, String... allowed) {
        for (String m : allowed) {
            if (m.equals(ex.getRequestMethod())) {
                return;
            }
        }
        ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new BadRequest(405, ex.getRequestURI().getPath() + " takes " + String.join(" or ", allowed)
                + ", not " + Settings.clip(ex.getRequestMethod()));
    }

    /**
     * The body, at most {@code cap} bytes. A declared length over the cap is refused before any
     * byte is read; an undeclared one is read only until it passes the cap. Either way: 413.
     */
    static byte[] body(HttpExchange ex, int cap) throws IOException {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        if (len != null) {
            long n;
            try {
                n = Long.parseLong(len.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("Content-Length: expected a number, got '" + Settings.clip(len) + "'");
            }
            if (n > cap) {
                throw tooLarge(cap, n + " bytes");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            int r;
            while ((r = in.read(buf)) > 0) {
                if (out.size() + r > cap) {
                    throw tooLarge(cap, "more");
                }
                out.write(buf, 0, r);
            }
        }
        return out.toByteArray();
    }

    private static BadRequest tooLarge(int cap, String found) {
        return new BadRequest(413, "request body too large: at most " + cap + " bytes, found " + found);
    }

    /** application/x-www-form-urlencoded or a query string → map (first value wins). */
    static Map<String, String> form(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return m;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                m.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("malformed form field '" + Settings.clip(pair) + "'");
            }
        }
        return m;
    }

    static Map<String, String> query(HttpExchange ex) {
        return form(ex.getRequestURI().getRawQuery());
    }

    static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, "application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        if (status == 413) {
            // the rest of the body stays unread: the connection cannot carry another request
            ex.getResponseHeaders().set("Connection", "close");
        }
        json(ex, status, Map.of("error", message));
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    /** Host names that mean this machine, for the DNS-rebinding check. */
    static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");
}
