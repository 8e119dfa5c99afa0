package id.lapak.device.api;

import id.lapak.device.DeviceNotFoundException;
import id.lapak.device.auth.DeviceAuthenticationException;
import id.lapak.device.keys.ReaderKeyException;
import id.lapak.device.pairing.PairingException;
import id.lapak.tenant.store.StoreNotFoundException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the APIs (device and integration) is an RFC 9457 problem with a stable {@code reason}; malformed JSON, wrong types
 * and unsupported media types come through the standard handler, anything unexpected becomes a 500 without
 * details (the log has them).
 */
@RestControllerAdvice
class DeviceApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeviceApiProblems.class);

    @ExceptionHandler(PairingException.class)
    ResponseEntity<ProblemDetail> pairing(PairingException e) {
        var response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(problem(HttpStatus.valueOf(e.status()), "Pairing refused", e.getMessage(), e.reason()));
    }

    @ExceptionHandler(DeviceAuthenticationException.class)
    ResponseEntity<ProblemDetail> authentication(DeviceAuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_client\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "Device not authenticated", e.getMessage(), e.reason()));
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), e.reason()));
    }

    @ExceptionHandler(ReaderKeyException.class)
    ResponseEntity<ProblemDetail> readerKey(ReaderKeyException e) {
        HttpStatus status = "bdk_exhausted".equals(e.reason()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(problem(status, "Reader key refused", e.getMessage(), e.reason()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), "body_invalid"));
    }

    @ExceptionHandler(DeviceNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownDevice(DeviceNotFoundException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "Device not authenticated", "No such device", "device_unknown"));
    }

    @ExceptionHandler(StoreNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownStore(StoreNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", "No such store", "store_unknown"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(
                        HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this request", "forbidden"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected device API error, reference {}", reference, e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The request could not be completed (reference " + reference + ")",
                        "internal"));
    }

    /** Standard Spring MVC errors (unreadable JSON, wrong media type, missing body…) get a reason too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (tooLarge(ex)) {
            statusCode = HttpStatus.CONTENT_TOO_LARGE;
            body = null;
        }
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        String reason = switch (statusCode.value()) {
            case 400 -> "body_malformed";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "body_too_large";
            case 415 -> "media_type_unsupported";
            default -> "request_invalid";
        };
        String field = statusCode.value() == 400 ? invalidField(ex) : null;
        if (field != null) {
            reason = snakeCase(field) + "_invalid";
            problem.setDetail(
                    ex instanceof TypeMismatchException
                            ? field + " is not valid here (an id is a UUID)"
                            : field + " has a value the API does not know");
        } else if (statusCode.value() == 400) {
            problem.setDetail("The body is not valid JSON of the expected shape");
        } else if (statusCode.value() == 413) {
            problem.setDetail("Request bodies are limited to 64 KB (a payment: 256 KB)");
        }
        problem.setType(URI.create("https://lapak.id/problems/" + reason.replace('_', '-')));
        problem.setProperty("reason", reason);
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    /**
     * The field a well-formed request got wrong, so the reason can name it: a path variable of the wrong type
     * ({@code paymentId} → {@code payment_id_invalid}) or a JSON value of the wrong type or an unknown enum value
     * ({@code entryMode} → {@code entry_mode_invalid}). Null when the body is not JSON at all.
     */
    static String invalidField(Throwable ex) {
        if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return mismatch.getPropertyName();
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException input && !input.getPath().isEmpty()) {
                String name = input.getPath().getLast().getPropertyName();
                if (name == null && input.getPath().size() > 1) {
                    name = input.getPath().get(input.getPath().size() - 2).getPropertyName();
                }
                return name;
            }
        }
        return null;
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A body without a declared length that ran over the limit while being read. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://lapak.id/problems/" + reason.replace('_', '-')));
        problem.setProperty("reason", reason);
        return problem;
    }
}
