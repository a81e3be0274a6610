package dev.parley.e2e.realtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a server port that can cut connections, as a broken network
 * would: for clients whose sockets a test cannot reach (the SDK's). Each accepted connection is
 * piped to the target by two virtual threads; {@link #dropOne} closes both ends of one at random.
 */
final class FlakyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FlakyProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Starts a proxy to {@code targetPort} on 127.0.0.1. */
    static FlakyProxy start(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            FlakyProxy proxy = new FlakyProxy(listener, targetPort);
            Thread.ofVirtual().name("flaky-proxy-accept").start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The proxied socket endpoint. */
    URI socketUri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws");
    }

    /** Cuts one open connection chosen by {@code random}; false if none is open. */
    boolean dropOne(Random random) {
        List<Link> open = new ArrayList<>(links);
        if (open.isEmpty()) return false;
        open.sort((a, b) -> Long.compare(a.number, b.number));
        open.get(random.nextInt(open.size())).cut();
        return true;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::cut);
    }

    private void accept() {
        long number = 0;
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
            } catch (IOException e) {
                quietly(client);
                quietly(upstream);
                continue;
            }
            Link link = new Link(++number, client, upstream);
            links.add(link);
            Thread.ofVirtual().start(() -> pump(link, client, upstream));
            Thread.ofVirtual().start(() -> pump(link, upstream, client));
        }
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the link broke or was cut
        } finally {
            link.cut();
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private final class Link {
        private final long number;
        private final Socket client;
        private final Socket upstream;

        Link(long number, Socket client, Socket upstream) {
            this.number = number;
            this.client = client;
            this.upstream = upstream;
        }

        void cut() {
            links.remove(this);
            quietly(client);
            quietly(upstream);
        }
    }
}
