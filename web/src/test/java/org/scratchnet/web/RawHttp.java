package org.scratchnet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Requests written byte for byte (no client normalizes the path or adds headers), for the safety tests. */
final class RawHttp {
    record Response(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int c = line.indexOf(':');
                if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(name)) {
                    return line.substring(c + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, no blank line) and {@code body}; reads to the end. */
    static Response send(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer and close before taking the whole body: read what it said
                }
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    static Response get(int port, String path) throws IOException {
        return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port, null);
    }

    static Response post(int port, String path, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:" + port
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + b.length, b);
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int r;
        try {
            // stop at the end of a sized body: the server may keep the socket open after answering
            while (!complete(all.toByteArray()) && (r = in.read(buf)) > 0) {
                all.write(buf, 0, r);
            }
        } catch (IOException e) {
            // a reset after the response: keep what arrived
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] status = head.split(" ", 3);
        int code = status.length > 1 ? Integer.parseInt(status[1]) : -1;
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(code, head, body);
    }

    private static boolean complete(byte[] b) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return b.length >= end + 4 + Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf("\r\n", i);
            if (nl < 0) {
                break;
            }
            int n = Integer.parseInt(s.substring(i, nl).trim(), 16);
            if (n == 0) {
                break;
            }
            out.append(s, nl + 2, Math.min(s.length(), nl + 2 + n));
            i = nl + 2 + n + 2;
        }
        return out.toString();
    }
}
