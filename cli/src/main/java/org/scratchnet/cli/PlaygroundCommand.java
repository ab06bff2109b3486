package org.scratchnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.scratchnet.tensor.Engine;
import org.scratchnet.web.PlaygroundServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scratchnet playground}: serves the live playground page until Ctrl-C. */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the live playground: watch a network learn in the browser, download the model.")
public final class PlaygroundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    /** Stops after this many seconds (tests); 0 = until Ctrl-C. */
    @Option(names = "--serve-seconds", hidden = true, defaultValue = "0")
    int serveSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw Checks.usage("--port must be from 0 to 65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!PlaygroundServer.isLoopback(host)) {
            err.println("warning: --host " + host + " serves the playground beyond this machine; anyone who can reach "
                    + "it can use this computer's CPU. Use 127.0.0.1 unless you mean it.");
            err.flush();
        }
        // each page trains on its own thread: kernels stay on that thread instead of splitting
        // tiny products across cores that the other pages' training (and the browser) need
        int threads = Engine.threads();
        Engine.setThreads(1);
        try {
            return serve(out);
        } finally {
            Engine.setThreads(threads);
        }
    }

    private int serve(PrintWriter out) throws InterruptedException {
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(host, port);
        } catch (UnknownHostException e) {
            throw Checks.usage("--host: unknown host '" + host + "'");
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            if (why.toLowerCase(java.util.Locale.ROOT).contains("assign")) {
                throw new Errors.UserException("--host " + host + ": not an address of this machine (" + why
                        + "): use 127.0.0.1, or an address this machine has", 1);
            }
            throw new Errors.UserException("--port " + port + ": cannot listen on " + host + ":" + port + " ("
                    + why + "): pick another --port, or --port 0 for any free one", 1);
        } catch (IOException e) {
            throw new Errors.UserException("cannot listen on " + host + ":" + port + ": " + Errors.describe(e), 1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "playground-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("playground: open " + server.url() + "  (Ctrl-C stops it)");
        out.flush();
        if (serveSeconds > 0) {
            stopped.await(serveSeconds, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        } else {
            stopped.await();
        }
        return 0;
    }
}
