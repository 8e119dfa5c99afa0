package id.lapak.simulator.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive plain HTTP/1.1 connection used by one thread of the load generator: the request is written and
 * the answer read on the calling thread, with no selector thread in between, so the generator's own CPU per
 * payment stays small beside the server's. Only what the device API answers is understood: a status line, headers,
 * and a body with {@code Content-Length} or chunked. Not for {@code https}; the load generator uses the ordinary
 * client there.
 */
final class Http1Connection implements Closeable {

    /** A status and a body. */
    record Answer(int status, String body) {}

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1Connection(URI server) {
        if (!"http".equalsIgnoreCase(server.getScheme())) {
            throw new IllegalArgumentException("plain http only");
        }
        this.host = server.getHost();
        this.port = server.getPort() < 0 ? 80 : server.getPort();
        this.hostHeader = server.getPort() < 0 ? host : host + ":" + port;
    }

    /** Sends a JSON POST and reads the answer; a connection the server closed is opened again once. */
    Answer post(String path, String bearerToken, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: lapak-device-simulator\r\n"
                + "Accept: application/json, application/problem+json\r\n"
                + "Content-Type: application/json\r\n"
                + "Authorization: Bearer " + bearerToken + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        boolean reused = socket != null;
        try {
            return exchange(headBytes, body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(headBytes, body); // the kept-alive connection was closed by the server meanwhile
        }
    }

    private Answer exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        out.write(request);
        out.flush();
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 answer");
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String header;
        while (!(header = line()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream(1024);
        if (chunked) {
            readChunks(answer);
        } else if (length >= 0) {
            copy(answer, Math.toIntExact(length));
        } else {
            in.transferTo(answer);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Answer(status, answer.toString(StandardCharsets.UTF_8));
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    /** A chunked body: sized chunks up to the empty one, then trailers up to an empty line. */
    private void readChunks(ByteArrayOutputStream answer) throws IOException {
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return;
            }
            copy(answer, n);
            line();
        }
    }

    private void copy(ByteArrayOutputStream to, int n) throws IOException {
        byte[] buffer = in.readNBytes(n);
        if (buffer.length < n) {
            throw new EOFException("the answer ended early");
        }
        to.write(buffer);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        throw new EOFException("the connection closed");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
