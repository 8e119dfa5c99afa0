package id.lapak.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The commands' help, read from {@code help.txt} beside this class: "== name: summary", then the usage text. */
final class CommandHelp {

    record Entry(String summary, String usage) {}

    private final Map<String, Entry> entries;

    private CommandHelp(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static CommandHelp load() {
        try (InputStream in = CommandHelp.class.getResourceAsStream("help.txt")) {
            if (in == null) {
                throw new IllegalStateException("help.txt is missing from the simulator");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandHelp parse(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String name = null;
        String summary = null;
        StringBuilder usage = new StringBuilder();
        for (String line : (text + "\n== end: ").split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (name != null) {
                    entries.put(name, new Entry(summary, usage.toString().strip()));
                }
                int colon = line.indexOf(':');
                name = line.substring(3, colon).strip();
                summary = line.substring(colon + 1).strip();
                usage.setLength(0);
            } else if (name != null) {
                usage.append(line).append('\n');
            }
        }
        return new CommandHelp(entries);
    }

    Entry of(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException("help.txt has no entry for " + name);
        }
        return entry;
    }
}
