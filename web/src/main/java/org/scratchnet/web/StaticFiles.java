package org.scratchnet.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the page's files from the jar's {@code org/scratchnet/web/static/} folder and nothing
 * else. A name is one plain segment of letters, digits, '-', '_' and one '.', checked on the raw
 * (still percent-encoded) path, so {@code ..}, {@code %2e%2e}, slashes, backslashes and
 * absolute paths never reach the class loader: they are 404.
 */
final class StaticFiles {
    private static final String ROOT = "/org/scratchnet/web/static/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");

    private StaticFiles() {
    }

    /** The resource name for a raw request path, or null when it is not one of ours. */
    static String resolve(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        if (rawPath.equals("/")) {
            return "index.html";
        }
        String name = rawPath.startsWith("/static/") ? rawPath.substring("/static/".length()) : null;
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        return TYPES.containsKey(extension(name)) ? name : null;
    }

    static void serve(HttpExchange ex) throws IOException {
        Http.allow(ex, "GET", "HEAD");
        String name = resolve(ex.getRequestURI().getRawPath());
        byte[] body = null;
        if (name != null) {
            try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            throw new BadRequest(404, "no such page: " + Settings.clip(ex.getRequestURI().getRawPath()));
        }
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'");
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        Http.send(ex, 200, TYPES.get(extension(name)), ex.getRequestMethod().equals("HEAD") ? new byte[0] : body);
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
