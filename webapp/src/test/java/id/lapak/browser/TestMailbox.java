package id.lapak.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server (plain, no TLS, no auth) that keeps every message it receives, so a test can read the
 * e-mails Keycloak sends and follow their links. Enough of RFC 5321 for Keycloak's mail client.
 */
final class TestMailbox implements AutoCloseable {

    record Mail(List<String> recipients, String content) {}

    private final ServerSocket server;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();

    TestMailbox() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("test-smtp").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The first link to Keycloak's login actions in a mail to {@code recipient}, waiting for the mail to arrive. */
    String awaitLink(String recipient, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Pattern link = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");
        while (Instant.now().isBefore(deadline)) {
            for (Mail mail : mails) {
                if (mail.recipients().stream().anyMatch(r -> r.toLowerCase().contains(recipient.toLowerCase()))) {
                    Matcher m = link.matcher(decodeQuotedPrintable(mail.content()));
                    if (m.find()) {
                        return m.group().replace("&amp;", "&");
                    }
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "No mail with a link to " + recipient + " within " + timeout + "; got " + mails.size());
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // Closed, or the client went away mid-conversation: wait for the next one.
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost test mailbox");
        List<String> recipients = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 localhost");
                case "MAIL" -> {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(line.substring(line.indexOf(':') + 1).strip());
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder content = new StringBuilder();
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        content.append(data.startsWith("..") ? data.substring(1) : data)
                                .append("\r\n");
                    }
                    mails.add(new Mail(List.copyOf(recipients), content.toString()));
                    reply(out, "250 OK queued");
                }
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '='
                    && i + 2 < joined.length()
                    && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                out.append((char) Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
