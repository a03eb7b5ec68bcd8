package dev.vexilla.bench.server;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection with keep-alive that sends a fixed, pre-encoded request and reads each response whole
 * (status line, headers, a {@code Content-Length} body). Deliberately minimal so that the client costs far less than
 * the server it measures: no chunked bodies, no redirects, no TLS. Not thread-safe: one connection per thread.
 */
final class KeepAliveConnection implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[8192];

    KeepAliveConnection(InetSocketAddress target) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(target, READ_TIMEOUT_MILLIS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /**
     * Sends the request and reads the whole response.
     *
     * @param request the encoded request, with {@code Content-Length}
     * @return the HTTP status
     * @throws IOException if the connection fails or the response cannot be framed
     */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("unexpected status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("chunked responses are not supported by this load generator");
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (length < 0 && status != 304 && status != 204) {
            throw new IOException("response without Content-Length (status " + status + ")");
        }
        skip(Math.max(0, length));
        if (close) {
            throw new IOException("the server closed the connection");
        }
        return status;
    }

    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("header line longer than " + line.length + " bytes");
            }
            line[n++] = (byte) b;
        }
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("body truncated");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
