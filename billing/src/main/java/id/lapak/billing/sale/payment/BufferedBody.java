package id.lapak.billing.sale.payment;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request body read once into memory (the body size limit filter bounds it), and a request that reads it again
 * for whoever comes next: the same bytes, then the same failure if reading the body failed, so Spring MVC answers
 * as if it were the first to read it. Never logged: a payment body carries encrypted card data.
 */
final class BufferedBody {

    private final byte[] bytes;
    private final IOException failure;

    private BufferedBody(byte[] bytes, IOException failure) {
        this.bytes = bytes;
        this.failure = failure;
    }

    static BufferedBody read(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        var out = new ByteArrayOutputStream((int) Math.clamp(declared, 0, 16 * 1024));
        try {
            InputStream in = request.getInputStream();
            byte[] chunk = new byte[8 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            return new BufferedBody(out.toByteArray(), e);
        }
        return new BufferedBody(out.toByteArray(), null);
    }

    /** The whole body, or null when reading it failed. */
    byte[] bytes() {
        return failure == null ? bytes : null;
    }

    /** {@code request} with this body to read in place of its own, which is consumed. */
    HttpServletRequest replayedIn(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {

            private Replay body;

            @Override
            public ServletInputStream getInputStream() {
                if (body == null) {
                    body = new Replay(bytes, failure);
                }
                return body;
            }

            @Override
            public BufferedReader getReader() {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
        };
    }

    private static final class Replay extends ServletInputStream {

        private final ByteArrayInputStream in;
        private final IOException failure;

        Replay(byte[] bytes, IOException failure) {
            this.in = new ByteArrayInputStream(bytes);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0 && failure != null) {
                throw failure;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, length);
            if (n < 0 && failure != null) {
                throw failure;
            }
            return n;
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0 && failure == null;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("A replayed body is read blocking");
        }
    }
}
