package id.lapak.simulator.cli;

import id.lapak.simulator.DeviceHome;
import java.util.Set;

/** One command: its help, the options that take a value, the flags, and what runs it. */
record Command(String name, String summary, String usage, Set<String> options, Set<String> flags, Handler handler) {

    @FunctionalInterface
    interface Handler {
        int run(Args args, DeviceHome home);
    }
}
