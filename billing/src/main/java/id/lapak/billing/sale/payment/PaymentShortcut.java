package id.lapak.billing.sale.payment;

import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.PaymentResult;
import id.lapak.device.auth.DevicePrincipal;
import id.lapak.device.auth.DeviceShortcut;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device's payment, {@code POST /api/device/v1/payments}, answered before Spring MVC (decision 0046), whose
 * handler lookup, argument resolution, content negotiation and return-value handling took about a quarter of the
 * application's CPU per payment (4.29 → 3.18 ms measured without them, bench/README.md). The answer is the one {@link PaymentApiController#pay} gives: the same {@link PaymentService} call,
 * the result written by the same {@link JsonMapper} MVC's JSON converter uses (201 new, 200 replay), a refusal built
 * by {@link PaymentApiProblems#refusal}, and any other failure handed to MVC's own exception handling with that
 * method as the handler.
 *
 * <p>Only a request MVC would route to that method and answer in JSON is taken: a JSON body of declared length (no
 * charset but UTF-8) and an {@code Accept} of {@code *}{@code /*}, {@code application/*}, {@code application/json}
 * (with or without {@code application/problem+json}), or none. Anything else goes on untouched. A body Jackson does
 * not read into a payment (malformed, an amount with a fraction, {@code null}, a failed read) goes on too, replayed
 * from the bytes read, so MVC gives its own answer to it.
 */
@Component
class PaymentShortcut implements DeviceShortcut {

    static final String PATH = "/api/device/v1/payments";

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final Set<MediaType> ANSWERABLE_ACCEPTS =
            Set.of(MediaType.ALL, new MediaType("application", "*"), MediaType.APPLICATION_JSON);

    private final PaymentService payments;
    private final JsonMapper json;
    private final ObjectReader reader;
    private final HandlerExceptionResolver mvcExceptions;
    private final HandlerMethod pay;

    PaymentShortcut(
            PaymentService payments,
            JsonMapper json,
            PaymentApiController controller,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver mvcExceptions)
            throws NoSuchMethodException {
        this.payments = payments;
        this.json = json;
        this.reader = json.readerFor(PaymentRequest.class);
        this.mvcExceptions = mvcExceptions;
        this.pay = new HandlerMethod(
                controller,
                PaymentApiController.class.getDeclaredMethod("pay", DevicePrincipal.class, PaymentRequest.class));
    }

    @Override
    public Outcome handle(HttpServletRequest request, HttpServletResponse response, DevicePrincipal device)
            throws IOException {
        if (!answerable(request)) {
            return Outcome.PASSED_ON;
        }
        BufferedBody body = BufferedBody.read(request);
        PaymentRequest payment = parsed(body.bytes());
        if (payment == null) {
            return Outcome.passedOn(body.replayedIn(request));
        }
        // What MVC's handler lookup would record: request metrics name the endpoint, not UNKNOWN.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        try {
            PaymentResult result = payments.pay(device.deviceId(), payment);
            write(response, result.replayed() ? 200 : 201, JSON, json.writeValueAsBytes(result));
        } catch (PaymentRefusedException e) {
            refuse(request, response, e);
        } catch (RuntimeException e) {
            if (mvcExceptions.resolveException(request, response, pay, e) == null) {
                throw e;
            }
        }
        return Outcome.ANSWERED;
    }

    static boolean answerable(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PATH.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                && request.getContentLengthLong() > 0
                && jsonBody(request.getContentType())
                && acceptsJson(request.getHeaders(HttpHeaders.ACCEPT));
    }

    /** {@code application/json}, with no parameter but a UTF-8 charset (MVC decodes any other charset itself). */
    static boolean jsonBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && type.getSubtype().equals("json")
                    && (type.getParameters().isEmpty()
                            || type.getParameters().size() == 1 && StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * At most one {@code Accept} header, listing only types without parameters from {@link #ANSWERABLE_ACCEPTS}
     * and {@code application/problem+json}, at least one of the former: MVC writes the payment as
     * {@code application/json} and a problem as {@code application/problem+json} for each of these.
     */
    static boolean acceptsJson(Enumeration<String> accept) {
        if (accept == null || !accept.hasMoreElements()) {
            return true;
        }
        String header = accept.nextElement();
        if (accept.hasMoreElements()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(header);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean json = false;
        for (MediaType type : types) {
            if (!type.getParameters().isEmpty()) {
                return false;
            }
            if (ANSWERABLE_ACCEPTS.contains(type)) {
                json = true;
            } else if (!MediaType.APPLICATION_PROBLEM_JSON.equals(type)) {
                return false;
            }
        }
        return json;
    }

    /** The payment in {@code body}, or null when it is not one MVC would hand to the controller. */
    private PaymentRequest parsed(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return reader.readValue(body);
        } catch (RuntimeException e) { // Jackson's exceptions and MinorUnits' refusal: MVC answers them
            return null;
        }
    }

    /** As {@link PaymentApiProblems#refused} through MVC, which names the request as the problem's instance. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, PaymentRefusedException e)
            throws IOException {
        ResponseEntity<ProblemDetail> refusal = PaymentApiProblems.refusal(e);
        ProblemDetail problem = refusal.getBody();
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(
                response,
                refusal.getStatusCode().value(),
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsBytes(problem));
    }

    /** Written and flushed as MVC's converter does, so the answer goes out the same way (chunked). */
    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        ServletOutputStream out = response.getOutputStream();
        out.write(body);
        out.flush();
    }
}
