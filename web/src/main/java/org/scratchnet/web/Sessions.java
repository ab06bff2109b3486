package org.scratchnet.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The live sessions: at most {@link #MAX} at once, each ended when its page closes (its event
 * stream fails) or after {@link #IDLE_NANOS} without a word from it. Ids are 128 random bits, so
 * one page cannot guess another's.
 */
final class Sessions {
    static final int MAX = 8;
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long idleNanos;

    Sessions(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    synchronized Session open() {
        reap();
        if (live.size() >= MAX) {
            throw new BadRequest(503, MAX + " playground pages are open already: close one, or wait a minute for an idle one to end");
        }
        byte[] b = new byte[16];
        random.nextBytes(b);
        Session s = new Session(HexFormat.of().formatHex(b));
        live.put(s.id, s);
        return s;
    }

    /** The live session named by the request's {@code session} field; touches it. */
    Session get(String id) {
        Session s = id == null ? null : live.get(id);
        if (s == null || s.closed()) {
            throw new BadRequest(410, "this playground session has ended (idle for a minute, or the server restarted): reload the page");
        }
        s.touch();
        return s;
    }

    void close(Session s) {
        live.remove(s.id, s);
        s.close();
    }

    /** Ends the sessions whose pages have been silent too long. */
    synchronized void reap() {
        for (Session s : live.values()) {
            if (s.silentNanos() > idleNanos) {
                close(s);
            }
        }
    }

    int size() {
        return live.size();
    }

    void closeAll() {
        for (Session s : live.values()) {
            close(s);
        }
    }
}
