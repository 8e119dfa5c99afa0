package id.lapak.billing.sale.payment;

import id.lapak.device.auth.DevicePrincipal;
import id.lapak.device.auth.DeviceShortcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The test's two views of the payment endpoint: the {@link PaymentShortcut} behind a switch (off, the device chain
 * passes every request on to Spring MVC, as before the shortcut existed) counting the requests it answered, and an
 * MVC interceptor counting the requests that reached {@link PaymentApiController#pay}. Imported by the test alone.
 */
class SwitchedPaymentShortcut implements BeanPostProcessor, WebMvcConfigurer {

    volatile boolean off;
    final AtomicInteger answeredByShortcut = new AtomicInteger();
    final AtomicInteger reachedController = new AtomicInteger();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PaymentShortcut shortcut)) {
            return bean;
        }
        return new DeviceShortcut() {
            @Override
            public Outcome handle(HttpServletRequest request, HttpServletResponse response, DevicePrincipal device)
                    throws IOException {
                if (off) {
                    return Outcome.PASSED_ON;
                }
                Outcome outcome = shortcut.handle(request, response, device);
                if (outcome == Outcome.ANSWERED) {
                    answeredByShortcut.incrementAndGet();
                }
                return outcome;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method
                        && method.getBeanType() == PaymentApiController.class
                        && method.getMethod().getName().equals("pay")) {
                    reachedController.incrementAndGet();
                }
                return true;
            }
        });
    }
}
