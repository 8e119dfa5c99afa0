package id.lapak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lapak: the back office for merchants taking card payments on mPOS devices. */
@SpringBootApplication
public class LapakApplication {

    public static void main(String[] args) {
        SpringApplication.run(LapakApplication.class, args);
    }
}
