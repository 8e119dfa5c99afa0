package id.lapak.apidoc;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Errors the servlet container answers itself, before Lapak's code runs (a request line it refuses, such as a path
 * with {@code %00}): under {@code /api/} they are {@code application/problem+json} with a reason, like every other API
 * error; elsewhere Tomcat's page, without its version or a stack trace.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        if (status < 400
                || uri == null
                || !uri.startsWith("/api/")
                || response.isCommitted()
                || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        String reason = status == 400
                ? "request_invalid"
                : status == 404 ? "not_found" : status == 505 ? "http_version_unsupported" : "request_refused";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://lapak.id/problems/" + reason.replace('_', '-') + "\",\"title\":"
                        + "\"Request refused\",\"status\":" + status + ",\"detail\":\"The server could not read "
                        + "this request\",\"reason\":\"" + reason + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say
        }
    }
}
