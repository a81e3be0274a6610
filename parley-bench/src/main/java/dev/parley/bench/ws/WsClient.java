package dev.parley.bench.ws;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lean WebSocket client (RFC 6455) on a blocking {@link SocketChannel}: a hand-written upgrade
 * handshake, masked text frames out, text frames (fragmented or not) in, pings answered. It can
 * bind a local address, so many connections can come from several 127.0.0.x source addresses.
 *
 * <p>{@link #connect} performs the handshake; {@link #start} runs the reader on a virtual thread
 * that hands every text message to the {@link Listener}. {@link #send} may be called from any
 * thread (writes are serialised). No compression extension is offered.
 */
public final class WsClient implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_MESSAGE = 1 << 20;
    private static final int MAX_HANDSHAKE = 16 * 1024;

    /** Receives what the reader reads, on the reader thread. */
    public interface Listener {
        void onText(WsClient client, String text);

        /** The connection ended: a close frame ({@code code}), or an error ({@code code} -1 and {@code error} set). */
        void onClosed(WsClient client, int code, Throwable error);
    }

    private final SocketChannel channel;
    private final ReentrantLock writeLock = new ReentrantLock();
    private ByteBuffer in;
    private volatile boolean closed;
    private volatile int closeCode = -1;
    private Object attachment;

    private WsClient(SocketChannel channel, ByteBuffer leftover) {
        this.channel = channel;
        this.in = leftover;
    }

    /**
     * Connects, upgrades {@code path} to a WebSocket and returns the open client (its reader not
     * started yet). Throws {@link IOException} if the server refuses the upgrade.
     *
     * @param localAddress the source address to bind, or null for any
     * @param headers      extra request headers, e.g. {@code Authorization}
     */
    public static WsClient connect(InetSocketAddress server, InetAddress localAddress, String path,
                                   Map<String, String> headers) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (localAddress != null) channel.bind(new InetSocketAddress(localAddress, 0));
            channel.connect(server);
            byte[] keyBytes = new byte[16];
            ThreadLocalRandom.current().nextBytes(keyBytes);
            String key = Base64.getEncoder().encodeToString(keyBytes);
            StringBuilder request = new StringBuilder(256)
                    .append("GET ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(server.getHostString()).append(':').append(server.getPort()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                    .append("Sec-WebSocket-Version: 13\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            writeFully(channel, ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.ISO_8859_1)));
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            int end;
            while ((end = headerEnd(buffer)) < 0) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() >= MAX_HANDSHAKE) throw new IOException("Handshake response too large");
                    buffer = grow(buffer, buffer.capacity() * 2);
                }
                if (channel.read(buffer) < 0) throw new EOFException("Connection closed during the handshake");
            }
            String head = new String(buffer.array(), 0, end, StandardCharsets.ISO_8859_1);
            checkHandshake(head, key);
            buffer.flip();
            buffer.position(end + 4);
            ByteBuffer leftover = ByteBuffer.allocate(Math.max(8192, buffer.remaining()));
            leftover.put(buffer);
            leftover.flip();
            return new WsClient(channel, leftover);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static int headerEnd(ByteBuffer buffer) {
        byte[] a = buffer.array();
        for (int i = 3; i < buffer.position(); i++) {
            if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') return i - 3;
        }
        return -1;
    }

    private static void checkHandshake(String head, String key) throws IOException {
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].matches("HTTP/1\\.1 101\\b.*")) {
            throw new IOException("Upgrade refused: " + (lines.length == 0 ? "empty response" : lines[0]));
        }
        String expected;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            expected = Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept")) {
                if (line.substring(colon + 1).trim().equals(expected)) return;
                throw new IOException("Wrong Sec-WebSocket-Accept in the upgrade response");
            }
        }
        throw new IOException("No Sec-WebSocket-Accept in the upgrade response");
    }

    /** Starts the reader on a virtual thread; returns this. */
    public WsClient start(Listener listener) {
        Thread.ofVirtual().name("ws-reader").start(() -> readLoop(listener));
        return this;
    }

    /** Sends one text frame. Throws {@link IOException} if the connection is closed or broken. */
    public void send(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** True until a close frame arrived, an error happened or {@link #close} was called. */
    public boolean isOpen() {
        return !closed;
    }

    /** The close code the server sent, or -1. */
    public int closeCode() {
        return closeCode;
    }

    /** Something the owner keeps with the connection (e.g. its workload state). */
    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    /** Sends a normal close frame (best effort) and closes the socket. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            sendFrame(0x8, new byte[]{0x03, (byte) 0xE8});
        } catch (IOException ignored) {
            // the socket is closed below either way
        }
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
        frame.put((byte) (0x80 | opcode));
        if (length < 126) {
            frame.put((byte) (0x80 | length));
        } else if (length <= 0xFFFF) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        frame.putInt(mask);
        byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
        for (int i = 0; i < length; i++) frame.put((byte) (payload[i] ^ m[i & 3]));
        frame.flip();
        writeLock.lock();
        try {
            if (closed && opcode != 0x8) throw new IOException("The connection is closed");
            writeFully(channel, frame);
        } finally {
            writeLock.unlock();
        }
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    private void readLoop(Listener listener) {
        ByteBuffer message = null;
        try {
            while (true) {
                int b0 = readByte() & 0xFF;
                int b1 = readByte() & 0xFF;
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long length = b1 & 0x7F;
                if (length == 126) length = readShort();
                else if (length == 127) length = readLong();
                if ((b1 & 0x80) != 0) throw new IOException("The server sent a masked frame");
                if (length > MAX_MESSAGE) throw new IOException("Frame of " + length + " bytes is too large");
                byte[] payload = readBytes((int) length);
                switch (opcode) {
                    case 0x1, 0x0 -> {
                        if (fin && message == null) {
                            listener.onText(this, new String(payload, StandardCharsets.UTF_8));
                        } else {
                            if (message == null) message = ByteBuffer.allocate(Math.max(1024, payload.length * 2));
                            if (message.remaining() < payload.length) {
                                if (message.position() + payload.length > MAX_MESSAGE) throw new IOException("Message too large");
                                message = grow(message, Math.max(message.capacity() * 2, message.position() + payload.length));
                            }
                            message.put(payload);
                            if (fin) {
                                listener.onText(this, new String(message.array(), 0, message.position(), StandardCharsets.UTF_8));
                                message = null;
                            }
                        }
                    }
                    case 0x9 -> sendFrame(0xA, payload);
                    case 0xA, 0x2 -> {
                        // pongs and binary frames are not part of the protocol the bench uses
                    }
                    case 0x8 -> {
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        if (!closed) {
                            closed = true;
                            try {
                                sendFrame(0x8, payload.length >= 2 ? new byte[]{payload[0], payload[1]} : new byte[0]);
                            } catch (IOException ignored) {
                                // closing anyway
                            }
                        }
                        closeChannel();
                        listener.onClosed(this, closeCode, null);
                        return;
                    }
                    default -> throw new IOException("Unknown opcode " + opcode);
                }
            }
        } catch (IOException | RuntimeException e) {
            boolean wasClosed = closed;
            closed = true;
            closeChannel();
            listener.onClosed(this, closeCode, wasClosed ? null : e);
        }
    }

    private void fill(int needed) throws IOException {
        if (in.remaining() >= needed) return;
        in.compact();
        if (in.capacity() < needed) in = grow(in, Math.max(needed, in.capacity() * 2));
        while (in.position() < needed) {
            if (channel.read(in) < 0) throw new EOFException("Connection closed");
        }
        in.flip();
    }

    private byte readByte() throws IOException {
        fill(1);
        return in.get();
    }

    private int readShort() throws IOException {
        fill(2);
        return in.getShort() & 0xFFFF;
    }

    private long readLong() throws IOException {
        fill(8);
        return in.getLong();
    }

    private byte[] readBytes(int length) throws IOException {
        byte[] out = new byte[length];
        int copied = Math.min(in.remaining(), length);
        in.get(out, 0, copied);
        if (copied < length) {
            ByteBuffer rest = ByteBuffer.wrap(out, copied, length - copied);
            while (rest.hasRemaining()) {
                if (channel.read(rest) < 0) throw new EOFException("Connection closed");
            }
        }
        return out;
    }

    private static ByteBuffer grow(ByteBuffer buffer, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }
}
