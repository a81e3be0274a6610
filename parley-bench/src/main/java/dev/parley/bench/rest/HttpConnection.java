package dev.parley.bench.rest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection of the load generator: the request is written by hand, the
 * answer read with a {@code Content-Length} or a chunked body. Lean on purpose, like the bench's
 * WebSocket client: a general HTTP client costs the generator, which shares the machine with the
 * server under test, more CPU per request than the ceiling server spends answering it. Blocking
 * I/O, meant for virtual threads. Not thread-safe: one exchange at a time.
 */
final class HttpConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /** The answer to one request; {@code reusable} is false when the server closes the connection. */
    record Response(int status, byte[] body, boolean reusable) {
    }

    private final String authority;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(128);

    HttpConnection(String host, int port) throws IOException {
        this.authority = host + ":" + port;
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /**
     * Sends a request and reads its answer.
     *
     * @param headers name, value, name, value … (ASCII)
     * @param body    the request body, or null for none
     */
    Response exchange(String method, String pathAndQuery, String[] headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) out.write(body);
        out.flush();

        String status = readLine();
        if (status.length() < 12 || !status.startsWith("HTTP/1.")) throw new IOException("Not an HTTP answer: " + status);
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
        }
        byte[] content;
        if (chunked) content = readChunked();
        else if (length >= 0) content = readExactly((int) length);
        else {
            content = in.readAllBytes();
            close = true;
        }
        return new Response(code, content, !close);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return content.toByteArray();
            }
            content.write(readExactly(length));
            readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) throw new EOFException("The connection closed inside an answer");
        return bytes;
    }

    /** A line without its CRLF, read as ISO-8859-1 (headers are ASCII). */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) throw new EOFException("The connection closed");
            if (b == '\n') break;
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
