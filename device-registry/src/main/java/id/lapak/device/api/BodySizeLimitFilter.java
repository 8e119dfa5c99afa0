package id.lapak.device.api;

import id.lapak.device.auth.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API bodies are small: anything over 64 KB is refused with 413 before it is read, declared length or not — except a
 * payment, which may carry up to 500 lines with their descriptions: 256 KB. A {@code GET} or {@code HEAD} is passed
 * through untouched: no endpoint reads a body of one, so there is nothing to count (and the most frequent device
 * requests, configuration and catalog pulls, do not pay for a wrapped request).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final int LIMIT = 64 * 1024;
    static final int PAYMENT_LIMIT = 256 * 1024;
    static final String PAYMENTS = "/api/device/v1/payments";

    private final ProblemWriter problems;

    BodySizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method)
                || "HEAD".equals(method)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean payment = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + PAYMENTS);
        int limit = payment ? PAYMENT_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            problems.write(
                    response,
                    413,
                    "Body too large",
                    "Request bodies are limited to " + limit / 1024 + " KB",
                    "body_too_large");
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public ServletInputStream getInputStream() throws IOException {
                        return new Limited(super.getInputStream(), limit);
                    }
                },
                response);
    }

    /** Counts what is read of a body without a declared length and stops at the limit. */
    private static final class Limited extends ServletInputStream {

        private final ServletInputStream in;
        private final int limit;
        private long read;

        Limited(ServletInputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw new BodyTooLargeException();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new BodyTooLargeException();
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("Request body over the limit");
        }
    }
}
