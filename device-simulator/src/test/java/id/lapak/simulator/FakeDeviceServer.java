package id.lapak.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in server on a free loopback port that answers what each test scripts and records what the client
 * sent. It checks the client's side of the contract only; the real server is tested against the real client.
 */
public final class FakeDeviceServer implements AutoCloseable {

    public record Request(String method, String path, Headers headers, String body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Response problem(int status, String title, String detail, String reason) {
            return new Response(status, Map.of("Content-Type", "application/problem+json"), """
                    {"type":"about:blank","title":"%s","status":%d,"detail":"%s","reason":"%s"}""".formatted(
                            title, status, detail, reason));
        }
    }

    @FunctionalInterface
    public interface Responder {
        Response answer(Request request) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeDeviceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeDeviceServer on(String method, String path, Responder responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    body);
            requests.add(request);
            Responder responder = routes.get(request.method() + " " + request.path());
            Response response;
            try {
                response = responder == null
                        ? Response.problem(404, "Not Found", "no route in the fake", "not_found")
                        : responder.answer(request);
            } catch (Exception | AssertionError e) {
                response = Response.problem(
                        500, "Fake failed", String.valueOf(e.getMessage()).replace('"', '\''), "fake_failed");
            }
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes =
                    response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
