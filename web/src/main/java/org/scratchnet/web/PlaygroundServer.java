package org.scratchnet.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The playground's HTTP server: the page's static files at {@code /} and {@code /static/}, its
 * API at {@code /api/}. Requests run on a pool of threads, because an open event stream holds
 * its thread for as long as the page is open (the JDK server's default runs every request on
 * one thread, so one stream would block all other requests).
 *
 * <p>Checks before any handler: the {@code Host} header must name this machine when bound to
 * loopback (a page on another site cannot reach the server through a rebound DNS name), and a
 * POST must carry an {@code Origin} equal to {@code http://<Host>} (a page on another site
 * cannot change a session).
 *
 * <pre>{@code
 * PlaygroundServer server = PlaygroundServer.start("127.0.0.1", 8080);
 * System.out.println(server.url());
 * server.close();
 * }</pre>
 */
public final class PlaygroundServer implements AutoCloseable {
    /** Worker threads: a stream per live session plus room for the pages' other requests. */
    static final int THREADS = 2 * Sessions.MAX + 8;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService reaper;
    private final Sessions sessions;
    private final boolean loopback;

    private PlaygroundServer(HttpServer server, boolean loopback, long idleNanos) {
        this.server = server;
        this.loopback = loopback;
        this.sessions = new Sessions(idleNanos);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "playground-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "playground-reaper");
            t.setDaemon(true);
            return t;
        });
        Api api = new Api(sessions);
        server.createContext("/", ex -> dispatch(ex, api));
        server.setExecutor(executor);
    }

    /** Binds {@code host:port} (port 0 = any free port) and starts serving. */
    public static PlaygroundServer start(String host, int port) throws IOException {
        return start(host, port, Sessions.IDLE_NANOS);
    }

    static PlaygroundServer start(String host, int port, long idleNanos) throws IOException {
        InetAddress addr = InetAddress.getByName(host);
        HttpServer http = HttpServer.create(new InetSocketAddress(addr, port), 64);
        PlaygroundServer s = new PlaygroundServer(http, addr.isLoopbackAddress(), idleNanos);
        long every = Math.max(TimeUnit.NANOSECONDS.toMillis(idleNanos) / 4, 50);
        s.reaper.scheduleWithFixedDelay(s.sessions::reap, every, every, TimeUnit.MILLISECONDS);
        http.start();
        return s;
    }

    /** True when {@code host} is a loopback address (the only safe default). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open in a browser. */
    public String url() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "localhost" : a.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/";
    }

    int liveSessions() {
        return sessions.size();
    }

    /** Stops accepting, ends every session and its training thread. */
    @Override
    public void close() {
        reaper.shutdownNow();
        sessions.closeAll();
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange ex, Api api) throws IOException {
        try {
            checkHost(ex);
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/api/")) {
                if (ex.getRequestMethod().equals("POST")) {
                    checkOrigin(ex);
                }
                api.handle(ex);
            } else {
                StaticFiles.serve(ex);
            }
        } catch (BadRequest e) {
            Http.error(ex, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            if (Boolean.getBoolean("scratchnet.debug")) {
                e.printStackTrace();
            }
            // no stack trace to the page: the type and first line are what a bug report needs
            String m = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            Http.error(ex, 500, "internal error (" + e.getClass().getSimpleName() + ")" + m);
        } finally {
            ex.close();
        }
    }

    private void checkHost(HttpExchange ex) {
        if (!loopback) {
            return; // the user chose to serve beyond this machine
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        String suffix = ":" + port();
        if (name.endsWith(suffix)) {
            name = name.substring(0, name.length() - suffix.length());
        }
        if (!Http.LOOPBACK_NAMES.contains(name)) {
            throw new BadRequest(403, "Host '" + Settings.clip(String.valueOf(host)) + "' is not this machine: open "
                    + url());
        }
    }

    private void checkOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin == null || host == null || !origin.equalsIgnoreCase("http://" + host)) {
            throw new BadRequest(403, "cross-origin request refused: expected Origin http://" + Settings.clip(String.valueOf(host))
                    + ", found " + (origin == null ? "none" : "'" + Settings.clip(origin) + "'"));
        }
    }
}
