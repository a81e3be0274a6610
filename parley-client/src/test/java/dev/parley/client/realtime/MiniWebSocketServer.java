package dev.parley.client.realtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small WebSocket server for tests (RFC 6455, text frames only), bound to 127.0.0.1: it accepts
 * upgrades on any path, records the text frames and close codes it receives, answers pings and
 * close frames, and lets a test send text (whole or in fragments), pings and close frames, or cut
 * the connection.
 */
final class MiniWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();

    MiniWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().name("mini-ws-accept").start(this::acceptLoop);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
    }

    /** The next connection the server accepted (waits up to 5 seconds). */
    Connection accept() throws InterruptedException {
        Connection c = accepted.poll(5, TimeUnit.SECONDS);
        if (c == null) throw new AssertionError("no connection within 5 seconds");
        return c;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                Thread.ofVirtual().name("mini-ws-read").start(connection::run);
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One client connection. */
    final class Connection {
        private final Socket socket;
        private final Object writeLock = new Object();
        final Map<String, String> headers = new HashMap<>();
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();

        Connection(Socket socket) {
            this.socket = socket;
        }

        /** The next text frame from the client (waits up to 5 seconds). */
        String nextText() throws InterruptedException {
            return poll(texts, "text frame");
        }

        int nextCloseCode() throws InterruptedException {
            return poll(closeCodes, "close frame");
        }

        String nextPong() throws InterruptedException {
            return poll(pongs, "pong");
        }

        void sendText(String text) throws IOException {
            write(0x1, true, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends {@code text} as a text frame and continuation frames, in {@code parts} pieces. */
        void sendFragmented(String text, int parts) throws IOException {
            int step = (text.length() + parts - 1) / parts;
            for (int i = 0, start = 0; start < text.length(); i++, start += step) {
                String piece = text.substring(start, Math.min(text.length(), start + step));
                write(i == 0 ? 0x1 : 0x0, start + step >= text.length(), piece.getBytes(StandardCharsets.UTF_8));
            }
        }

        void sendPing(String payload) throws IOException {
            write(0x9, true, payload.getBytes(StandardCharsets.UTF_8));
        }

        void sendClose(int code, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            write(0x8, true, payload);
        }

        /** Cuts the TCP connection without a close frame. */
        void drop() throws IOException {
            socket.close();
        }

        private void run() {
            try (socket) {
                InputStream in = socket.getInputStream();
                handshake(in, socket.getOutputStream());
                accepted.add(this);
                readFrames(new DataInputStream(in));
            } catch (IOException ended) {
                // the client or the test ended the connection
            }
        }

        private void handshake(InputStream in, OutputStream out) throws IOException {
            String line;
            boolean first = true;
            while (!(line = readLine(in)).isEmpty()) {
                if (first) {
                    first = false;
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((headers.get("sec-websocket-key") + GUID).getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            synchronized (writeLock) {
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        private void readFrames(DataInputStream in) throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long length = b1 & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) in.readFully(mask);
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
                switch (opcode) {
                    case 0x0, 0x1 -> {
                        message.write(payload);
                        if (fin) {
                            texts.add(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        closeCodes.add(code);
                        write(0x8, true, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        return;
                    }
                    case 0x9 -> write(0xA, true, payload);
                    case 0xA -> pongs.add(new String(payload, StandardCharsets.UTF_8));
                    default -> throw new IOException("unexpected opcode " + opcode);
                }
            }
        }

        private void write(int opcode, boolean fin, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65_536) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) frame.write((int) ((long) payload.length >> shift));
            }
            frame.write(payload);
            synchronized (writeLock) {
                OutputStream out = socket.getOutputStream();
                out.write(frame.toByteArray());
                out.flush();
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') if (c != '\r') line.append((char) c);
            if (c == -1 && line.isEmpty()) throw new IOException("the connection ended during the handshake");
            return line.toString();
        }

        private static <T> T poll(BlockingQueue<T> queue, String what) throws InterruptedException {
            T value = queue.poll(5, TimeUnit.SECONDS);
            if (value == null) throw new AssertionError("no " + what + " within 5 seconds");
            return value;
        }
    }

    /** How long tests wait at most for a report of the client. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
}
