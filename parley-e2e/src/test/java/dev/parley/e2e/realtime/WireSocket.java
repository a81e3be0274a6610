package dev.parley.e2e.realtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A minimal WebSocket client (RFC 6455) on a plain TCP socket, for tests that need control the
 * JDK client does not give: a tiny receive buffer and reading only when the test says so, so that
 * a client that stops reading really stops reading. Text frames only; answers pings (unless told
 * not to); not thread-safe (one test thread drives it).
 */
final class WireSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    private static final int CONTINUATION = 0x0;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final java.net.Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private boolean answerPings = true;

    private WireSocket(java.net.Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code uri} (ws://host:port/path) with a bearer token and a receive buffer of about {@code receiveBuffer} bytes. */
    static WireSocket connect(URI uri, String token, int receiveBuffer) {
        try {
            java.net.Socket socket = new java.net.Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout(20_000);
            WireSocket wire = new WireSocket(socket);
            wire.handshake(uri, token);
            return wire;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(URI uri, String token) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new EOFException("the server closed during the handshake: " + head);
            head.write(b);
        }
        String status = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        if (!status.contains(" 101 ")) throw new IOException("no upgrade: " + head);
    }

    /** From now on pings are read but not answered, as from a client that hangs. */
    void ignorePings() {
        answerPings = false;
    }

    /** Sends one masked text frame. */
    void sendText(String text) {
        try {
            writeFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the next text or close frame (answering pings on the way); null when the connection
     * ended without a close frame.
     */
    Frame read() {
        try {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int messageOpcode = -1;
            while (true) {
                int first = in.read();
                if (first < 0) return null;
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                if (opcode == PING) {
                    if (answerPings) writeFrame(PONG, payload);
                } else if (opcode == CLOSE) {
                    return new Frame(CLOSE, payload);
                } else if (opcode == TEXT || opcode == CONTINUATION) {
                    if (opcode == TEXT) messageOpcode = TEXT;
                    message.write(payload);
                    if (fin) return new Frame(messageOpcode, message.toByteArray());
                }
            }
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) frame.write((int) ((long) payload.length >>> shift) & 0xFF);
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        out.write(frame.toByteArray());
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** A received frame: text (opcode 1) or close (8, payload = code and reason). */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame; 1005 when it carries none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }
}
