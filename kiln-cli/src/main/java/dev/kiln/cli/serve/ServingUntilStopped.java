package dev.kiln.cli.serve;

import dev.kiln.serve.http.KilnServer;
import java.util.concurrent.CountDownLatch;

/** Keeps a command serving until the JVM is asked to stop (Ctrl-C, SIGTERM) or its thread is interrupted; either way the server drains. */
public final class ServingUntilStopped {
    private final KilnServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    /** Registers the shutdown hook that closes {@code server}; call it right after the server starts. */
    public ServingUntilStopped(KilnServer server) {
        this.server = server;
        this.hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kiln-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until the server has stopped. */
    public void await() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        }
    }
}
